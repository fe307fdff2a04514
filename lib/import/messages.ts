// What an import says about a file, a row or a batch: a code and its parameters, stored as such
// (ImportRow.reason/params, ImportBatch.error/errorParams) and shown in the reader's language
// from the catalogues (msg.import.<code> in messages/de.json and messages/en.json). A parser's
// own words about what it could not read (csv-parse, JSON.parse, zod, the ClaimReview reader:
// technical English) travel beside the message as its detail, a parameter named `message`; the
// desk shows the detail as it is, marked as English content (components/admin/ImportText.tsx).
import { isMessage, msg, type Message, type MessageKey } from "../messages";

/** The codes of lib/import's messages (each has msg.import.<code> in both catalogues). */
export const IMPORT_CODES = [
  // Rows
  "claim_missing",
  "publisher_missing",
  "rating_missing",
  "too_long",
  "bad_date",
  "bad_url",
  "bad_number",
  "csv_record",
  "bad_json",
  "not_claimreview",
  "not_factcheck_tools",
  "item_too_large",
  "duplicate_in_file",
  "exists_same",
  "exists_changed",
  "verdict_missing",
  "verdict_unknown",
  "summary_missing",
  "review_date_missing",
  "claim_exists",
  "write_failed",
  // Files and batches
  "too_large",
  "too_many_rows",
  "timeout",
  "not_utf8",
  "empty",
  "unknown_format",
  "csv_header",
  "csv_file",
  "json_structure",
  "html_no_jsonld",
  "no_items",
  "unknown_columns",
  "invalid_rows_all_or_nothing",
  "interrupted",
  "write_failed_all_or_nothing",
] as const;

export type ImportMessageCode = (typeof IMPORT_CODES)[number];
/** An import message's parameters; `message` is the detail (a parser's English words, or the
 * Message of a domain error that refused a row). */
export type ImportParams = Record<string, string | number | Message>;

export interface ImportIssue {
  code: ImportMessageCode;
  params?: ImportParams;
}

/** An import's message as people read it: the Message, and the detail shown beside it. */
export interface ImportText {
  message: Message;
  /** A parser's words (English, shown as they are) or a domain error's Message; null: none. */
  detail: string | Message | null;
}

const isCode = (code: string): code is ImportMessageCode => (IMPORT_CODES as readonly string[]).includes(code);

/** The Message of a stored import code with its parameters, and its detail. */
export function importMessage(code: string, params: ImportParams | null | undefined = {}): ImportText {
  if (!isCode(code)) return { message: msg("msg.import.unknown", { code }), detail: null };
  const { message: detail, notes: _notes, ...values } = params ?? {};
  const message = msg(`msg.import.${code}` as MessageKey, Object.keys(values).length ? values : undefined);
  return { message, detail: typeof detail === "string" || isMessage(detail) ? detail : detail === undefined ? null : String(detail) };
}

/** What refused a row or a write, as stored detail: a domain error's Message, else the error's
 * own words (technical English). */
export function causeDetail(cause: unknown): string | Message {
  const detail = (cause as { detail?: unknown } | null)?.detail;
  if (isMessage(detail)) return detail;
  return (cause instanceof Error ? cause.message : String(cause)).slice(0, 300);
}

/** A problem with the whole file: nothing of it is imported. */
export class ImportFileError extends Error {
  constructor(
    readonly code: ImportMessageCode,
    readonly params: ImportParams = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = "ImportFileError";
  }
}

/** An import's message as one line of plain text (the command line, the API's English
 * message): `render` turns a Message into words. */
export function importPlainText(value: ImportText, render: (m: Message) => string): string {
  const main = render(value.message);
  if (value.detail === null) return main;
  return `${main}: ${typeof value.detail === "string" ? value.detail : render(value.detail)}`;
}
