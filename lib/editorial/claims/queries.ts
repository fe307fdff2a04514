// The claim desk's reads: the list with its filters, the review queue, the edit page's claim,
// the choices of the forms, a new claim's fields taken from a quote. They return data and codes
// (statuses, both names of a verdict label); the pages turn them into words.
import type { Prisma } from "../../generated/prisma/client";
import type { ClaimStatus, Role } from "../../generated/prisma/enums";
import type { SessionUser } from "../../auth/session";
import { db, type Db } from "../../db/client";
import type { Locale } from "../../i18n";
import { DESK_COUNT_LIMIT, optionalChoice, pageOf, pageParam, param, PAGE_SIZE, sortColumns, sortParam, withLinkCounts, type Page, type SearchParams, type SortDirection } from "../listing";
import { CLAIM_STATUSES, OPEN_CLAIM_STATUSES } from "../status";
import { boundedChoices } from "../choices";

// ---------------------------------------------------------------------------------------
// Reads: the list

/** A verdict label's names: the desk shows the one of its language. */
export interface VerdictNames {
  de: string;
  en: string;
}

/** The list's sortable columns and the direction each starts in; the first is the default. */
export const CLAIM_SORTING = sortColumns({
  updated: "desc",
  created: "desc",
  status: "asc",
  text: "asc",
  claimant: "asc",
  verdict: "asc",
  assignee: "asc",
  evidence: "desc",
});
export const CLAIM_SORTS = CLAIM_SORTING.columns;
export type ClaimSort = (typeof CLAIM_SORTS)[number];

export interface ClaimListQuery {
  q?: string;
  /** A state, or "open": any state somebody still works on (OPEN_CLAIM_STATUSES). */
  status?: ClaimStatus | "open";
  /** "me", "none" or a user id. */
  assignee?: string;
  /** "me": created by the viewer. */
  author?: "me";
  /** The viewer's claims: assigned to or created by the viewer. */
  mine?: boolean;
  /** A speaker id. */
  claimant?: string;
  /** A topic id. */
  topic?: string;
  /** "none" or a verdict label id (the working verdict). */
  verdict?: string;
  sort: ClaimSort;
  /** Default: the column's own direction. */
  dir?: SortDirection;
  page: number;
}

export function claimListQuery(params: SearchParams): ClaimListQuery {
  return {
    q: param(params, "q"),
    status: optionalChoice(params, "status", [...CLAIM_STATUSES, "open"] as const),
    assignee: param(params, "assignee"),
    author: optionalChoice(params, "author", ["me"] as const),
    mine: optionalChoice(params, "mine", ["1"] as const) !== undefined,
    claimant: param(params, "claimant"),
    topic: param(params, "topic"),
    verdict: param(params, "verdict"),
    ...sortParam(params, CLAIM_SORTING),
    page: pageParam(params),
  };
}

export interface ClaimListItem {
  id: string;
  slug: string;
  text: string;
  /** The language of the text (content keeps its own language). */
  language: string;
  status: ClaimStatus;
  publicState: string | null;
  claimant: string | null;
  assignee: string | null;
  /** The working verdict's name in German and in English (the newsroom's nameDe, nameEn). */
  verdict: VerdictNames | null;
  evidenceCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export async function listClaims(query: ClaimListQuery, viewer: Pick<SessionUser, "id">, client: Db = db): Promise<Page<ClaimListItem>> {
  const and: Prisma.ClaimWhereInput[] = [];
  // ILIKE '%q%': served by the trigram index on Claim.text.
  if (query.q) and.push({ text: { contains: query.q, mode: "insensitive" } });
  if (query.status === "open") and.push({ status: { in: [...OPEN_CLAIM_STATUSES] } });
  else if (query.status) and.push({ status: query.status });
  if (query.author === "me") and.push({ createdById: viewer.id });
  if (query.mine) and.push({ OR: [{ assigneeId: viewer.id }, { createdById: viewer.id }] });
  if (query.assignee === "me") and.push({ assigneeId: viewer.id });
  else if (query.assignee === "none") and.push({ assigneeId: null });
  else if (query.assignee) and.push({ assigneeId: query.assignee });
  if (query.claimant) and.push({ claimantId: query.claimant });
  if (query.topic) and.push({ topics: { some: { topicId: query.topic } } });
  if (query.verdict === "none") and.push({ verdictId: null });
  else if (query.verdict) and.push({ verdictId: query.verdict });
  const where: Prisma.ClaimWhereInput = and.length ? { AND: and } : {};

  const dir = query.dir ?? CLAIM_SORTING.initial[query.sort];
  // Ties (same state, same claimant, ...) latest change first; the id makes the order total.
  const orders: Record<ClaimSort, Prisma.ClaimOrderByWithRelationInput[]> = {
    updated: [{ updatedAt: dir }],
    created: [{ createdAt: dir }],
    status: [{ status: dir }, { updatedAt: "desc" }],
    text: [{ text: dir }],
    claimant: [{ claimant: { name: dir } }, { updatedAt: "desc" }],
    // The working verdict by its place on the scale (best first).
    verdict: [{ verdict: { position: dir } }, { updatedAt: "desc" }],
    assignee: [{ assignee: { name: dir } }, { updatedAt: "desc" }],
    // (Counts the evidence of every claim to sort them: only when asked for.)
    evidence: [{ evidence: { _count: dir } }, { updatedAt: "desc" }],
  };
  const orderBy: Prisma.ClaimOrderByWithRelationInput[] = [...orders[query.sort], { id: "asc" }];

  const [total, rows] = await Promise.all([
    client.claim.count({ where, take: DESK_COUNT_LIMIT + 1 }),
    client.claim.findMany({
      where,
      orderBy,
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        slug: true,
        text: true,
        language: true,
        status: true,
        publicState: true,
        createdAt: true,
        updatedAt: true,
        claimant: { select: { name: true } },
        assignee: { select: { name: true } },
        verdict: { select: { nameDe: true, nameEn: true } },
      },
    }),
  ]);
  // Counted for the page's claims only (Prisma's _count here aggregated the whole Evidence
  // table before taking the page: tests/integration/search-scale.test.ts).
  const counted = await withLinkCounts(client, rows, { evidence: ["Evidence", "claimId"] });
  return pageOf(
    counted.map((r) => ({
      id: r.id,
      slug: r.slug,
      text: r.text,
      language: r.language,
      status: r.status,
      publicState: r.publicState,
      claimant: r.claimant?.name ?? null,
      assignee: r.assignee?.name ?? null,
      verdict: r.verdict ? { de: r.verdict.nameDe, en: r.verdict.nameEn } : null,
      evidenceCount: r._count.evidence,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    })),
    total,
    query.page,
  );
}

// ---------------------------------------------------------------------------------------
// Reads: the review queue

/** The review queue shows at most this many claims, those unchanged longest
 * (lib/editorial/review-queue.ts). */
export const REVIEW_QUEUE_LIMIT = 200;

// ---------------------------------------------------------------------------------------
// Reads: the edit page

export async function getClaimForEdit(claimId: string, client: Db = db) {
  if (!claimId || claimId.length > 64) return null;
  return client.claim.findUnique({
    where: { id: claimId },
    include: {
      claimant: { select: { id: true, name: true, slug: true } },
      verdict: { select: { id: true, nameDe: true, nameEn: true, key: true } },
      publishedVerdict: { select: { id: true, nameDe: true, nameEn: true, key: true } },
      verdictAuthor: { select: { id: true, name: true } },
      assignee: { select: { id: true, name: true } },
      createdBy: { select: { id: true, name: true } },
      topics: { select: { topic: { select: { id: true, nameDe: true } } }, orderBy: { topic: { nameDe: "asc" } } },
      quotes: {
        select: { quote: { select: { id: true, text: true, kind: true, speaker: { select: { id: true, name: true } } } } },
      },
      passages: {
        select: { id: true, sourceId: true, start: true, end: true, source: { select: { id: true, title: true, snapshotText: true } } },
        orderBy: { start: "asc" },
      },
      evidence: {
        include: {
          source: { select: { id: true, title: true, url: true, publisher: true, language: true } },
          createdBy: { select: { name: true } },
        },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      },
      reviewDecisions: {
        include: { reviewer: { select: { name: true } }, verdict: { select: { nameDe: true, nameEn: true } } },
        orderBy: { createdAt: "desc" },
      },
      corrections: {
        include: { author: { select: { name: true } }, previousVerdict: { select: { nameDe: true, nameEn: true } } },
        orderBy: { createdAt: "desc" },
      },
      comments: { include: { author: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
}

export type ClaimForEdit = NonNullable<Awaited<ReturnType<typeof getClaimForEdit>>>;

export interface Option {
  value: string;
  label: string;
}

export interface ClaimFormOptions {
  speakers: Option[];
  topics: Option[];
  quotes: Option[];
  sources: (Option & { length: number | null })[];
  verdicts: Option[];
  users: (Option & { role: Role })[];
}

export { shorten } from "../choices";

/** The choices of the list's filters: speakers, topics, verdicts, accounts. Topics and verdict
 * labels are named in the desk's language (both names are the newsroom's, nameDe and nameEn).
 * Speakers are a bounded list (boundedChoices: `speakerIds` and the most recent ones); the
 * picker searches the rest. */
export async function claimFilterOptions(
  client: Db = db,
  locale: Locale = "de",
  around: { speakerIds?: readonly (string | null | undefined)[] } = {},
): Promise<Pick<ClaimFormOptions, "speakers" | "topics" | "verdicts" | "users">> {
  const [speakers, topics, verdicts, users] = await Promise.all([
    boundedChoices("speaker", { ids: around.speakerIds }, client),
    client.topic.findMany({ select: { id: true, nameDe: true, nameEn: true }, orderBy: locale === "en" ? { nameEn: "asc" } : { nameDe: "asc" } }),
    client.verdictLabel.findMany({ where: { active: true }, select: { id: true, nameDe: true, nameEn: true }, orderBy: { position: "asc" } }),
    client.user.findMany({ where: { active: true }, select: { id: true, name: true, role: true }, orderBy: { name: "asc" } }),
  ]);
  const named = (r: { nameDe: string; nameEn: string }) => (locale === "en" ? r.nameEn : r.nameDe);
  return {
    speakers: speakers.map((s) => ({ value: s.value, label: s.label })),
    topics: topics.map((t) => ({ value: t.id, label: named(t) })),
    verdicts: verdicts.map((v) => ({ value: v.id, label: named(v) })),
    users: users.map((u) => ({ value: u.id, label: u.name, role: u.role })),
  };
}

/** What a claim form is about, for its bounded choices: the current claimant, quotes and
 * sources (passages, evidence, the quotes' appearances) are always among them. */
export interface ClaimChoiceContext {
  claimantId?: string | null;
  quoteIds?: readonly string[];
  sourceIds?: readonly string[];
}

/** The choices of the claim forms: speakers, topics, quotes, sources (with the length of their
 * stored text), verdicts, accounts. Speakers, quotes and sources are bounded (lib/editorial/
 * choices.ts): the current ones, the claimant's quotes, and the most recently updated ones. */
export async function claimFormOptions(client: Db = db, locale: Locale = "de", around: ClaimChoiceContext = {}): Promise<ClaimFormOptions> {
  const [filters, quotes, sources] = await Promise.all([
    claimFilterOptions(client, locale, { speakerIds: [around.claimantId] }),
    boundedChoices("quote", { ids: around.quoteIds, speakerId: around.claimantId }, client),
    boundedChoices("source", { ids: around.sourceIds }, client),
  ]);
  return {
    ...filters,
    quotes: quotes.map((q) => ({ value: q.value, label: q.label })),
    // The page adds the length to the label, in its language.
    sources: sources.map((s) => ({ value: s.value, label: s.label, length: s.length ?? null })),
  };
}

/** A new claim's fields taken from a quote ("Behauptung aus Zitat anlegen"), or null. */
export async function claimDraftFromQuote(quoteId: string, client: Db = db) {
  if (!quoteId || quoteId.length > 64) return null;
  const quote = await client.quote.findUnique({
    where: { id: quoteId },
    select: {
      id: true,
      text: true,
      language: true,
      saidOn: true,
      speakerId: true,
      speaker: { select: { name: true } },
      appearances: { select: { sourceId: true, start: true, end: true }, orderBy: { start: "asc" } },
    },
  });
  if (!quote) return null;
  return {
    quoteId: quote.id,
    speakerName: quote.speaker.name,
    text: quote.text,
    language: quote.language,
    claimantId: quote.speakerId,
    claimDate: quote.saidOn,
    passages: quote.appearances.map((a) => ({ sourceId: a.sourceId, start: a.start, end: a.end })),
  };
}
