// Exports of the public data (issue 14 point 3): public claims, quotes and speakers as CSV
// (csv-stringify) or JSON Lines, for researchers and partner newsrooms; from the desk
// (/admin/export, GET /api/admin/export) and the command line (npm run export).
//
// - Only public fields: everything is read through lib/public (lib/public/keyset.ts, the same rule,
//   selects and mapping as the public pages: a claim as its publication was approved, never its
//   working columns). JSON Lines carry the public API's objects (lib/api/present.ts: one
//   `Claim`, `Quote` or `Speaker` of docs/api.md a line, with everything the page shows); CSV
//   has flat columns.
// - Streamed: rows are read in keyset pages (pageSize, default 200), each page written before
//   the next is read; memory does not grow with the number of rows.
// - The claims CSV uses the import's column names where they mean the same (docs/import.md:
//   url, claim, claimant, claimant_type, claim_date, publisher, publisher_site, review_date,
//   rating, rating_value, best_rating, worst_rating, summary, analysis, language, verdict), so a
//   Claimbase export can be imported as another newsroom's back catalogue (`--own`).
// - For spreadsheets (the desk's downloads): a BOM, so that Excel reads UTF-8, and cells that
//   begin with = + - @ or a tab are prefixed with ' so that they are not run as formulas (CSV
//   injection: text fields are untrusted). The command line writes the data as it is.
import { stringify } from "csv-stringify/sync";
import { verdictLabel } from "../claimreview";
import { db as defaultDb, type Db } from "../db/client";
import { getPublicRatingScale, type PublicClaim, type PublicSpeakerQuote } from "../public";
import { pagePublicClaims, pagePublicQuotes, pagePublicSpeakers, type ClaimKey, type PublicSpeakerProfile } from "../public/keyset";
import { sitePart } from "../public/factcheck";
import { getSiteInfo, paths, type SiteInfo } from "../site";
import { pageUrl, presentClaim, presentQuote, presentSpeaker } from "../api/present";

export const EXPORT_KINDS = ["claims", "quotes", "speakers"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ["csv", "jsonl"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_PAGE_SIZE = 200;

export interface ExportOptions {
  client?: Db;
  /** Rows read per query (at most 200). */
  pageSize?: number;
  /** For spreadsheets: BOM and formula escaping (see above). */
  spreadsheet?: boolean;
}

export const CLAIM_COLUMNS = [
  "slug",
  "url",
  "url_en",
  "claim",
  "language",
  "status",
  "claimant",
  "claimant_slug",
  "claimant_type",
  "claim_date",
  "verdict",
  "rating",
  "rating_en",
  "rating_value",
  "best_rating",
  "worst_rating",
  "summary",
  "analysis",
  "review_date",
  "updated_at",
  "publisher",
  "publisher_site",
  "topics",
  "corrections",
  "also_checked_by",
] as const;

export const QUOTE_COLUMNS = ["text", "language", "kind", "said_on", "occasion", "place", "speaker", "speaker_slug", "reported_by", "reported_by_slug", "claims"] as const;

export const SPEAKER_COLUMNS = ["slug", "url", "name", "kind", "wikidata_id", "bio", "aliases", "roles", "claim_count"] as const;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
const iso = (d: Date | null) => (d ? d.toISOString() : "");
/** Lists in one cell: separated by "; " (no field of these lists holds one: slugs, aliases). */
const list = (values: string[]) => values.join("; ");

function claimRow(c: PublicClaim, site: SiteInfo, scale: { best: number; worst: number } | null): Record<(typeof CLAIM_COLUMNS)[number], string | number> {
  const rated = c.verdict?.ratingValue ?? null;
  return {
    slug: c.slug,
    url: pageUrl(site.origin, paths.claim(c.slug), "de"),
    url_en: pageUrl(site.origin, paths.claim(c.slug), "en"),
    claim: c.text,
    language: c.language,
    status: c.status,
    claimant: c.claimant?.name ?? "",
    claimant_slug: c.claimant?.slug ?? "",
    claimant_type: c.claimant ? (c.claimant.kind === "person" ? "Person" : "Organization") : "",
    claim_date: day(c.claimDate),
    verdict: c.verdict?.key ?? "",
    rating: c.verdict ? verdictLabel(c.verdict, "de") : "",
    rating_en: c.verdict ? verdictLabel(c.verdict, "en") : "",
    rating_value: rated ?? "",
    best_rating: rated !== null && scale ? Math.max(scale.best, rated) : "",
    worst_rating: rated !== null && scale ? Math.min(scale.worst, rated) : "",
    summary: c.summary ?? "",
    analysis: c.analysis ?? "",
    review_date: iso(c.publishedAt),
    updated_at: iso(c.publicUpdatedAt),
    publisher: site.organization.name,
    publisher_site: sitePart(site.origin),
    topics: list(c.topics.map((t) => t.slug)),
    corrections: c.corrections.length,
    also_checked_by: list(c.alsoCheckedBy.flatMap((e) => (e.url ? [e.url] : []))),
  };
}

function quoteRow(q: PublicSpeakerQuote): Record<(typeof QUOTE_COLUMNS)[number], string> {
  return {
    text: q.text,
    language: q.language,
    kind: q.kind,
    said_on: day(q.saidOn),
    occasion: q.occasion ?? "",
    place: q.place ?? "",
    speaker: q.speaker.name,
    speaker_slug: q.speaker.slug,
    reported_by: q.reportedBy?.name ?? "",
    reported_by_slug: q.reportedBy?.slug ?? "",
    claims: list(q.claims.map((c) => c.slug)),
  };
}

function speakerRow(s: PublicSpeakerProfile, origin: string): Record<(typeof SPEAKER_COLUMNS)[number], string | number> {
  return {
    slug: s.slug,
    url: pageUrl(origin, paths.speaker(s.slug), "de"),
    name: s.name,
    kind: s.kind,
    wikidata_id: s.wikidataId ?? "",
    bio: s.bio ?? "",
    aliases: list(s.aliases),
    roles: list(
      s.roles.map((r) => {
        const when = r.startDate || r.endDate ? ` ${day(r.startDate)}–${day(r.endDate)}` : "";
        return `${r.title}${r.organization ? `, ${r.organization}` : ""}${when}`;
      }),
    ),
    claim_count: s.claimCount,
  };
}

/** Pages of rows, read one after another (keyset). */
async function* pagesOf<T, K>(read: (after: K | null) => Promise<{ items: T[]; next: K | null }>): AsyncGenerator<T[]> {
  let after: K | null = null;
  for (;;) {
    const page: { items: T[]; next: K | null } = await read(after);
    if (page.items.length) yield page.items;
    if (page.next === null) return;
    after = page.next;
  }
}

/** The export as chunks of text: one chunk per page of rows (the CSV header with the first). */
export async function* exportChunks(kind: ExportKind, format: ExportFormat, options: ExportOptions = {}): AsyncGenerator<string> {
  const client = options.client ?? defaultDb;
  const take = options.pageSize ?? EXPORT_PAGE_SIZE;
  const site = await getSiteInfo(client);
  const csvOptions = (columns: readonly string[], first: boolean) => ({
    columns: [...columns],
    header: first,
    bom: first && options.spreadsheet === true,
    escape_formulas: options.spreadsheet === true,
    record_delimiter: "\n" as const,
  });
  const jsonl = (values: unknown[]) => values.map((v) => `${JSON.stringify(v)}\n`).join("");

  if (kind === "claims") {
    const scale = await getPublicRatingScale(client);
    let first = true;
    for await (const items of pagesOf<PublicClaim, ClaimKey>((after) => pagePublicClaims({ after, take }, client))) {
      yield format === "csv"
        ? stringify(items.map((c) => claimRow(c, site, scale)), csvOptions(CLAIM_COLUMNS, first))
        : jsonl(items.map((c) => presentClaim(site.origin, c)));
      first = false;
    }
    if (first && format === "csv") yield stringify([], csvOptions(CLAIM_COLUMNS, true));
    return;
  }
  if (kind === "quotes") {
    let first = true;
    for await (const items of pagesOf<PublicSpeakerQuote, string>((after) => pagePublicQuotes({ after, take }, client))) {
      yield format === "csv" ? stringify(items.map(quoteRow), csvOptions(QUOTE_COLUMNS, first)) : jsonl(items.map((q) => presentQuote(site.origin, q)));
      first = false;
    }
    if (first && format === "csv") yield stringify([], csvOptions(QUOTE_COLUMNS, true));
    return;
  }
  let first = true;
  for await (const items of pagesOf<PublicSpeakerProfile, string>((after) => pagePublicSpeakers({ after, take }, client))) {
    yield format === "csv"
      ? stringify(
          items.map((s) => speakerRow(s, site.origin)),
          csvOptions(SPEAKER_COLUMNS, first),
        )
      : jsonl(items.map((s) => presentSpeaker(site.origin, s)));
    first = false;
  }
  if (first && format === "csv") yield stringify([], csvOptions(SPEAKER_COLUMNS, true));
}

export function exportContentType(format: ExportFormat): string {
  return format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
}

export function exportFilename(kind: ExportKind, format: ExportFormat, now: Date = new Date()): string {
  return `claimbase-${kind}-${now.toISOString().slice(0, 10)}.${format}`;
}
