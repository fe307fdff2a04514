// The choices of a form field that picks one record of a table without bound (a quote, a
// source, a speaker): never the whole table. A form gets a bounded list (the current values,
// the records related to what is being edited, and the most recently updated ones), and the
// picker (components/admin/RecordPicker.tsx) searches the whole table through
// app/api/admin/choices/[kind]/route.ts (searchChoices). Searches use ILIKE, served by the
// trigram indexes on Quote.text, Source.title, Speaker.name and SpeakerAlias.alias.
//
// Data, not words: a source's label is its title with the length of its stored text (computed
// for the listed sources only), a speaker's its name with its kind; the page words them.
import { db, type Db } from "../db/client";
import type { SpeakerKind } from "../generated/prisma/enums";

export const CHOICE_KINDS = ["quote", "source", "speaker"] as const;
export type ChoiceKind = (typeof CHOICE_KINDS)[number];

export function isChoiceKind(value: unknown): value is ChoiceKind {
  return typeof value === "string" && (CHOICE_KINDS as readonly string[]).includes(value);
}

/** How many of the most recently updated records a form lists besides its current values. */
export const RECENT_CHOICES = 30;
/** How many related records (a claimant's quotes) a form lists at most. */
export const RELATED_CHOICES = 30;
/** How many records a search answers at most. */
export const FOUND_CHOICES = 20;
/** The longest search query. */
export const CHOICE_QUERY_MAX = 200;
/** The most current values a form passes (a claim's quotes, its passages' sources). */
const MAX_IDS = 200;

export interface Choice {
  value: string;
  label: string;
  /** Sources: the length of the stored text, null without one. */
  length?: number | null;
  /** Speakers: person, organisation, publication. */
  kind?: SpeakerKind;
}

/** A text on one line, cut after `max` characters. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max).trimEnd()} …`;
}

const cleanIds = (ids: readonly (string | null | undefined)[]) =>
  [...new Set(ids.filter((id): id is string => typeof id === "string" && id.length > 0 && id.length <= 64))].slice(0, MAX_IDS);

type Where = { ids?: string[]; text?: string; speakerId?: string };

async function quoteRows(client: Db, where: Where, take: number | undefined): Promise<Choice[]> {
  const rows = await client.quote.findMany({
    where: {
      ...(where.ids ? { id: { in: where.ids } } : {}),
      ...(where.speakerId ? { speakerId: where.speakerId } : {}),
      ...(where.text ? { OR: [{ text: { contains: where.text, mode: "insensitive" } }, { speaker: { name: { contains: where.text, mode: "insensitive" } } }] } : {}),
    },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take,
    select: { id: true, text: true, speaker: { select: { name: true } } },
  });
  return rows.map((q) => ({ value: q.id, label: `${q.speaker.name}: ${shorten(q.text, 80)}` }));
}

async function sourceRows(client: Db, where: Where, take: number | undefined): Promise<Choice[]> {
  const rows = await client.source.findMany({
    where: {
      ...(where.ids ? { id: { in: where.ids } } : {}),
      ...(where.text ? { title: { contains: where.text, mode: "insensitive" } } : {}),
    },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take,
    select: { id: true, title: true },
  });
  if (rows.length === 0) return [];
  // The length of the stored text of these sources only (not the text itself).
  const ids = rows.map((r) => r.id);
  const lengths = await client.$queryRaw<{ id: string; length: number | null }[]>`
    SELECT "id", length("snapshotText")::int AS "length" FROM "Source" WHERE "id" = ANY(${ids}::text[])`;
  const lengthOf = new Map(lengths.map((l) => [l.id, l.length]));
  return rows.map((s) => ({ value: s.id, label: s.title, length: lengthOf.get(s.id) ?? null }));
}

async function speakerRows(client: Db, where: Where, take: number | undefined, byName = false): Promise<Choice[]> {
  const rows = await client.speaker.findMany({
    where: {
      ...(where.ids ? { id: { in: where.ids } } : {}),
      ...(where.text
        ? { OR: [{ name: { contains: where.text, mode: "insensitive" } }, { aliases: { some: { alias: { contains: where.text, mode: "insensitive" } } } }] }
        : {}),
    },
    orderBy: byName ? [{ name: "asc" }, { id: "asc" }] : [{ updatedAt: "desc" }, { id: "asc" }],
    take,
    select: { id: true, name: true, kind: true },
  });
  return rows.map((s) => ({ value: s.id, label: s.name, kind: s.kind }));
}

function rowsOf(kind: ChoiceKind, client: Db, where: Where, take: number | undefined): Promise<Choice[]> {
  switch (kind) {
    case "quote":
      return quoteRows(client, where, take);
    case "source":
      return sourceRows(client, where, take);
    case "speaker":
      return speakerRows(client, where, take, where.text !== undefined);
  }
}

export interface ChoiceContext {
  /** The field's current values: always listed, first. */
  ids?: readonly (string | null | undefined)[];
  /** Records related to what is edited (listed after the current ones). */
  related?: readonly (string | null | undefined)[];
  /** Quotes: the quotes of this speaker (a claim's claimant), at most RELATED_CHOICES. */
  speakerId?: string | null;
}

/**
 * The bounded choices of a field picking a `kind` record: its current values, the related
 * records, the ones the context names (a claimant's quotes), and the RECENT_CHOICES most
 * recently updated records, each once, in that order. At most
 * ids + related + RELATED_CHOICES + RECENT_CHOICES entries, whatever the size of the table.
 */
export async function boundedChoices(kind: ChoiceKind, context: ChoiceContext = {}, client: Db = db): Promise<Choice[]> {
  const ids = cleanIds([...(context.ids ?? []), ...(context.related ?? [])]);
  const [named, ofSpeaker, recent] = await Promise.all([
    ids.length ? rowsOf(kind, client, { ids }, undefined) : Promise.resolve([]),
    kind === "quote" && context.speakerId ? quoteRows(client, { speakerId: context.speakerId }, RELATED_CHOICES) : Promise.resolve([]),
    rowsOf(kind, client, {}, RECENT_CHOICES),
  ]);
  // The named ones in the order they were given.
  const order = new Map(ids.map((id, i) => [id, i]));
  named.sort((a, b) => order.get(a.value)! - order.get(b.value)!);
  const seen = new Set<string>();
  return [...named, ...ofSpeaker, ...recent].filter((c) => !seen.has(c.value) && (seen.add(c.value), true));
}

/** The `kind` records whose text, title or name (or a speaker's alias) contains `q`, at most
 * FOUND_CHOICES: for the picker's search. */
export async function searchChoices(kind: ChoiceKind, q: string, client: Db = db): Promise<Choice[]> {
  const text = q.trim().slice(0, CHOICE_QUERY_MAX);
  if (!text) return [];
  return rowsOf(kind, client, { text }, FOUND_CHOICES);
}

/** The bounded choices of the quote form: speakers (its speaker and reporter among them, each
 * with its kind) and the quotes it may stand in (its parent among them, never itself). */
export async function quoteFormChoices(
  quote: { id?: string | null; speakerId?: string | null; reportedById?: string | null; parentId?: string | null } = {},
  client: Db = db,
): Promise<{ speakers: (Choice & { kind: SpeakerKind })[]; parents: Choice[] }> {
  const [speakers, parents] = await Promise.all([
    boundedChoices("speaker", { ids: [quote.speakerId, quote.reportedById] }, client),
    boundedChoices("quote", { ids: [quote.parentId] }, client),
  ]);
  return {
    speakers: speakers.map((s) => ({ ...s, kind: s.kind ?? "person" })),
    parents: parents.filter((p) => p.value !== quote.id),
  };
}
