// Quotes: words attributed to a speaker, verbatim in their original language, with
// translations (QuoteTranslation rows) and the places they appear (QuoteAppearance rows: a
// passage [start, end) of a source's stored text). An appearance must read exactly the quote's
// text at its offsets; indirect speech may deviate when the editor says so explicitly
// (allowMismatch), since a paraphrase need not match the words of the source.
// Translations and appearances are link rows, recorded as the quote's fields "translations"
// and "appearances" (before/after) in the save's one revision.
import { z } from "zod";
import { db } from "../db/client";
import type { Prisma, SpeechKind } from "../generated/prisma/client";
import { can } from "../auth/permissions";
import { list, msg, zodMessage, type Message } from "../messages";
import { ForbiddenError, NotFoundError, ValidationError, type FieldErrors } from "./errors";
import { checkbox, id, language, optionalDate, optionalId, optionalText, version, withRows, type FieldName } from "./fields";
import { conflictFor, createRecord, deleteRecord, inTransaction, updateRecord, type Tx } from "./records";
import { DESK_COUNT_LIMIT, PAGE_SIZE, pageOf, sortColumns, type SortDirection, listSort, withLinkCounts } from "./listing";
import { isoDay, type Actor } from "./speakers";

type Client = typeof db;

export const SPEECH_KINDS = ["direct", "indirect"] as const satisfies readonly SpeechKind[];

const quoteText = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n") : v),
  z
    .string({ error: zodMessage("msg.quote.textMissing") })
    .trim()
    .min(1, zodMessage("msg.quote.textMissing"))
    .max(10_000, zodMessage("msg.quote.textTooLong", { max: 10_000 })),
);

const translationRow = z.object({
  language: z.string().trim().max(12),
  text: z.preprocess(
    (v) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n") : v),
    z.string().trim().max(10_000, zodMessage("msg.quote.translationTooLong", { max: 10_000 })),
  ),
});

/** An offset into a source text (JS string units); blank means not given. */
const offset = (label: FieldName) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce
      .number({ error: zodMessage("msg.validation.number", { field: msg(`msg.field.${label}`) }) })
      .int(zodMessage("msg.validation.integer", { field: msg(`msg.field.${label}`) }))
      .min(0, zodMessage("msg.validation.notNegative", { field: msg(`msg.field.${label}`) }))
      .optional(),
  );

const appearanceRow = z.object({
  sourceId: z.string().trim().max(64),
  start: offset("appearanceStart"),
  end: offset("appearanceEnd"),
});

export const TRANSLATION_COLUMNS = { language: "translationLanguage", text: "translationText" } as const;
export const APPEARANCE_COLUMNS = { sourceId: "appearanceSource", start: "appearanceStart", end: "appearanceEnd" } as const;

const quoteShape = {
  speakerId: id("speaker"),
  text: quoteText,
  language,
  kind: z.enum(SPEECH_KINDS, { error: zodMessage("msg.quote.chooseKind") }),
  saidOn: optionalDate("saidOn"),
  occasion: optionalText("occasion", 300),
  place: optionalText("place", 300),
  reportedById: optionalId(),
  parentId: optionalId(),
  translations: z.array(translationRow).max(30, zodMessage("msg.quote.tooManyTranslations")),
  appearances: z.array(appearanceRow).max(50, zodMessage("msg.quote.tooManyAppearances")),
  /** "Stelle weicht vom Zitattext ab (z. B. gekürzt)": only for indirect speech. */
  allowMismatch: checkbox,
};

const rows = (v: unknown) => withRows("appearances", APPEARANCE_COLUMNS)(withRows("translations", TRANSLATION_COLUMNS)(v));

export const quoteInput = z.preprocess(rows, z.object(quoteShape));
export const quoteUpdateInput = z.preprocess(rows, z.object({ ...quoteShape, id: id("quote"), version }));
export const quoteDeleteInput = z.object({ id: id("quote"), version });

export type QuoteInput = z.output<typeof quoteInput>;
export type QuoteUpdateInput = z.output<typeof quoteUpdateInput>;
export type QuoteDeleteInput = z.output<typeof quoteDeleteInput>;

interface TranslationValue {
  language: string;
  text: string;
}
interface AppearanceValue {
  sourceId: string;
  start: number;
  end: number;
}

const short = (s: string, max = 120) => {
  const one = s.replace(/\s+/g, " ");
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};
const sortTranslations = (t: TranslationValue[]) => [...t].sort((a, b) => a.language.localeCompare(b.language));
const sortAppearances = (a: AppearanceValue[]) =>
  [...a].sort((x, y) => x.sourceId.localeCompare(y.sourceId) || x.start - y.start || x.end - y.end);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The message for a passage that does not read the quote's text. */
export function mismatchMessage(n: number, title: string, start: number, end: number, found: string, expected: string, kind: SpeechKind): Message {
  return msg(kind === "indirect" ? "msg.quote.mismatchIndirect" : "msg.quote.mismatchDirect", {
    n,
    title: short(title, 60),
    start: String(start),
    end: String(end),
    found: short(found),
    expected: short(expected),
  });
}

/** Checks everything the quote refers to; returns the link rows to store. Throws ValidationError. */
async function prepare(tx: Tx, input: QuoteInput, selfId: string | null): Promise<{ translations: TranslationValue[]; appearances: AppearanceValue[] }> {
  const errors: FieldErrors = {};
  const add = (field: string, message: Message) => (errors[field] ??= []).push(message);

  // Speaker, reporter, parent.
  const people = await tx.speaker.findMany({
    where: { id: { in: [input.speakerId, input.reportedById].filter((x): x is string => !!x) } },
    select: { id: true },
  });
  if (!people.some((p) => p.id === input.speakerId)) add("speakerId", msg("msg.quote.speakerGoneChoose"));
  if (input.reportedById) {
    if (input.reportedById === input.speakerId) add("reportedById", msg("msg.quote.reporterIsSpeaker"));
    else if (!people.some((p) => p.id === input.reportedById)) add("reportedById", msg("msg.quote.speakerGone"));
  }
  if (input.parentId) {
    if (input.parentId === selfId) add("parentId", msg("msg.quote.parentSelf"));
    else {
      // Walk up from the chosen parent: meeting this quote again would make a loop.
      let cursor: string | null = input.parentId;
      const seen = new Set<string>();
      let first = true;
      while (cursor && !seen.has(cursor)) {
        seen.add(cursor);
        const p: { parentId: string | null } | null = await tx.quote.findUnique({ where: { id: cursor }, select: { parentId: true } });
        if (!p) {
          if (first) add("parentId", msg("msg.quote.parentGone"));
          break;
        }
        first = false;
        if (selfId && p.parentId === selfId) {
          add("parentId", msg("msg.quote.parentCycle"));
          break;
        }
        cursor = p.parentId;
      }
    }
  }

  // Translations.
  const translations: TranslationValue[] = [];
  input.translations.forEach((t, i) => {
    const n = i + 1;
    if (!/^[a-z]{2,3}(-[A-Z]{2})?$/.test(t.language)) add("translations", msg("msg.quote.translation.code", { n }));
    else if (t.language === input.language) add("translations", msg("msg.quote.translation.sameLanguage", { n, language: t.language }));
    else if (translations.some((x) => x.language === t.language)) add("translations", msg("msg.quote.translation.duplicate", { n, language: t.language }));
    if (!t.text) add("translations", msg("msg.quote.translation.textMissing", { n }));
    translations.push({ language: t.language, text: t.text });
  });

  // Appearances: each a passage of a stored source text that reads the quote.
  const sourceIds = [...new Set(input.appearances.map((a) => a.sourceId).filter(Boolean))];
  const sources = new Map(
    (await tx.source.findMany({ where: { id: { in: sourceIds } }, select: { id: true, title: true, snapshotText: true } })).map((s) => [s.id, s]),
  );
  const appearances: AppearanceValue[] = [];
  input.appearances.forEach((a, i) => {
    const n = i + 1;
    if (!a.sourceId) return add("appearances", msg("msg.quote.appearance.chooseSource", { n }));
    const source = sources.get(a.sourceId);
    if (!source) return add("appearances", msg("msg.quote.appearance.sourceGone", { n }));
    if (source.snapshotText === null) return add("appearances", msg("msg.quote.appearance.noText", { n, title: short(source.title, 60) }));
    if (a.start === undefined || a.end === undefined) return add("appearances", msg("msg.quote.appearance.startEnd", { n }));
    const length = source.snapshotText.length;
    if (!(a.start < a.end && a.end <= length)) {
      return add("appearances", msg("msg.quote.appearance.outside", { n, start: String(a.start), end: String(a.end), length: String(length) }));
    }
    if (appearances.some((x) => x.sourceId === a.sourceId && x.start === a.start)) return add("appearances", msg("msg.quote.appearance.twice", { n }));
    const found = source.snapshotText.slice(a.start, a.end);
    if (found !== input.text && !(input.allowMismatch && input.kind === "indirect")) {
      add("appearances", mismatchMessage(n, source.title, a.start, a.end, found, input.text, input.kind));
    }
    appearances.push({ sourceId: a.sourceId, start: a.start, end: a.end });
  });
  if (input.allowMismatch && input.kind === "direct" && errors.appearances?.length) {
    add("allowMismatch", msg("msg.quote.mismatchOnlyIndirect"));
  }

  if (Object.keys(errors).length) {
    const first = Object.values(errors)[0]?.[0];
    throw new ValidationError(Object.keys(errors).length === 1 && first ? first : msg("msg.error.checkFields"), errors);
  }
  return { translations: sortTranslations(translations), appearances: sortAppearances(appearances) };
}

/** The stored quote shaped like the form (link rows as parallel lists), for conflicts. */
function asForm(row: {
  id: string;
  version: number;
  saidOn: Date | null;
  translations: { language: string; text: string }[];
  appearances: { sourceId: string; start: number; end: number }[];
  [key: string]: unknown;
}) {
  const { translations, appearances, ...rest } = row;
  const t = sortTranslations(translations.map((x) => ({ language: x.language, text: x.text })));
  const a = sortAppearances(appearances.map((x) => ({ sourceId: x.sourceId, start: x.start, end: x.end })));
  return {
    ...Object.fromEntries(Object.entries(rest).filter(([k]) => k !== "nested" && k !== "claims" && k !== "_count")),
    id: row.id,
    version: row.version,
    saidOn: isoDay(row.saidOn),
    // The form shows one blank translation row after the stored ones; so does this.
    [TRANSLATION_COLUMNS.language]: [...t.map((x) => x.language), ""],
    [TRANSLATION_COLUMNS.text]: [...t.map((x) => x.text), ""],
    [APPEARANCE_COLUMNS.sourceId]: a.map((x) => x.sourceId),
    [APPEARANCE_COLUMNS.start]: a.map((x) => String(x.start)),
    [APPEARANCE_COLUMNS.end]: a.map((x) => String(x.end)),
  };
}

function scalars(input: QuoteInput) {
  return {
    speakerId: input.speakerId,
    text: input.text,
    language: input.language,
    kind: input.kind,
    saidOn: input.saidOn ?? null,
    occasion: input.occasion ?? null,
    place: input.place ?? null,
    reportedById: input.reportedById ?? null,
    parentId: input.parentId ?? null,
  };
}

// ── Writes ──────────────────────────────────────────────────────────────────────────────────

export async function createQuote(actor: Actor, input: QuoteInput, client: Client | Tx = db): Promise<{ id: string }> {
  return inTransaction(async (tx) => {
    const links = await prepare(tx, input, null);
    const row = await createRecord(tx, "Quote", actor.id, scalars(input), {
      links: { translations: { before: [], after: links.translations }, appearances: { before: [], after: links.appearances } },
    });
    if (links.translations.length) await tx.quoteTranslation.createMany({ data: links.translations.map((t) => ({ ...t, quoteId: row.id })) });
    if (links.appearances.length) await tx.quoteAppearance.createMany({ data: links.appearances.map((a) => ({ ...a, quoteId: row.id })) });
    return { id: row.id };
  }, client);
}

export async function updateQuote(actor: Actor, input: QuoteUpdateInput, client: Client = db): Promise<{ id: string; changed: boolean }> {
  return inTransaction(async (tx) => {
    const current = await tx.quote.findUnique({ where: { id: input.id }, include: { translations: true, appearances: true } });
    if (!current) throw new NotFoundError("Quote");
    if (current.version !== input.version) throw await conflictFor(tx, "Quote", asForm(current));
    const links = await prepare(tx, input, current.id);

    const data = scalars(input);
    const changed: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(data)) {
      const before = current[k as keyof typeof data];
      if (before instanceof Date || v instanceof Date) {
        if (isoDay(before as Date | null) !== isoDay(v as Date | null)) changed[k] = v;
      } else if (before !== v) changed[k] = v;
    }
    const translationsBefore = sortTranslations(current.translations.map((t) => ({ language: t.language, text: t.text })));
    const appearancesBefore = sortAppearances(current.appearances.map((a) => ({ sourceId: a.sourceId, start: a.start, end: a.end })));
    const translationsChanged = !same(translationsBefore, links.translations);
    const appearancesChanged = !same(appearancesBefore, links.appearances);
    if (Object.keys(changed).length === 0 && !translationsChanged && !appearancesChanged) return { id: current.id, changed: false };

    // The conflict guard and the save's one revision (columns and links) first; then the link rows.
    await updateRecord(tx, "Quote", current.id, input.version, actor.id, changed, {
      links: {
        translations: { before: translationsBefore, after: links.translations },
        appearances: { before: appearancesBefore, after: links.appearances },
      },
    });
    if (translationsChanged) {
      await tx.quoteTranslation.deleteMany({ where: { quoteId: current.id } });
      if (links.translations.length) await tx.quoteTranslation.createMany({ data: links.translations.map((t) => ({ ...t, quoteId: current.id })) });
    }
    if (appearancesChanged) {
      await tx.quoteAppearance.deleteMany({ where: { quoteId: current.id } });
      if (links.appearances.length) await tx.quoteAppearance.createMany({ data: links.appearances.map((a) => ({ ...a, quoteId: current.id })) });
    }
    return { id: current.id, changed: true };
  }, client);
}

export async function deleteQuote(actor: Actor, input: QuoteDeleteInput, client: Client = db): Promise<void> {
  if (!can(actor.role, "record.delete")) throw new ForbiddenError(msg("msg.quote.deleteRoles"));
  await inTransaction(async (tx) => {
    const current = await tx.quote.findUnique({
      where: { id: input.id },
      include: {
        translations: true,
        appearances: true,
        nested: { select: { id: true, version: true } },
        claims: { select: { claim: { select: { text: true } } }, take: 3 },
        _count: { select: { claims: true } },
      },
    });
    if (!current) throw new NotFoundError("Quote");
    if (current.version !== input.version) throw await conflictFor(tx, "Quote", asForm(current));
    if (current._count.claims > 0) {
      const n = current._count.claims;
      const names = current.claims.map((c) => msg("msg.quote.quoted", { text: short(c.claim.text, 60) }));
      throw new ValidationError(msg("msg.quote.inUse", { count: n, claims: list(n > 3 ? [...names, "…"] : names) }));
    }
    // Quotes nested in this one lose their parent: recorded as a change of each.
    for (const child of current.nested) await updateRecord(tx, "Quote", child.id, child.version, actor.id, { parentId: null });
    // Translations and appearances go with the quote (cascade); the delete revision keeps them.
    const translations = sortTranslations(current.translations.map((t) => ({ language: t.language, text: t.text })));
    const appearances = sortAppearances(current.appearances.map((a) => ({ sourceId: a.sourceId, start: a.start, end: a.end })));
    await deleteRecord(tx, "Quote", current.id, input.version, actor.id, {
      links: { translations: { before: translations, after: [] }, appearances: { before: appearances, after: [] } },
    });
  }, client);
}

// ── Reads ───────────────────────────────────────────────────────────────────────────────────

/** The list's sortable columns and the direction each starts in; the first is the default. */
export const QUOTE_SORTING = sortColumns({
  updated: "desc",
  said: "desc",
  text: "asc",
  speaker: "asc",
  kind: "asc",
  appearances: "desc",
  claims: "desc",
});
export const QUOTE_SORTS = QUOTE_SORTING.columns;
export type QuoteSort = (typeof QUOTE_SORTS)[number];

export interface QuoteListParams {
  q?: string;
  speakerId?: string;
  kind?: SpeechKind;
  sourceId?: string;
  sort?: QuoteSort;
  /** Default: the column's own direction. */
  dir?: SortDirection;
  page?: number;
}

export async function listQuotes(params: QuoteListParams, client: Client = db) {
  const page = params.page ?? 1;
  const where: Prisma.QuoteWhereInput = {
    ...(params.kind ? { kind: params.kind } : {}),
    ...(params.speakerId ? { OR: [{ speakerId: params.speakerId }, { reportedById: params.speakerId }] } : {}),
    ...(params.sourceId ? { appearances: { some: { sourceId: params.sourceId } } } : {}),
    ...(params.q
      ? {
          AND: [
            {
              OR: [
                { text: { contains: params.q, mode: "insensitive" } },
                { translations: { some: { text: { contains: params.q, mode: "insensitive" } } } },
              ],
            },
          ],
        }
      : {}),
  };
  const { sort, dir } = listSort(QUOTE_SORTING, params.sort, params.dir);
  // Ties latest change first; the id makes the order total. Quotes without a date come last.
  const orders: Record<QuoteSort, Prisma.QuoteOrderByWithRelationInput[]> = {
    updated: [{ updatedAt: dir }],
    said: [{ saidOn: { sort: dir, nulls: "last" } }, { updatedAt: "desc" }],
    text: [{ text: dir }],
    speaker: [{ speaker: { name: dir } }, { updatedAt: "desc" }],
    kind: [{ kind: dir }, { updatedAt: "desc" }],
    appearances: [{ appearances: { _count: dir } }, { updatedAt: "desc" }],
    claims: [{ claims: { _count: dir } }, { updatedAt: "desc" }],
  };
  const orderBy: Prisma.QuoteOrderByWithRelationInput[] = [...orders[sort], { id: "asc" }];
  const [items, total] = await Promise.all([
    client.quote.findMany({
      where,
      orderBy,
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        text: true,
        kind: true,
        language: true,
        saidOn: true,
        updatedAt: true,
        speaker: { select: { id: true, name: true } },
        reportedBy: { select: { id: true, name: true } },
      },
    }),
    client.quote.count({ where, take: DESK_COUNT_LIMIT + 1 }),
  ]);
  const counted = await withLinkCounts(client, items, { appearances: ["QuoteAppearance", "quoteId"], claims: ["ClaimQuote", "quoteId"] });
  return pageOf(counted, total, page);
}

export interface QuoteForEdit {
  id: string;
  version: number;
  speakerId: string;
  speakerName: string;
  text: string;
  language: string;
  kind: SpeechKind;
  saidOn: string | null;
  occasion: string | null;
  place: string | null;
  reportedById: string | null;
  parentId: string | null;
  translations: TranslationValue[];
  appearances: (AppearanceValue & { sourceTitle: string; matches: boolean })[];
  /** Some appearance reads differently from the text (stored with the override). */
  mismatch: boolean;
  nested: { id: string; text: string }[];
  claims: { id: string; text: string; status: string }[];
}

export async function getQuoteForEdit(quoteId: string, client: Client = db): Promise<QuoteForEdit | null> {
  const q = await client.quote.findUnique({
    where: { id: quoteId },
    include: {
      speaker: { select: { name: true } },
      translations: true,
      appearances: { include: { source: { select: { title: true, snapshotText: true } } } },
      nested: { select: { id: true, text: true } },
      claims: { select: { claim: { select: { id: true, text: true, status: true } } } },
    },
  });
  if (!q) return null;
  const appearances = sortAppearances(q.appearances.map((a) => ({ sourceId: a.sourceId, start: a.start, end: a.end }))).map((a) => {
    const row = q.appearances.find((x) => x.sourceId === a.sourceId && x.start === a.start)!;
    return { ...a, sourceTitle: row.source.title, matches: (row.source.snapshotText ?? "").slice(a.start, a.end) === q.text };
  });
  return {
    id: q.id,
    version: q.version,
    speakerId: q.speakerId,
    speakerName: q.speaker.name,
    text: q.text,
    language: q.language,
    kind: q.kind,
    saidOn: isoDay(q.saidOn),
    occasion: q.occasion,
    place: q.place,
    reportedById: q.reportedById,
    parentId: q.parentId,
    translations: sortTranslations(q.translations.map((t) => ({ language: t.language, text: t.text }))),
    appearances,
    mismatch: appearances.some((a) => !a.matches),
    nested: q.nested,
    claims: q.claims.map((c) => c.claim),
  };
}

/** Quotes as options for "steht in Zitat" (newest first, at most 500 plus the current parent). */
export async function quoteParentOptions(excludeId: string | null, currentParentId: string | null, client: Client = db) {
  const rows = await client.quote.findMany({
    where: excludeId ? { id: { not: excludeId } } : {},
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: 500,
    select: { id: true, text: true, speaker: { select: { name: true } } },
  });
  if (currentParentId && !rows.some((r) => r.id === currentParentId)) {
    const parent = await client.quote.findUnique({ where: { id: currentParentId }, select: { id: true, text: true, speaker: { select: { name: true } } } });
    if (parent) rows.unshift(parent);
  }
  return rows.map((r) => ({ value: r.id, label: `${r.speaker.name}: ${short(r.text, 70)}` }));
}
