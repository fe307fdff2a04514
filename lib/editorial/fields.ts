// zod building blocks for editorial forms: the same schema validates the form on the server
// (defineAction) and documents the fields. Form values arrive as strings; empty means unset.
import { z } from "zod";
import type de from "../../messages/de.json";
import { hasNul } from "../input-text";
import { msg, zodMessage, type Message } from "../messages";

/** The name of a field in messages (catalogue msg.field.*): "{field} fehlt." */
export type FieldName = keyof (typeof de)["msg"]["field"];

const field = (name: FieldName) => msg(`msg.field.${name}`);

/** What a field with a NUL character is told: PostgreSQL cannot store U+0000 in text, and no
 * typed or pasted text has one (a binary file pasted into a field may). */
export const NUL_MESSAGE: Message = msg("msg.validation.nul");

/**
 * The form fields (names as the form sends them, list fields without "[]") whose values have a
 * NUL, with NUL_MESSAGE each; null when there is none. defineAction refuses such a form before
 * any schema runs, so no NUL from a form ever reaches the database, whatever the field.
 */
export function nulFieldErrors(values: Record<string, string | string[]>): Record<string, Message[]> | null {
  // Built with Object.fromEntries, which makes every name an own key: assigning
  // `errors["__proto__"]` would set the object's prototype instead, and a NUL in a field named
  // so went unreported (found by tests/unit/parsers-fuzz.test.ts).
  const named = Object.entries(values).filter(([, value]) => (Array.isArray(value) ? value : [value]).some(hasNul));
  return named.length ? Object.fromEntries(named.map(([key]) => [key, [NUL_MESSAGE]])) : null;
}

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const requiredText = (label: FieldName, max = 10_000) =>
  z
    .string({ error: zodMessage("msg.validation.required", { field: field(label) }) })
    .trim()
    .min(1, zodMessage("msg.validation.required", { field: field(label) }))
    .max(max, zodMessage("msg.validation.tooLong", { field: field(label), max }));

export const optionalText = (label: FieldName, max = 100_000) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, zodMessage("msg.validation.tooLong", { field: field(label), max })).optional());

export const id = (label: FieldName = "selection") =>
  z
    .string({ error: zodMessage("msg.validation.required", { field: field(label) }) })
    .min(1, zodMessage("msg.validation.required", { field: field(label) }))
    .max(64);
export const optionalId = () => z.preprocess(blankToUndefined, z.string().max(64).optional());

/** The version the form was loaded at (optimistic concurrency). */
export const version = z.coerce.number({ error: zodMessage("msg.validation.versionMissing") }).int().min(1);

export const optionalInt = (label: FieldName) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: zodMessage("msg.validation.number", { field: field(label) }) })
      .int(zodMessage("msg.validation.integer", { field: field(label) }))
      .min(0)
      .optional(),
  );

export const optionalNumber = (label: FieldName) =>
  z.preprocess(
    (v) => (typeof v === "string" ? blankToUndefined(v.replace(",", ".")) : v),
    z.coerce.number({ error: zodMessage("msg.validation.number", { field: field(label) }) }).finite().optional(),
  );

/** YYYY-MM-DD, as an <input type="date"> sends it. */
export const optionalDate = (label: FieldName) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, zodMessage("msg.validation.date", { field: field(label) }))
      .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), zodMessage("msg.validation.noSuchDate", { field: field(label) }))
      .transform((s) => new Date(`${s}T00:00:00Z`))
      .optional(),
  );

export const optionalUrl = (label: FieldName) =>
  z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/, error: zodMessage("msg.validation.url", { field: field(label) }) }).optional());

export const language = z.preprocess(
  blankToUndefined,
  z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, zodMessage("msg.validation.language")).default("de"),
);

/** A list field (name[] in the form), blanks and repeats dropped: every list is a set (ids of
 * topics or quotes, aliases), and a repeated id reached the database as a second link row (a
 * unique violation, answered "internal"; found by the fuzz drill). */
export const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (v === undefined ? [] : [...new Set((Array.isArray(v) ? v : [v]).filter((x) => typeof x !== "string" || x.trim() !== ""))]),
    z.array(item),
  );

export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === "1", z.boolean());

// ── Repeated form rows ──────────────────────────────────────────────────────────────────────
// A repeated group of inputs (roles, translations, appearances) arrives as parallel lists
// (`roleTitle[]`, `roleStart[]`, ...). The lists keep blank cells (formValues does not drop
// them), so position i of every list is row i. Rows whose cells are all blank are dropped.

const cell = (v: unknown, i: number): string => {
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  const x: unknown = list[i];
  return typeof x === "string" ? x : "";
};

/** The rows of a repeated group: `columns` maps each row key to its form list name. */
export function zipRows<K extends string>(values: Record<string, unknown>, columns: Record<K, string>): Record<K, string>[] {
  const names = Object.values(columns) as string[];
  const count = Math.max(0, ...names.map((n) => (Array.isArray(values[n]) ? (values[n] as unknown[]).length : values[n] === undefined ? 0 : 1)));
  const rows: Record<K, string>[] = [];
  for (let i = 0; i < count; i++) {
    const row = Object.fromEntries(Object.entries(columns).map(([key, name]) => [key, cell(values[name as string], i)])) as Record<K, string>;
    if (Object.values<string>(row).some((v) => v.trim() !== "")) rows.push(row);
  }
  return rows;
}

/**
 * A preprocess step for a form object: puts the zipped rows under `key` unless the input
 * already has `key` (a caller passing structured input, as tests do).
 */
export function withRows<K extends string>(key: string, columns: Record<K, string>) {
  return (v: unknown): unknown => {
    if (v === null || typeof v !== "object" || Array.isArray(v) || key in v) return v;
    return { ...(v as Record<string, unknown>), [key]: zipRows(v as Record<string, unknown>, columns) };
  };
}
