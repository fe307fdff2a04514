// The public reads of lib/public, cached in Next.js's data cache (`unstable_cache`) under tags
// that say what they show. Public pages call these, never lib/public directly: the tags of the
// data a page reads become the page's own tags, so revalidating a tag (lib/public/revalidate.ts)
// drops the data and every prerendered page built from it, on every app server
// (lib/cache/handler.mjs). Tests, scripts and anything outside a Next.js server import
// lib/public itself (unstable_cache needs Next's incremental cache). docs/caching.md.
//
// - Tags: every entry carries `public` (everything) and what it shows: `claims` for the lists
//   (claims, corrections, topics, sitemap, search filters), `claim:<slug>`, `speaker:<slug>`,
//   `topic:<slug>`.
// - Entries also expire after PUBLIC_CACHE_SECONDS (then served once more while refreshed in
//   the background): the bound on staleness for changes that did not go through the desk's
//   actions (scripts, an import run against the database).
// - Entries are stored as JSON: dates come back as strings and are revived here, so callers
//   get exactly the types of lib/public (tests/integration/public-cache.test.ts checks it).
// - Misses that could be anything a visitor types (unknown slugs, pages past the end) are
//   answered but not stored, so that random URLs cannot fill the cache. Public claims are
//   never deleted; their claimants, the speakers of their quotes and their topics cannot be.
import { unstable_cache } from "next/cache";
import * as uncached from "./index";
import * as search from "./search";
import type { SearchFilterOptions, SearchHit, SearchInput, SearchResult } from "./search";
import type {
  Page,
  PublicClaim,
  PublicClaimSummary,
  PublicCorrection,
  PublicCorrectionEntry,
  PublicPassage,
  PublicQuote,
  PublicSource,
  PublicSpeaker,
  PublicSitemap,
  PublicSpeakerPage,
  PublicSpeakerQuote,
  PublicTopic,
  PublicTopicWithCount,
  PublicVerdictScale,
} from "./index";
import { db } from "../db/client";

export type * from "./index";

/** Seconds after which an entry is refreshed even without a revalidation. */
export const PUBLIC_CACHE_SECONDS = 60;

export const publicTags = {
  /** Every public entry: for changes that may show anywhere (a speaker's name, a source). */
  all: "public",
  /** The list of published claims (home page and its pages). */
  claimList: "claims",
  claim: (slug: string) => `claim:${slug}`,
  speaker: (slug: string) => `speaker:${slug}`,
  topic: (slug: string) => `topic:${slug}`,
  /** Search results: revalidated with every public change (lib/public/revalidate.ts), since a
   * result may show any claim, quote or speaker. */
  search: "search",
} as const;

// ---------------------------------------------------------------------------------------
// JSON in, lib/public's types out.

/** T as it comes back from the cache: every Date a string (or still a Date on a miss). */
export type Wire<T> = T extends Date
  ? string | Date
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

function date(value: string | Date): Date;
function date(value: string | Date | null): Date | null;
function date(value: string | Date | null): Date | null {
  return value === null ? null : new Date(value);
}

// Each reviver spreads the wire object and overrides every date field: a new Date field in
// lib/public's types that is not revived here fails the type check.
const reviveSource = (s: Wire<PublicSource>): PublicSource => ({ ...s, publishedAt: date(s.publishedAt) });

const revivePassage = (p: Wire<PublicPassage>): PublicPassage => ({ ...p, source: reviveSource(p.source) });

const reviveQuote = (q: Wire<PublicQuote>): PublicQuote => ({
  ...q,
  saidOn: date(q.saidOn),
  appearances: q.appearances.map(revivePassage),
});

const reviveCorrection = (c: Wire<PublicCorrection>): PublicCorrection => ({ ...c, publishedAt: date(c.publishedAt) });

const reviveClaimSummary = (c: Wire<PublicClaimSummary>): PublicClaimSummary => ({
  ...c,
  publishedAt: date(c.publishedAt),
  publicUpdatedAt: date(c.publicUpdatedAt),
});

const reviveSpeakerQuote = (q: Wire<PublicSpeakerQuote>): PublicSpeakerQuote => ({ ...q, saidOn: date(q.saidOn) });

const reviveRole = (r: Wire<PublicSpeaker["roles"][number]>): PublicSpeaker["roles"][number] => ({
  ...r,
  startDate: date(r.startDate),
  endDate: date(r.endDate),
});

const reviveClaimPage = (p: Wire<Page<PublicClaimSummary>>): Page<PublicClaimSummary> => ({ ...p, items: p.items.map(reviveClaimSummary) });

export const revive = {
  claimPage: reviveClaimPage,
  claim: (c: Wire<PublicClaim>): PublicClaim => ({
    ...c,
    ...reviveClaimSummary(c),
    claimDate: date(c.claimDate),
    quotes: c.quotes.map(reviveQuote),
    passages: c.passages.map(revivePassage),
    evidence: c.evidence.map((e) => ({ ...e, source: reviveSource(e.source) })),
    corrections: c.corrections.map(reviveCorrection),
    alsoCheckedBy: c.alsoCheckedBy.map((e) => ({ ...e, reviewDate: date(e.reviewDate) })),
  }),
  speaker: (s: Wire<PublicSpeaker>): PublicSpeaker => ({
    ...s,
    roles: s.roles.map(reviveRole),
    quotes: { ...s.quotes, items: s.quotes.items.map(reviveSpeakerQuote) },
    claims: { ...s.claims, items: s.claims.items.map(reviveClaimSummary) },
  }),
  speakerPage: (p: Wire<PublicSpeakerPage>): PublicSpeakerPage => ({
    ...p,
    speaker: { ...p.speaker, roles: p.speaker.roles.map(reviveRole) },
    claims: reviveClaimPage(p.claims),
    quotes: { ...p.quotes, items: p.quotes.items.map(reviveSpeakerQuote) },
  }),
  topic: (t: Wire<{ topic: PublicTopic; claims: Page<PublicClaimSummary> }>): { topic: PublicTopic; claims: Page<PublicClaimSummary> } => ({
    ...t,
    claims: reviveClaimPage(t.claims),
  }),
  corrections: (p: Wire<Page<PublicCorrectionEntry>>): Page<PublicCorrectionEntry> => ({
    ...p,
    items: p.items.map((c) => ({ ...c, publishedAt: date(c.publishedAt) })),
  }),
  search: (r: Wire<SearchResult>): SearchResult => ({
    ...r,
    items: r.items.map((hit: Wire<SearchHit>): SearchHit => {
      if (hit.type === "claim") return { ...hit, publishedAt: date(hit.publishedAt) };
      if (hit.type === "quote") return { ...hit, saidOn: date(hit.saidOn) };
      return hit;
    }),
  }),
  sitemap: (m: Wire<PublicSitemap>): PublicSitemap => ({
    ...m,
    claims: m.claims.map((c) => ({ ...c, lastModified: date(c.lastModified) })),
  }),
};

// ---------------------------------------------------------------------------------------
// Caching.

/** Thrown inside a cached function to answer `value` without storing it. */
class Uncacheable<T> extends Error {
  constructor(readonly value: T) {
    super("lib/public/cached: answer not stored");
  }
}

async function cached<T, A extends unknown[]>(
  name: string,
  tags: string[],
  compute: (...args: A) => Promise<T>,
  args: A,
): Promise<Wire<T> | T> {
  const entry = unstable_cache(compute, ["claimbase:public", name], {
    tags: [publicTags.all, ...tags],
    revalidate: PUBLIC_CACHE_SECONDS,
  });
  try {
    return (await entry(...args)) as Wire<T> | T;
  } catch (error) {
    if (error instanceof Uncacheable) return error.value as T;
    throw error;
  }
}

/** Slugs lib/public accepts (at most 200 characters) fit a tag (256 characters); others
 * name nothing and are answered by lib/public directly (without a query). */
function taggable(slug: string): boolean {
  return uncached.plausibleSlug(slug);
}

/** The published claims, newest first, one page (see lib/public listPublishedClaims). */
export async function listPublishedClaims(options: { page?: number; pageSize?: number } = {}): Promise<Page<PublicClaimSummary>> {
  const page = await cached(
    "listPublishedClaims",
    [publicTags.claimList],
    async (o: { page?: number; pageSize?: number }) => {
      const result = await uncached.listPublishedClaims(o);
      // A page past the end: answered, not stored.
      if (result.items.length === 0 && result.page > 1) throw new Uncacheable(result);
      return result;
    },
    [{ page: options.page, pageSize: options.pageSize }],
  );
  return revive.claimPage(page as Wire<Page<PublicClaimSummary>>);
}

/** The public claim with this slug, or null (see lib/public getPublicClaim). */
export async function getPublicClaim(slug: string): Promise<PublicClaim | null> {
  if (!taggable(slug)) return uncached.getPublicClaim(slug);
  const claim = await cached(
    "getPublicClaim",
    [publicTags.claim(slug)],
    async (s: string) => {
      const result = await uncached.getPublicClaim(s);
      // Not public: stored only when the claim exists (a draft), not for any slug typed.
      if (!result && !(await db.claim.findUnique({ where: { slug: s }, select: { id: true } }))) throw new Uncacheable(null);
      return result;
    },
    [slug],
  );
  return claim === null ? null : revive.claim(claim as Wire<PublicClaim>);
}

/** The public speaker with this slug, or null (see lib/public getPublicSpeaker). */
export async function getPublicSpeaker(slug: string, options: { limit?: number } = {}): Promise<PublicSpeaker | null> {
  if (!taggable(slug)) return uncached.getPublicSpeaker(slug, options);
  const speaker = await cached(
    "getPublicSpeaker",
    [publicTags.speaker(slug)],
    async (s: string, o: { limit?: number }) => {
      const result = await uncached.getPublicSpeaker(s, o);
      if (!result && !(await db.speaker.findUnique({ where: { slug: s }, select: { id: true } }))) throw new Uncacheable(null);
      return result;
    },
    [slug, { limit: options.limit }],
  );
  return speaker === null ? null : revive.speaker(speaker as Wire<PublicSpeaker>);
}

/** The numbers of the verdict scale (see lib/public getPublicRatingScale). */
export async function getPublicRatingScale(): Promise<{ best: number; worst: number } | null> {
  return cached("getPublicRatingScale", [], () => uncached.getPublicRatingScale(), []) as Promise<{ best: number; worst: number } | null>;
}

/** The slugs of every public claim, speaker and topic (see lib/public listPublicSitemap). A
 * speaker or topic becomes public with a claim, so the claim list's tag covers them. */
export async function listPublicSitemap(): Promise<PublicSitemap> {
  const sitemap = await cached("listPublicSitemap", [publicTags.claimList], () => uncached.listPublicSitemap(), []);
  return revive.sitemap(sitemap as Wire<PublicSitemap>);
}

/** A public speaker's page (see lib/public getPublicSpeakerPage), or null. */
export async function getPublicSpeakerPage(
  slug: string,
  options: { claimPage?: number; quotePage?: number; pageSize?: number } = {},
): Promise<PublicSpeakerPage | null> {
  if (!taggable(slug)) return uncached.getPublicSpeakerPage(slug, options);
  const page = await cached(
    "getPublicSpeakerPage",
    [publicTags.speaker(slug)],
    async (s: string, o: { claimPage?: number; quotePage?: number; pageSize?: number }) => {
      const result = await uncached.getPublicSpeakerPage(s, o);
      if (!result && !(await db.speaker.findUnique({ where: { slug: s }, select: { id: true } }))) throw new Uncacheable(null);
      // Pages past the end of its claims or quotes: answered, not stored.
      if (result && ((result.claims.items.length === 0 && result.claims.page > 1) || (result.quotes.items.length === 0 && result.quotes.page > 1))) {
        throw new Uncacheable(result);
      }
      return result;
    },
    [slug, { claimPage: options.claimPage, quotePage: options.quotePage, pageSize: options.pageSize }],
  );
  return page === null ? null : revive.speakerPage(page as Wire<PublicSpeakerPage>);
}

/** Every public topic with its number of public claims (see lib/public listPublicTopics). */
export async function listPublicTopics(): Promise<PublicTopicWithCount[]> {
  return (await cached("listPublicTopics", [publicTags.claimList], () => uncached.listPublicTopics(), [])) as PublicTopicWithCount[];
}

/** A public topic and one page of its claims (see lib/public getPublicTopic), or null. */
export async function getPublicTopic(
  slug: string,
  options: { page?: number; pageSize?: number } = {},
): Promise<{ topic: PublicTopic; claims: Page<PublicClaimSummary> } | null> {
  if (!taggable(slug)) return uncached.getPublicTopic(slug, options);
  const topic = await cached(
    "getPublicTopic",
    [publicTags.topic(slug)],
    async (s: string, o: { page?: number; pageSize?: number }) => {
      const result = await uncached.getPublicTopic(s, o);
      if (!result && !(await db.topic.findUnique({ where: { slug: s }, select: { id: true } }))) throw new Uncacheable(null);
      if (result && result.claims.items.length === 0 && result.claims.page > 1) throw new Uncacheable(result);
      return result;
    },
    [slug, { page: options.page, pageSize: options.pageSize }],
  );
  return topic === null ? null : revive.topic(topic as Wire<{ topic: PublicTopic; claims: Page<PublicClaimSummary> }>);
}

/** The verdict scale (see lib/public getVerdictScale). */
export async function getVerdictScale(): Promise<PublicVerdictScale> {
  return (await cached("getVerdictScale", [], () => uncached.getVerdictScale(), [])) as PublicVerdictScale;
}

/** Published corrections and retractions, newest first (see lib/public listPublicCorrections).
 * They are published by workflow steps, which revalidate the claim list's tag. */
export async function listPublicCorrections(options: { page?: number; pageSize?: number } = {}): Promise<Page<PublicCorrectionEntry>> {
  const page = await cached(
    "listPublicCorrections",
    [publicTags.claimList],
    async (o: { page?: number; pageSize?: number }) => {
      const result = await uncached.listPublicCorrections(o);
      if (result.items.length === 0 && result.page > 1) throw new Uncacheable(result);
      return result;
    },
    [{ page: options.page, pageSize: options.pageSize }],
  );
  return revive.corrections(page as Wire<Page<PublicCorrectionEntry>>);
}

/** A search (see lib/public/search searchPublic). Unlike the other reads, what is stored here
 * is as varied as what readers type: the cache's size bound (CLAIMBASE_CACHE_MB, least
 * recently used out first) is what keeps a flood of different searches from growing it; they
 * can push other entries out, which are then rendered again, as each search is today. Popular
 * searches are answered from the cache like any page (docs/caching.md). */
export async function searchPublic(input: SearchInput): Promise<SearchResult> {
  const query = search.normalizeSearchInput(input);
  const result = await cached("searchPublic", [publicTags.search], (q: SearchInput) => search.searchPublic(q), [query]);
  return revive.search(result as Wire<SearchResult>);
}

/** The choices of the search form's filters (see lib/public/search listSearchFilters). */
export async function listSearchFilters(): Promise<SearchFilterOptions> {
  return (await cached("listSearchFilters", [publicTags.claimList], () => search.listSearchFilters(), [])) as SearchFilterOptions;
}
