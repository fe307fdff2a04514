// Which public claims the Fact Check Tools compatible search (/api/v1/claims:search, lib/api)
// answers with: the SQL half of it. A claim is a result when it matches the query (full text of
// its text and published summary, as the site's search) and at least one of its reviews passes
// the filters; its reviews are our own (its published verdict; not when retracted or without a
// verdict, which have no ClaimReview either: lib/claimreview.ts) and the other organisations'
// fact-checks linked to it whose link a second person approved (their approved snapshot,
// ClaimExternalCheck.approved: never the live row). lib/api/factcheck.ts applies the same
// filters to each review (reviewPasses): both must agree, and tests check that they do.
import { Prisma } from "../generated/prisma/client";
import { db, type Db } from "../db/client";
import { publicClaimSql } from "./index";
import { claimTextMatch } from "./search";

export interface FactCheckFilters {
  /** The query, cleaned (lib/public/search cleanQuery); empty: no text condition. */
  query: string;
  /** Primary language subtag, lower case ("en" for "en-US"); null: any. */
  language: string | null;
  /** A review publisher's site, normalised (sitePart); null: any. */
  site: string | null;
  /** Reviews whose review date or claim date (the newer) is at least this recent; null: any. */
  since: Date | null;
}

/** A host as the filter compares it: lower case, without `www.`, a URL reduced to its host. */
export function sitePart(value: string): string {
  let host = value.trim().toLowerCase();
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//.test(host)) host = new URL(host).hostname;
  } catch {
    // not a URL: compared as written
  }
  return host.replace(/\/.*$/, "").replace(/^www\./, "");
}

/** The languages our own reviews exist in: every claim page is published in German (the site's
 * default) and English. */
export const OWN_REVIEW_LANGUAGES = ["de", "en"] as const;

const sql = Prisma.sql;

/**
 * One page of the slugs of public claims that are results, best first (by rank with a query,
 * else newest publication first), and whether there are more. `ownSite` is our site's host
 * (sitePart of CLAIMBASE_PUBLIC_URL).
 */
export async function searchFactCheckedClaims(
  filters: FactCheckFilters,
  window: { offset: number; limit: number },
  ownSite: string,
  client: Db = db,
): Promise<{ slugs: string[]; more: boolean }> {
  const claimDate = sql`(CASE WHEN cp.content->>'claimDate' IS NULL THEN NULL ELSE (cp.content->>'claimDate')::timestamptz END)`;
  const ownLanguage = filters.language === null || (OWN_REVIEW_LANGUAGES as readonly string[]).includes(filters.language);
  const ownSiteMatches = filters.site === null || filters.site === ownSite;
  const own =
    ownLanguage && ownSiteMatches
      ? sql`(c."publishedVerdictId" IS NOT NULL AND c."publicState" <> 'retracted'
             ${filters.since ? sql`AND greatest(c."publishedAt", ${claimDate}) >= ${filters.since}` : Prisma.empty})`
      : sql`FALSE`;
  const external = sql`EXISTS (
      SELECT 1 FROM "ClaimExternalCheck" l
       WHERE l."claimId" = c.id AND l."approvedAt" IS NOT NULL AND l.approved IS NOT NULL
         ${filters.language ? sql`AND split_part(lower(l.approved->>'language'), '-', 1) = ${filters.language}` : Prisma.empty}
         ${filters.site ? sql`AND regexp_replace(lower(l.approved->>'publisherSite'), '^www\\.', '') = ${filters.site}` : Prisma.empty}
         ${
           filters.since
             ? sql`AND greatest(CASE WHEN l.approved->>'reviewDate' IS NULL THEN NULL ELSE (l.approved->>'reviewDate')::timestamptz END, ${claimDate}) >= ${filters.since}`
             : Prisma.empty
         })`;
  const text = filters.query ? claimTextMatch(filters.query) : null;
  const rows = await client.$queryRaw<{ slug: string }[]>`
    SELECT c.slug
      FROM "Claim" c
      JOIN "ClaimPublication" cp ON cp.id = c."publicationId"
     WHERE ${publicClaimSql("c")}
       ${text ? sql`AND ${text.match}` : Prisma.empty}
       AND (${own} OR ${external})
     ORDER BY ${text ? sql`${text.score} DESC,` : Prisma.empty} c."publishedAt" DESC NULLS LAST, c.slug ASC
     OFFSET ${window.offset} LIMIT ${window.limit + 1}`;
  return { slugs: rows.slice(0, window.limit).map((r) => r.slug), more: rows.length > window.limit };
}
