// The claim form's own shape (ClaimFields.tsx): its passages are rows of three inputs named
// passage0SourceId, passage0Start, passage0End, passage1SourceId, ... This file names them for
// the form and reads them back into the structured input the domain takes
// (lib/editorial/claims/schemas.ts): the actions' schemas are the domain's behind this step.
import { z } from "zod";
import { createClaimSchema, updateClaimSchema } from "@/lib/editorial/claims";

const PASSAGE_PARTS = { SourceId: "sourceId", Start: "start", End: "end" } as const;
type PassagePart = keyof typeof PASSAGE_PARTS;

/** The name of a passage row's input: passageFieldName(0, "Start") = "passage0Start". */
export function passageFieldName(row: number, part: PassagePart): string {
  return `passage${row}${part}`;
}

const PASSAGE_FIELD = /^passage(\d{1,2})(SourceId|Start|End)$/;

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/**
 * Form fields passage0SourceId, passage0Start, passage0End, passage1SourceId, ... → passages[].
 * Rows without a source and offsets are left out (the empty row of the form). Input that
 * already has `passages` (structured input) is left as it is.
 */
export function collectPassageFields(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const input = value as Record<string, unknown>;
  if ("passages" in input) return input;
  const rows = new Map<number, Record<string, unknown>>();
  const rest: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(input)) {
    const match = PASSAGE_FIELD.exec(key);
    if (!match) {
      rest[key] = v;
      continue;
    }
    const row = rows.get(Number(match[1])) ?? {};
    row[PASSAGE_PARTS[match[2] as PassagePart]] = Array.isArray(v) ? v[0] : v;
    rows.set(Number(match[1]), row);
  }
  const passages = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, row]) => ({ sourceId: String(row.sourceId ?? "").trim(), start: row.start, end: row.end }))
    .filter((row) => row.sourceId !== "" || blank(row.start) !== undefined || blank(row.end) !== undefined);
  return { ...rest, passages };
}

/** The new-claim form's values → createClaim's input. */
export const createClaimFormSchema = z.preprocess(collectPassageFields, createClaimSchema);
/** The edit form's values → updateClaim's input. */
export const updateClaimFormSchema = z.preprocess(collectPassageFields, updateClaimSchema);
