// Reading an import file: bytes in, one raw record (or the reason there is none) per fact-check
// out, in the file's order, with the line each starts on. Streams: memory is bounded by the
// largest single item, never by the file (except an HTML page, read whole up to MAX_HTML_BYTES,
// and a small JSON document, read whole so that `@id` references between its parts resolve).
//
// Formats (detected from the first characters unless named):
//   - html: a page with <script type="application/ld+json"> blocks (htmlparser2);
//   - JSON: ClaimReview JSON-LD (an object, an array, `@graph`, a schema.org DataFeed with
//     dataFeedElement[].item[]) or a Fact Check Tools claims:search response (claims[]), told
//     apart item by item;
//   - csv: the columns of docs/import.md, comma or semicolon (from the header line), UTF-8
//     with or without BOM (csv-parse).
// Everything is UTF-8: other bytes stop the reading with a message saying so. Limits: bytes,
// items and time (ImportFileError).
import { Readable } from "node:stream";
import { parse as parseCsv, type CsvError } from "csv-parse";
import { Parser as HtmlParser } from "htmlparser2";
import { z } from "zod";
import { jsonDepthExceeds, nodesById, parseClaimReviewJsonLd, type ImportedClaimReview, type ImportedPartyRef } from "../claimreview";
import { JsonStructureError, splitJson, type JsonEnvelope, type JsonItem } from "./json-stream";
import { ImportFileError, type ImportIssue } from "./messages";
import type { ImportRecord, RawRecord } from "./record";

export const IMPORT_FORMATS = ["claimreview", "factcheck-tools", "csv", "html"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ReadLimits {
  /** The largest file, in bytes. */
  maxBytes: number;
  /** The most fact-checks in one file. */
  maxRows: number;
  /** When reading must have ended (ms since 1970), and that time limit in seconds. */
  deadline: number;
  seconds: number;
}

export const DEFAULT_LIMITS = {
  maxBytes: 256 * 2 ** 20,
  maxRows: 250_000,
  /** Reading (and the preview) of the largest file: measured 100,000 rows in about a minute. */
  seconds: 30 * 60,
} as const;

/** An HTML page is read whole: a page, not a feed. */
export const MAX_HTML_BYTES = 10 * 2 ** 20;
/** A JSON document up to this size is read whole (references between its parts resolve). */
const WHOLE_JSON_CHARS = 4 * 2 ** 20;
/** The largest single item of a JSON feed, or CSV record. */
const MAX_ITEM_CHARS = 1 * 2 ** 20;

export interface ReadRow {
  /** The line the fact-check starts on (1-based). */
  line: number;
  raw?: RawRecord;
  issue?: ImportIssue;
  /** Optional parts left out, as the parser said (not a reason to refuse the row). */
  notes?: string[];
}

export interface ReadMeta {
  format: ImportFormat | null;
  /** Things to tell about the whole file (unknown CSV columns). */
  notes: ImportIssue[];
}

// ---------------------------------------------------------------------------------------
// Bytes to text.

/** The file as UTF-8 text, chunk by chunk, within the limits. */
export async function* decodeUtf8(source: AsyncIterable<Uint8Array | string>, limits: ReadLimits): AsyncGenerator<string> {
  // fatal: bytes that are no UTF-8 stop the reading; the BOM, if any, is dropped.
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let bytes = 0;
  for await (const chunk of source) {
    const data = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    bytes += data.byteLength;
    if (bytes > limits.maxBytes) throw new ImportFileError("too_large", { max: Math.round(limits.maxBytes / 2 ** 20) });
    if (Date.now() > limits.deadline) throw new ImportFileError("timeout", { seconds: limits.seconds });
    let text: string;
    try {
      text = decoder.decode(data, { stream: true });
    } catch {
      throw new ImportFileError("not_utf8");
    }
    if (text) yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw new ImportFileError("not_utf8");
  }
  if (rest) yield rest;
}

/** The first characters of a text stream, and the whole stream again. */
async function peek(source: AsyncIterable<string>): Promise<{ first: string; all: AsyncIterable<string> }> {
  const iterator = source[Symbol.asyncIterator]();
  const seen: string[] = [];
  let first = "";
  while (true) {
    const next = await iterator.next();
    if (next.done) break;
    seen.push(next.value);
    const trimmed = next.value.replace(/^[\s\ufeff]+/, "");
    if (first === "" && trimmed) first = trimmed;
    if (first) break;
  }
  async function* all() {
    yield* seen;
    while (true) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { first, all: all() };
}

export function detectFormat(first: string): ImportFormat | null {
  const c = first[0];
  if (c === undefined) return null;
  if (c === "<") return "html";
  if (c === "{" || c === "[") return "claimreview";
  return "csv";
}

// ---------------------------------------------------------------------------------------
// The formats' records.

const party = (p: ImportedPartyRef | null) => p?.name ?? null;

/** A ClaimReview as read by lib/claimreview → the raw record. */
export function fromClaimReview(review: ImportedClaimReview): RawRecord {
  // The publisher is the organisation: `author` unless it is a Person and a `publisher` is given.
  const organisation = review.author?.type === "Person" && review.publisher ? review.publisher : (review.author ?? review.publisher);
  return {
    url: review.url,
    claimText: review.claimReviewed,
    claimantName: party(review.itemReviewed.author),
    claimantKind: review.itemReviewed.author?.type ?? null,
    claimDate: review.itemReviewed.datePublished,
    reviewDate: review.datePublished,
    publisherName: party(organisation),
    publisherSite: organisation?.url ?? null,
    title: review.headline,
    textualRating: review.rating.alternateName,
    ratingValue: review.rating.ratingValue,
    bestRating: review.rating.bestRating,
    worstRating: review.rating.worstRating,
    summary: review.rating.ratingExplanation,
    language: review.inLanguage,
  };
}

const factCheckToolsText = z.string().max(1_000_000).nullish();
const factCheckToolsClaim = z.object({
  text: factCheckToolsText,
  claimant: factCheckToolsText,
  claimDate: factCheckToolsText,
  claimReview: z
    .array(
      z.object({
        publisher: z.object({ name: factCheckToolsText, site: factCheckToolsText }).partial().nullish(),
        url: factCheckToolsText,
        title: factCheckToolsText,
        reviewDate: factCheckToolsText,
        textualRating: factCheckToolsText,
        languageCode: factCheckToolsText,
      }),
    )
    .max(1_000),
});

/** Whether a JSON item is a claim of a Fact Check Tools claims:search response. */
export function isFactCheckToolsClaim(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Array.isArray((value as Record<string, unknown>).claimReview);
}

/** A Fact Check Tools claim → one raw record per review of it (or the reason there is none). */
export function fromFactCheckTools(value: unknown): { raws: RawRecord[] } | { issue: ImportIssue } {
  const parsed = factCheckToolsClaim.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { issue: { code: "not_factcheck_tools", params: { message: `${first?.path.join(".") ?? ""}: ${first?.message ?? ""}` } } };
  }
  const claim = parsed.data;
  return {
    raws: claim.claimReview.map((review) => ({
      url: review.url,
      claimText: claim.text,
      claimantName: claim.claimant,
      claimDate: claim.claimDate,
      reviewDate: review.reviewDate,
      publisherName: review.publisher?.name,
      publisherSite: review.publisher?.site,
      title: review.title,
      textualRating: review.textualRating,
      language: review.languageCode,
    })),
  };
}

// ---------------------------------------------------------------------------------------
// JSON

const SPLIT_KEYS = new Set(["@graph", "dataFeedElement", "claims", "itemListElement"]);
const NO_CLAIMREVIEW = "no ClaimReview in the document";

function rowsOfJsonValue(value: unknown, line: number, meta: ReadMeta, context?: ReadonlyMap<string, Record<string, unknown>>): ReadRow[] {
  if (isFactCheckToolsClaim(value)) {
    meta.format ??= "factcheck-tools";
    const result = fromFactCheckTools(value);
    if ("issue" in result) return [{ line, issue: result.issue }];
    return result.raws.map((raw) => ({ line, raw }));
  }
  const result = parseClaimReviewJsonLd(value, { context });
  if (!result.ok) {
    // A node that is no ClaimReview (an Organization of an @graph, the header of a feed): not a row.
    if (result.errors.length === 1 && result.errors[0] === NO_CLAIMREVIEW) return [];
    return [{ line, issue: { code: "not_claimreview", params: { message: result.errors.join("; ").slice(0, 500) } } }];
  }
  meta.format ??= "claimreview";
  const notes = result.warnings.length ? result.warnings.slice(0, 20) : undefined;
  return result.reviews.map((review) => ({ line, raw: fromClaimReview(review), ...(notes ? { notes } : {}) }));
}

async function* readJson(text: AsyncIterable<string>, meta: ReadMeta): AsyncGenerator<ReadRow> {
  const items = splitJson(text, { splitKeys: SPLIT_KEYS, maxItemChars: MAX_ITEM_CHARS, maxDepth: 64, maxEnvelopeChars: MAX_ITEM_CHARS });
  // Held back while the document is small: read whole, its items may refer to each other by @id.
  let held: JsonItem[] | null = [];
  let heldChars = 0;
  const rowsOf = function* (item: JsonItem, context?: ReadonlyMap<string, Record<string, unknown>>): Generator<ReadRow> {
    if (item.error) {
      const issue: ImportIssue =
        item.error.code === "item_too_large"
          ? { code: "item_too_large", params: { max: MAX_ITEM_CHARS } }
          : { code: "bad_json", params: { message: item.error.message.slice(0, 300) } };
      yield { line: item.line, issue };
      return;
    }
    yield* rowsOfJsonValue(item.value, item.line, meta, context);
  };
  try {
    for await (const item of items) {
      if ("envelope" in item) {
        const envelope = (item as JsonEnvelope).envelope;
        const context = held ? contextOf(held, envelope) : undefined;
        for (const h of held ?? []) yield* rowsOf(h, context);
        held = null;
        // A single ClaimReview (or one beside the feed's items) is in the envelope.
        const rest = Object.keys(envelope).filter((k) => k !== "@context");
        if (rest.length) yield* rowsOfJsonValue(envelope, 1, meta, context);
        continue;
      }
      if (held) {
        held.push(item);
        heldChars += item.value === undefined ? 0 : JSON.stringify(item.value).length;
        if (heldChars > WHOLE_JSON_CHARS) {
          // Too large to hold: items are read alone from here on.
          for (const h of held) yield* rowsOf(h);
          held = null;
        }
        continue;
      }
      yield* rowsOf(item);
    }
  } catch (error) {
    if (error instanceof JsonStructureError) throw new ImportFileError("json_structure", { line: error.line, message: error.message });
    throw error;
  }
}

function contextOf(items: JsonItem[], envelope: Record<string, unknown>): Map<string, Record<string, unknown>> {
  const map = new Map<string, Record<string, unknown>>();
  for (const item of items) if (item.value !== undefined) nodesById(item.value, map);
  nodesById(envelope, map);
  return map;
}

// ---------------------------------------------------------------------------------------
// HTML

async function* readHtml(text: AsyncIterable<string>, meta: ReadMeta): AsyncGenerator<ReadRow> {
  let page = "";
  for await (const chunk of text) {
    page += chunk;
    if (page.length > MAX_HTML_BYTES) throw new ImportFileError("too_large", { max: MAX_HTML_BYTES / 2 ** 20 });
  }
  const blocks: { text: string; start: number }[] = [];
  let current: { text: string; start: number } | null = null;
  const parser = new HtmlParser(
    {
      onopentag(name, attributes) {
        if (name === "script" && (attributes.type ?? "").trim().toLowerCase().split(";")[0] === "application/ld+json") {
          current = { text: "", start: parser.startIndex };
        }
      },
      ontext(data) {
        if (current) current.text += data;
      },
      onclosetag(name) {
        if (name === "script" && current) {
          blocks.push(current);
          current = null;
        }
      },
    },
    { decodeEntities: false },
  );
  parser.write(page);
  parser.end();
  if (blocks.length === 0) throw new ImportFileError("html_no_jsonld");
  // Blocks come in page order: lines are counted on from the last block (one pass over the page,
  // however many blocks it has).
  let counted = 0;
  let countedLine = 1;
  const lineAt = (index: number) => {
    for (; counted < index && counted < page.length; counted++) if (page.charCodeAt(counted) === 10) countedLine++;
    return countedLine;
  };
  meta.format = "html";
  for (const block of blocks) {
    const line = lineAt(block.start);
    // Some pages wrap JSON-LD in an HTML comment or CDATA section.
    const json = block.text.trim().replace(/^<!--|-->$/g, "").replace(/^\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>$/g, "").trim();
    // JSON.parse takes super-linear time on deeply nested text: refused before parsing.
    if (jsonDepthExceeds(json, 64)) {
      yield { line, issue: { code: "bad_json", params: { message: "nested deeper than 64 levels" } } };
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(json) as unknown;
    } catch (error) {
      yield { line, issue: { code: "bad_json", params: { message: (error instanceof Error ? error.message : String(error)).slice(0, 300) } } };
      continue;
    }
    for (const row of rowsOfJsonValue(value, line, meta)) {
      // Only the page's reviews are rows; its other blocks (Organization, BreadcrumbList) are not.
      yield row;
    }
  }
}

// ---------------------------------------------------------------------------------------
// CSV

/** The documented columns (docs/import.md) and the names other tools give them. */
export const CSV_COLUMNS: Record<string, keyof ImportRecord> = {
  url: "url",
  review_url: "url",
  fact_check_url: "url",
  claim: "claimText",
  claim_text: "claimText",
  claim_reviewed: "claimText",
  claimreviewed: "claimText",
  text: "claimText",
  claimant: "claimantName",
  claim_author: "claimantName",
  claim_author_name: "claimantName",
  claimant_type: "claimantKind",
  claimant_kind: "claimantKind",
  claim_date: "claimDate",
  claimdate: "claimDate",
  review_date: "reviewDate",
  reviewdate: "reviewDate",
  date_published: "reviewDate",
  datepublished: "reviewDate",
  publisher: "publisherName",
  publisher_name: "publisherName",
  reviewer_name: "publisherName",
  publisher_site: "publisherSite",
  site: "publisherSite",
  title: "title",
  headline: "title",
  rating: "textualRating",
  textual_rating: "textualRating",
  textualrating: "textualRating",
  review_rating: "textualRating",
  rating_value: "ratingValue",
  ratingvalue: "ratingValue",
  best_rating: "bestRating",
  bestrating: "bestRating",
  worst_rating: "worstRating",
  worstrating: "worstRating",
  summary: "summary",
  rating_explanation: "summary",
  ratingexplanation: "summary",
  language: "language",
  language_code: "language",
  languagecode: "language",
  in_language: "language",
  verdict: "verdict",
  analysis: "analysis",
};

/** A header cell as the column table names it: "Claim Date" → claim_date, "reviewDate" → reviewdate. */
export const columnName = (header: string) =>
  header
    .replace(/^\ufeff/, "")
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");

/** The delimiter of the header line: the most frequent of ; , and tab outside quotes. */
export function sniffDelimiter(text: string): string {
  const counts: Record<string, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch in counts) counts[ch]!++;
  }
  return Object.entries(counts).sort((a, b) => b[1] - a[1])[0]![1] > 0 ? Object.entries(counts).sort((a, b) => b[1] - a[1])[0]![0] : ",";
}

async function* readCsv(text: AsyncIterable<string>, meta: ReadMeta): AsyncGenerator<ReadRow> {
  meta.format = "csv";
  // The header line decides the delimiter: read until it is complete.
  const iterator = text[Symbol.asyncIterator]();
  let head = "";
  let ended = false;
  while (!/[\r\n]/.test(head) && head.length < 64 * 1024) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    head += next.value;
  }
  const delimiter = sniffDelimiter(head.replace(/^\ufeff/, ""));
  let fields: (keyof ImportRecord | null)[] = [];
  const skipped: { line: number; message: string }[] = [];
  const parser = parseCsv({
    bom: true,
    delimiter,
    columns: (header: string[]) => {
      const seen = new Set<keyof ImportRecord>();
      const unknown: string[] = [];
      fields = header.map((cell) => {
        const field = CSV_COLUMNS[columnName(cell)];
        if (!field || seen.has(field)) {
          if (cell.trim()) unknown.push(cell.trim().slice(0, 60));
          return null;
        }
        seen.add(field);
        return field;
      });
      if (!seen.has("claimText")) throw new ImportFileError("csv_header", { column: "claim", header: header.join(delimiter).slice(0, 300) });
      if (unknown.length) meta.notes.push({ code: "unknown_columns", params: { columns: unknown.slice(0, 20).join(", ") } });
      // Records come as arrays of cells (by position); the fields above name them.
      return header.map((_, i) => String(i));
    },
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_ITEM_CHARS,
    relax_quotes: false,
    info: true,
  });
  parser.on("skip", (error: CsvError) => {
    const lines = (error as CsvError & { lines?: number }).lines;
    skipped.push({ line: typeof lines === "number" ? lines : 0, message: error.message.replace(/^Invalid Record Length: /, "").slice(0, 300) });
  });
  async function* rest() {
    if (head) yield head;
    if (ended) return;
    while (true) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const input = Readable.from(rest());
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser);
  let previousEnd = 1; // the header's line
  let previousEmpty = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; empty_lines: number } }>) {
      // Records that could not be parsed are told of ahead of the good ones (the parser reads
      // ahead): each is reported in its place, and the lines it took are counted.
      while (skipped.length && skipped[0]!.line < info.lines) {
        const s = skipped.shift()!;
        previousEnd = Math.max(previousEnd, s.line);
        yield { line: s.line, issue: { code: "csv_record", params: { message: s.message } } };
      }
      const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
      previousEnd = info.lines;
      previousEmpty = info.empty_lines;
      const raw: RawRecord = {};
      fields.forEach((field, i) => {
        if (!field) return;
        const value = record[String(i)];
        if (value !== undefined && value.trim() !== "") (raw as Record<string, unknown>)[field] = value;
      });
      yield { line, raw };
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const csv = error as Partial<CsvError> & { lines?: number };
    if (typeof csv.code === "string" && csv.code.startsWith("CSV_")) {
      throw new ImportFileError("csv_file", { line: csv.lines ?? previousEnd + 1, message: String(csv.message).slice(0, 300) });
    }
    throw error;
  }
  for (const s of skipped) yield { line: s.line, issue: { code: "csv_record", params: { message: s.message } } };
}

// ---------------------------------------------------------------------------------------
// The file.

/**
 * The rows of an import file. `meta.format` says what it was read as; `meta.notes` what to
 * tell about the whole file. Throws ImportFileError for a file that cannot be read at all (or
 * not to its end): nothing of it is imported then.
 */
export async function* readImport(
  source: AsyncIterable<Uint8Array | string>,
  options: { format?: ImportFormat | null; limits: ReadLimits },
  meta: ReadMeta,
): AsyncGenerator<ReadRow> {
  const { first, all } = await peek(decodeUtf8(source, options.limits));
  if (!first) throw new ImportFileError("empty");
  const format = options.format ?? detectFormat(first);
  if (!format) throw new ImportFileError("unknown_format");
  const rows = format === "html" ? readHtml(all, meta) : format === "csv" ? readCsv(all, meta) : readJson(all, meta);
  let count = 0;
  let any = false;
  for await (const row of rows) {
    if (++count > options.limits.maxRows) throw new ImportFileError("too_many_rows", { max: options.limits.maxRows });
    any = true;
    yield row;
  }
  if (!any) throw new ImportFileError("no_items");
}
