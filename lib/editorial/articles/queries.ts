// The article desk's reads: the list, an article with its candidates for review, and the
// known speakers as the extractor wants them.
import { db, type Db } from "../../db/client";
import type { ArticleStatus, CandidateKind, CandidateStatus, Prisma, SpeechKind } from "../../generated/prisma/client";
import type { KnownSpeaker } from "../../extract";
import { PAGE_SIZE, pageOf, sortColumns, type SortDirection, listSort } from "../listing";
import type { Tx } from "../records";

type Client = Db;

/** The known speakers, as the extractor wants them. */
export async function knownSpeakers(client: Tx | Client = db): Promise<KnownSpeaker[]> {
  const rows = await client.speaker.findMany({ select: { id: true, name: true, aliases: { select: { alias: true } } }, orderBy: { name: "asc" } });
  return rows.map((s) => ({ id: s.id, name: s.name, aliases: s.aliases.map((a) => a.alias) }));
}

/** The list's sortable columns and the direction each starts in; the first is the default. */
export const ARTICLE_SORTING = sortColumns({ created: "desc", title: "asc", publisher: "asc", status: "asc" });
export type ArticleSort = (typeof ARTICLE_SORTING.columns)[number];

export interface ArticleListParams {
  q?: string;
  status?: ArticleStatus;
  /** Only the articles this account ingested. */
  createdById?: string;
  sort?: ArticleSort;
  /** Default: the column's own direction. */
  dir?: SortDirection;
  page?: number;
}

export async function listArticles(params: ArticleListParams, client: Client = db) {
  const page = params.page ?? 1;
  const where: Prisma.ArticleWhereInput = {
    ...(params.status ? { status: params.status } : {}),
    ...(params.createdById ? { createdById: params.createdById } : {}),
    ...(params.q
      ? {
          OR: [
            { title: { contains: params.q, mode: "insensitive" } },
            { publisher: { contains: params.q, mode: "insensitive" } },
            { url: { contains: params.q, mode: "insensitive" } },
            { originalFilename: { contains: params.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const { sort, dir } = listSort(ARTICLE_SORTING, params.sort, params.dir);
  // Untitled articles and those without a publisher come last; ties newest first.
  const orders: Record<ArticleSort, Prisma.ArticleOrderByWithRelationInput[]> = {
    created: [{ createdAt: dir }],
    title: [{ title: { sort: dir, nulls: "last" } }, { createdAt: "desc" }],
    publisher: [{ publisher: { sort: dir, nulls: "last" } }, { createdAt: "desc" }],
    status: [{ status: dir }, { createdAt: "desc" }],
  };
  const [rows, total] = await Promise.all([
    client.article.findMany({
      where,
      orderBy: [...orders[sort], { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        title: true,
        publisher: true,
        publishedAt: true,
        language: true,
        format: true,
        status: true,
        sourceId: true,
        createdAt: true,
        createdBy: { select: { name: true } },
      },
    }),
    client.article.count({ where }),
  ]);
  const counts = rows.length
    ? await client.articleCandidate.groupBy({ by: ["articleId", "status"], where: { articleId: { in: rows.map((r) => r.id) } }, _count: { _all: true } })
    : [];
  const items = rows.map((r) => {
    const of = (status: CandidateStatus) => counts.find((c) => c.articleId === r.id && c.status === status)?._count._all ?? 0;
    return { ...r, candidates: { proposed: of("proposed"), accepted: of("accepted"), rejected: of("rejected") } };
  });
  return pageOf(items, total, page);
}

export interface ReviewCandidate {
  id: string;
  version: number;
  kind: CandidateKind;
  speechKind: SpeechKind | null;
  status: CandidateStatus;
  start: number;
  end: number;
  text: string;
  /** The words at [start, end) now (the text may be edited, for indirect speech and claims). */
  words: string;
  speakerName: string | null;
  speakerMention: string | null;
  speakerId: string | null;
  /** An existing speaker for the mention: the matched one, else exactly one of that name or alias. */
  suggestedSpeakerId: string | null;
  reportedByName: string | null;
  reportedById: string | null;
  /** Names that accepting as proposed would create as new speakers. */
  newSpeakers: string[];
  quantityValue: string | null;
  quantityUnit: string | null;
  edited: boolean;
  quoteId: string | null;
  claimId: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
}

export async function getArticleForReview(articleId: string, client: Client = db) {
  const article = await client.article.findUnique({
    where: { id: articleId },
    include: {
      createdBy: { select: { name: true } },
      source: { select: { id: true, title: true } },
      candidates: { orderBy: [{ start: "asc" }, { end: "desc" }, { id: "asc" }], include: { decidedBy: { select: { name: true } } } },
    },
  });
  if (!article) return null;
  const speakers = await client.speaker.findMany({ select: { id: true, name: true, aliases: { select: { alias: true } } }, orderBy: { name: "asc" } });
  // Other articles with the same text (ingested twice), oldest first.
  const sameText = await client.article.findMany({
    where: { contentHash: article.contentHash, id: { not: article.id } },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true, createdAt: true },
    take: 5,
  });
  const byName = new Map<string, string[]>();
  for (const s of speakers) {
    for (const n of [s.name, ...s.aliases.map((a) => a.alias)]) {
      const key = n.toLocaleLowerCase("de");
      const list = byName.get(key) ?? [];
      if (!list.includes(s.id)) list.push(s.id);
      byName.set(key, list);
    }
  }
  const speakerIds = new Set(speakers.map((s) => s.id));
  const suggest = (id: string | null, name: string | null): string | null => {
    if (id && speakerIds.has(id)) return id;
    if (!name) return null;
    const found = byName.get(name.toLocaleLowerCase("de")) ?? [];
    return found.length === 1 ? found[0]! : null;
  };
  const candidates: ReviewCandidate[] = article.candidates.map((c) => {
    const suggestedSpeakerId = c.kind === "quote" ? suggest(c.speakerId, c.speakerName) : null;
    const reporter = c.kind === "quote" ? suggest(c.reportedById, c.reportedByName) : null;
    const newSpeakers = [
      c.kind === "quote" && !suggestedSpeakerId && c.speakerName ? c.speakerName : null,
      c.kind === "quote" && !reporter && c.reportedByName ? c.reportedByName : null,
    ].filter((n): n is string => n !== null);
    return {
      id: c.id,
      version: c.version,
      kind: c.kind,
      speechKind: c.speechKind,
      status: c.status,
      start: c.start,
      end: c.end,
      text: c.text,
      words: article.text.slice(c.start, c.end),
      speakerName: c.speakerName,
      speakerMention: c.speakerStart !== null && c.speakerEnd !== null ? article.text.slice(c.speakerStart, c.speakerEnd) : null,
      speakerId: c.speakerId,
      suggestedSpeakerId,
      reportedByName: c.reportedByName,
      reportedById: reporter,
      newSpeakers: [...new Set(newSpeakers)],
      quantityValue: c.quantityValue === null ? null : String(c.quantityValue),
      quantityUnit: c.quantityUnit,
      edited: c.edited,
      quoteId: c.createdQuoteId,
      claimId: c.createdClaimId,
      decidedBy: c.decidedBy?.name ?? null,
      decidedAt: c.decidedAt,
    };
  });
  const { candidates: _rows, rawContent: _raw, ...rest } = article;
  void _rows;
  void _raw;
  return {
    ...rest,
    rawLength: article.rawContent.length,
    sameText,
    candidates,
    speakers: speakers.map((s) => ({ value: s.id, label: s.name })),
    speakerNames: new Map(speakers.map((s) => [s.id, s.name])),
  };
}

export type ArticleForReview = NonNullable<Awaited<ReturnType<typeof getArticleForReview>>>;
