// THE RULE OF WHAT IS PUBLIC. Every page, feed, sitemap, JSON-LD block and API response of
// the public site reads the database through this module and nowhere else.
//
// - A claim is public when its publicState is set (published, corrected or retracted) and its
//   approved version is frozen (publicationId): it stays public, at its last approved version,
//   while a correction is under review. PUBLIC MEANS APPROVED: of a public claim only what two
//   people approved is read: the published columns (publishedVerdict, publishedSummary,
//   publishedAnalysis, publishedAt, publicUpdatedAt) and its publication
//   (lib/editorial/publication.ts: ClaimPublication, PublishedQuote, PublishedClaimTopic), which
//   holds its date, its claimant's name, its topics, quotes, passages, sources and evidence as
//   approved. Never the working columns (verdictId, summary, analysis, researchNotes, assignee,
//   verdictAuthor, ...) nor the working quotes, sources, evidence or topic links: a desk edit
//   or an unapproved correction can therefore never show. Text, language, slug and claimant
//   (the id) of a claim never change after its first publication, so they are read from it.
// - A quote is public as approved on a public claim (PublishedQuote).
// - A speaker is public when it has at least one public item: it is the claimant of a public
//   claim, says a public quote, or reports one (the reporter is named on the public page, so
//   its page must exist). Its own profile (name, bio, aliases, roles) is its record, which
//   only desk roles change once it is public (lib/editorial/speakers.ts); the names on claim
//   pages are the approved ones.
// - A topic is public when the approved version of at least one public claim carries it; its
//   page lists only those. Topic and verdict names are the taxonomy's, read as they are.
// - Evidence, its sources, the sources of public quotes and passages, and correction notes
//   with publishedAt set are public for public claims, as approved.
// - Other organisations' fact-checks linked to a public claim ("also checked by") are public
//   once a second person approved the link, as approved (ClaimExternalCheck.approved), never
//   the live ExternalFactCheck row (lib/external-checks).
// - Users, review decisions, comments, revisions and the audit log are never selected.
//
// Every query below names its fields in an explicit `select` (or SQL column list), and every
// function returns plain objects of the types declared here, built field by field (the frozen
// content too: it holds ids that are never shown), so a new column never becomes public by
// accident. Source texts are not returned whole: only the window around a passage is.
import { hasControlCharacter } from "../input-text";
import { Prisma } from "../generated/prisma/client";
import type { CorrectionKind, PublicState, EvidenceStance, SourceKind, SpeakerKind, SpeechKind } from "../generated/prisma/enums";
import { db, type Db } from "../db/client";
import { pageNumber } from "../paged-routes";
import type { PassageInContext } from "../passage";
import { readPublishedContent, type FrozenPassage, type FrozenSource, type FrozenSpeaker } from "../editorial/publication";
import { readSnapshot, type ExternalCheckFields } from "../external-checks/snapshot";

export type PublicClaimStatus = PublicState;

/** Characters of source text shown on each side of a passage. */
export const CONTEXT_RADIUS = 240;

// ---------------------------------------------------------------------------------------
// Where clauses: the rule, as Prisma filters.

export const publicClaimWhere = {
  publicState: { not: null },
  publicationId: { not: null },
} satisfies Prisma.ClaimWhereInput;

/** The approved quotes of public claims. */
export const publicQuoteWhere = {
  claim: publicClaimWhere,
} satisfies Prisma.PublishedQuoteWhereInput;

export const publicSpeakerWhere = {
  OR: [
    { claims: { some: publicClaimWhere } },
    { publishedQuotes: { some: publicQuoteWhere } },
    { publishedQuotesReported: { some: publicQuoteWhere } },
  ],
} satisfies Prisma.SpeakerWhereInput;

export const publicTopicWhere = {
  publishedClaims: { some: { claim: publicClaimWhere } },
} satisfies Prisma.TopicWhereInput;

/** The SQL of publicClaimWhere, for lib/public/search and the speaker pages' quotes, on the
 * claim table under `alias` (a constant of this code, never input). */
export function publicClaimSql(alias: string): Prisma.Sql {
  if (!/^[a-z]+$/.test(alias)) throw new Error("publicClaimSql: bad alias");
  return Prisma.raw(`(${alias}."publicState" IS NOT NULL AND ${alias}."publicationId" IS NOT NULL)`);
}

const publishedCorrectionWhere = { publishedAt: { not: null } } satisfies Prisma.CorrectionWhereInput;

// ---------------------------------------------------------------------------------------
// Public types.

export interface PublicVerdict {
  key: string;
  nameDe: string;
  nameEn: string;
  explanationDe: string;
  explanationEn: string;
  ratingValue: number | null;
}

export interface PublicSpeakerRef {
  slug: string;
  name: string;
  kind: SpeakerKind;
  wikidataId: string | null;
}

export interface PublicSource {
  kind: SourceKind;
  url: string | null;
  title: string;
  publisher: string | null;
  author: string | null;
  publishedAt: Date | null;
  language: string;
}

/** A passage of a source, with the window of the stored text around it (null when the
 * source has no stored text or the offsets do not fit it). */
export interface PublicPassage {
  source: PublicSource;
  context: PassageInContext | null;
}

export interface PublicQuote {
  text: string;
  language: string;
  kind: SpeechKind;
  saidOn: Date | null;
  occasion: string | null;
  place: string | null;
  speaker: PublicSpeakerRef;
  reportedBy: PublicSpeakerRef | null;
  translations: { language: string; text: string }[];
  appearances: PublicPassage[];
}

export interface PublicEvidence {
  stance: EvidenceStance;
  excerpt: string;
  note: string | null;
  source: PublicSource;
}

export interface PublicCorrection {
  kind: CorrectionKind;
  note: string;
  publishedAt: Date;
  previousVerdict: PublicVerdict | null;
  previousSummary: string | null;
}

export interface PublicClaimSummary {
  slug: string;
  text: string;
  language: string;
  status: PublicClaimStatus;
  claimant: PublicSpeakerRef | null;
  verdict: PublicVerdict | null;
  summary: string | null;
  publishedAt: Date | null;
  publicUpdatedAt: Date | null;
}

/** Another organisation's fact-check of the claim ("also checked by"), linked by an editor and
 * approved by a second person: its published data as approved (lib/external-checks). Never one
 * of our verdicts. */
export type PublicExternalCheck = ExternalCheckFields;

export interface PublicClaim extends PublicClaimSummary {
  claimDate: Date | null;
  analysis: string | null;
  topics: { slug: string; nameDe: string; nameEn: string }[];
  quotes: PublicQuote[];
  passages: PublicPassage[];
  evidence: PublicEvidence[];
  corrections: PublicCorrection[];
  alsoCheckedBy: PublicExternalCheck[];
}

export interface Page<T> {
  items: T[];
  /** Exact up to EXACT_COUNT_LIMIT; above, the planner's estimate (`estimated`). */
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** `total` (and so `pageCount`) is an estimate: "about". */
  estimated?: boolean;
}

export interface PublicSpeakerQuote {
  text: string;
  language: string;
  kind: SpeechKind;
  saidOn: Date | null;
  occasion: string | null;
  place: string | null;
  speaker: PublicSpeakerRef;
  reportedBy: PublicSpeakerRef | null;
  /** The public claims the quote is attached to. */
  claims: { slug: string; text: string }[];
}

export interface PublicSpeaker {
  slug: string;
  name: string;
  kind: SpeakerKind;
  bio: string | null;
  wikidataId: string | null;
  aliases: string[];
  roles: { title: string; organization: string | null; startDate: Date | null; endDate: Date | null }[];
  quotes: { items: PublicSpeakerQuote[]; total: number };
  claims: { items: PublicClaimSummary[]; total: number };
}

// ---------------------------------------------------------------------------------------
// Selects: the only columns the public site reads.

export const verdictSelect = {
  key: true,
  nameDe: true,
  nameEn: true,
  explanationDe: true,
  explanationEn: true,
  ratingValue: true,
} satisfies Prisma.VerdictLabelSelect;

export const claimSummarySelect = {
  slug: true,
  text: true,
  language: true,
  publicState: true,
  // The claimant's address (the id never changes once public) and its approved name.
  claimant: { select: { slug: true } },
  publication: { select: { claimant: true } },
  publishedVerdict: { select: verdictSelect },
  publishedSummary: true,
  publishedAt: true,
  publicUpdatedAt: true,
} satisfies Prisma.ClaimSelect;

export const claimOrder = [
  { publishedAt: { sort: "desc", nulls: "last" } },
  { slug: "asc" },
] satisfies Prisma.ClaimOrderByWithRelationInput[];

type ClaimSummaryRow = Prisma.ClaimGetPayload<{ select: typeof claimSummarySelect }>;

export function toVerdict(row: Prisma.VerdictLabelGetPayload<{ select: typeof verdictSelect }> | null): PublicVerdict | null {
  return row
    ? {
        key: row.key,
        nameDe: row.nameDe,
        nameEn: row.nameEn,
        explanationDe: row.explanationDe,
        explanationEn: row.explanationEn,
        ratingValue: row.ratingValue,
      }
    : null;
}

/** A speaker as approved ({name, kind, wikidataId} of a publication) at its current address. */
export function frozenRef(frozen: Pick<FrozenSpeaker, "name" | "kind" | "wikidataId">, slug: string): PublicSpeakerRef {
  return { slug, name: frozen.name, kind: frozen.kind, wikidataId: frozen.wikidataId };
}

/** The address of a speaker a publication names. Every one exists: a speaker a public page
 * names cannot be deleted (Claim.claimantId, PublishedQuote's references). */
function slugOf(slugs: Map<string, string>, id: string): string {
  const slug = slugs.get(id);
  if (slug === undefined) throw new Error("lib/public: a speaker of a publication is missing");
  return slug;
}

function toFrozenSource(s: FrozenSource): PublicSource {
  return {
    kind: s.kind,
    url: s.url,
    title: s.title,
    publisher: s.publisher,
    author: s.author,
    publishedAt: s.publishedAt === null ? null : new Date(s.publishedAt),
    language: s.language,
  };
}

export function toClaimSummary(row: ClaimSummaryRow): PublicClaimSummary {
  // The query filtered on publicState and publicationId; the check keeps the type honest.
  if (row.publicState === null || row.publication === null) throw new Error("lib/public: a non-public claim was read");
  const claimant = row.publication.claimant as FrozenSpeaker | null;
  return {
    slug: row.slug,
    text: row.text,
    language: row.language,
    status: row.publicState,
    claimant: claimant && row.claimant ? frozenRef(claimant, row.claimant.slug) : null,
    verdict: toVerdict(row.publishedVerdict),
    summary: row.publishedSummary,
    publishedAt: row.publishedAt,
    publicUpdatedAt: row.publicUpdatedAt,
  };
}

/** A positive whole page number from user input (`?page=`, the first of repeated ones);
 * anything else is page 1. The rule itself is lib/paged-routes' pageNumber, which proxy.ts and
 * the page routes use. */
export function parsePageNumber(value: unknown): number {
  const raw = Array.isArray(value) ? value[0] : value;
  return pageNumber(typeof raw === "string" ? raw : null);
}

/** Slugs are short URL segments without control characters; anything else cannot name a
 * record and is not looked up (a NUL would even make PostgreSQL refuse the query). */
export function plausibleSlug(slug: string): boolean {
  return slug.length > 0 && slug.length <= 200 && !hasControlCharacter(slug);
}

// ---------------------------------------------------------------------------------------
// Counting (issue 15). A list's first page costs the same at any size of the archive (its
// rows are the first entries of an index); counting every row would not. Lists count up to
// EXACT_COUNT_LIMIT rows and take the planner's estimate above, which the pages show as
// "about": at 150,000 public claims, counting them all took longer than the page itself. At a
// million quotes, counting a topic's claims up to 10,000 still took 68 ms and the corrections
// 37 ms (each row probed in the index of public claims); up to 1,000 it is a tenth of that, and
// a reader cannot tell 6,700 from "about 6,700" anyway.

/** Lists count their rows exactly up to this many. */
export const EXACT_COUNT_LIMIT = 1_000;

/** The planner's estimate of the rows of `query` (EXPLAIN: nothing is run). */
export async function estimateRows(client: Db, query: Prisma.Sql): Promise<number> {
  const rows = await client.$queryRaw<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]>`EXPLAIN (FORMAT JSON) ${query}`;
  return Math.round(rows[0]?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0);
}

/** An estimate to two significant figures: 12,345 → 12,000. */
export function roundEstimate(n: number): number {
  if (n < 100) return Math.round(n);
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}

/** The rows of `from` (a FROM … WHERE clause), counted up to EXACT_COUNT_LIMIT + 1 and in no
 * order (Prisma's count with `take` sorts every row by id first). */
async function countUpToLimit(client: Db, from: Prisma.Sql): Promise<number> {
  const [row] = await client.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 ${from} LIMIT ${EXACT_COUNT_LIMIT + 1}) x`;
  return row?.n ?? 0;
}

/** `counted` (a count that stopped at EXACT_COUNT_LIMIT + 1), or an estimate above the limit. */
async function boundedTotal(counted: number, estimate: () => Promise<number>): Promise<{ total: number; estimated: boolean }> {
  if (counted <= EXACT_COUNT_LIMIT) return { total: counted, estimated: false };
  return { total: roundEstimate(Math.max(await estimate(), EXACT_COUNT_LIMIT + 1)), estimated: true };
}

// ---------------------------------------------------------------------------------------
// Queries.

export async function listPublishedClaims(
  options: { page?: number; pageSize?: number } = {},
  client: Db = db,
): Promise<Page<PublicClaimSummary>> {
  const pageSize = Math.min(Math.max(Math.floor(options.pageSize ?? 20), 1), 100);
  const page = Math.min(Math.max(Math.floor(options.page ?? 1), 1), 1_000_000);
  const [counted, window] = await Promise.all([
    countUpToLimit(client, Prisma.sql`FROM "Claim" c WHERE ${publicClaimSql("c")}`),
    // The page's slugs first, from the index alone (Claim_public_publishedAt_idx): a deep page
    // skips index entries, not rows.
    client.claim.findMany({ where: publicClaimWhere, select: { slug: true }, orderBy: claimOrder, skip: (page - 1) * pageSize, take: pageSize }),
  ]);
  const [{ total, estimated }, rows] = await Promise.all([
    boundedTotal(counted, () => estimateRows(client, Prisma.sql`SELECT 1 FROM "Claim" c WHERE ${publicClaimSql("c")}`)),
    window.length
      ? client.claim.findMany({ where: { ...publicClaimWhere, slug: { in: window.map((w) => w.slug) } }, select: claimSummarySelect, orderBy: claimOrder })
      : [],
  ]);
  return {
    items: rows.map(toClaimSummary),
    total,
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    ...(estimated ? { estimated } : {}),
  };
}

/** The columns of a public claim its page shows (getPublicClaim, and the API and exports in
 * pages of many: lib/public/keyset.ts). */
export const publicClaimSelect = {
  ...claimSummarySelect,
  claimantId: true,
  publishedAnalysis: true,
  publication: { select: { claimant: true, content: true } },
  // The addresses of the speakers its quotes name.
  publishedQuotes: {
    select: { speakerId: true, reportedById: true, speaker: { select: { slug: true } }, reportedBy: { select: { slug: true } } },
  },
  publishedTopics: {
    select: { topic: { select: { slug: true, nameDe: true, nameEn: true } } },
    orderBy: { topic: { nameDe: "asc" } },
  },
  corrections: {
    where: publishedCorrectionWhere,
    select: {
      kind: true,
      note: true,
      publishedAt: true,
      previousVerdict: { select: verdictSelect },
      previousSummary: true,
    },
    orderBy: { publishedAt: "asc" },
  },
  // "Also checked by": only approved links, as approved (lib/external-checks/snapshot.ts),
  // never the live ExternalFactCheck row.
  externalChecks: {
    where: { approvedAt: { not: null } },
    select: { approved: true },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.ClaimSelect;

type PublicClaimRow = Prisma.ClaimGetPayload<{ select: typeof publicClaimSelect }>;

/** The public claim with this slug, or null when there is none or it is not public. Its
 * content is its current publication, as approved. */
export async function getPublicClaim(slug: string, client: Db = db): Promise<PublicClaim | null> {
  if (!plausibleSlug(slug)) return null;
  const row = await client.claim.findFirst({ where: { slug, ...publicClaimWhere }, select: publicClaimSelect });
  return row ? toPublicClaim(row) : null;
}

/** A row of publicClaimSelect (read with publicClaimWhere) as the page shows it; null when it
 * has no publication (which publicClaimWhere excludes). */
export function toPublicClaim(row: PublicClaimRow): PublicClaim | null {
  if (!row.publication) return null;
  const content = readPublishedContent(row.publication.content);

  const slugs = new Map<string, string>();
  if (row.claimantId && row.claimant) slugs.set(row.claimantId, row.claimant.slug);
  for (const q of row.publishedQuotes) {
    slugs.set(q.speakerId, q.speaker.slug);
    if (q.reportedById && q.reportedBy) slugs.set(q.reportedById, q.reportedBy.slug);
  }
  const sources = new Map(content.sources.map((s) => [s.id, toFrozenSource(s)]));
  const sourceOf = (id: string): PublicSource => {
    const source = sources.get(id);
    if (!source) throw new Error("lib/public: a source of a publication is missing");
    return source;
  };
  const passage = (p: FrozenPassage): PublicPassage => ({ source: sourceOf(p.sourceId), context: p.context });
  const ref = (s: FrozenSpeaker) => frozenRef(s, slugOf(slugs, s.id));

  return {
    ...toClaimSummary(row),
    claimDate: content.claimDate === null ? null : new Date(content.claimDate),
    analysis: row.publishedAnalysis,
    topics: row.publishedTopics.map(({ topic }) => ({ slug: topic.slug, nameDe: topic.nameDe, nameEn: topic.nameEn })),
    quotes: content.quotes.map((q) => ({
      text: q.text,
      language: q.language,
      kind: q.kind,
      saidOn: q.saidOn === null ? null : new Date(q.saidOn),
      occasion: q.occasion,
      place: q.place,
      speaker: ref(q.speaker),
      reportedBy: q.reportedBy ? ref(q.reportedBy) : null,
      translations: q.translations.map((t) => ({ language: t.language, text: t.text })),
      appearances: q.appearances.map(passage),
    })),
    passages: content.passages.map(passage),
    evidence: content.evidence.map((e) => ({
      stance: e.stance,
      excerpt: e.excerpt,
      note: e.note,
      source: sourceOf(e.sourceId),
    })),
    corrections: row.corrections.flatMap((c) =>
      c.publishedAt
        ? [
            {
              kind: c.kind,
              note: c.note,
              publishedAt: c.publishedAt,
              previousVerdict: toVerdict(c.previousVerdict),
              previousSummary: c.previousSummary,
            },
          ]
        : [],
    ),
    alsoCheckedBy: row.externalChecks.flatMap(({ approved }) => {
      const e = readSnapshot(approved);
      return e
        ? [
            {
              publisherName: e.publisherName,
              publisherSite: e.publisherSite,
              url: e.url,
              title: e.title,
              textualRating: e.textualRating,
              ratingValue: e.ratingValue,
              bestRating: e.bestRating,
              worstRating: e.worstRating,
              reviewDate: e.reviewDate === null ? null : new Date(e.reviewDate),
              language: e.language,
            },
          ]
        : [];
    }),
  };
}

/** A public speaker's profile (name, bio, aliases, roles) and id, or null (shared by the
 * speaker reads below). */
async function findPublicSpeakerProfile(client: Db, slug: string) {
  const row = await client.speaker.findFirst({
    where: { slug, ...publicSpeakerWhere },
    select: {
      id: true,
      slug: true,
      name: true,
      kind: true,
      bio: true,
      wikidataId: true,
      aliases: { select: { alias: true }, orderBy: { alias: "asc" } },
      roles: {
        select: { title: true, organization: true, startDate: true, endDate: true },
        orderBy: [{ startDate: { sort: "desc", nulls: "last" } }, { title: "asc" }],
      },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    profile: {
      slug: row.slug,
      name: row.name,
      kind: row.kind,
      bio: row.bio,
      wikidataId: row.wikidataId,
      aliases: row.aliases.map((a) => a.alias),
      roles: row.roles.map((r) => ({ title: r.title, organization: r.organization, startDate: r.startDate, endDate: r.endDate })),
    },
  };
}

/** A published quote as the public quote reads select it (a speaker's page, the API's quote list). */
export interface PublishedQuoteRow {
  quoteId: string;
  text: string;
  language: string;
  kind: SpeechKind;
  saidOn: Date | null;
  occasion: string | null;
  place: string | null;
  speakerRef: FrozenSpeaker;
  reportedByRef: FrozenSpeaker | null;
  speakerSlug: string;
  reporterSlug: string | null;
}

/**
 * The public quotes a speaker said or reported, as approved, newest first: one window of them
 * and how many there are. A quote on several public claims is listed once, in the version of
 * the claim approved last, with every public claim it is on.
 */
async function speakerQuotes(client: Db, speakerId: string, skip: number, take: number): Promise<{ total: number; items: PublicSpeakerQuote[] }> {
  const matches = Prisma.sql`
    FROM "PublishedQuote" pq
    JOIN "Claim" c ON c.id = pq."claimId" AND ${publicClaimSql("c")}
   WHERE (pq."speakerId" = ${speakerId} OR pq."reportedById" = ${speakerId})`;
  const [[count], rows] = await Promise.all([
    client.$queryRaw<{ total: number }[]>`SELECT count(DISTINCT pq."quoteId")::int AS total ${matches}`,
    client.$queryRaw<PublishedQuoteRow[]>`
      WITH v AS (
        SELECT DISTINCT ON (pq."quoteId")
               pq."quoteId", pq.text, pq.language, pq.kind::text AS kind, pq."saidOn", pq.occasion, pq.place,
               pq."speakerRef", pq."reportedByRef", pq."speakerId", pq."reportedById"
          ${matches}
         ORDER BY pq."quoteId", c."publicUpdatedAt" DESC NULLS LAST, c.id
      )
      SELECT v."quoteId", v.text, v.language, v.kind, v."saidOn", v.occasion, v.place, v."speakerRef", v."reportedByRef",
             s.slug AS "speakerSlug", r.slug AS "reporterSlug"
        FROM v JOIN "Speaker" s ON s.id = v."speakerId" LEFT JOIN "Speaker" r ON r.id = v."reportedById"
       ORDER BY v."saidOn" DESC NULLS LAST, v.text ASC, v."quoteId" ASC
       LIMIT ${take} OFFSET ${skip}`,
  ]);
  const claims = rows.length
    ? await client.publishedQuote.findMany({
        where: { quoteId: { in: rows.map((r) => r.quoteId) }, ...publicQuoteWhere },
        select: { quoteId: true, claim: { select: { slug: true, text: true } } },
        orderBy: { claim: { slug: "asc" } },
      })
    : [];
  return {
    total: count?.total ?? 0,
    items: rows.map((q) => ({
      text: q.text,
      language: q.language,
      kind: q.kind,
      saidOn: q.saidOn,
      occasion: q.occasion,
      place: q.place,
      speaker: frozenRef(q.speakerRef, q.speakerSlug),
      reportedBy: q.reportedByRef && q.reporterSlug !== null ? frozenRef(q.reportedByRef, q.reporterSlug) : null,
      claims: claims.filter((c) => c.quoteId === q.quoteId).map(({ claim }) => ({ slug: claim.slug, text: claim.text })),
    })),
  };
}

/** The public speaker with this slug and (up to `limit` of) its public quotes and claims,
 * or null when there is none or it has no public item. */
export async function getPublicSpeaker(
  slug: string,
  options: { limit?: number } = {},
  client: Db = db,
): Promise<PublicSpeaker | null> {
  if (!plausibleSlug(slug)) return null;
  const limit = Math.min(Math.max(Math.floor(options.limit ?? 50), 1), 200);
  const speaker = await findPublicSpeakerProfile(client, slug);
  if (!speaker) return null;

  const claimWhere = { ...publicClaimWhere, claimantId: speaker.id } satisfies Prisma.ClaimWhereInput;

  const [quotes, claimTotal, claimRows] = await Promise.all([
    speakerQuotes(client, speaker.id, 0, limit),
    client.claim.count({ where: claimWhere }),
    client.claim.findMany({ where: claimWhere, select: claimSummarySelect, orderBy: claimOrder, take: limit }),
  ]);

  return {
    ...speaker.profile,
    quotes,
    claims: { total: claimTotal, items: claimRows.map(toClaimSummary) },
  };
}

// ---------------------------------------------------------------------------------------
// ClaimReview, feeds and the sitemap (lib/claimreview.ts, app/feed.xml, app/sitemap.ts).

/** The numbers of the verdict scale for ClaimReview's bestRating and worstRating: the highest
 * and lowest ratingValue of the active labels (null when no active label has a number). The
 * scale is public: it is published on the methodology page. */
export async function getPublicRatingScale(client: Db = db): Promise<{ best: number; worst: number } | null> {
  const range = await client.verdictLabel.aggregate({
    where: { active: true, ratingValue: { not: null } },
    _max: { ratingValue: true },
    _min: { ratingValue: true },
  });
  const best = range._max.ratingValue;
  const worst = range._min.ratingValue;
  return best === null || worst === null ? null : { best, worst };
}

export interface PublicSitemap {
  claims: { slug: string; lastModified: Date | null }[];
  speakers: { slug: string }[];
  /** Topics with at least one public claim. */
  topics: { slug: string }[];
}

/** The slugs of every public claim, speaker and topic, for the sitemap. */
export async function listPublicSitemap(client: Db = db): Promise<PublicSitemap> {
  const [claims, speakers, topics] = await Promise.all([
    client.claim.findMany({
      where: publicClaimWhere,
      select: { slug: true, publishedAt: true, publicUpdatedAt: true },
      orderBy: claimOrder,
    }),
    client.speaker.findMany({ where: publicSpeakerWhere, select: { slug: true }, orderBy: { slug: "asc" } }),
    client.topic.findMany({ where: publicTopicWhere, select: { slug: true }, orderBy: { slug: "asc" } }),
  ]);
  return {
    claims: claims.map((c) => ({ slug: c.slug, lastModified: c.publicUpdatedAt ?? c.publishedAt })),
    speakers: speakers.map((s) => ({ slug: s.slug })),
    topics: topics.map((t) => ({ slug: t.slug })),
  };
}

// ---------------------------------------------------------------------------------------
// Speaker, topic, methodology and corrections pages.
//
// - A topic is public when it tags at least one public claim (like a speaker: an unused
//   topic may name an investigation that has not been published). Its page lists only its
//   public claims.
// - The verdict scale (active labels, in order, with their explanations and ClaimReview
//   numbers) is public: the methodology page publishes it.
// - The corrections page lists published corrections of public claims only.

export interface PublicTopic {
  slug: string;
  nameDe: string;
  nameEn: string;
  descriptionDe: string | null;
  descriptionEn: string | null;
}

export interface PublicTopicWithCount extends PublicTopic {
  /** Public claims with this topic. */
  claimCount: number;
}

export interface PublicVerdictScale {
  /** The active labels, best first. */
  labels: PublicVerdict[];
  /** The highest and lowest ratingValue of the active labels (ClaimReview bestRating and
   * worstRating); null when no active label has a number. */
  bestRating: number | null;
  worstRating: number | null;
}

export interface PublicVerdictCount {
  /** null: public claims without a verdict. */
  verdict: PublicVerdict | null;
  count: number;
}

/** Of a speaker's public claims (as claimant), how many have each verdict: every active
 * label of the scale in order (also with 0), then inactive labels still in use, then claims
 * without a verdict. Retracted claims are not counted (their verdict no longer stands);
 * `retracted` says how many there are. */
export interface PublicVerdictDistribution {
  counts: PublicVerdictCount[];
  total: number;
  retracted: number;
}

export interface PublicSpeakerPage {
  speaker: Omit<PublicSpeaker, "quotes" | "claims">;
  claims: Page<PublicClaimSummary>;
  quotes: Page<PublicSpeakerQuote>;
  verdicts: PublicVerdictDistribution;
}

export interface PublicCorrectionEntry {
  kind: CorrectionKind;
  note: string;
  publishedAt: Date;
  claim: { slug: string; text: string; language: string };
}

export const topicSelect = {
  slug: true,
  nameDe: true,
  nameEn: true,
  descriptionDe: true,
  descriptionEn: true,
} satisfies Prisma.TopicSelect;

export function toTopic(row: Prisma.TopicGetPayload<{ select: typeof topicSelect }>): PublicTopic {
  return {
    slug: row.slug,
    nameDe: row.nameDe,
    nameEn: row.nameEn,
    descriptionDe: row.descriptionDe,
    descriptionEn: row.descriptionEn,
  };
}

function pageWindow(options: { page?: number; pageSize?: number }): { page: number; pageSize: number; skip: number } {
  const pageSize = Math.min(Math.max(Math.floor(options.pageSize ?? 20), 1), 100);
  const page = Math.min(Math.max(Math.floor(options.page ?? 1), 1), 1_000_000);
  return { page, pageSize, skip: (page - 1) * pageSize };
}

function toPage<T>(items: T[], total: number, page: number, pageSize: number, estimated = false): Page<T> {
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)), ...(estimated ? { estimated } : {}) };
}

/** Every public topic with the number of its public claims, by German name. */
export async function listPublicTopics(client: Db = db): Promise<PublicTopicWithCount[]> {
  const rows = await client.topic.findMany({
    where: publicTopicWhere,
    select: { ...topicSelect, _count: { select: { publishedClaims: { where: { claim: publicClaimWhere } } } } },
    orderBy: [{ nameDe: "asc" }, { slug: "asc" }],
  });
  return rows.map((row) => ({ ...toTopic(row), claimCount: row._count.publishedClaims }));
}

/** The public topic with this slug and one page of its public claims (newest first), or
 * null when there is none or it has no public claim. */
export async function getPublicTopic(
  slug: string,
  options: { page?: number; pageSize?: number } = {},
  client: Db = db,
): Promise<{ topic: PublicTopic; claims: Page<PublicClaimSummary> } | null> {
  if (!plausibleSlug(slug)) return null;
  const topic = await client.topic.findFirst({ where: { slug, ...publicTopicWhere }, select: { id: true, ...topicSelect } });
  if (!topic) return null;
  const { page, pageSize, skip } = pageWindow(options);
  const where = { ...publicClaimWhere, publishedTopics: { some: { topicId: topic.id } } } satisfies Prisma.ClaimWhereInput;
  const [counted, rows] = await Promise.all([
    countUpToLimit(
      client,
      Prisma.sql`FROM "PublishedClaimTopic" t
                 CROSS JOIN LATERAL (SELECT 1 FROM "Claim" c WHERE c.id = t."claimId" AND ${publicClaimSql("c")} OFFSET 0) c
                 WHERE t."topicId" = ${topic.id}`,
    ),
    client.claim.findMany({ where, select: claimSummarySelect, orderBy: claimOrder, skip, take: pageSize }),
  ]);
  const { total, estimated } = await boundedTotal(counted, () =>
    estimateRows(
      client,
      Prisma.sql`SELECT 1 FROM "PublishedClaimTopic" t JOIN "Claim" c ON c.id = t."claimId" WHERE t."topicId" = ${topic.id} AND ${publicClaimSql("c")}`,
    ),
  );
  return { topic: toTopic(topic), claims: toPage(rows.map(toClaimSummary), total, page, pageSize, estimated) };
}

/** The verdict scale as the methodology page publishes it. */
export async function getVerdictScale(client: Db = db): Promise<PublicVerdictScale> {
  const rows = await client.verdictLabel.findMany({
    where: { active: true },
    select: verdictSelect,
    orderBy: [{ position: "asc" }, { key: "asc" }],
  });
  const labels = rows.map((row) => toVerdict(row)!);
  const ratings = labels.flatMap((l) => (l.ratingValue === null ? [] : [l.ratingValue]));
  return {
    labels,
    bestRating: ratings.length ? Math.max(...ratings) : null,
    worstRating: ratings.length ? Math.min(...ratings) : null,
  };
}

/** Every published correction and retraction of a public claim, newest first. */
export async function listPublicCorrections(
  options: { page?: number; pageSize?: number } = {},
  client: Db = db,
): Promise<Page<PublicCorrectionEntry>> {
  const { page, pageSize, skip } = pageWindow(options);
  const where = { ...publishedCorrectionWhere, claim: publicClaimWhere } satisfies Prisma.CorrectionWhereInput;
  const [counted, rows] = await Promise.all([
    // Each published correction's claim probed in the index of public claims' ids (the same
    // form as the topic's count: a probe per row, stopped at the limit, never a hash of all claims).
    countUpToLimit(
      client,
      Prisma.sql`FROM "Correction" r
                 CROSS JOIN LATERAL (SELECT 1 FROM "Claim" c WHERE c.id = r."claimId" AND ${publicClaimSql("c")} OFFSET 0) c
                 WHERE r."publishedAt" IS NOT NULL`,
    ),
    client.correction.findMany({
      where,
      select: { kind: true, note: true, publishedAt: true, claim: { select: { slug: true, text: true, language: true } } },
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      skip,
      take: pageSize,
    }),
  ]);
  const { total, estimated } = await boundedTotal(counted, () =>
    estimateRows(
      client,
      Prisma.sql`SELECT 1 FROM "Correction" r JOIN "Claim" c ON c.id = r."claimId" WHERE r."publishedAt" IS NOT NULL AND ${publicClaimSql("c")}`,
    ),
  );
  return toPage(
    rows.flatMap((row) =>
      row.publishedAt
        ? [
            {
              kind: row.kind,
              note: row.note,
              publishedAt: row.publishedAt,
              claim: { slug: row.claim.slug, text: row.claim.text, language: row.claim.language },
            },
          ]
        : [],
    ),
    total,
    page,
    pageSize,
    estimated,
  );
}

/** A public speaker's page: profile, one page of its public claims (as claimant, `?page=`),
 * one page of its public quotes (said or reported, `?qpage=`) and the distribution of the
 * verdicts of its claims; null when there is none or it has no public item. */
export async function getPublicSpeakerPage(
  slug: string,
  options: { claimPage?: number; quotePage?: number; pageSize?: number } = {},
  client: Db = db,
): Promise<PublicSpeakerPage | null> {
  if (!plausibleSlug(slug)) return null;
  const speaker = await findPublicSpeakerProfile(client, slug);
  if (!speaker) return null;

  const claimWindow = pageWindow({ page: options.claimPage, pageSize: options.pageSize });
  const quoteWindow = pageWindow({ page: options.quotePage, pageSize: options.pageSize });
  const claimWhere = { ...publicClaimWhere, claimantId: speaker.id } satisfies Prisma.ClaimWhereInput;
  // The verdicts that stand: published and corrected claims, not retracted ones.
  const standingWhere = {
    ...publicClaimWhere,
    claimantId: speaker.id,
    publicState: { in: ["published", "corrected"] },
  } satisfies Prisma.ClaimWhereInput;

  const [claimTotal, claimRows, quotes, groups, retracted] = await Promise.all([
    client.claim.count({ where: claimWhere }),
    client.claim.findMany({
      where: claimWhere,
      select: claimSummarySelect,
      orderBy: claimOrder,
      skip: claimWindow.skip,
      take: claimWindow.pageSize,
    }),
    speakerQuotes(client, speaker.id, quoteWindow.skip, quoteWindow.pageSize),
    client.claim.groupBy({ by: ["publishedVerdictId"], where: standingWhere, _count: { _all: true } }),
    client.claim.count({ where: { ...publicClaimWhere, claimantId: speaker.id, publicState: "retracted" } }),
  ]);

  const countOf = new Map(groups.map((g) => [g.publishedVerdictId, g._count._all]));
  const usedIds = groups.flatMap((g) => (g.publishedVerdictId ? [g.publishedVerdictId] : []));
  const labels = await client.verdictLabel.findMany({
    where: { OR: [{ active: true }, { id: { in: usedIds } }] },
    select: { id: true, active: true, ...verdictSelect },
    orderBy: [{ position: "asc" }, { key: "asc" }],
  });
  const counts: PublicVerdictCount[] = [
    ...labels.filter((l) => l.active).map((l) => ({ verdict: toVerdict(l), count: countOf.get(l.id) ?? 0 })),
    ...labels.filter((l) => !l.active).map((l) => ({ verdict: toVerdict(l), count: countOf.get(l.id) ?? 0 })),
  ];
  const unrated = countOf.get(null) ?? 0;
  if (unrated > 0) counts.push({ verdict: null, count: unrated });

  return {
    speaker: speaker.profile,
    claims: toPage(claimRows.map(toClaimSummary), claimTotal, claimWindow.page, claimWindow.pageSize),
    quotes: toPage(quotes.items, quotes.total, quoteWindow.page, quoteWindow.pageSize),
    verdicts: { counts, total: groups.reduce((sum, g) => sum + g._count._all, 0), retracted },
  };
}
