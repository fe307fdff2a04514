// GET /api/v1/claims:search, compatible with Google's Fact Check Tools API (v1alpha1
// claims:search): the same query parameters (query, languageCode, reviewPublisherSiteFilter,
// maxAgeDays, pageSize, pageToken, offset) and the same answer ({claims: [{text, claimant,
// claimDate, claimReview: [{publisher: {name, site}, url, title, reviewDate, textualRating,
// languageCode}]}], nextPageToken}, empty fields left out as Google leaves them out), so its
// clients work with a changed base URL.
//
// A claim is one of our public claims (text, claimant and claim date as approved); its reviews:
// - ours: the published verdict, from the claim page in German (the site's default) or, with
//   languageCode=en…, in English (URL and label); none for a retracted claim or one without a
//   verdict (they carry no ClaimReview either). publisher = the organisation (settings) at our
//   site's host (CLAIMBASE_PUBLIC_URL); title = the claim (the page's title); reviewDate = the
//   publication;
// - other organisations' fact-checks linked to the claim whose link a second person approved,
//   as approved (lib/public: the snapshot), marked `external: true`.
// The filters apply to each review (reviewPasses), and a claim is listed when one of its
// reviews passes: the SQL of lib/public/factcheck.ts applies the same conditions to choose the
// claims, so pages are full. maxAgeDays counts the newer of claim date and review date (as
// Google's documentation says); languageCode compares the primary subtag only (Google: "we do
// not currently consider the region").
import { z } from "zod";
import { verdictLabel } from "../claimreview";
import type { PublicClaim, PublicExternalCheck } from "../public";
import { OWN_REVIEW_LANGUAGES, searchFactCheckedClaims, sitePart, type FactCheckFilters } from "../public/factcheck";
import { publicClaimsBySlug } from "../public/keyset";
import { cleanQuery } from "../public/search";
import { getSiteInfo, paths } from "../site";
import { decodeCursor, encodeCursor, queryBinding } from "./cursor";
import { badCursor } from "./http";
import { pageUrl } from "./present";
import type { factCheckQuery, factCheckResponseSchema, factCheckReviewSchema } from "./schemas";

type Review = z.output<typeof factCheckReviewSchema>;
type Response = z.output<typeof factCheckResponseSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The newer of two dates, ignoring missing ones (as SQL's greatest()). */
function newer(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

function primaryLanguage(tag: string | null): string | null {
  return tag ? tag.split("-")[0]!.toLowerCase() : null;
}

/** Whether our own review of the claim passes the filters (see lib/public/factcheck.ts: own). */
export function ownReviewPasses(claim: PublicClaim, f: FactCheckFilters, ownSite: string): boolean {
  if (!claim.verdict || claim.status === "retracted") return false;
  if (f.language !== null && !(OWN_REVIEW_LANGUAGES as readonly string[]).includes(f.language)) return false;
  if (f.site !== null && f.site !== ownSite) return false;
  if (f.since !== null) {
    const age = newer(claim.publishedAt, claim.claimDate);
    if (!age || age < f.since) return false;
  }
  return true;
}

/** Whether an approved external fact-check passes the filters (lib/public/factcheck.ts: external). */
export function externalReviewPasses(e: PublicExternalCheck, claimDate: Date | null, f: FactCheckFilters): boolean {
  if (f.language !== null && primaryLanguage(e.language) !== f.language) return false;
  if (f.site !== null && (e.publisherSite === null || e.publisherSite.toLowerCase().replace(/^www\./, "") !== f.site)) return false;
  if (f.since !== null) {
    const age = newer(e.reviewDate, claimDate);
    if (!age || age < f.since) return false;
  }
  return true;
}

function definedOnly<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined && v !== "")) as T;
}

export async function searchFactChecks(query: z.output<typeof factCheckQuery>, now: Date = new Date()): Promise<Response> {
  const filters: FactCheckFilters = {
    query: cleanQuery(query.query ?? ""),
    language: primaryLanguage(query.languageCode ?? null),
    site: query.reviewPublisherSiteFilter ? sitePart(query.reviewPublisherSiteFilter) : null,
    since: query.maxAgeDays ? new Date(now.getTime() - query.maxAgeDays * DAY_MS) : null,
  };
  // Everything but the position: a token is valid only with the same parameters (as Google's).
  const binding = queryBinding("claims:search", {
    query: filters.query,
    languageCode: filters.language,
    site: filters.site,
    maxAgeDays: query.maxAgeDays,
    pageSize: query.pageSize,
  });
  let offset = query.offset;
  if (query.pageToken !== undefined) {
    const position = z.number().int().min(0).safeParse(decodeCursor(binding, query.pageToken));
    if (!position.success) throw badCursor("pageToken");
    offset = position.data;
  }

  const site = await getSiteInfo();
  const ownSite = sitePart(site.origin);
  const { slugs, more } = await searchFactCheckedClaims(filters, { offset, limit: query.pageSize }, ownSite);
  const claims = await publicClaimsBySlug(slugs);
  const locale = filters.language === "en" ? "en" : "de";

  const out = claims.flatMap((claim) => {
    const reviews: Review[] = [];
    if (ownReviewPasses(claim, filters, ownSite)) {
      reviews.push(
        definedOnly({
          publisher: { name: site.organization.name, site: ownSite },
          url: pageUrl(site.origin, paths.claim(claim.slug), locale),
          title: claim.text,
          reviewDate: claim.publishedAt?.toISOString(),
          textualRating: claim.verdict ? verdictLabel(claim.verdict, locale) : undefined,
          languageCode: locale,
          external: false,
        }),
      );
    }
    for (const e of claim.alsoCheckedBy) {
      if (!externalReviewPasses(e, claim.claimDate, filters)) continue;
      reviews.push(
        definedOnly({
          publisher: definedOnly({ name: e.publisherName, site: e.publisherSite ?? undefined }),
          url: e.url ?? undefined,
          title: e.title ?? undefined,
          reviewDate: e.reviewDate?.toISOString(),
          textualRating: e.textualRating ?? undefined,
          languageCode: e.language ?? undefined,
          external: true,
        }),
      );
    }
    if (reviews.length === 0) return [];
    return [
      definedOnly({
        text: claim.text,
        claimant: claim.claimant?.name,
        claimDate: claim.claimDate?.toISOString(),
        claimReview: reviews,
      }),
    ];
  });
  return definedOnly({
    claims: out.length ? out : undefined,
    nextPageToken: more ? encodeCursor(binding, offset + query.pageSize) : undefined,
  });
}
