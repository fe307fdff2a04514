// What the domain layer says to people, as codes with parameters: a Message names a message of
// the catalogues (messages/de.json, messages/en.json) and the values for its placeholders. The
// domain never writes sentences; the desk's pages and forms turn a Message into text in the
// reader's language (renderMessage, with next-intl's translator: server components through
// lib/desk-i18n.ts, client components through components/admin/useMessages.ts).
//
// A value may itself be a Message (a field's name inside "{field} fehlt."), a list of values
// joined as the language joins them, a moment (shown in the newsroom's time zone, in the
// reader's language), or a name the newsroom keeps in both languages (a topic's, a verdict's). Everything else (names, titles, quoted text) is inserted as it is: a
// value is never read as ICU syntax.
//
// Messages travel to the browser in form states (lib/actions/state.ts): plain JSON only.
//
// Imported by client components: no server-only imports here.
import type de from "../messages/de.json";
import { FORMAT_LOCALE, type Locale } from "./i18n";
import { NEWSROOM_TIME_ZONE } from "./format";

type Leaves<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}` }[keyof T & string];

/** Every message of the catalogues, by its dotted key ("msg.error.forbidden", "status.draft"). */
export type MessageKey = Leaves<typeof de>;

/** A moment (an instant, ISO 8601), shown to the minute in the newsroom's time zone. */
export interface MomentValue {
  moment: string;
}

/** Values shown one after the other: "a, b" (comma), "a b" (space), "a und b" (and), "a; b". */
export interface ListValue {
  list: MessageValue[];
  join: "comma" | "space" | "and" | "semicolon";
}

/** A record's name in each of the desk's languages (topics and verdict labels have both): the
 * reader's is shown. */
export interface NamesValue {
  names: Record<Locale, string>;
}

export type MessageValue = string | number | Message | MomentValue | ListValue | NamesValue;
export type MessageValues = Record<string, MessageValue>;

export interface Message {
  key: MessageKey;
  values?: MessageValues;
}

/** A Message: `msg("msg.error.notFound", { what: msg("msg.entity.Claim") })`. */
export function msg(key: MessageKey, values?: MessageValues): Message {
  return values ? { key, values } : { key };
}

export function moment(date: Date): MomentValue {
  return { moment: date.toISOString() };
}

export function list(values: MessageValue[], join: ListValue["join"] = "comma"): ListValue {
  return { list: values, join };
}

/** A name in both languages: `names({ nameDe: "Klima", nameEn: "Climate" })`. */
export function names(record: { nameDe: string; nameEn: string }): NamesValue {
  return { names: { de: record.nameDe, en: record.nameEn } };
}

export function isMessage(value: unknown): value is Message {
  return value !== null && typeof value === "object" && typeof (value as { key?: unknown }).key === "string";
}

/** A Message as one line of text for logs and error.message (not for people): its key and values. */
export function describeMessage(m: Message): string {
  return m.values ? `${m.key} ${JSON.stringify(m.values)}` : m.key;
}

// ── Messages inside zod schemas ─────────────────────────────────────────────────────────────
// zod takes a string as an issue's message: the Message travels as JSON behind a marker and
// zodFieldErrors (lib/editorial/errors.ts) reads it back.

const ZOD_MARKER = "claimbase-message:";

/** A Message as a zod issue message. */
export function zodMessage(key: MessageKey, values?: MessageValues): string {
  return ZOD_MARKER + JSON.stringify(msg(key, values));
}

/** The Message of a zod issue: its own, or "invalid value" for zod's built-in (English) messages. */
export function messageOfIssue(text: string): Message {
  if (text.startsWith(ZOD_MARKER)) {
    try {
      const parsed: unknown = JSON.parse(text.slice(ZOD_MARKER.length));
      if (isMessage(parsed)) return parsed;
    } catch {
      // Fall through: not one of ours after all.
    }
  }
  return msg("msg.validation.invalid");
}

// ── Text ────────────────────────────────────────────────────────────────────────────────────

/** next-intl's translator for the whole catalogue, loosely typed: keys arrive as data. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

const MOMENT_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** A moment to the minute in the newsroom's time zone ("11.11.2017, 14:05" / "11 Nov 2017, 14:05"). */
export function formatMoment(date: Date, locale: Locale, seconds = false): string {
  const key = `${locale}${seconds ? ":seconds" : ""}`;
  let format = MOMENT_FORMATS.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(FORMAT_LOCALE[locale], { dateStyle: "medium", timeStyle: seconds ? "medium" : "short", timeZone: NEWSROOM_TIME_ZONE });
    MOMENT_FORMATS.set(key, format);
  }
  return format.format(date);
}

/** A day as digits ("11.11.2017" / "11/11/2017"): calendar dates in UTC (they never shift a
 * day), moments in the newsroom's time zone. */
export function formatDay(date: Date, locale: Locale, kind: "calendar" | "moment" = "moment"): string {
  return date.toLocaleDateString(FORMAT_LOCALE[locale], { timeZone: kind === "calendar" ? "UTC" : NEWSROOM_TIME_ZONE });
}

const JOINERS: Record<ListValue["join"], (locale: Locale, parts: string[]) => string> = {
  comma: (_l, parts) => parts.join(", "),
  space: (_l, parts) => parts.join(" "),
  semicolon: (_l, parts) => parts.join("; "),
  and: (locale, parts) => new Intl.ListFormat(FORMAT_LOCALE[locale], { type: "conjunction" }).format(parts),
};

function renderValue(t: Translate, locale: Locale, value: MessageValue): string | number {
  if (typeof value === "string" || typeof value === "number") return value;
  if ("moment" in value) return formatMoment(new Date(value.moment), locale);
  if ("list" in value) return JOINERS[value.join](locale, value.list.map((v) => String(renderValue(t, locale, v))));
  if ("names" in value) return value.names[locale];
  return renderMessage(t, locale, value);
}

/** A Message as text in `locale`. */
export function renderMessage(t: Translate, locale: Locale, m: Message): string {
  if (!m.values) return t(m.key);
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(m.values)) values[name] = renderValue(t, locale, value);
  return t(m.key, values);
}
