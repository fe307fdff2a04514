// The one shape every import format is read into (ImportRecord), and the rules every record
// passes before it is staged: the boundary between a hostile file and the database.
//
// - Text is untrusted. NUL and other control characters are removed (PostgreSQL cannot store
//   U+0000; none belongs in a name), as are the bidirectional overrides that make a name read
//   differently from what it is; one-line fields get their whitespace collapsed; every field has
//   a length limit, and a longer value makes the row invalid rather than being cut silently.
//   Markup stays as the publisher sent it (a publisher name "<script>…" is stored as those
//   characters): pages escape it, and a link is only ever made of an http(s) URL.
// - Dates: a calendar date stays a date (YYYY-MM-DD, also DD.MM.YYYY as German spreadsheets
//   write it); a timestamp becomes UTC. Ambiguous forms (11/12/2017) are refused.
// - The key (ExternalFactCheck.key, Claim.importKey) makes an import idempotent: the normalised
//   URL of the fact-check, or, without a URL, a fingerprint of publisher, claim and review date.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { ImportIssue } from "./messages";

export interface ImportRecord {
  /** The fact-check's own page. */
  url: string | null;
  claimText: string;
  claimantName: string | null;
  /** What the claimant is, when the file says (ClaimReview: Person or Organization): the kind
   * of a speaker created for it. */
  claimantKind: "person" | "organization" | null;
  /** When the claim was made: YYYY-MM-DD. */
  claimDate: string | null;
  /** When the fact-check was published: YYYY-MM-DD or an ISO 8601 UTC timestamp. */
  reviewDate: string | null;
  publisherName: string | null;
  /** Host-level site, lower case, without "www.": "example-factcheck.org". */
  publisherSite: string | null;
  title: string | null;
  textualRating: string | null;
  ratingValue: number | null;
  bestRating: number | null;
  worstRating: number | null;
  /** The rating's explanation (ClaimReview ratingExplanation, CSV summary). */
  summary: string | null;
  /** BCP 47 language tag, primary subtag lower case ("de", "en", "pt-BR"). */
  language: string | null;
  /** Own verdicts only: the label of our scale the row names (CSV column verdict). */
  verdict: string | null;
  /** Own verdicts only: the long analysis (CSV column analysis). */
  analysis: string | null;
}

export const LIMITS = {
  url: 2_000,
  claimText: 5_000,
  claimantName: 300,
  publisherName: 300,
  publisherSite: 253,
  title: 1_000,
  textualRating: 300,
  summary: 10_000,
  analysis: 100_000,
  verdict: 100,
} as const;

// eslint-disable-next-line no-control-regex
const CONTROL_ALL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_LINE = /[\u0000-\u001f\u007f-\u009f]/g;
/** Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/** One-line text: controls and bidi overrides out, whitespace collapsed, NFC; blank is null. */
export function cleanLine(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const s = value.normalize("NFC").replace(CONTROL_LINE, " ").replace(BIDI, "").replace(/\s+/g, " ").trim();
  return s === "" ? null : s;
}

/** Text that may have paragraphs: line breaks kept (as \n), other controls out. */
export function cleanText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const s = value
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL_ALL, "")
    .replace(BIDI, "")
    .replace(/[ \t]+\n/g, "\n")
    .trim();
  return s === "" ? null : s;
}

/** An http(s) URL, normalised (no fragment), or null. */
export function httpUrl(value: string | null | undefined): string | null {
  const s = cleanLine(value);
  if (!s) return null;
  try {
    const url = new URL(s);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (url.username || url.password) return null;
    url.hash = "";
    return url.toString();
  } catch {
    return null;
  }
}

/** The host of a site as the Fact Check Tools API gives it: "www.example.org/x" → "example.org". */
export function siteOf(value: string | null | undefined): string | null {
  const s = cleanLine(value);
  if (!s) return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `https://${s}`).hostname;
  } catch {
    return null;
  }
  host = host.toLowerCase().replace(/^www\./, "").replace(/\.$/, "");
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) && host.length <= LIMITS.publisherSite ? host : null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

function validCalendarDate(y: number, m: number, d: number): string | null {
  if (y < 1000 || y > 9999) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A date as given by a file: YYYY-MM-DD, DD.MM.YYYY, or an ISO 8601 timestamp (→ UTC). Returns
 * the normalised string and whether it is a calendar date, or null when it is none of those.
 */
export function parseDate(value: string): { value: string; calendar: boolean } | null {
  const s = value.trim();
  let m = ISO_DATE.exec(s);
  if (m) {
    const d = validCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return d ? { value: d, calendar: true } : null;
  }
  m = GERMAN_DATE.exec(s);
  if (m) {
    const d = validCalendarDate(Number(m[3]), Number(m[2]), Number(m[1]));
    return d ? { value: d, calendar: true } : null;
  }
  // A timestamp: ISO-like only ("2017-11-11T09:00:00Z", "2017-11-11 09:00"), never 11/12/2017.
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(s)) return null;
  const ms = Date.parse(s.replace(" ", "T"));
  if (Number.isNaN(ms)) return null;
  const iso = new Date(ms).toISOString();
  const year = Number(iso.slice(0, 4));
  return year >= 1000 && year <= 9999 ? { value: iso, calendar: false } : null;
}

/** A number as files write it: 4, "4", "4.5", "4,5"; blank is null; anything else undefined. */
export function parseNumber(value: unknown): number | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const s = value.trim().replace(",", ".");
  if (s === "") return null;
  if (!/^[-+]?\d{1,12}(?:\.\d{1,12})?$/.test(s)) return undefined;
  return Number(s);
}

const LANGUAGE = /^([a-z]{2,3})((?:-[a-z0-9]{2,8})*)$/i;

/** A BCP 47 tag with its primary subtag lower case and a region upper case; else null. */
export function languageTag(value: string | null | undefined): string | null {
  const s = cleanLine(value);
  if (!s || s.length > 35) return null;
  const m = LANGUAGE.exec(s.replace(/_/g, "-"));
  if (!m) return null;
  const rest = m[2]!
    .split("-")
    .filter(Boolean)
    .map((part) => (part.length === 2 ? part.toUpperCase() : part.toLowerCase()));
  return [m[1]!.toLowerCase(), ...rest].join("-");
}

/** The fields of a record as a format read them: strings as found, numbers as found. */
export type RawRecord = {
  [K in keyof ImportRecord]?: unknown;
};

const FIELD_NAMES: Record<keyof ImportRecord, string> = {
  url: "url",
  claimText: "claim",
  claimantName: "claimant",
  claimantKind: "claimant_type",
  claimDate: "claim_date",
  reviewDate: "review_date",
  publisherName: "publisher",
  publisherSite: "publisher_site",
  title: "title",
  textualRating: "rating",
  ratingValue: "rating_value",
  bestRating: "best_rating",
  worstRating: "worst_rating",
  summary: "summary",
  language: "language",
  verdict: "verdict",
  analysis: "analysis",
};

/** The name of a field as the CSV template and the messages call it. */
export const fieldName = (field: keyof ImportRecord) => FIELD_NAMES[field];

const anyText = z.union([z.string(), z.number()]).transform(String).nullish();

/** The boundary: what a format read, as loose as formats are. Anything else is refused. */
const rawSchema = z.object({
  url: anyText,
  claimText: anyText,
  claimantName: anyText,
  claimantKind: anyText,
  claimDate: anyText,
  reviewDate: anyText,
  publisherName: anyText,
  publisherSite: anyText,
  title: anyText,
  textualRating: anyText,
  ratingValue: z.unknown().optional(),
  bestRating: z.unknown().optional(),
  worstRating: z.unknown().optional(),
  summary: anyText,
  language: anyText,
  verdict: anyText,
  analysis: anyText,
});

export interface NormaliseOptions {
  /** own: our verdicts (no publisher needed, a verdict instead); external: others'. */
  kind: "external" | "own";
}

export type Normalised = { ok: true; record: ImportRecord } | { ok: false; issue: ImportIssue };

/** A raw record → the normalised record, or the first reason it cannot be imported. */
export function normaliseRecord(raw: RawRecord, options: NormaliseOptions): Normalised {
  const parsed = rawSchema.safeParse(raw);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "");
    return { ok: false, issue: { code: "bad_json", params: { message: `${field}: ${parsed.error.issues[0]?.message ?? ""}` } } };
  }
  const r = parsed.data;
  const fail = (code: ImportIssue["code"], params?: ImportIssue["params"]): Normalised => ({ ok: false, issue: { code, params } });

  const texts = {
    claimText: cleanText(r.claimText),
    claimantName: cleanLine(r.claimantName),
    publisherName: cleanLine(r.publisherName),
    title: cleanLine(r.title),
    textualRating: cleanLine(r.textualRating),
    summary: cleanText(r.summary),
    verdict: cleanLine(r.verdict),
    analysis: cleanText(r.analysis),
  };
  for (const [field, value] of Object.entries(texts) as [keyof typeof texts, string | null][]) {
    const max = LIMITS[field];
    if (value !== null && value.length > max) return fail("too_long", { field: fieldName(field), length: value.length, max });
  }
  if (!texts.claimText) return fail("claim_missing");

  const rawUrl = cleanLine(r.url);
  if (rawUrl && rawUrl.length > LIMITS.url) return fail("too_long", { field: "url", length: rawUrl.length, max: LIMITS.url });
  const url = httpUrl(rawUrl);
  if (rawUrl && !url) return fail("bad_url", { field: "url", value: rawUrl.slice(0, 200) });

  const dates: { claimDate: string | null; reviewDate: string | null } = { claimDate: null, reviewDate: null };
  for (const field of ["claimDate", "reviewDate"] as const) {
    const value = cleanLine(r[field]);
    if (!value) continue;
    const date = parseDate(value);
    if (!date) return fail("bad_date", { field: fieldName(field), value: value.slice(0, 100) });
    // When a claim was made is a calendar date (Claim.claimDate is @db.Date).
    dates[field] = field === "claimDate" ? date.value.slice(0, 10) : date.value;
  }

  const numbers: { ratingValue: number | null; bestRating: number | null; worstRating: number | null } = {
    ratingValue: null,
    bestRating: null,
    worstRating: null,
  };
  for (const field of ["ratingValue", "bestRating", "worstRating"] as const) {
    const n = parseNumber(r[field]);
    if (n === undefined) return fail("bad_number", { field: fieldName(field), value: String(r[field]).slice(0, 100) });
    numbers[field] = n;
  }

  const publisherSite = siteOf(r.publisherSite) ?? (url ? siteOf(url) : null);
  const publisherName = texts.publisherName ?? publisherSite;
  if (options.kind === "external") {
    if (!publisherName) return fail("publisher_missing");
    if (!texts.textualRating && numbers.ratingValue === null) return fail("rating_missing");
  }

  return {
    ok: true,
    record: {
      url,
      claimText: texts.claimText,
      claimantName: texts.claimantName,
      claimantKind: claimantKindOf(r.claimantKind),
      claimDate: dates.claimDate,
      reviewDate: dates.reviewDate,
      publisherName,
      publisherSite,
      title: texts.title,
      textualRating: texts.textualRating,
      ...numbers,
      summary: texts.summary,
      language: languageTag(r.language),
      verdict: texts.verdict,
      analysis: texts.analysis,
    },
  };
}

/** "Person" → person; "Organization" and its kinds (GovernmentOrganization, NewsMediaOrganization,
 * "Organisation") → organization; anything else → null. */
function claimantKindOf(value: string | null | undefined): ImportRecord["claimantKind"] {
  const s = cleanLine(value)?.toLowerCase().replace(/^(?:https?:\/\/schema\.org\/|schema:)/, "");
  if (!s) return null;
  if (s === "person") return "person";
  return /organi[sz]ation$/.test(s) ? "organization" : null;
}

/** Tracking parameters that do not make another page. */
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)$/i;

/** The URL as the key compares it: host lower case, no fragment, no tracking parameters, no
 * trailing slash, http and https alike. */
export function urlKey(url: string): string {
  const u = new URL(url);
  for (const name of [...u.searchParams.keys()]) if (TRACKING.test(name)) u.searchParams.delete(name);
  u.searchParams.sort();
  const path = u.pathname.length > 1 ? u.pathname.replace(/\/+$/, "") : "";
  const host = u.hostname.replace(/^www\./, "");
  return `url:${host}${u.port ? `:${u.port}` : ""}${path}${u.search}`;
}

const fold = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();

/** The record's idempotency key: its URL, or a fingerprint of publisher, claim and date. */
export function recordKey(record: ImportRecord): string {
  if (record.url) return urlKey(record.url);
  const parts = [fold(record.publisherSite ?? record.publisherName ?? ""), fold(record.claimText), (record.reviewDate ?? "").slice(0, 10)];
  return `fp:${createHash("sha256").update(parts.join("\n")).digest("hex")}`;
}

/** A claimant's name as speakers are matched: whitespace collapsed (case and accents are
 * folded by the database, claimbase_unaccent). */
export const claimantKey = (name: string) => name.replace(/\s+/g, " ").trim();
