// The rules of a claim on the desk, as pure functions (no database): who may do what, when the
// working verdict and the claim's fields may change, when a claim may be deleted. The writes in
// ./commands.ts apply them; pages ask them too (whether to offer a form), so a rule lives here
// once. The workflow steps (submit, approve, correct, ...) and their rules are ../workflow.ts.
//
// - The working verdict, summary and analysis change only while the claim is a draft or in
//   research (permission claim.verdict); whoever changes them becomes `verdictAuthorId`, so
//   four eyes can tell the author from the approver. After publication they change only
//   through the transition "propose_correction".
// - Text, language and claimant are what readers saw checked: they change only while the claim
//   has never been published. (A different statement is a new claim.)
// - While a claim is in review nothing the reviewer approves changes (text, claimant, date,
//   quantity, topics, quotes, passages; evidence in ../evidence.ts): the review is of what was
//   submitted. Research notes stay editable, they are private.
// - Once a claim is public, changes to the rest of what readers see (date, quantity, topics,
//   quotes, passages) go to its working version: readers keep seeing the approved one
//   (../publication.ts) until a correction is approved. Only desk roles (claim.correct) make
//   them: they are the ones who propose that correction.
// - A retracted claim does not change any more.
// - Only a draft that was never public and has no corrections may be deleted.
import type { ClaimStatus, Role } from "../../generated/prisma/enums";
import { can, type Permission } from "../../auth/permissions";
import type { SessionUser } from "../../auth/session";
import { list, msg, type Message } from "../../messages";
import { ForbiddenError, TransitionError, type FieldErrors } from "../errors";
import type { CreateClaimInput } from "./schemas";

export type Actor = Pick<SessionUser, "id" | "name" | "role">;

/** Throws ForbiddenError unless the actor's role has the permission (the domain checks it
 * itself, whatever the caller already checked). Also used by ../evidence.ts. */
export function requirePermissionFor(actor: Actor, permission: Permission, message?: Message): void {
  if (!can(actor.role, permission)) throw new ForbiddenError(message);
}

/** Statuses in which the working verdict, summary and analysis may change. */
export const VERDICT_EDITABLE: readonly ClaimStatus[] = ["draft", "in_research"];

/** Why the working verdict cannot be edited now, or null when it can. */
export function verdictLockReason(claim: { status: ClaimStatus; publicState: string | null }): Message | null {
  if (VERDICT_EDITABLE.includes(claim.status)) return null;
  if (claim.status === "in_review") return msg("msg.claim.verdictLock.inReview");
  if (claim.status === "retracted") return msg("msg.claim.verdictLock.retracted");
  return msg("msg.claim.verdictLock.published");
}

/**
 * Checks a passage [start, end) against a source's stored text; returns the problem or null.
 * Offsets count JavaScript string units, `end` exclusive (see QueryAppearance). Also used by
 * ../evidence.ts.
 */
export function passageProblem(snapshotText: string | null, start: number, end: number): Message | null {
  if (snapshotText === null) return msg("msg.passage.noText");
  if (start < 0 || end <= start) return msg("msg.passage.endBeforeStart");
  if (end > snapshotText.length) return msg("msg.passage.beyondEnd", { length: snapshotText.length });
  return null;
}

/** A quantity's unit, subject, measure or date need its value. */
export function quantityProblem(input: CreateClaimInput): FieldErrors | null {
  const rest = input.quantityUnit || input.quantitySubject || input.quantityMeasure || input.quantityAsOf;
  if (rest && input.quantityValue === undefined) {
    return { quantityValue: [msg("msg.claim.quantityValueMissing")] };
  }
  return null;
}

/** The names of a claim's fields in messages and the history (catalogue msg.claimField.*). */
export const CLAIM_FIELDS = [
  "text",
  "language",
  "claimantId",
  "claimDate",
  "quoteIds",
  "passages",
  "topicIds",
  "quantityValue",
  "quantityUnit",
  "quantitySubject",
  "quantityMeasure",
  "quantityAsOf",
  "status",
  "verdictId",
  "summary",
  "analysis",
  "verdictAuthorId",
  "publicState",
  "publishedVerdictId",
  "publishedSummary",
  "publishedAnalysis",
  "publishedAt",
  "publicUpdatedAt",
  "publicationId",
  "researchNotes",
  "assigneeId",
  "slug",
  "createdById",
  // Evidence's own fields (its history is shown with the claim's).
  "claimId",
  "sourceId",
  "stance",
  "excerpt",
  "start",
  "end",
  "note",
  "position",
] as const;
export type ClaimField = (typeof CLAIM_FIELDS)[number];

export function isClaimField(field: string): field is ClaimField {
  return (CLAIM_FIELDS as readonly string[]).includes(field);
}

/** The field names of `fields` as one value of a message ("Text, Themen"). */
export function fieldNames(fields: string[]) {
  return list(fields.map((f) => (isClaimField(f) ? msg(`msg.claimField.${f}`) : f)));
}

/** Fields readers saw checked: fixed once the claim was published. */
const FIXED_AFTER_PUBLICATION = new Set(["text", "language", "claimantId"]);
/** Private fields: they may change in any stage but retraction. */
const PRIVATE_FIELDS = new Set(["researchNotes"]);

/**
 * Throws when a save that changes `changed` (field names, links included) is not allowed for
 * the claim as it is now and the actor's role (the rules at the top of this file).
 */
export function checkClaimUpdate(
  claim: { status: ClaimStatus; publishedAt: Date | null; publicState: string | null },
  changed: string[],
  role: Role,
): void {
  if (claim.status === "retracted") throw new TransitionError(msg("msg.claim.retracted"));
  const publicFields = changed.filter((f) => !PRIVATE_FIELDS.has(f));
  if (claim.status === "in_review" && publicFields.length) {
    throw new TransitionError(msg("msg.claim.inReview", { fields: fieldNames(publicFields) }));
  }
  const fixed = changed.filter((f) => FIXED_AFTER_PUBLICATION.has(f));
  if (claim.publishedAt && fixed.length) throw new TransitionError(msg("msg.claim.fixedAfterPublication", { fields: fieldNames(fixed) }));
  if (claim.publicState && publicFields.length && !can(role, "claim.correct")) {
    throw new ForbiddenError(msg("msg.claim.publishedCorrection", { fields: fieldNames(publicFields) }));
  }
}

/** Whether a claim may be deleted: a draft that was never public and has no corrections. */
export function isDeletableDraft(claim: { status: ClaimStatus; publishedAt: Date | null; publicState: string | null }, corrections: number): boolean {
  return claim.status === "draft" && !claim.publishedAt && !claim.publicState && corrections === 0;
}
