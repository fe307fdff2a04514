// Evidence: a claim's link to a source passage, with a stance (supports, refutes, context), the
// excerpt that matters and an optional public note. Versioned like every editorial record
// (entityType "Evidence"), each write with its revision.
//
// Rules, in line with the workflow (./workflow.ts, ./claims/rules.ts):
// - While the claim is in review its evidence does not change: the reviewer approves what
//   gets published. The claim is taken back from review first.
// - Evidence of a public claim is public as approved (./publication.ts): a change goes to the
//   working version and reaches readers with the next approved correction. Only desk roles
//   (claim.correct), who propose corrections, change it; nobody changes the evidence of a
//   retracted claim.
// - Offsets, when given, must fit the source's stored text and the excerpt must be exactly
//   that passage. Without offsets, an excerpt found exactly once in the stored text gets its
//   offsets filled in.
import { z } from "zod";
import type { ClaimStatus, EvidenceStance } from "../generated/prisma/enums";
import { can } from "../auth/permissions";
import type { SessionUser } from "../auth/session";
import { db, type Db } from "../db/client";
import { msg, zodMessage, type Message } from "../messages";
import { ForbiddenError, NotFoundError, TransitionError, ValidationError, summary, type FieldErrors } from "./errors";
import { id, optionalInt, optionalText, requiredText, version } from "./fields";
import { passageProblem, requirePermissionFor } from "./claims/rules";
import { createRecord, deleteRecord, inTransaction, updateRecord, type Tx } from "./records";

type Actor = Pick<SessionUser, "id" | "name" | "role">;

export const STANCES = ["supports", "refutes", "context"] as const satisfies readonly EvidenceStance[];

const evidenceFields = {
  sourceId: id("source"),
  stance: z.enum(STANCES, { error: zodMessage("msg.evidence.chooseStance") }),
  excerpt: requiredText("excerpt", 5_000),
  start: optionalInt("start"),
  end: optionalInt("end"),
  note: optionalText("note", 5_000),
  position: optionalInt("position"),
};

export const addEvidenceSchema = z.object({ claimId: id("claim"), ...evidenceFields });
export const updateEvidenceSchema = z.object({ evidenceId: id("evidence"), version, ...evidenceFields });
export const deleteEvidenceSchema = z.object({ evidenceId: id("evidence"), version });

export type AddEvidenceInput = z.output<typeof addEvidenceSchema>;
export type UpdateEvidenceInput = z.output<typeof updateEvidenceSchema>;
export type DeleteEvidenceInput = z.output<typeof deleteEvidenceSchema>;

interface ClaimState {
  id: string;
  status: ClaimStatus;
  publicState: string | null;
}

/**
 * Reads the claim's state under a share lock: a workflow step (which updates the claim row)
 * waits for this write, and this write sees the step's outcome, so no evidence slips in or out
 * while the claim goes to review.
 */
async function lockClaim(tx: Tx, claimId: string): Promise<ClaimState> {
  await tx.$queryRaw`SELECT "id" FROM "Claim" WHERE "id" = ${claimId} FOR SHARE`;
  const claim = await tx.claim.findUnique({ where: { id: claimId }, select: { id: true, status: true, publicState: true } });
  if (!claim) throw new NotFoundError("Claim");
  return claim;
}

/** Why `role` may not change the claim's evidence now (and the error to throw), or null. */
export function evidenceLockReason(role: Actor["role"], claim: Pick<ClaimState, "status" | "publicState">): TransitionError | ForbiddenError | null {
  if (claim.status === "retracted") return new TransitionError(msg("msg.evidence.retracted"));
  if (claim.status === "in_review") return new TransitionError(msg("msg.evidence.inReview"));
  if (claim.publicState && !can(role, "claim.correct")) return new ForbiddenError(msg("msg.evidence.published"));
  return null;
}

function assertEvidenceEditable(actor: Actor, claim: ClaimState): void {
  const refusal = evidenceLockReason(actor.role, claim);
  if (refusal) throw refusal;
}

/** The checked offsets: as given (they must fit and match the excerpt), or found. */
async function checkPassage(
  tx: Tx,
  input: { sourceId: string; excerpt: string; start?: number; end?: number },
): Promise<{ start: number | null; end: number | null }> {
  const source = await tx.source.findUnique({ where: { id: input.sourceId }, select: { snapshotText: true } });
  if (!source) throw new ValidationError(msg("msg.passage.sourceGoneSentence"), { sourceId: [msg("msg.evidence.chooseSource")] });
  const errors: FieldErrors = {};
  if ((input.start === undefined) !== (input.end === undefined)) {
    const missing = input.start === undefined ? "start" : "end";
    errors[missing] = [msg("msg.evidence.startAndEnd")];
  } else if (input.start !== undefined && input.end !== undefined) {
    const problem = passageProblem(source.snapshotText, input.start, input.end);
    if (problem) errors.end = [problem];
    else {
      const slice = source.snapshotText!.slice(input.start, input.end);
      if (slice !== input.excerpt) {
        errors.excerpt = [
          msg("msg.evidence.excerptMismatch", { start: input.start, end: input.end, found: slice.length > 300 ? `${slice.slice(0, 300)} …` : slice }),
        ];
      }
    }
  }
  if (Object.keys(errors).length) throw new ValidationError(summary(errors), errors);

  if (input.start !== undefined && input.end !== undefined) return { start: input.start, end: input.end };
  // Without offsets: the unique occurrence, if any.
  const text = source.snapshotText;
  if (text) {
    const at = text.indexOf(input.excerpt);
    if (at >= 0 && text.indexOf(input.excerpt, at + 1) < 0) return { start: at, end: at + input.excerpt.length };
  }
  return { start: null, end: null };
}

export async function addEvidence(actor: Actor, input: AddEvidenceInput, client: Db = db): Promise<{ id: string; message: Message }> {
  requirePermissionFor(actor, "record.edit");
  return inTransaction(async (tx) => {
    const claim = await lockClaim(tx, input.claimId);
    assertEvidenceEditable(actor, claim);
    const { start, end } = await checkPassage(tx, input);
    const position =
      input.position ?? ((await tx.evidence.aggregate({ where: { claimId: claim.id }, _max: { position: true } }))._max.position ?? -1) + 1;
    const row = await createRecord<{ id: string }>(tx, "Evidence", actor.id, {
      claimId: claim.id,
      sourceId: input.sourceId,
      stance: input.stance,
      excerpt: input.excerpt,
      start,
      end,
      note: input.note ?? null,
      position,
      createdById: actor.id,
    });
    return { id: row.id, message: msg("msg.evidence.added") };
  }, client);
}

export async function updateEvidence(actor: Actor, input: UpdateEvidenceInput, client: Db = db): Promise<{ message: Message }> {
  requirePermissionFor(actor, "record.edit");
  return inTransaction(async (tx) => {
    const evidence = await tx.evidence.findUnique({ where: { id: input.evidenceId } });
    if (!evidence) throw new NotFoundError("Evidence");
    const claim = await lockClaim(tx, evidence.claimId);
    assertEvidenceEditable(actor, claim);
    const { start, end } = await checkPassage(tx, input);
    const data = {
      sourceId: input.sourceId,
      stance: input.stance,
      excerpt: input.excerpt,
      start,
      end,
      note: input.note ?? null,
      position: input.position ?? evidence.position,
    };
    const changed = (Object.keys(data) as (keyof typeof data)[]).filter((k) => data[k] !== evidence[k]);
    if (changed.length === 0) return { message: msg("msg.claim.noChanges") };
    const update: Record<string, unknown> = {};
    for (const k of changed) update[k] = data[k];
    await updateRecord(tx, "Evidence", evidence.id, input.version, actor.id, update);
    return { message: msg("msg.evidence.saved") };
  }, client);
}

export async function deleteEvidence(actor: Actor, input: DeleteEvidenceInput, client: Db = db): Promise<{ message: Message }> {
  requirePermissionFor(actor, "record.edit");
  return inTransaction(async (tx) => {
    const evidence = await tx.evidence.findUnique({ where: { id: input.evidenceId }, select: { id: true, claimId: true } });
    if (!evidence) throw new NotFoundError("Evidence");
    const claim = await lockClaim(tx, evidence.claimId);
    assertEvidenceEditable(actor, claim);
    await deleteRecord(tx, "Evidence", evidence.id, input.version, actor.id);
    return { message: msg("msg.evidence.deleted") };
  }, client);
}

/** One piece of evidence with what its edit page needs. */
export async function getEvidenceForEdit(evidenceId: string, client: Db = db) {
  if (!evidenceId || evidenceId.length > 64) return null;
  return client.evidence.findUnique({
    where: { id: evidenceId },
    include: {
      claim: { select: { id: true, text: true, status: true, publicState: true } },
      source: { select: { id: true, title: true } },
    },
  });
}

/** The claim a piece of evidence belongs to (the pages to refresh after its edit), or null. */
export async function claimIdOfEvidence(evidenceId: string, client: Db = db): Promise<string | null> {
  if (!evidenceId || evidenceId.length > 64) return null;
  const row = await client.evidence.findUnique({ where: { id: evidenceId }, select: { claimId: true } });
  return row?.claimId ?? null;
}
