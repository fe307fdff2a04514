// Public search over claims, quotes and speakers. The rule of lib/public, in SQL
// (publicClaimSql): only what two people approved is read or searched (docs/publication.md):
// - a claim is public when "publicState" and "publicationId" are set, and of it only the public
//   columns are read or searched: text, publishedSummary, publishedVerdictId, publishedAt (the
//   generated search* columns hold exactly text and publishedSummary, see the migrations), its
//   approved topics (PublishedClaimTopic) and its claimant's approved name (its publication);
// - a quote is public as approved on a public claim: PublishedQuote, never the working Quote
//   (its own generated search* columns hold its approved text);
// - a speaker is public when it is the claimant of a public claim, or says or reports a
//   public quote; speaker hits show its record (name, aliases, bio), which only desk roles
//   change once it is public.
//
// How it searches (see prisma/migrations/*_search_unaccent):
// - full text, German and English: every item is matched against websearch_to_tsquery() in
//   both configurations (claimbase_german and claimbase_english, which fold accents), ranked
//   with ts_rank_cd, the better of the two counts. Speaker names and aliases are matched as
//   written (claimbase_simple), and a speaker whose name or alias is the query, or contains
//   all its words, ranks above every claim and quote ("Putin" finds Wladimir Putin first);
// - when full text finds nothing at all, the query is spelt again: each word becomes its most
//   similar words (pg_trgm) in the vocabulary of the public texts ("SearchWord", a
//   materialized view, prisma/migrations/*_search_words), and claims and quotes are searched
//   with full text for every word (one of its spellings each), else for any of them; speaker
//   names and aliases are compared by trigram similarity ("Herschaftsgebiet", "Kremlchev").
//   The result says so (`fallback`), with a `suggestion` built from the words it found.
//   (Comparing the query with every quote's text instead costs ~30 µs a quote: 0.4 s for a
//   typo of a common word on 50,000 quotes, docs/performance.md);
// - a query of stopwords only ("der", "the") finds nothing: in the other language's
//   configuration it would match almost every text;
// - filters (verdict, speaker, topic, dates) narrow claims and quotes (a quote through the
//   public claims it is attached to); with a filter, speakers are not listed. Filters without
//   a query list every public claim and quote that passes them, newest first;
// - snippets come from ts_headline with private-use characters as markers, turned into
//   {text, hit} segments here: nothing from the database is ever treated as HTML.
// Results are not cached (lib/public/cached.ts): anyone can type anything.
// Every value is a bound parameter of a tagged template (Prisma.sql); optional clauses are
// Prisma.sql fragments, never strings built from input.
import { createHash } from "node:crypto";
import pg from "pg";
import { z } from "zod";
import { hasControlCharacter } from "../input-text";
import { Prisma } from "../generated/prisma/client";
import type { PublicState, SpeakerKind } from "../generated/prisma/enums";
import { db, poolOf, type Db } from "../db/client";
import { NEWSROOM_TIME_ZONE } from "../format";
import {
  estimateRows,
  parsePageNumber,
  roundEstimate,
  publicClaimSql,
  publicClaimWhere,
  publicTopicWhere,
  type PublicSpeakerRef,
  type PublicVerdict,
} from "./index";

export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_MAX_QUERY_LENGTH = 200;
export const SEARCH_TYPES = ["all", "claims", "quotes", "speakers"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** What the caller asks for; every field is optional and checked (invalid values are ignored). */
export interface SearchInput {
  q?: string | null;
  type?: SearchType | null;
  /** Key of a published verdict. */
  verdict?: string | null;
  /** A speaker, by slug, name or alias (accents and case aside): the claimant of claims, the
   * speaker of quotes. */
  speaker?: string | null;
  /** Slug of a topic. */
  topic?: string | null;
  /** YYYY-MM-DD, inclusive: publishedAt of claims (newsroom time zone), saidOn of quotes. */
  from?: string | null;
  to?: string | null;
  page?: number | null;
}

/** The input as it was understood: normalised, invalid values dropped. */
export interface SearchQuery {
  q: string;
  type: SearchType;
  verdict: string | null;
  speaker: string | null;
  topic: string | null;
  from: string | null;
  to: string | null;
  page: number;
}

/** Text with the matched words marked. Render `hit` segments in <mark>, as text. */
export type Snippet = { text: string; hit: boolean }[];

export interface ClaimHit {
  type: "claim";
  slug: string;
  language: string;
  status: PublicState;
  text: Snippet;
  /** An excerpt of the published summary, with its matches marked. */
  summary: Snippet | null;
  verdict: PublicVerdict | null;
  claimant: PublicSpeakerRef | null;
  publishedAt: Date | null;
}

export interface QuoteHit {
  type: "quote";
  text: Snippet;
  language: string;
  saidOn: Date | null;
  speaker: PublicSpeakerRef;
  reportedBy: PublicSpeakerRef | null;
  /** The public claim the quote is attached to (the one matching the filters, newest first). */
  claim: { slug: string; text: string };
}

export interface SpeakerHit {
  type: "speaker";
  slug: string;
  name: Snippet;
  speakerKind: SpeakerKind;
  /** The alias that matched, when it was an alias. */
  alias: Snippet | null;
  bio: Snippet | null;
}

export type SearchHit = ClaimHit | QuoteHit | SpeakerHit;

export interface SearchCounts {
  all: number;
  claims: number;
  quotes: number;
  speakers: number;
}

export interface SearchResult {
  query: SearchQuery;
  /** False when there was nothing to search for (no query and no filter). */
  searched: boolean;
  items: SearchHit[];
  /** Hits of the selected type. */
  total: number;
  /** Hits of every type, for the tabs. */
  counts: SearchCounts;
  /** Which counts are estimates (more matches than SEARCH_CANDIDATES: "about 12,000"); `total`
   * is one when the count of its type is. */
  estimated: { [K in keyof SearchCounts]: boolean };
  page: number;
  pageSize: number;
  pageCount: number;
  /** Full text found nothing: these are similar spellings (trigram similarity). */
  fallback: boolean;
  /** With `fallback`: the query spelt as the closest words found ("Meinten Sie …"). */
  suggestion: string | null;
  /** The public speaker the speaker filter names, or null (no filter, or no such speaker). */
  speaker: { slug: string; name: string } | null;
}

export interface SearchFilterOptions {
  verdicts: { key: string; nameDe: string; nameEn: string }[];
  topics: { slug: string; nameDe: string; nameEn: string }[];
  /** Suggestions for the speaker field: the public speakers with the most public claims (the
   * field takes any name; a list of every speaker would make the page as long as the newsroom). */
  speakers: { slug: string; name: string }[];
}

/** How many speakers the search form suggests. */
export const SUGGESTED_SPEAKERS = 50;

// ---------------------------------------------------------------------------------------
// Input.

/** The deepest page of results: 1,000 hits. Each page deeper ranks 20 more candidates (of each
 * type), so this bounds what any one search can cost; at 10,000 pages a request for the last
 * one made the search fetch and rank up to 200,000 candidates. Search engines stop there too:
 * past the first pages, a reader narrows the query or the filters. */
export const SEARCH_MAX_PAGE = 50;

/** Of a query as sent, this many characters are read at most: twenty times the longest query
 * kept, so that whitespace collapsed away never shortens a real one, and a megabyte of it costs
 * what four kilobytes cost. */
const SEARCH_INPUT_READ = 4_096;

export function cleanQuery(value: string): string {
  return (
    value
      .slice(0, SEARCH_INPUT_READ)
      .normalize("NFC")
      // Control characters (NUL cannot even be sent) and the snippet markers.
      .replace(/[\u0000-\u001f\u007f\uE000\uE001]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, SEARCH_MAX_QUERY_LENGTH)
      .trim()
  );
}

// A filter with a control character names nothing (and a NUL would make PostgreSQL refuse the
// query): it is ignored like any other invalid filter.
const slugLike = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((s) => !hasControlCharacter(s));
const isoDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  });

const inputSchema = z.object({
  q: z.string().catch("").transform(cleanQuery),
  type: z.enum(SEARCH_TYPES).catch("all"),
  verdict: slugLike.nullable().catch(null),
  speaker: slugLike.nullable().catch(null),
  topic: slugLike.nullable().catch(null),
  from: isoDay.nullable().catch(null),
  to: isoDay.nullable().catch(null),
  page: z.number().int().min(1).catch(1).transform((page) => Math.min(page, SEARCH_MAX_PAGE)),
});

export function normalizeSearchInput(input: SearchInput): SearchQuery {
  return inputSchema.parse({
    q: input.q ?? "",
    type: input.type ?? "all",
    verdict: input.verdict || null,
    speaker: input.speaker || null,
    topic: input.topic || null,
    from: input.from || null,
    to: input.to || null,
    page: input.page ?? 1,
  });
}

/** The search input from a page's query string (`?q=…&type=…&page=…`). */
export function parseSearchParams(params: Record<string, string | string[] | undefined>): SearchInput {
  const one = (key: string): string | null => {
    const v = params[key];
    const s = Array.isArray(v) ? v[0] : v;
    return typeof s === "string" ? s : null;
  };
  const type = one("type");
  return {
    q: one("q"),
    type: (SEARCH_TYPES as readonly string[]).includes(type ?? "") ? (type as SearchType) : "all",
    verdict: one("verdict"),
    speaker: one("speaker"),
    topic: one("topic"),
    from: one("from"),
    to: one("to"),
    page: Math.min(parsePageNumber(params.page), SEARCH_MAX_PAGE),
  };
}

// ---------------------------------------------------------------------------------------
// Snippets.

const START = "\uE000";
const STOP = "\uE001";
const MARKERS = START + STOP;

// ts_headline options. Claim and quote texts are short: shown whole, every match marked.
// Summaries and bios: up to two fragments around the matches.
const WHOLE = `StartSel=${START}, StopSel=${STOP}, HighlightAll=true`;
const FRAGMENTS = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;
/** Claim and quote texts longer than this are cut to fragments. */
const WHOLE_MAX_LENGTH = 400;
/** Summaries and bios longer than this are cut: to fragments around the matches (full
 * text), or at this length (fallback, filters only). */
const EXCERPT_LENGTH = 300;

export function parseSnippet(marked: string): Snippet {
  const out: Snippet = [];
  let hit = false;
  for (const part of marked.split(/([\uE000\uE001])/)) {
    if (part === START) hit = true;
    else if (part === STOP) hit = false;
    else if (part) {
      const last = out[out.length - 1];
      if (last && last.hit === hit) last.text += part;
      else out.push({ text: part, hit });
    }
  }
  return out;
}

/** "… " before and " …" after a snippet that is cut out of a longer `original`. */
function withEllipses(snippet: Snippet, original: string): Snippet {
  const text = snippet.map((s) => s.text).join("");
  if (!text || text === original) return snippet;
  const out = [...snippet];
  if (!original.startsWith(text.slice(0, 24))) out.unshift({ text: "… ", hit: false });
  if (!original.endsWith(text.slice(-24))) out.push({ text: " …", hit: false });
  return out;
}

function plain(text: string): Snippet {
  return text ? [{ text, hit: false }] : [];
}

function excerpt(text: string): string {
  if (text.length <= EXCERPT_LENGTH) return text;
  const cut = text.slice(0, EXCERPT_LENGTH);
  const space = cut.lastIndexOf(" ");
  return `${space > EXCERPT_LENGTH / 2 ? cut.slice(0, space) : cut} …`;
}

// Trigram similarity as pg_trgm computes it (words padded with two spaces before and one
// after), to mark the similar words of fallback hits and to spell the suggestion.
function fold(s: string): string {
  return s.toLowerCase().normalize("NFD").replace(/\p{M}+/gu, "").replace(/ß/g, "ss");
}

function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const set = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3));
  return set;
}

function wordSimilarity(a: string, b: string): number {
  const ta = trigrams(fold(a));
  const tb = trigrams(fold(b));
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

const WORD = /[\p{L}\p{N}]+/gu;
/** A word of a fallback hit counts as "the same" as a query word from this similarity on. */
const SIMILAR_WORD = 0.45;

function queryWords(q: string): string[] {
  return [...q.matchAll(WORD)].map((m) => m[0]).filter((w) => w.length >= 3);
}

function markSimilar(text: string, words: string[]): Snippet {
  const out: Snippet = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    if (!words.some((w) => wordSimilarity(w, word) >= SIMILAR_WORD)) continue;
    const at = m.index ?? 0;
    if (at > last) out.push({ text: text.slice(last, at), hit: false });
    out.push({ text: word, hit: true });
    last = at + word.length;
  }
  if (last < text.length) out.push({ text: text.slice(last), hit: false });
  return out;
}

/** The query with each word replaced by its first similar word of the vocabulary, else by the
 * most similar word of the hits, when different; written as the hits write it. */
function suggest(q: string, texts: string[], similar: Map<string, string[]>): string | null {
  const candidates = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(WORD)) if (m[0].length >= 3) candidates.add(m[0]);
  let changed = false;
  const spelt = q.replace(WORD, (word) => {
    if (word.length < 3) return word;
    const spelling = similar.get(fold(word))?.[0];
    if (spelling !== undefined) {
      if (spelling === fold(word)) return word;
      changed = true;
      for (const c of candidates) if (fold(c) === spelling) return c;
      return spelling;
    }
    let best: string | null = null;
    let bestScore = SIMILAR_WORD;
    for (const c of candidates) {
      if (fold(c) === fold(word)) return word;
      const score = wordSimilarity(word, c);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (best === null) return word;
    changed = true;
    return best;
  });
  return changed ? spelt : null;
}

// ---------------------------------------------------------------------------------------
// SQL.

type Mode = "fulltext" | "fallback" | "filters";

/** The query spelt with words of the vocabulary: for each query word, its similar words. */
interface Spelling {
  groups: string[][];
  /** Any group instead of every group. */
  any: boolean;
}

interface Filters {
  verdict: string | null;
  speaker: string | null;
  topic: string | null;
  from: string | null;
  to: string | null;
}

const sql = Prisma.sql;
const none = Prisma.empty;

function tsq(q: string) {
  return {
    de: sql`websearch_to_tsquery('claimbase_german', ${q})`,
    en: sql`websearch_to_tsquery('claimbase_english', ${q})`,
    simple: sql`websearch_to_tsquery('claimbase_simple', ${q})`,
    /** The query for trigram comparisons. */
    flat: sql`claimbase_unaccent(${q})`,
    /** Whether the query has words that are not stopwords in German and in English: a query
     * of German stopwords ("der", "und") would otherwise match almost every text through the
     * English configuration, and "the" every English one through the German. */
    meaningful: sql`(numnode(websearch_to_tsquery('claimbase_german', ${q})) > 0
                     AND numnode(websearch_to_tsquery('claimbase_english', ${q})) > 0)`,
  };
}

/** Full text on a public claim `c` (its text and published summary, in both languages), as the
 * search matches claims: for the Fact Check Tools endpoint (lib/public/factcheck.ts). */
export function claimTextMatch(q: string): { match: Prisma.Sql; score: Prisma.Sql } {
  const t = tsq(q);
  return {
    match: sql`(${t.meaningful} AND (c."searchDe" @@ ${t.de} OR c."searchEn" @@ ${t.en}))`,
    score: sql`GREATEST(ts_rank_cd(c."searchDe", ${t.de}, 1), ts_rank_cd(c."searchEn", ${t.en}, 1))`,
  };
}

/** Conditions on a public claim `c` shared by claim hits and the claim a quote links to. */
/** The tsqueries of a spelling: one of each group's words, for every group (or any). */
function spelt(spelling: Spelling) {
  const config = (name: string) =>
    Prisma.join(
      spelling.groups.map((words) => sql`websearch_to_tsquery(${name}::regconfig, ${words.join(" or ")})`),
      spelling.any ? " || " : " && ",
    );
  return { de: sql`(${config("claimbase_german")})`, en: sql`(${config("claimbase_english")})` };
}

/** The match and the score of full text, or of a spelling in the fallback. `walked`: the match
 * as a test of each row that no index can answer (IS TRUE), for a walk of the date index. */
function textSearch(mode: Mode, q: string, spelling: Spelling | null, columns: { de: Prisma.Sql; en: Prisma.Sql }, walked = false) {
  const t = mode === "fallback" && spelling ? spelt(spelling) : tsq(q);
  const meaningful = mode === "fallback" ? sql`TRUE` : tsq(q).meaningful;
  const words = sql`(${columns.de} @@ ${t.de} OR ${columns.en} @@ ${t.en})`;
  return {
    match:
      mode === "filters"
        ? sql`TRUE`
        : mode === "fallback" && !spelling
          ? sql`FALSE`
          : sql`${meaningful} AND ${walked ? sql`${words} IS TRUE` : words}`,
    score:
      mode === "filters" ? sql`0` : sql`GREATEST(ts_rank_cd(${columns.de}, ${t.de}, 1), ts_rank_cd(${columns.en}, ${t.en}, 1))`,
  };
}

function claimFilters(f: Filters): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (f.verdict !== null) {
    parts.push(sql`AND EXISTS (SELECT 1 FROM "VerdictLabel" v WHERE v.id = c."publishedVerdictId" AND v.key = ${f.verdict})`);
  }
  if (f.topic !== null) {
    parts.push(sql`AND EXISTS (SELECT 1 FROM "PublishedClaimTopic" ct JOIN "Topic" t ON t.id = ct."topicId"
                                WHERE ct."claimId" = c.id AND t.slug = ${f.topic})`);
  }
  return parts.length ? Prisma.join(parts, " ") : none;
}

/** Start of a calendar day in the newsroom's time zone, as the UTC timestamps are stored. */
function dayStart(day: Prisma.Sql): Prisma.Sql {
  return sql`((${day})::timestamp AT TIME ZONE ${NEWSROOM_TIME_ZONE} AT TIME ZONE 'UTC')`;
}

// The cost of a search is bound by the page, not by the archive: of each type, at most
// `limit` matches are ranked (SEARCH_CANDIDATES, more for deep pages), the newest, and matches
// are counted up to SEARCH_CANDIDATES + 1, above which the count is the planner's estimate. A
// query with fewer matches than the limit (every query on an archive of a few thousand items) is
// ranked and counted exactly as before. How the newest matches are found: `newestMatches`.
// docs/performance.md has the figures.

/** The public claims matching, newest first (ids only: what is ranked is computed on at most
 * `limit` of them). */
function claimMatches(mode: Mode, q: string, f: Filters, spelling: Spelling | null, walked = false): Prisma.Sql {
  const { match } = textSearch(mode, q, spelling, { de: sql`c."searchDe"`, en: sql`c."searchEn"` }, walked);
  return sql`
      FROM "Claim" c
     WHERE ${publicClaimSql("c")} AND ${match}
       ${claimFilters(f)}
       ${f.speaker !== null ? sql`AND EXISTS (SELECT 1 FROM "Speaker" cs WHERE cs.id = c."claimantId" AND cs.slug = ${f.speaker})` : none}
       ${f.from !== null ? sql`AND c."publishedAt" >= ${dayStart(sql`${f.from}::date`)}` : none}
       ${f.to !== null ? sql`AND c."publishedAt" < ${dayStart(sql`${f.to}::date + 1`)}` : none}`;
}

/** Published quotes on public claims (which must also pass the claim filters), newest first.
 * The claim is a lookup per quote (a nested loop under the candidates' LIMIT), not a join the
 * planner could turn into a hash of every public claim. */
function quoteMatches(mode: Mode, q: string, f: Filters, spelling: Spelling | null, walked = false): Prisma.Sql {
  const { match } = textSearch(mode, q, spelling, { de: sql`qt."searchDe"`, en: sql`qt."searchEn"` }, walked);
  return sql`
       FROM "PublishedQuote" qt
       CROSS JOIN LATERAL (SELECT c.* FROM "Claim" c WHERE c.id = qt."claimId" AND ${publicClaimSql("c")} OFFSET 0) c
      WHERE ${match}
        ${claimFilters(f)}
        ${f.speaker !== null ? sql`AND EXISTS (SELECT 1 FROM "Speaker" qs WHERE qs.id = qt."speakerId" AND qs.slug = ${f.speaker})` : none}
        ${f.from !== null ? sql`AND qt."saidOn" >= ${f.from}::date` : none}
        ${f.to !== null ? sql`AND qt."saidOn" <= ${f.to}::date` : none}`;
}

/** How the newest matches of one type are found (`newestMatches`). */
interface MatchKind {
  /** The matching rows: FROM … WHERE … */
  matches: Prisma.Sql;
  /** The same, with the text matched row by row (walking the date index). */
  walked: Prisma.Sql;
  /** What testing a row costs on that walk, in reads of a match (newestMatches). */
  walkRowCost: number;
  /** The columns of a candidate. */
  columns: Prisma.Sql;
  /** Newest first, as the type's date index orders (ties broken by a unique column). */
  order: Prisma.Sql;
  /** The same order, by an expression the date index cannot give (see newestMatches). */
  orderUnindexed: Prisma.Sql;
  /** The column the order starts with, its table and column names, and its type. */
  date: Prisma.Sql;
  table: string;
  column: string;
  dateType: Prisma.Sql;
}

const claimKind = (mode: Mode, q: string, f: Filters, spelling: Spelling | null): MatchKind => ({
  matches: claimMatches(mode, q, f, spelling),
  walked: claimMatches(mode, q, f, spelling, true),
  // 9.3 µs: a claim's search vectors are stored out of its row.
  walkRowCost: 2.3,
  columns: sql`c.id`,
  order: sql`c."publishedAt" DESC NULLS LAST, c.slug`,
  orderUnindexed: sql`(c."publishedAt" + interval '0 s') DESC NULLS LAST, c.slug`,
  date: sql`c."publishedAt"`,
  table: "Claim",
  column: "publishedAt",
  dateType: sql`timestamp`,
});

const quoteKind = (mode: Mode, q: string, f: Filters, spelling: Spelling | null): MatchKind => ({
  matches: quoteMatches(mode, q, f, spelling),
  walked: quoteMatches(mode, q, f, spelling, true),
  // 3.4 µs, the vectors in the row.
  walkRowCost: 0.85,
  columns: sql`qt.id, qt."quoteId", c.id AS "linkId", c."publishedAt"::text AS "linkDate"`,
  order: sql`qt."saidOn" DESC NULLS LAST, qt.id`,
  orderUnindexed: sql`(qt."saidOn" + 0) DESC NULLS LAST, qt.id`,
  date: sql`qt."saidOn"`,
  table: "PublishedQuote",
  column: "saidOn",
  dateType: sql`date`,
});

/**
 * Rows of a statement that moves candidate lists (hundreds of ids in or out), read through the
 * client's pg pool. Prisma's raw queries cost about 3 ms more for each list of 500 values in
 * or out than pg alone (measured on this machine), and a search moves six such lists. Only
 * text, integers and float8 go through here: pg reads them as Prisma does.
 */
async function candidateRows<Row>(client: Db, query: Prisma.Sql): Promise<Row[]> {
  return (await poolOf(client).query(query.text, query.values)).rows as Row[];
}

/** Timestamps and dates as Prisma reads them (UTC), whatever the process's time zone. */
const utcDates = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === pg.types.builtins.TIMESTAMP) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
    if (oid === pg.types.builtins.DATE) return (value: string) => new Date(`${value}T00:00:00Z`);
    return pg.types.getTypeParser(oid, format);
  },
};

/**
 * Rows of a statement whose text is one of a few (by the search's mode and tab), as a prepared
 * statement of each connection: parsed once, and once PostgreSQL finds a plan for every value
 * as good as one for these values (after five runs), planned once. The page's statement was
 * parsed and planned anew for 5–15 ms of each search, its speakers' statement for 3–11 ms.
 * Only for statements whose plan does not depend on the values' sizes.
 */
async function preparedRows<Row>(client: Db, query: Prisma.Sql): Promise<Row[]> {
  const name = `search_${createHash("sha1").update(query.text).digest("hex").slice(0, 20)}`;
  return (await poolOf(client).query({ name, text: query.text, values: query.values, types: utcDates })).rows as Row[];
}

/** How much larger than needed a window of newest rows is made, against the estimate's error. */
const WINDOW_MARGIN = 1.5;
/** Windows tried before the whole table is searched. */
const WINDOW_ROUNDS = 3;
/** What the ways of finding matches cost, in reads of a match (4 µs, measured at a million
 * quotes): an entry of the full-text index (0.3 µs); a row of a window's date range in the
 * bitmap PostgreSQL builds of it (0.6 µs). A row tested while walking the date index is the
 * type's `walkRowCost`. */
const INDEX_ENTRY_COST = 0.075;
const WINDOW_ROW_COST = 0.15;

/**
 * The newest `count` matches of a type, in its order, and the planner's estimate of how many
 * match in all.
 *
 * The search looks in a window of the newest rows, sized by the planner's estimate of the
 * matches to hold `count` of them (with a margin). The window's oldest date comes from the
 * column's histogram in the planner's statistics (no row is read for it). Every row outside the
 * window is older than every row in it, so when the window holds `count` matches they are
 * exactly the newest `count` of the whole table. When it holds fewer (the estimate was too
 * high), a wider window is tried, sized by what this one held, and at last the whole table.
 *
 * There are three ways to find them, and the cheapest by the estimate is taken:
 * - the whole table: every match from the full-text index, read and sorted (a rare word);
 * - the window: PostgreSQL intersects the full-text index with the date index's range (a
 *   BitmapAnd) and reads only the rows in both; the index still yields every entry of the
 *   word (14 ms for a word in one claim of six, at a million quotes);
 * - a walk: the date index newest first, each row tested, until `count` match or the window
 *   ends; for a word so common that `count` matches are among the newest few hundred rows
 *   (5 ms for the same word). A word one row in thirty holds would make it test thirty rows
 *   a match (280 ms before there were windows).
 */
async function newestMatches<Row>(client: Db, kind: MatchKind, count: number): Promise<{ rows: Row[]; estimate: number }> {
  const estimate = await estimateRows(client, sql`SELECT 1 ${kind.matches}`);
  // The whole table is searched when the matches are expected to be few, or fewer than a
  // window's estimate said: then they are all taken from the full-text index and sorted. Ordered
  // by the date column itself, the planner may instead walk the date index under the LIMIT and
  // test every row, the whole table for a word nobody wrote (a second for a misspelling at a
  // million quotes): the order by an expression rules that out.
  const whole = () =>
    candidateRows<Row>(client, sql`SELECT ${kind.columns} ${kind.matches} ORDER BY ${kind.orderUnindexed} LIMIT ${count}`);
  const inWindow = (since: string, walk: boolean) =>
    candidateRows<Row>(
      client,
      sql`SELECT ${kind.columns} ${walk ? kind.walked : kind.matches} AND ${kind.date} >= ${since}::${kind.dateType}
           ORDER BY ${kind.order} LIMIT ${count}`,
    );
  // The share of the newest rows to look at.
  let share = (WINDOW_MARGIN * count) / Math.max(estimate, 1);
  if (share >= 1) return { rows: await whole(), estimate };
  // The table's size, and the bounds as text (anyarray → text → text[]: the driver hands them
  // over as a list).
  const [stats] = await preparedRows<{ tableRows: number; bounds: string[] | null }>(
    client,
    sql`SELECT t.reltuples::float8 AS "tableRows", s.histogram_bounds::text::text[] AS bounds
          FROM pg_class t
          LEFT JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = t.relname AND s.attname = ${kind.column}
         WHERE t.oid = to_regclass(format('%I.%I', current_schema(), ${kind.table}::text))`,
  );
  const tableRows = stats?.tableRows ?? 0;
  const bounds = stats?.bounds ?? [];
  for (let round = 0; round < WINDOW_ROUNDS && share < 1 && bounds.length > 1; round++) {
    const windowRows = share * tableRows;
    const windowCost = estimate * INDEX_ENTRY_COST + windowRows * WINDOW_ROW_COST + WINDOW_MARGIN * count;
    if (estimate * (1 + INDEX_ENTRY_COST) <= windowCost) break;
    const walkCost = Math.min(windowRows, (count * tableRows) / Math.max(estimate, 1)) * kind.walkRowCost;
    // The bounds divide the rows into equal parts, oldest first.
    const since = bounds[Math.floor((1 - share) * (bounds.length - 1))]!;
    const rows = await inWindow(since, walkCost < windowCost);
    if (rows.length === count) return { rows, estimate };
    share *= rows.length ? (WINDOW_MARGIN * count) / rows.length : 8;
  }
  return { rows: await whole(), estimate };
}

function claimHits(mode: Mode, q: string, spelling: Spelling | null, ids: string[]): Prisma.Sql {
  const { score } = textSearch(mode, q, spelling, { de: sql`c."searchDe"`, en: sql`c."searchEn"` });
  return sql`
    SELECT 'claim'::text AS type, c.id, NULL::text AS "linkId", 0 AS tier, (${score})::float8 AS score, c."publishedAt" AS "sortDate"
      FROM unnest(${ids}::text[]) k(id)
      -- A lookup per candidate (OFFSET 0 keeps it one): never a hash of the whole table.
      CROSS JOIN LATERAL (SELECT * FROM "Claim" c WHERE c.id = k.id OFFSET 0) c`;
}

interface QuoteCandidate {
  id: string;
  quoteId: string;
  linkId: string;
  linkDate: string | null;
}

function quoteHits(mode: Mode, q: string, spelling: Spelling | null, candidates: QuoteCandidate[]): Prisma.Sql {
  const { score } = textSearch(mode, q, spelling, { de: sql`qt."searchDe"`, en: sql`qt."searchEn"` });
  // A quote is public as approved on a public claim: one hit per quote, the approved version
  // of the newest such claim, which the hit links to. The hit's id is that PublishedQuote row.
  return sql`
    (SELECT DISTINCT ON (qt."quoteId")
            'quote'::text AS type, qt.id, k."linkId", 0 AS tier, (${score})::float8 AS score,
            qt."saidOn"::timestamp AS "sortDate"
       FROM unnest(${candidates.map((c) => c.id)}::text[], ${candidates.map((c) => c.linkId)}::text[],
                   ${candidates.map((c) => c.linkDate)}::timestamp[]) k(id, "linkId", "linkDate")
       CROSS JOIN LATERAL (SELECT * FROM "PublishedQuote" qt WHERE qt.id = k.id OFFSET 0) qt
      ORDER BY qt."quoteId", k."linkDate" DESC NULLS LAST, k."linkId")`;
}

// Three lookups, each by its own index (Claim.claimantId, PublishedQuote.speakerId,
// PublishedQuote.reportedById): lib/public's publicSpeakerWhere.
const publicSpeakerSql = sql`(
  EXISTS (SELECT 1 FROM "Claim" c WHERE c."claimantId" = s.id AND ${publicClaimSql("c")})
  OR EXISTS (SELECT 1 FROM "PublishedQuote" qt JOIN "Claim" c ON c.id = qt."claimId"
              WHERE qt."speakerId" = s.id AND ${publicClaimSql("c")})
  OR EXISTS (SELECT 1 FROM "PublishedQuote" qt JOIN "Claim" c ON c.id = qt."claimId"
              WHERE qt."reportedById" = s.id AND ${publicClaimSql("c")}))`;

/** Name or alias equal to the query, accents and case aside. */
function exactName(q: string, column: Prisma.Sql): Prisma.Sql {
  return sql`lower(claimbase_unaccent(${column})) = lower(claimbase_unaccent(${q}))`;
}

function speakerHits(mode: Mode, q: string): Prisma.Sql {
  const t = tsq(q);
  // The speakers found by their own row (name, bio), and those found by an alias.
  let byRow: Prisma.Sql;
  let byAlias: Prisma.Sql;
  let score: Prisma.Sql;
  let tier: Prisma.Sql;
  let named = sql`SELECT NULL::text AS id, FALSE AS exact, FALSE AS words WHERE FALSE`;
  if (mode === "fulltext") {
    // Names and aliases as written (simple), bios stemmed (German, English). An alias
    // matches when it holds every word of the query; the trigram index finds the candidates.
    byRow = sql`${t.meaningful} AND (s."searchDe" @@ ${t.de} OR s."searchEn" @@ ${t.en} OR s."searchDe" @@ ${t.simple})`;
    byAlias = sql`
      SELECT a."speakerId" FROM "SpeakerAlias" a
       WHERE ${t.meaningful} AND ${t.flat} <% claimbase_unaccent(a.alias)
         AND to_tsvector('claimbase_simple', a.alias) @@ ${t.simple}`;
    score = sql`GREATEST(ts_rank_cd(s."searchDe", ${t.de}, 1), ts_rank_cd(s."searchEn", ${t.en}, 1),
                         ts_rank_cd(s."searchDe", ${t.simple}, 1))`;
    // The speakers whose name or an alias is the query, or with an alias that holds all its
    // words, found once by the indexes on names and aliases (folded, and words): worked out
    // for each matching speaker (its name folded and parsed, its aliases read), they cost
    // 12 ms for the 783 speakers whose bio has a common word, at 10,000 speakers.
    named = sql`
      SELECT id, bool_or(exact) AS exact, bool_or(words) AS words FROM (
        SELECT sp.id, TRUE AS exact, FALSE AS words FROM "Speaker" sp WHERE ${exactName(q, sql`sp.name`)}
        UNION ALL
        SELECT a."speakerId", TRUE, FALSE FROM "SpeakerAlias" a WHERE ${exactName(q, sql`a.alias`)}
        UNION ALL
        SELECT a."speakerId", FALSE, TRUE FROM "SpeakerAlias" a WHERE to_tsvector('claimbase_simple', a.alias) @@ ${t.simple}) x
       GROUP BY id`;
    // 2: the name or an alias is the query. 1: the name or an alias contains every word of the
    // query; the name's words are the lexemes of weight A in searchDe (its bio's are B).
    tier = sql`CASE
      WHEN al.exact THEN 2
      WHEN ts_filter(s."searchDe", '{a}') @@ ${t.simple} OR al.words THEN 1
      ELSE 0 END`;
  } else if (mode === "fallback") {
    byRow = sql`(claimbase_unaccent(s.name) % ${t.flat} OR ${t.flat} <% claimbase_unaccent(s.name))`;
    byAlias = sql`
      SELECT "speakerId" FROM "SpeakerAlias"
       WHERE claimbase_unaccent(alias) % ${t.flat} OR ${t.flat} <% claimbase_unaccent(alias)`;
    score = sql`GREATEST(
      similarity(claimbase_unaccent(s.name), ${t.flat}), word_similarity(${t.flat}, claimbase_unaccent(s.name)),
      (SELECT max(GREATEST(similarity(claimbase_unaccent(a.alias), ${t.flat}), word_similarity(${t.flat}, claimbase_unaccent(a.alias))))
         FROM "SpeakerAlias" a WHERE a."speakerId" = s.id))`;
    tier = sql`0`;
  } else {
    // Without a query there is nothing to find a speaker by.
    byRow = sql`FALSE`;
    byAlias = sql`SELECT NULL::text WHERE FALSE`;
    score = sql`0`;
    tier = sql`0`;
  }
  // Two selects, not one over the ids of both: the speakers found by their row come straight
  // from that scan, where a lookup of each by id cost as much again (13 ms for 537 speakers).
  // The same speaker found both ways is the same row, once (UNION).
  const hits = (found: Prisma.Sql) => sql`
    SELECT 'speaker'::text AS type, s.id, NULL::text AS "linkId", ${tier} AS tier, (${score})::float8 AS score,
           NULL::timestamp AS "sortDate"
      FROM "Speaker" s LEFT JOIN al ON al.id = s.id
     WHERE ${found} AND ${publicSpeakerSql}`;
  return sql`
    WITH al AS MATERIALIZED (${named})
    ${hits(byRow)} UNION ${hits(sql`s.id IN (${byAlias})`)}`;
}

/** Filters narrow claims and quotes (speakers have no verdict, topic or date, and the speaker
 * filter asks for what someone said): with any filter, speakers are left out. */
function withSpeakers(f: Filters): boolean {
  return Object.values(f).every((v) => v === null);
}

const ORDER = sql`h.tier DESC, h.score DESC, (h.type = 'speaker') DESC, h."sortDate" DESC NULLS LAST, h.type, h.id`;

/** Of each type, this many matches are ranked at most (the newest; more for deep pages), and
 * counted exactly: above it, the count is an estimate. Five pages of hits of each type; the
 * cost of a common word's search is about proportional to it (500: p95 113 ms at a million
 * quotes; 100: under 50 ms, docs/performance.md). */
export const SEARCH_CANDIDATES = 100;

interface MeaningColumn {
  meaningful: boolean;
}

interface CountRow {
  claims: number;
  quotes: number;
  speakers: number;
  meaningful: boolean;
  /** More matches than SEARCH_CANDIDATES: the count above is not the number of matches. */
  claimsCapped: boolean;
  quotesCapped: boolean;
  /** The planner's estimate of the matches of each type. */
  claimsEstimate: number;
  quotesEstimate: number;
}

interface PageRow {
  type: "claim" | "quote" | "speaker";
  claimSlug: string | null;
  claimText: string | null;
  claimTextMarked: string | null;
  claimLanguage: string | null;
  claimState: PublicState | null;
  claimPublishedAt: Date | null;
  claimSummaryMarked: string | null;
  claimSummary: string | null;
  verdictKey: string | null;
  verdictNameDe: string | null;
  verdictNameEn: string | null;
  verdictExplanationDe: string | null;
  verdictExplanationEn: string | null;
  verdictRatingValue: number | null;
  claimantSlug: string | null;
  claimantName: string | null;
  claimantKind: SpeakerKind | null;
  claimantWikidataId: string | null;
  quoteText: string | null;
  quoteTextMarked: string | null;
  quoteLanguage: string | null;
  quoteSaidOn: Date | null;
  quoteSpeakerSlug: string | null;
  quoteSpeakerName: string | null;
  quoteSpeakerKind: SpeakerKind | null;
  quoteSpeakerWikidataId: string | null;
  reporterSlug: string | null;
  reporterName: string | null;
  reporterKind: SpeakerKind | null;
  reporterWikidataId: string | null;
  speakerSlug: string | null;
  speakerName: string | null;
  speakerNameMarked: string | null;
  speakerKind: SpeakerKind | null;
  speakerAlias: string | null;
  speakerAliasMarked: string | null;
  speakerBio: string | null;
  speakerBioMarked: string | null;
}

/** A hit as ranked (ORDER), with the number of hits of its type. */
interface RankedHit {
  type: "claim" | "quote" | "speaker";
  id: string;
  linkId: string | null;
  tier: number;
  score: number;
  /** As text, so that it goes back to PostgreSQL exactly as it came. */
  sortDate: string | null;
  total: number;
}

/** The first `count` of `hits` (claimHits, quoteHits or speakerHits) in the page's order.
 * `read`: candidateRows, or preparedRows for a text that varies only with the mode. */
function bestHits(client: Db, hits: Prisma.Sql, count: number, read = candidateRows<RankedHit>): Promise<RankedHit[]> {
  return read(
    client,
    sql`SELECT h.type, h.id, h."linkId", h.tier, h.score, h."sortDate"::text AS "sortDate", (count(*) OVER ())::int AS total
          FROM (${hits}) h
         ORDER BY ${ORDER}
         LIMIT ${count}`,
  );
}

/** A speaker's address, looked up on its own: as joins, the page's speakers made the planner
 * weigh the orders of nine tables (3 ms of planning a search). */
function slugOf(id: Prisma.Sql): Prisma.Sql {
  return sql`(SELECT sp.slug FROM "Speaker" sp WHERE sp.id = ${id})`;
}

/** ts_headline of `doc` in the configuration that matched better, markers taken out first. */
function headline(mode: Mode, q: string, doc: Prisma.Sql, options: Prisma.Sql): Prisma.Sql {
  if (mode !== "fulltext") return sql`NULL::text`;
  const t = tsq(q);
  const clean = sql`translate(${doc}, ${MARKERS}, '')`;
  return sql`CASE WHEN p.de THEN ts_headline('claimbase_german', ${clean}, ${t.de}, ${options})
                  ELSE ts_headline('claimbase_english', ${clean}, ${t.en}, ${options}) END`;
}

function wholeOrFragments(doc: Prisma.Sql, maxLength: number): Prisma.Sql {
  return sql`CASE WHEN length(${doc}) <= ${maxLength} THEN ${WHOLE} ELSE ${FRAGMENTS} END`;
}

async function pageOfHits(
  client: Db,
  mode: Mode,
  q: string,
  f: Filters,
  type: SearchType,
  offset: number,
  spelling: Spelling | null,
): Promise<{ counts: CountRow; rows: PageRow[] }> {
  const t = tsq(q);
  const aliasMatch =
    mode === "fulltext"
      ? sql`(SELECT a.alias FROM "SpeakerAlias" a
              WHERE a."speakerId" = s.id
                AND (${exactName(q, sql`a.alias`)} OR to_tsvector('claimbase_simple', a.alias) @@ ${t.simple})
              ORDER BY (${exactName(q, sql`a.alias`)}) DESC, a.alias LIMIT 1)`
      : mode === "fallback"
        ? sql`(SELECT a.alias FROM "SpeakerAlias" a
                WHERE a."speakerId" = s.id
                  AND (claimbase_unaccent(a.alias) % ${t.flat} OR ${t.flat} <% claimbase_unaccent(a.alias))
                ORDER BY word_similarity(${t.flat}, claimbase_unaccent(a.alias)) DESC, a.alias LIMIT 1)`
        : sql`NULL::text`;
  const simpleHeadline = (doc: Prisma.Sql) =>
    mode === "fulltext" ? sql`ts_headline('claimbase_simple', translate(${doc}, ${MARKERS}, ''), ${t.simple}, ${WHOLE})` : sql`NULL::text`;

  // Each type is found and ranked on its own connection, the three at once: the newest matches
  // of claims and of quotes (one more than are ranked or counted, to know whether there are
  // more), of which the best `best` are kept, and every matching speaker, ranked. The page is
  // made of those: a hit of the page is among the best `best` of its type in the page's order.
  // A type not shown is only counted.
  const limit = Math.max(SEARCH_CANDIDATES, offset + SEARCH_PAGE_SIZE);
  const best = offset + SEARCH_PAGE_SIZE;
  const shown = (tab: SearchType) => type === "all" || type === tab;
  const speakers = withSpeakers(f);
  const [claims, quotes, speakerHitsRanked] = await Promise.all([
    newestMatches<{ id: string }>(client, claimKind(mode, q, f, spelling), (shown("claims") ? limit : SEARCH_CANDIDATES) + 1).then(
      async (found) => ({
        ...found,
        best: shown("claims") ? await bestHits(client, claimHits(mode, q, spelling, found.rows.slice(0, limit).map((r) => r.id)), best) : [],
      }),
    ),
    newestMatches<QuoteCandidate>(client, quoteKind(mode, q, f, spelling), (shown("quotes") ? limit : SEARCH_CANDIDATES) + 1).then(
      async (found) => ({
        ...found,
        best: shown("quotes") ? await bestHits(client, quoteHits(mode, q, spelling, found.rows.slice(0, limit)), best) : [],
      }),
    ),
    speakers ? bestHits(client, speakerHits(mode, q), shown("speakers") ? best : 1, preparedRows<RankedHit>) : Promise.resolve([]),
  ]);
  // Counted up to SEARCH_CANDIDATES + 1 rows; a quote on two public claims is two rows, one hit.
  const countedQuotes = quotes.rows.slice(0, SEARCH_CANDIDATES + 1);
  const counted = {
    claims: Math.min(claims.rows.length, SEARCH_CANDIDATES + 1),
    quotes: new Set(countedQuotes.map((r) => r.quoteId)).size,
    quoteRows: countedQuotes.length,
  };
  const h = [...claims.best, ...quotes.best, ...(shown("speakers") ? speakerHitsRanked : [])];

  // One row at least (the counts), with the page's hits when there are any.
  const result = await preparedRows<MeaningColumn & (PageRow | { [K in keyof PageRow]: null })>(client, sql`
    WITH h (type, id, "linkId", tier, score, "sortDate") AS (
      SELECT * FROM unnest(${h.map((r) => r.type)}::text[], ${h.map((r) => r.id)}::text[], ${h.map((r) => r.linkId)}::text[],
                           ${h.map((r) => r.tier)}::int[], ${h.map((r) => r.score)}::float8[], ${h.map((r) => r.sortDate)}::timestamp[])),
    n AS (SELECT ${t.meaningful} AS "meaningful"),
    p AS (
      SELECT h.*, row_number() OVER (ORDER BY ${ORDER}) AS ord
        FROM h
       ORDER BY ${ORDER}
       LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}
    ),
    d AS (
      SELECT p.*, ${
        mode === "fulltext"
          ? sql`CASE p.type WHEN 'claim' THEN ts_rank_cd(c."searchDe", ${t.de}) >= ts_rank_cd(c."searchEn", ${t.en})
                            WHEN 'quote' THEN ts_rank_cd(qt."searchDe", ${t.de}) >= ts_rank_cd(qt."searchEn", ${t.en})
                            ELSE ts_rank_cd(s."searchDe", ${t.de}) >= ts_rank_cd(s."searchEn", ${t.en}) END`
          : sql`TRUE`
      } AS de,
             c.slug AS "claimSlug", c.text AS "claimText", c.language AS "claimLanguage",
             c."publicState"::text AS "claimState", c."publishedAt" AS "claimPublishedAt",
             CASE WHEN p.type = 'claim' THEN c."publishedSummary" END AS "claimSummary",
             v.key AS "verdictKey", v."nameDe" AS "verdictNameDe", v."nameEn" AS "verdictNameEn",
             v."explanationDe" AS "verdictExplanationDe", v."explanationEn" AS "verdictExplanationEn",
             v."ratingValue" AS "verdictRatingValue",
             -- The claimant's address, and its name as approved.
             CASE WHEN p.type = 'claim' THEN ${slugOf(sql`c."claimantId"`)} END AS "claimantSlug", cp.claimant->>'name' AS "claimantName", cp.claimant->>'kind' AS "claimantKind",
             cp.claimant->>'wikidataId' AS "claimantWikidataId",
             qt.text AS "quoteText", qt.language AS "quoteLanguage", qt."saidOn" AS "quoteSaidOn",
             -- The addresses of the quote's speaker and reporter, their names as approved.
             ${slugOf(sql`qt."speakerId"`)} AS "quoteSpeakerSlug", qt."speakerRef"->>'name' AS "quoteSpeakerName", qt."speakerRef"->>'kind' AS "quoteSpeakerKind",
             qt."speakerRef"->>'wikidataId' AS "quoteSpeakerWikidataId",
             ${slugOf(sql`qt."reportedById"`)} AS "reporterSlug", qt."reportedByRef"->>'name' AS "reporterName", qt."reportedByRef"->>'kind' AS "reporterKind",
             qt."reportedByRef"->>'wikidataId' AS "reporterWikidataId",
             s.slug AS "speakerSlug", s.name AS "speakerName", s.kind::text AS "speakerKind", s.bio AS "speakerBio",
             CASE WHEN p.type = 'speaker' THEN ${aliasMatch} END AS "speakerAlias"
        FROM p
        -- A claim hit's own claim, or the public claim a quote hit is attached to.
        LEFT JOIN "Claim" c ON c.id = CASE WHEN p.type = 'claim' THEN p.id ELSE p."linkId" END
        LEFT JOIN "VerdictLabel" v ON p.type = 'claim' AND v.id = c."publishedVerdictId"
        LEFT JOIN "ClaimPublication" cp ON p.type = 'claim' AND cp.id = c."publicationId"
        LEFT JOIN "PublishedQuote" qt ON p.type = 'quote' AND qt.id = p.id
        LEFT JOIN "Speaker" s ON p.type = 'speaker' AND s.id = p.id
    )
    SELECT n.*, p.*,
           CASE WHEN p.type = 'claim' THEN ${headline(mode, q, sql`p."claimText"`, wholeOrFragments(sql`p."claimText"`, WHOLE_MAX_LENGTH))} END AS "claimTextMarked",
           CASE WHEN p.type = 'claim' AND p."claimSummary" IS NOT NULL THEN ${headline(mode, q, sql`p."claimSummary"`, wholeOrFragments(sql`p."claimSummary"`, EXCERPT_LENGTH))} END AS "claimSummaryMarked",
           CASE WHEN p.type = 'quote' THEN ${headline(mode, q, sql`p."quoteText"`, wholeOrFragments(sql`p."quoteText"`, WHOLE_MAX_LENGTH))} END AS "quoteTextMarked",
           CASE WHEN p.type = 'speaker' THEN ${simpleHeadline(sql`p."speakerName"`)} END AS "speakerNameMarked",
           CASE WHEN p."speakerAlias" IS NOT NULL THEN ${simpleHeadline(sql`p."speakerAlias"`)} END AS "speakerAliasMarked",
           CASE WHEN p."speakerBio" IS NOT NULL THEN ${headline(mode, q, sql`p."speakerBio"`, wholeOrFragments(sql`p."speakerBio"`, EXCERPT_LENGTH))} END AS "speakerBioMarked"
      FROM n LEFT JOIN d p ON TRUE
     ORDER BY p.ord`);
  const first = result[0];
  return {
    counts: {
      claims: counted.claims,
      quotes: counted.quotes,
      speakers: speakerHitsRanked[0]?.total ?? 0,
      meaningful: first?.meaningful ?? false,
      claimsCapped: counted.claims > SEARCH_CANDIDATES,
      quotesCapped: counted.quoteRows > SEARCH_CANDIDATES,
      claimsEstimate: claims.estimate,
      quotesEstimate: quotes.estimate,
    },
    rows: result.filter((row): row is MeaningColumn & PageRow => row.type !== null),
  };
}

// ---------------------------------------------------------------------------------------
// Rows to hits.

function need<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`lib/public/search: ${what} is missing from a search row`);
  return value;
}

function ref(
  slug: string | null,
  name: string | null,
  kind: SpeakerKind | null,
  wikidataId: string | null,
): PublicSpeakerRef | null {
  return slug !== null && name !== null && kind !== null ? { slug, name, kind, wikidataId } : null;
}

function toHit(row: PageRow, mode: Mode, words: string[]): SearchHit {
  // Marked by the database (full text), by word similarity (fallback), or not at all.
  const snippet = (marked: string | null, text: string, cut: boolean): Snippet =>
    mode === "fulltext" && marked !== null
      ? cut
        ? withEllipses(parseSnippet(marked), text)
        : parseSnippet(marked)
      : mode === "fallback"
        ? markSimilar(cut ? excerpt(text) : text, words)
        : plain(cut ? excerpt(text) : text);

  if (row.type === "claim") {
    const text = need(row.claimText, "the claim text");
    return {
      type: "claim",
      slug: need(row.claimSlug, "the claim slug"),
      language: need(row.claimLanguage, "the claim language"),
      status: need(row.claimState, "the claim state"),
      text: snippet(row.claimTextMarked, text, false),
      summary: row.claimSummary === null ? null : snippet(row.claimSummaryMarked, row.claimSummary, true),
      verdict:
        row.verdictKey === null
          ? null
          : {
              key: row.verdictKey,
              nameDe: need(row.verdictNameDe, "the verdict name"),
              nameEn: need(row.verdictNameEn, "the verdict name"),
              explanationDe: need(row.verdictExplanationDe, "the verdict explanation"),
              explanationEn: need(row.verdictExplanationEn, "the verdict explanation"),
              ratingValue: row.verdictRatingValue,
            },
      claimant: ref(row.claimantSlug, row.claimantName, row.claimantKind, row.claimantWikidataId),
      publishedAt: row.claimPublishedAt,
    };
  }
  if (row.type === "quote") {
    return {
      type: "quote",
      text: snippet(row.quoteTextMarked, need(row.quoteText, "the quote text"), false),
      language: need(row.quoteLanguage, "the quote language"),
      saidOn: row.quoteSaidOn,
      speaker: need(ref(row.quoteSpeakerSlug, row.quoteSpeakerName, row.quoteSpeakerKind, row.quoteSpeakerWikidataId), "the quote's speaker"),
      reportedBy: ref(row.reporterSlug, row.reporterName, row.reporterKind, row.reporterWikidataId),
      claim: { slug: need(row.claimSlug, "the quote's claim"), text: need(row.claimText, "the quote's claim text") },
    };
  }
  const name = need(row.speakerName, "the speaker name");
  return {
    type: "speaker",
    slug: need(row.speakerSlug, "the speaker slug"),
    name: snippet(row.speakerNameMarked, name, false),
    speakerKind: need(row.speakerKind, "the speaker kind"),
    alias: row.speakerAlias === null ? null : snippet(row.speakerAliasMarked, row.speakerAlias, false),
    bio: row.speakerBio === null ? null : snippet(row.speakerBioMarked, row.speakerBio, true),
  };
}

function hitTexts(row: PageRow): string[] {
  return [row.claimText, row.quoteText, row.speakerName, row.speakerAlias].filter((s): s is string => s !== null);
}

// ---------------------------------------------------------------------------------------
// The search.

/** Edits (insert, delete, substitute, swap two neighbours) from one word to the other. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]!.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]!.push(d);
    }
  }
  return rows[a.length]![b.length]!;
}

/** How many edits a word of this length may be away from a query word: one in four letters.
 * (Trigram similarity alone takes "school" for "Scholz" as readily as "migration" for
 * "Migartion".) */
const allowedEdits = (length: number) => Math.max(1, Math.floor(length / 4));

/** For each word of the query, the most similar words of the public texts (at most three,
 * the word itself when the texts have it). Words without any are left out. */
async function similarWords(client: Db, q: string): Promise<Map<string, string[]>> {
  const rows = await client.$queryRaw<{ word: string; similar: string[] }[]>`
    SELECT w.word, array_agg(alt.word ORDER BY alt.rank) AS similar
      FROM unnest(tsvector_to_array(to_tsvector('claimbase_simple', ${q}))) AS w(word)
     CROSS JOIN LATERAL (
       SELECT s.word, row_number() OVER (ORDER BY similarity(s.word, w.word) DESC, s.ndoc DESC, s.word) AS rank
         FROM "SearchWord" s
        WHERE s.word % w.word
        ORDER BY similarity(s.word, w.word) DESC, s.ndoc DESC, s.word
        LIMIT 10) alt
     GROUP BY w.word`;
  const groups = new Map<string, string[]>();
  for (const { word, similar } of rows) {
    const close = similar
      .map((candidate, rank) => ({ candidate, rank, edits: editDistance(word, candidate) }))
      .filter((c) => c.edits <= allowedEdits(word.length))
      .sort((x, y) => x.edits - y.edits || x.rank - y.rank)
      .slice(0, 3)
      .map((c) => c.candidate);
    if (close.length) groups.set(word, close);
  }
  return groups;
}

// Refreshes of the vocabulary run one at a time per database; changes during a refresh ask for
// one more.
const refreshes = new WeakMap<Db, { running: Promise<void> | null; again: boolean; tookMs: number; endedAt: number }>();

/** A refresh asked for after a public change (`spaced`), and every repeat, starts no sooner
 * than this many times the last refresh's duration after that one ended. A refresh reads every
 * public text: 8.7 s at a million quotes, where a desk publishing steadily kept a core busy with
 * refreshes back to back; now at most a tenth of one. On a small archive (30 ms) the wait is a
 * third of a second. Only the typo suggestions read the vocabulary. */
export const REFRESH_SPACING = 10;

/** Brings the search vocabulary up to date with the public texts (the search keeps reading the
 * old one meanwhile). `spaced`: after a public change, kept apart from the last refresh as
 * REFRESH_SPACING says; without it (bootstrap, tests) at once. */
export async function refreshSearchWords(client: Db = db, options: { spaced?: boolean } = {}): Promise<void> {
  let state = refreshes.get(client);
  if (!state) refreshes.set(client, (state = { running: null, again: false, tookMs: 0, endedAt: 0 }));
  if (state.running) {
    state.again = true;
    return state.running;
  }
  const running = state;
  running.running = (async () => {
    try {
      let spaced = options.spaced === true;
      do {
        const wait = spaced ? running.endedAt + REFRESH_SPACING * running.tookMs - Date.now() : 0;
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        running.again = false;
        const started = Date.now();
        await client.$executeRawUnsafe(`REFRESH MATERIALIZED VIEW CONCURRENTLY "SearchWord"`);
        running.endedAt = Date.now();
        running.tookMs = running.endedAt - started;
        spaced = true;
      } while (running.again);
    } finally {
      running.running = null;
    }
  })();
  return running.running;
}

/** The public speaker a filter value names: its slug, else its name, else an alias (accents and
 * case aside); of several, the one with the most public claims. */
async function publicSpeakerNamed(client: Db, value: string): Promise<{ slug: string; name: string } | null> {
  const same = (column: Prisma.Sql) => sql`lower(claimbase_unaccent(${column})) = lower(claimbase_unaccent(${value}))`;
  const rows = await client.$queryRaw<{ slug: string; name: string }[]>`
    SELECT s.slug, s.name
      FROM "Speaker" s
     WHERE (s.slug = ${value} OR ${same(sql`s.name`)}
            OR EXISTS (SELECT 1 FROM "SpeakerAlias" a WHERE a."speakerId" = s.id AND ${same(sql`a.alias`)}))
       AND ${publicSpeakerSql}
     ORDER BY (s.slug = ${value}) DESC, (${same(sql`s.name`)}) DESC,
              (SELECT count(*) FROM "Claim" c WHERE c."claimantId" = s.id AND ${publicClaimSql("c")}) DESC, s.slug
     LIMIT 1`;
  return rows[0] ?? null;
}

/** Public claims, quotes and speakers matching `input`, 20 a page, best first. */
export async function searchPublic(input: SearchInput, client: Db = db): Promise<SearchResult> {
  const query = normalizeSearchInput(input);
  const { q, type, page } = query;
  const speaker = query.speaker === null ? null : await publicSpeakerNamed(client, query.speaker);
  // A name that names no public speaker filters everything out.
  const filters: Filters = { verdict: query.verdict, speaker: speaker?.slug ?? query.speaker, topic: query.topic, from: query.from, to: query.to };
  const hasFilter = Object.values(filters).some((v) => v !== null);
  const empty = (searched: boolean): SearchResult => ({
    query,
    searched,
    items: [],
    total: 0,
    counts: { all: 0, claims: 0, quotes: 0, speakers: 0 },
    estimated: { all: false, claims: false, quotes: false, speakers: false },
    page,
    pageSize: SEARCH_PAGE_SIZE,
    pageCount: 1,
    fallback: false,
    suggestion: null,
    speaker,
  });
  if (!q && !hasFilter) return empty(false);

  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  let mode: Mode = q ? "fulltext" : "filters";
  const run = (spelling: Spelling | null) => pageOfHits(client, mode, q, filters, type, offset, spelling);
  let { counts, rows } = await run(null);
  let similar = new Map<string, string[]>();
  let all = counts.claims + counts.quotes + counts.speakers;
  // Nothing spelt like this: try similar spellings (not for a query of stopwords only), for
  // every word of the query, then for any.
  if (all === 0 && q && counts.meaningful) {
    mode = "fallback";
    similar = await similarWords(client, q);
    const groups = [...similar.values()];
    for (const spelt of groups.length ? [{ groups, any: false }, ...(groups.length > 1 ? [{ groups, any: true }] : [])] : [null]) {
      ({ counts, rows } = await run(spelt));
      all = counts.claims + counts.quotes + counts.speakers;
      if (all > 0) break;
    }
    if (all === 0) mode = "fulltext";
  }

  // More matches than are counted: the planner's estimate of how many (never fewer than were
  // counted), rounded to two figures; the page says "about".
  const estimated = { claims: counts.claimsCapped, quotes: counts.quotesCapped, speakers: false, all: false };
  if (counts.claimsCapped || counts.quotesCapped) {
    if (counts.claimsCapped) counts.claims = roundEstimate(Math.max(counts.claimsEstimate, SEARCH_CANDIDATES + 1));
    if (counts.quotesCapped) counts.quotes = roundEstimate(Math.max(counts.quotesEstimate, SEARCH_CANDIDATES + 1));
    all = counts.claims + counts.quotes + counts.speakers;
    estimated.all = true;
  }

  // Fallback hits mark the words like the query's and their spellings from the vocabulary.
  const words = [...queryWords(q), ...[...similar.values()].flat()];
  const total = type === "all" ? all : counts[type];
  return {
    query,
    searched: true,
    items: rows.map((row) => toHit(row, mode, words)),
    total,
    counts: { all, claims: counts.claims, quotes: counts.quotes, speakers: counts.speakers },
    estimated,
    page,
    pageSize: SEARCH_PAGE_SIZE,
    pageCount: Math.min(SEARCH_MAX_PAGE, Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE))),
    fallback: mode === "fallback",
    suggestion: mode === "fallback" ? suggest(q, rows.flatMap(hitTexts), similar) : null,
    speaker,
  };
}

/** The choices of the search form's filters: the verdict scale (active labels and those of
 * public claims), topics with public claims, public speakers. */
export async function listSearchFilters(client: Db = db): Promise<SearchFilterOptions> {
  const [verdicts, topics, speakers] = await Promise.all([
    client.verdictLabel.findMany({
      where: { OR: [{ active: true }, { claimsPublished: { some: publicClaimWhere } }] },
      select: { key: true, nameDe: true, nameEn: true },
      orderBy: [{ position: "asc" }, { key: "asc" }],
    }),
    client.topic.findMany({
      where: publicTopicWhere,
      select: { slug: true, nameDe: true, nameEn: true },
      orderBy: [{ nameDe: "asc" }, { slug: "asc" }],
    }),
    // Counted over public claims only: the order must not tell anything about drafts.
    client.$queryRaw<{ slug: string; name: string }[]>`
      SELECT s.slug, s.name
        FROM "Speaker" s JOIN "Claim" c ON c."claimantId" = s.id AND ${publicClaimSql("c")}
       GROUP BY s.id
       ORDER BY count(*) DESC, s.name, s.slug
       LIMIT ${SUGGESTED_SPEAKERS}`,
  ]);
  return {
    verdicts: verdicts.map((v) => ({ key: v.key, nameDe: v.nameDe, nameEn: v.nameEn })),
    topics: topics.map((t) => ({ slug: t.slug, nameDe: t.nameDe, nameEn: t.nameEn })),
    speakers: speakers.map((s) => ({ slug: s.slug, name: s.name })).sort((a, b) => a.name.localeCompare(b.name, "de")),
  };
}
