// The public reads of the API (/api/v1, lib/api) and of the exports (lib/export), in keyset
// pages: each page starts after the last item of the one before (its key), in an order that
// is total, so that a reader walking every page sees every public item once however many there
// are, and a page costs the same at the end of the list as at its start (no OFFSET), in memory
// bounded by the page size. THE RULE IS lib/public's (./index.ts): the same where clauses, the
// same selects and the same mapping into its types, so the API and the exports show exactly what
// the public pages show (a claim as its publication was approved, never its working columns).
//
// Keys hold what the order is made of: a claim's publishedAt and slug, a speaker's or topic's
// slug, a quote's id (an internal id: lib/api encrypts keys into its opaque cursors, and the
// exports never show them).
import { Prisma } from "../generated/prisma/client";
import { db, type Db } from "../db/client";
import { NEWSROOM_TIME_ZONE } from "../format";
import {
  claimOrder,
  frozenRef,
  plausibleSlug,
  publicClaimSelect,
  publicClaimSql,
  publicClaimWhere,
  publicQuoteWhere,
  publicSpeakerWhere,
  publicTopicWhere,
  toPublicClaim,
  toTopic,
  topicSelect,
  type PublicClaim,
  type PublicSpeaker,
  type PublicSpeakerQuote,
  type PublicTopicWithCount,
  type PublishedQuoteRow,
} from "./index";

/** The most items one page may hold. */
export const MAX_KEYSET_PAGE = 200;

export interface KeysetPage<T, K> {
  items: T[];
  /** The key of the last item when there may be more, else null. */
  next: K | null;
}

function take(n: number): number {
  return Math.min(Math.max(Math.floor(n), 1), MAX_KEYSET_PAGE);
}

// ---------------------------------------------------------------------------------------
// Claims: newest publication first, then by slug (lib/public's claimOrder).

export interface ClaimKey {
  /** publishedAt as ISO 8601, or null (sorted last). */
  publishedAt: string | null;
  slug: string;
}

export interface PublicClaimFilters {
  /** Key of the published verdict. */
  verdict?: string | null;
  /** Slug of the claimant. */
  speaker?: string | null;
  /** Slug of a topic of the approved version. */
  topic?: string | null;
  /** Language of the claim text (BCP 47, compared in lower case). */
  language?: string | null;
  /** YYYY-MM-DD, inclusive: publishedAt, as a day in the newsroom's time zone (like the search). */
  from?: string | null;
  to?: string | null;
}

/** The instant a calendar day (YYYY-MM-DD) begins in the newsroom's time zone. */
export function newsroomDayStart(day: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  // The zone's offset at that instant (days in Europe/Berlin never begin inside a change).
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: NEWSROOM_TIME_ZONE,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(utcMidnight);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const local = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return new Date(utcMidnight.getTime() - (local - utcMidnight.getTime()));
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The filters as a Prisma where clause on public claims. */
export function publicClaimFilterWhere(filters: PublicClaimFilters): Prisma.ClaimWhereInput {
  const and: Prisma.ClaimWhereInput[] = [publicClaimWhere];
  if (filters.verdict) and.push({ publishedVerdict: { key: filters.verdict } });
  if (filters.speaker) and.push({ claimant: { slug: filters.speaker } });
  if (filters.topic) and.push({ publishedTopics: { some: { topic: { slug: filters.topic } } } });
  if (filters.language) and.push({ language: { equals: filters.language, mode: "insensitive" } });
  if (filters.from) and.push({ publishedAt: { gte: newsroomDayStart(filters.from) } });
  if (filters.to) and.push({ publishedAt: { lt: newsroomDayStart(nextDay(filters.to)) } });
  return { AND: and };
}

function afterClaim(key: ClaimKey): Prisma.ClaimWhereInput {
  if (key.publishedAt === null) return { publishedAt: null, slug: { gt: key.slug } };
  const at = new Date(key.publishedAt);
  return { OR: [{ publishedAt: { lt: at } }, { publishedAt: at, slug: { gt: key.slug } }, { publishedAt: null }] };
}

/** One page of public claims (as getPublicClaim reads each) after `after`, filtered. */
export async function pagePublicClaims(
  options: { filters?: PublicClaimFilters; after?: ClaimKey | null; take: number },
  client: Db = db,
): Promise<KeysetPage<PublicClaim, ClaimKey>> {
  const n = take(options.take);
  const where: Prisma.ClaimWhereInput = {
    AND: [publicClaimFilterWhere(options.filters ?? {}), ...(options.after ? [afterClaim(options.after)] : [])],
  };
  const rows = await client.claim.findMany({ where, select: publicClaimSelect, orderBy: claimOrder, take: n + 1 });
  const items = rows.slice(0, n).flatMap((row) => {
    const claim = toPublicClaim(row);
    return claim ? [claim] : [];
  });
  const last = items[items.length - 1];
  return {
    items,
    next: rows.length > n && last ? { publishedAt: last.publishedAt?.toISOString() ?? null, slug: last.slug } : null,
  };
}

/** The public claims with these slugs, as getPublicClaim reads each, in the order given
 * (missing or non-public slugs are left out). */
export async function publicClaimsBySlug(slugs: string[], client: Db = db): Promise<PublicClaim[]> {
  const wanted = slugs.filter(plausibleSlug);
  if (wanted.length === 0) return [];
  const rows = await client.claim.findMany({ where: { AND: [publicClaimWhere, { slug: { in: wanted } }] }, select: publicClaimSelect });
  const bySlug = new Map(rows.flatMap((row) => {
    const claim = toPublicClaim(row);
    return claim ? [[claim.slug, claim] as const] : [];
  }));
  return wanted.flatMap((slug) => {
    const claim = bySlug.get(slug);
    return claim ? [claim] : [];
  });
}

// ---------------------------------------------------------------------------------------
// Speakers: by slug.

export type PublicSpeakerProfile = Omit<PublicSpeaker, "quotes" | "claims"> & {
  /** Public claims whose claimant the speaker is. */
  claimCount: number;
};

const speakerProfileSelect = {
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
  _count: { select: { claims: { where: publicClaimWhere } } },
} satisfies Prisma.SpeakerSelect;

/** One page of public speakers (a public item each: lib/public's rule), by slug. */
export async function pagePublicSpeakers(options: { after?: string | null; take: number }, client: Db = db): Promise<KeysetPage<PublicSpeakerProfile, string>> {
  const n = take(options.take);
  const rows = await client.speaker.findMany({
    where: { AND: [publicSpeakerWhere, ...(options.after ? [{ slug: { gt: options.after } }] : [])] },
    select: speakerProfileSelect,
    orderBy: { slug: "asc" },
    take: n + 1,
  });
  const items = rows.slice(0, n).map(
    (row): PublicSpeakerProfile => ({
      slug: row.slug,
      name: row.name,
      kind: row.kind,
      bio: row.bio,
      wikidataId: row.wikidataId,
      aliases: row.aliases.map((a) => a.alias),
      roles: row.roles.map((r) => ({ title: r.title, organization: r.organization, startDate: r.startDate, endDate: r.endDate })),
      claimCount: row._count.claims,
    }),
  );
  return { items, next: rows.length > n ? items[items.length - 1]!.slug : null };
}

// ---------------------------------------------------------------------------------------
// Topics: by slug.

/** One page of public topics (at least one public claim each), by slug. */
export async function pagePublicTopics(options: { after?: string | null; take: number }, client: Db = db): Promise<KeysetPage<PublicTopicWithCount, string>> {
  const n = take(options.take);
  const rows = await client.topic.findMany({
    where: { AND: [publicTopicWhere, ...(options.after ? [{ slug: { gt: options.after } }] : [])] },
    select: { ...topicSelect, _count: { select: { publishedClaims: { where: { claim: publicClaimWhere } } } } },
    orderBy: { slug: "asc" },
    take: n + 1,
  });
  const items = rows.slice(0, n).map((row) => ({ ...toTopic(row), claimCount: row._count.publishedClaims }));
  return { items, next: rows.length > n ? items[items.length - 1]!.slug : null };
}

/** The public topic with this slug and its number of public claims, or null. */
export async function getPublicTopicWithCount(slug: string, client: Db = db): Promise<PublicTopicWithCount | null> {
  if (!plausibleSlug(slug)) return null;
  const row = await client.topic.findFirst({
    where: { slug, ...publicTopicWhere },
    select: { ...topicSelect, _count: { select: { publishedClaims: { where: { claim: publicClaimWhere } } } } },
  });
  return row ? { ...toTopic(row), claimCount: row._count.publishedClaims } : null;
}

// ---------------------------------------------------------------------------------------
// Quotes: each public quote once, as approved on the public claim approved last (like a
// speaker's page), by its id.

export interface PublicQuoteFilters {
  /** Slug of the speaker who said it. */
  speaker?: string | null;
  /** Language of the quote (compared in lower case). */
  language?: string | null;
}


/** One page of public quotes after the quote id `after`. */
export async function pagePublicQuotes(
  options: { filters?: PublicQuoteFilters; after?: string | null; take: number },
  client: Db = db,
): Promise<KeysetPage<PublicSpeakerQuote, string>> {
  const n = take(options.take);
  const f = options.filters ?? {};
  const sql = Prisma.sql;
  const filters = sql`
         ${f.speaker ? sql`AND pq."speakerId" = (SELECT id FROM "Speaker" WHERE slug = ${f.speaker})` : Prisma.empty}
         ${f.language ? sql`AND lower(pq.language) = lower(${f.language})` : Prisma.empty}`;
  // First the page's quote ids (in the order of the index on "quoteId", stopping after n + 1),
  // then for each the version of the public claim approved last: a page costs the same wherever
  // it is, however many claims a quote is on.
  const rows = await client.$queryRaw<PublishedQuoteRow[]>`
    WITH ids AS (
      SELECT DISTINCT pq."quoteId"
        FROM "PublishedQuote" pq
        JOIN "Claim" c ON c.id = pq."claimId" AND ${publicClaimSql("c")}
       WHERE TRUE ${options.after ? sql`AND pq."quoteId" > ${options.after}` : Prisma.empty} ${filters}
       ORDER BY pq."quoteId"
       LIMIT ${n + 1}
    ), v AS (
      SELECT DISTINCT ON (pq."quoteId")
             pq."quoteId", pq.text, pq.language, pq.kind::text AS kind, pq."saidOn", pq.occasion, pq.place,
             pq."speakerRef", pq."reportedByRef", pq."speakerId", pq."reportedById"
        FROM "PublishedQuote" pq
        JOIN "Claim" c ON c.id = pq."claimId" AND ${publicClaimSql("c")}
       WHERE pq."quoteId" IN (SELECT "quoteId" FROM ids) ${filters}
       ORDER BY pq."quoteId", c."publicUpdatedAt" DESC NULLS LAST, c.id
    )
    SELECT v."quoteId", v.text, v.language, v.kind, v."saidOn", v.occasion, v.place, v."speakerRef", v."reportedByRef",
           s.slug AS "speakerSlug", r.slug AS "reporterSlug"
      FROM v JOIN "Speaker" s ON s.id = v."speakerId" LEFT JOIN "Speaker" r ON r.id = v."reportedById"
     ORDER BY v."quoteId"`;
  const page = rows.slice(0, n);
  const claims = page.length
    ? await client.publishedQuote.findMany({
        where: { quoteId: { in: page.map((r) => r.quoteId) }, ...publicQuoteWhere },
        select: { quoteId: true, claim: { select: { slug: true, text: true } } },
        orderBy: { claim: { slug: "asc" } },
      })
    : [];
  const items = page.map(
    (q): PublicSpeakerQuote => ({
      text: q.text,
      language: q.language,
      kind: q.kind,
      saidOn: q.saidOn,
      occasion: q.occasion,
      place: q.place,
      speaker: frozenRef(q.speakerRef, q.speakerSlug),
      reportedBy: q.reportedByRef && q.reporterSlug !== null ? frozenRef(q.reportedByRef, q.reporterSlug) : null,
      claims: claims.filter((c) => c.quoteId === q.quoteId).map(({ claim }) => ({ slug: claim.slug, text: claim.text })),
    }),
  );
  return { items, next: rows.length > n ? page[page.length - 1]!.quoteId : null };
}

// ---------------------------------------------------------------------------------------
// What the public data looks like now, for validators (ETag) of answers too large to hash.

/**
 * A fingerprint of everything public that a claim list, the ClaimReview feed or an export can
 * show: it changes with every publication, correction, retraction (publicUpdatedAt), approval
 * or takedown of an "also checked by" link, and edit of a speaker, topic, verdict label or the
 * organisation's settings. Public claims are never deleted, so a count and the latest change
 * cover them.
 */
export async function publicFingerprint(client: Db = db): Promise<string> {
  // Only public rows count (a desk edit of a draft must not change it: that would tell anyone
  // watching the validator that the desk is at work), except the verdict scale, which is public.
  const [row] = await client.$queryRaw<{ f: string }[]>`
    SELECT concat_ws('|',
      (SELECT count(*) || ':' || coalesce(max(greatest(c."publishedAt", c."publicUpdatedAt"))::text, '') FROM "Claim" c WHERE ${publicClaimSql("c")}),
      (SELECT count(*) || ':' || coalesce(max(l."approvedAt")::text, '')
         FROM "ClaimExternalCheck" l JOIN "Claim" c ON c.id = l."claimId" AND ${publicClaimSql("c")} WHERE l."approvedAt" IS NOT NULL),
      (SELECT coalesce(max(s."updatedAt")::text, '') FROM "Speaker" s
        WHERE EXISTS (SELECT 1 FROM "Claim" c WHERE c."claimantId" = s.id AND ${publicClaimSql("c")})
           OR EXISTS (SELECT 1 FROM "PublishedQuote" pq JOIN "Claim" c ON c.id = pq."claimId" AND ${publicClaimSql("c")}
                       WHERE pq."speakerId" = s.id OR pq."reportedById" = s.id)),
      (SELECT coalesce(max(t."updatedAt")::text, '') FROM "Topic" t
        WHERE EXISTS (SELECT 1 FROM "PublishedClaimTopic" pt JOIN "Claim" c ON c.id = pt."claimId" AND ${publicClaimSql("c")} WHERE pt."topicId" = t.id)),
      (SELECT count(*) || ':' || coalesce(max("updatedAt")::text, '') FROM "VerdictLabel"),
      (SELECT coalesce(max("updatedAt")::text, '') FROM "Setting" WHERE key LIKE 'organization.%')
    ) AS f`;
  return row?.f ?? "";
}

/** The latest publication or public change of a public claim (null: none is public). */
export async function latestPublicChange(client: Db = db): Promise<Date | null> {
  const agg = await client.claim.aggregate({ where: publicClaimWhere, _max: { publishedAt: true, publicUpdatedAt: true } });
  const dates = [agg._max.publishedAt, agg._max.publicUpdatedAt].filter((d): d is Date => d !== null);
  return dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : null;
}
