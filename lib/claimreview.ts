// schema.org ClaimReview: the ONE place that turns a public claim into ClaimReview JSON-LD
// (buildClaimReview), and that reads ClaimReview JSON-LD published by other fact-checkers
// (parseClaimReviewJsonLd).
//
// Export. The input is the public view of a claim (lib/public), so nothing private can get
// in. Fields (domain.md, "ClaimReview"; https://schema.org/ClaimReview):
//   url             the claim page on the site's own origin
//   claimReviewed   the claim text
//   datePublished   publishedAt; dateModified: publicUpdatedAt
//   author          the publishing organisation (settings)
//   reviewRating    Rating: alternateName = verdict label in the page language (always),
//                   ratingValue/bestRating/worstRating from the scale (left out for a label
//                   without a number, e.g. "nicht überprüfbar"), ratingExplanation = summary
//   itemReviewed    Claim: author = the claimant (Person or Organization, sameAs Wikidata),
//                   datePublished = when it was said, appearance = the sources of its quotes
//                   and passages as CreativeWorks, firstAppearance = the earliest of them
// A retracted fact-check gets no ClaimReview: the newsroom no longer stands by the rating,
// and aggregators (Google's Fact Check Explorer) would otherwise keep showing it. The page
// itself stays, with its retraction notice.
//
// Import. Real markup varies: `@type` as a string, an array or a prefixed IRI, `@graph`
// containers and `@id` references, several reviews on a page, itemReviewed as a Claim or as
// a CreativeWork (Google's older format), ratings as numbers or numeric strings, with or
// without alternateName, single values where arrays are allowed and vice versa, and any
// optional field missing. Everything is normalised to ImportedClaimReview.
import { z } from "zod";
import type { Locale } from "./i18n";
import type { PublicClaim, PublicSource, PublicSpeakerRef, PublicVerdict } from "./public";

// ---------------------------------------------------------------------------------------
// Export

export interface JsonLdOrganization {
  "@type": "Organization";
  name: string;
  url?: string;
}

export interface JsonLdClaimant {
  "@type": "Person" | "Organization";
  name: string;
  sameAs?: string;
}

export interface JsonLdCreativeWork {
  "@type": "CreativeWork";
  url?: string;
  name: string;
  publisher?: JsonLdOrganization;
  datePublished?: string;
}

export interface JsonLdRating {
  "@type": "Rating";
  alternateName: string;
  ratingValue?: number;
  bestRating?: number;
  worstRating?: number;
  ratingExplanation?: string;
}

export interface ClaimReviewJsonLd {
  "@context": "https://schema.org";
  "@type": "ClaimReview";
  url: string;
  claimReviewed: string;
  datePublished?: string;
  dateModified?: string;
  author: JsonLdOrganization;
  reviewRating: JsonLdRating;
  itemReviewed: {
    "@type": "Claim";
    author?: JsonLdClaimant;
    datePublished?: string;
    appearance?: JsonLdCreativeWork[];
    firstAppearance?: JsonLdCreativeWork;
  };
}

export interface ClaimReviewContext {
  /** The claim page's absolute URL on the site's own origin. */
  url: string;
  /** The publishing organisation (settings). */
  organization: { name: string; url: string };
  /** The highest and lowest ratingValue of the active verdict scale. */
  scale: { best: number; worst: number } | null;
  /** The page language ("de", "en"): the verdict label is given in it. */
  locale: Locale | (string & {});
}

/** The claim's fields ClaimReview needs (a PublicClaim has them all). */
export type ClaimReviewInput = Pick<
  PublicClaim,
  "text" | "status" | "claimant" | "verdict" | "summary" | "publishedAt" | "publicUpdatedAt" | "claimDate" | "quotes" | "passages"
>;

const WIKIDATA_ID = /^Q[1-9]\d*$/;

/** A timestamp as ISO 8601 (UTC). */
const isoDateTime = (date: Date) => date.toISOString();
/** A calendar date (stored as @db.Date, i.e. midnight UTC) as YYYY-MM-DD. */
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

export function verdictLabel(verdict: PublicVerdict, locale: string): string {
  return locale === "en" ? verdict.nameEn : verdict.nameDe;
}

function claimant(speaker: PublicSpeakerRef): JsonLdClaimant {
  const wikidata = speaker.wikidataId?.trim();
  return {
    "@type": speaker.kind === "person" ? "Person" : "Organization",
    name: speaker.name,
    ...(wikidata && WIKIDATA_ID.test(wikidata) ? { sameAs: `https://www.wikidata.org/wiki/${wikidata}` } : {}),
  };
}

function creativeWork(source: PublicSource): JsonLdCreativeWork {
  return {
    "@type": "CreativeWork",
    ...(source.url ? { url: source.url } : {}),
    name: source.title,
    ...(source.publisher ? { publisher: { "@type": "Organization", name: source.publisher } } : {}),
    ...(source.publishedAt ? { datePublished: isoDateTime(source.publishedAt) } : {}),
  };
}

/** The sources the claim appeared in (its quotes' and its passages'), each once, in the order
 * the claim page shows them. */
function appearances(claim: ClaimReviewInput): PublicSource[] {
  const seen = new Set<string>();
  const out: PublicSource[] = [];
  for (const source of [...claim.quotes.flatMap((q) => q.appearances), ...claim.passages].map((p) => p.source)) {
    const key = source.url ?? `${source.title}\u0000${source.publisher ?? ""}\u0000${source.publishedAt?.toISOString() ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(source);
  }
  return out;
}

/** The earliest dated appearance; with no dates, the only one if there is just one. */
function firstOf(sources: PublicSource[]): PublicSource | null {
  const dated = sources.filter((s) => s.publishedAt !== null);
  if (dated.length === 0) return sources.length === 1 ? sources[0]! : null;
  return dated.reduce((a, b) => (b.publishedAt!.getTime() < a.publishedAt!.getTime() ? b : a));
}

function rating(verdict: PublicVerdict, ctx: ClaimReviewContext, summary: string | null): JsonLdRating {
  const value = verdict.ratingValue;
  const out: JsonLdRating = { "@type": "Rating", alternateName: verdictLabel(verdict, ctx.locale) };
  if (value !== null && ctx.scale) {
    out.ratingValue = value;
    // A label that has left the active scale still sits inside the range it is shown in.
    out.bestRating = Math.max(ctx.scale.best, value);
    out.worstRating = Math.min(ctx.scale.worst, value);
  }
  if (summary) out.ratingExplanation = summary;
  return out;
}

/**
 * The ClaimReview of a public claim, or null when it has none: a retracted claim, or one
 * without a published verdict.
 */
export function buildClaimReview(claim: ClaimReviewInput, ctx: ClaimReviewContext): ClaimReviewJsonLd | null {
  if (claim.status === "retracted" || !claim.verdict) return null;
  const sources = appearances(claim);
  const first = firstOf(sources);
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: ctx.url,
    claimReviewed: claim.text,
    ...(claim.publishedAt ? { datePublished: isoDateTime(claim.publishedAt) } : {}),
    ...(claim.publicUpdatedAt ? { dateModified: isoDateTime(claim.publicUpdatedAt) } : {}),
    author: { "@type": "Organization", name: ctx.organization.name, url: ctx.organization.url },
    reviewRating: rating(claim.verdict, ctx, claim.summary),
    itemReviewed: {
      "@type": "Claim",
      ...(claim.claimant ? { author: claimant(claim.claimant) } : {}),
      ...(claim.claimDate ? { datePublished: isoDate(claim.claimDate) } : {}),
      ...(sources.length ? { appearance: sources.map(creativeWork) } : {}),
      ...(first ? { firstAppearance: creativeWork(first) } : {}),
    },
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` is escaped so that no text in it
 * can close the script element (or open a comment). */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

// ---------------------------------------------------------------------------------------
// Import

export interface ImportedPartyRef {
  /** "Person", "Organization", or another schema.org type as published; null when untyped. */
  type: string | null;
  name: string | null;
  url: string | null;
  sameAs: string[];
}

export interface ImportedCreativeWork {
  url: string | null;
  name: string | null;
  publisher: string | null;
  /** ISO 8601 as far as the source gave it: `2017-11-11` or a full UTC timestamp. */
  datePublished: string | null;
}

export interface ImportedClaimReview {
  url: string | null;
  /** The fact-check's title (ClaimReview name or headline). */
  headline: string | null;
  claimReviewed: string;
  inLanguage: string | null;
  datePublished: string | null;
  dateModified: string | null;
  author: ImportedPartyRef | null;
  /** ClaimReview.publisher, which some publishers give beside a Person as author. */
  publisher: ImportedPartyRef | null;
  rating: {
    /** The publisher's label ("False", "Pants on Fire!", "falsch"); null when only a number was given. */
    alternateName: string | null;
    ratingValue: number | null;
    bestRating: number | null;
    worstRating: number | null;
    ratingExplanation: string | null;
  };
  itemReviewed: {
    /** "Claim", or "CreativeWork" for the older markup (and its subtypes, e.g. "Article"). */
    type: "Claim" | "CreativeWork";
    author: ImportedPartyRef | null;
    datePublished: string | null;
    appearances: ImportedCreativeWork[];
    firstAppearance: ImportedCreativeWork | null;
  };
}

export type ClaimReviewImportResult =
  | {
      ok: true;
      reviews: ImportedClaimReview[];
      /** Problems with optional parts that were dropped, and ClaimReviews that could not be read. */
      warnings: string[];
    }
  | { ok: false; errors: string[] };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** A schema.org type name without its prefix: "schema:Claim", "http://schema.org/Claim" → "Claim". */
function typeName(t: string): string {
  return t.trim().replace(/^(?:https?:\/\/schema\.org\/|schema:)/i, "");
}

function typesOf(node: Json): string[] {
  const t = node["@type"] ?? node.type;
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === "string").map(typeName);
}

const CREATIVE_WORK_TYPES = new Set([
  "CreativeWork",
  "Article",
  "NewsArticle",
  "ReportageNewsArticle",
  "BlogPosting",
  "SocialMediaPosting",
  "WebPage",
  "WebSite",
  "MediaObject",
  "VideoObject",
  "AudioObject",
  "ImageObject",
  "Book",
  "Report",
  "Speech",
]);

// --- Leaf values -------------------------------------------------------------------------

/** The first element of an array, the value itself otherwise. */
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** Text: a string, a number, or a JSON-LD value object {"@value": ...}; blank is missing. */
const text = z.preprocess(
  (v) => {
    v = first(v);
    if (isObject(v) && "@value" in v) v = v["@value"];
    if (typeof v === "number") return String(v);
    if (typeof v === "string") return v.trim() === "" ? undefined : v.trim();
    return v;
  },
  z.string().optional(),
);

/** A number, also as a numeric string ("4", "4.5", "4,5"); blank is missing. */
const numeric = z.preprocess(
  (v) => {
    v = first(v);
    if (isObject(v) && "@value" in v) v = v["@value"];
    if (typeof v === "string") {
      const s = v.trim().replace(",", ".");
      if (s === "") return undefined;
      return /^[-+]?\d+(?:\.\d+)?$/.test(s) ? Number(s) : v;
    }
    return v;
  },
  z.number({ error: "expected a number" }).finite().optional(),
);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date to ISO 8601: a calendar date stays as it is, a timestamp becomes UTC. */
function normaliseDate(value: string): string | null {
  const s = value.trim();
  if (ISO_DATE.test(s)) return Number.isNaN(Date.parse(`${s}T00:00:00Z`)) ? null : s;
  if (!/^\d{4}-\d{2}/.test(s)) return null; // only ISO-like dates; "11/12/2017" is ambiguous
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function urlOrNull(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}

// --- Nodes ---------------------------------------------------------------------------------

interface Reader {
  warnings: string[];
  /** The node behind an {"@id": ...} reference, when the document has it. */
  resolve(v: unknown): unknown;
}

/** An optional date: a malformed one is dropped with a warning. */
function readDate(r: Reader, v: unknown, where: string): string | null {
  const parsed = text.safeParse(v);
  if (!parsed.success || parsed.data === undefined) return null;
  const date = normaliseDate(parsed.data);
  if (date === null) r.warnings.push(`${where}: "${parsed.data}" is not a date; left out`);
  return date;
}

function readText(v: unknown): string | null {
  const parsed = text.safeParse(v);
  return parsed.success ? (parsed.data ?? null) : null;
}

function readUrl(r: Reader, v: unknown, where: string): string | null {
  const raw = readText(v);
  const url = urlOrNull(raw ?? undefined);
  if (raw && !url) r.warnings.push(`${where}: "${raw}" is not an http(s) URL; left out`);
  return url;
}

function readParty(r: Reader, v: unknown, where: string): ImportedPartyRef | null {
  v = r.resolve(first(v));
  if (typeof v === "string") return v.trim() ? { type: null, name: v.trim(), url: null, sameAs: [] } : null;
  if (!isObject(v)) return null;
  const sameAsRaw = v.sameAs;
  const sameAs = (Array.isArray(sameAsRaw) ? sameAsRaw : [sameAsRaw])
    .map((s) => urlOrNull(readText(s) ?? undefined))
    .filter((s): s is string => s !== null);
  const party: ImportedPartyRef = {
    type: typesOf(v)[0] ?? null,
    name: readText(v.name) ?? readText(v.alternateName),
    url: readUrl(r, v.url, `${where}.url`),
    sameAs,
  };
  return party.name || party.url || party.sameAs.length ? party : null;
}

function readCreativeWork(r: Reader, v: unknown, where: string): ImportedCreativeWork | null {
  v = r.resolve(v);
  if (typeof v === "string") {
    const url = readUrl(r, v, where);
    return url ? { url, name: null, publisher: null, datePublished: null } : null;
  }
  if (!isObject(v)) return null;
  const publisher = r.resolve(first(v.publisher));
  const work: ImportedCreativeWork = {
    url: readUrl(r, v.url ?? v["@id"], `${where}.url`),
    name: readText(v.name) ?? readText(v.headline),
    publisher: isObject(publisher) ? readText(publisher.name) : readText(publisher),
    datePublished: readDate(r, v.datePublished, `${where}.datePublished`),
  };
  return work.url || work.name ? work : null;
}

function readCreativeWorks(r: Reader, v: unknown, where: string): ImportedCreativeWork[] {
  if (v === undefined || v === null) return [];
  const list = Array.isArray(v) ? v : [v];
  return list.map((item, i) => readCreativeWork(r, item, `${where}[${i}]`)).filter((w): w is ImportedCreativeWork => w !== null);
}

// The required part of a ClaimReview, checked with zod; the optional rest is read leniently.
const requiredShape = z.object({
  claimReviewed: text.pipe(z.string({ error: "claimReviewed is missing" })),
  reviewRating: z.preprocess(first, z.record(z.string(), z.unknown(), { error: "reviewRating is missing" })),
});

const ratingShape = z.object({
  alternateName: text,
  name: text,
  ratingValue: z.unknown().optional(),
  bestRating: z.unknown().optional(),
  worstRating: z.unknown().optional(),
  ratingExplanation: text,
  description: text,
});

function readRating(r: Reader, v: unknown, where: string): ImportedClaimReview["rating"] | string[] {
  const parsed = ratingShape.safeParse(r.resolve(v));
  if (!parsed.success) return parsed.error.issues.map((i) => `${where}${i.path.length ? `.${i.path.join(".")}` : ""}: ${i.message}`);
  const rating = parsed.data;
  let label = rating.alternateName ?? rating.name ?? null;
  const number = (key: "ratingValue" | "bestRating" | "worstRating"): number | null => {
    const n = numeric.safeParse(rating[key]);
    if (n.success) return n.data ?? null;
    const shown = readText(rating[key]);
    // Some publishers put the label where the number belongs.
    if (key === "ratingValue" && shown && !label) label = shown;
    else r.warnings.push(`${where}.${key}: ${JSON.stringify(rating[key])} is not a number; left out`);
    return null;
  };
  const ratingValue = number("ratingValue");
  const bestRating = number("bestRating");
  const worstRating = number("worstRating");
  if (label === null && ratingValue === null) return [`${where}: neither alternateName nor a numeric ratingValue`];
  return {
    alternateName: label,
    ratingValue,
    bestRating,
    worstRating,
    ratingExplanation: rating.ratingExplanation ?? rating.description ?? null,
  };
}

/** inLanguage: "de", ["de"], or a Language node {name: "German", alternateName: "de"}. */
function readLanguage(r: Reader, v: unknown): string | null {
  const value = r.resolve(first(v));
  return isObject(value) ? (readText(value.alternateName) ?? readText(value.name)) : readText(value);
}

function readClaimReview(r: Reader, node: Json, where: string): ImportedClaimReview | string[] {
  const required = requiredShape.safeParse(node);
  if (!required.success) return required.error.issues.map((i) => `${where}: ${i.message}`);
  const rating = readRating(r, required.data.reviewRating, `${where}.reviewRating`);
  if (Array.isArray(rating)) return rating;

  let item = r.resolve(first(node.itemReviewed));
  if (item !== undefined && !isObject(item)) {
    r.warnings.push(`${where}.itemReviewed: not an object; left out`);
    item = undefined;
  }
  const itemNode = (item ?? {}) as Json;
  const itemTypes = typesOf(itemNode);
  const isCreativeWork = !itemTypes.includes("Claim") && itemTypes.some((t) => CREATIVE_WORK_TYPES.has(t));
  let appearances = readCreativeWorks(r, itemNode.appearance, `${where}.itemReviewed.appearance`);
  let firstAppearance = itemNode.firstAppearance
    ? readCreativeWork(r, first(itemNode.firstAppearance), `${where}.itemReviewed.firstAppearance`)
    : null;
  if (isCreativeWork) {
    // The older markup: the reviewed item is the work the claim appeared in.
    const work = readCreativeWork(r, itemNode, `${where}.itemReviewed`);
    if (work && (work.url || work.name) && !appearances.some((a) => a.url !== null && a.url === work.url)) {
      appearances = [work, ...appearances];
    }
    firstAppearance ??= work;
  }
  if (firstAppearance && !appearances.some((a) => a.url === firstAppearance!.url && a.name === firstAppearance!.name)) {
    appearances = [firstAppearance, ...appearances];
  }

  return {
    url: readUrl(r, node.url, `${where}.url`),
    headline: readText(node.headline) ?? readText(node.name),
    claimReviewed: required.data.claimReviewed,
    inLanguage: readLanguage(r, node.inLanguage),
    datePublished: readDate(r, node.datePublished, `${where}.datePublished`),
    dateModified: readDate(r, node.dateModified, `${where}.dateModified`),
    author: readParty(r, node.author, `${where}.author`),
    publisher: readParty(r, node.publisher, `${where}.publisher`),
    rating,
    itemReviewed: {
      type: isCreativeWork ? "CreativeWork" : "Claim",
      author: readParty(r, itemNode.author, `${where}.itemReviewed.author`),
      datePublished: readDate(r, itemNode.datePublished, `${where}.itemReviewed.datePublished`),
      appearances,
      firstAppearance,
    },
  };
}

/** The nodes of a JSON-LD value that carry an `@id` and more than that (for
 * parseClaimReviewJsonLd's `context`). */
export function nodesById(value: unknown, into: Map<string, Record<string, unknown>> = new Map()): Map<string, Record<string, unknown>> {
  const nodes: Json[] = [];
  collectNodes(value, nodes);
  for (const node of nodes) {
    const id = node["@id"];
    if (typeof id === "string" && Object.keys(node).length > 1 && !into.has(id)) into.set(id, node);
  }
  return into;
}

/** Every object in the document that is a node: top-level objects, arrays of them, `@graph`
 * members (nested graphs too), and ClaimReviews nested as values (e.g. WebPage.review). */
function collectNodes(value: unknown, out: Json[], depth = 0): void {
  if (depth > 20) return;
  if (Array.isArray(value)) {
    for (const v of value) collectNodes(v, out, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  out.push(value);
  for (const [key, v] of Object.entries(value)) {
    if (key === "@context") continue;
    if (typeof v === "object" && v !== null) collectNodes(v, out, depth + 1);
  }
}

/** Far deeper than any ClaimReview document (an @graph of reviews, each a few levels deep). */
const MAX_JSON_DEPTH = 64;

/** Whether the brackets of JSON text (outside its strings) nest deeper than `max`: one pass. */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * Reads the ClaimReviews in a JSON-LD document (parsed JSON, or its text). Every ClaimReview
 * found is normalised; those missing a required part (claimReviewed, a rating with a label or
 * a number) are reported. The result is an error only when no ClaimReview could be read.
 */
export function parseClaimReviewJsonLd(
  json: unknown,
  options: {
    /** Nodes of the rest of the document by `@id`, for a part of a larger document read alone
     * (lib/import reads a large DataFeed or @graph item by item). */
    context?: ReadonlyMap<string, Record<string, unknown>>;
  } = {},
): ClaimReviewImportResult {
  if (typeof json === "string") {
    // JSON.parse takes super-linear time on deeply nested input (2 s for 1.6 MB of brackets);
    // a ClaimReview document is a few levels deep, so deeper text is refused before parsing.
    if (jsonDepthExceeds(json, MAX_JSON_DEPTH)) return { ok: false, errors: [`not JSON-LD: nested deeper than ${MAX_JSON_DEPTH} levels`] };
    try {
      json = JSON.parse(json) as unknown;
    } catch (error) {
      return { ok: false, errors: [`not JSON: ${error instanceof Error ? error.message : String(error)}`] };
    }
  }
  if (!isObject(json) && !Array.isArray(json)) return { ok: false, errors: ["expected a JSON-LD object or array"] };

  const nodes: Json[] = [];
  collectNodes(json, nodes);
  const byId = new Map<string, Json>();
  for (const node of nodes) {
    const id = node["@id"];
    // The fullest node with an id wins over bare references to it.
    if (typeof id === "string" && Object.keys(node).length > 1 && !byId.has(id)) byId.set(id, node);
  }
  const warnings: string[] = [];
  const reader: Reader = {
    warnings,
    resolve(v) {
      if (isObject(v) && typeof v["@id"] === "string" && Object.keys(v).length === 1) return byId.get(v["@id"]) ?? options.context?.get(v["@id"]) ?? v;
      return v;
    },
  };

  const reviewNodes = nodes.filter((n) => typesOf(n).includes("ClaimReview"));
  if (reviewNodes.length === 0) return { ok: false, errors: ["no ClaimReview in the document"] };

  const reviews: ImportedClaimReview[] = [];
  const errors: string[] = [];
  const seen = new Set<Json>();
  reviewNodes.forEach((node, i) => {
    const full = reader.resolve(node) as Json;
    if (seen.has(full)) return;
    seen.add(full);
    const where = reviewNodes.length === 1 ? "ClaimReview" : `ClaimReview ${i + 1}`;
    const result = readClaimReview(reader, full, where);
    if (Array.isArray(result)) errors.push(...result);
    else reviews.push(result);
  });
  if (reviews.length === 0) return { ok: false, errors };
  return { ok: true, reviews, warnings: [...errors, ...warnings] };
}
