// The input of the claim desk's writes: zod schemas and the parsed types. They take structured
// values (passages as a list); a form's own shape (passage0SourceId, ...) is read beside the
// form that defines it (app/(desk)/admin/claims/form.ts).
import { z } from "zod";
import { zodMessage } from "../../messages";
import { id, language, list as listOf, optionalDate, optionalId, optionalInt, optionalText, requiredText, version } from "../fields";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A partial ISO date: "2017", "2017-11" or "2017-11-11". */
export const partialDate = z.preprocess(
  blank,
  z
    .string()
    .trim()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, zodMessage("msg.claim.asOfFormat"))
    .refine((s) => {
      const [, month, dayOfMonth] = s.split("-").map(Number);
      if (month !== undefined && (month < 1 || month > 12)) return false;
      if (dayOfMonth !== undefined) return !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
      return true;
    }, zodMessage("msg.claim.asOfNoSuchDate"))
    .optional(),
);

/** A decimal number as a string (exact: the column is DECIMAL(20, 6)); "95", "0,5", "-1.25". */
const decimalValue = z.preprocess(
  (v) => (typeof v === "number" ? String(v) : typeof v === "string" ? blank(v.trim().replace(",", ".")) : v),
  z
    .string()
    .regex(/^-?\d{1,14}(\.\d{1,6})?$/, zodMessage("msg.claim.decimal"))
    .optional(),
);

export const passageInputSchema = z.object({
  sourceId: z.string().max(64),
  start: optionalInt("passageStart"),
  end: optionalInt("passageEnd"),
});
export type PassageInput = z.infer<typeof passageInputSchema>;

const claimFields = {
  text: requiredText("claimText", 2_000),
  language,
  claimantId: optionalId(),
  claimDate: optionalDate("claimDate"),
  topicIds: listOf(id("topic")),
  quoteIds: listOf(id("quote")),
  passages: z.array(passageInputSchema).max(50, zodMessage("msg.claim.tooManyPassages")).default([]),
  quantityValue: decimalValue,
  quantityUnit: optionalText("unit", 50),
  quantitySubject: optionalText("subject", 300),
  quantityMeasure: optionalText("measure", 300),
  quantityAsOf: partialDate,
  researchNotes: optionalText("researchNotes", 50_000),
};

export const createClaimSchema = z.object(claimFields);
export const updateClaimSchema = z.object({ claimId: id("claim"), version, ...claimFields });

type ClaimFieldValues = z.output<typeof createClaimSchema>;
type LinkFields = "language" | "topicIds" | "quoteIds" | "passages";

/** What createClaim takes: the parsed form; language and the link lists may be left out. */
export type CreateClaimInput = Omit<ClaimFieldValues, LinkFields> & Partial<Pick<ClaimFieldValues, LinkFields>>;
/** What updateClaim takes. All scalar fields are set as given (left out = empty, as a form
 * sends them); link lists left out stay as they are. */
export type UpdateClaimInput = CreateClaimInput & { claimId: string; version: number };

export const verdictFieldsSchema = z.object({
  claimId: id("claim"),
  version,
  verdictId: optionalId(),
  summary: optionalText("summary", 2_000),
  analysis: optionalText("analysis", 100_000),
});
export type VerdictFieldsInput = z.output<typeof verdictFieldsSchema>;

export const assignClaimSchema = z.object({ claimId: id("claim"), version, assigneeId: optionalId() });
export type AssignClaimInput = z.output<typeof assignClaimSchema>;

export const commentSchema = z.object({ claimId: id("claim"), body: requiredText("comment", 5_000) });
export type CommentInput = z.output<typeof commentSchema>;

export const deleteClaimSchema = z.object({ claimId: id("claim"), version });
export type DeleteClaimInput = z.output<typeof deleteClaimSchema>;
