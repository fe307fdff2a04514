// THE CLAIM'S LIFE (domain.md): draft → in_research → in_review → published → (corrected |
// retracted), enforced here and only here. Every step is one transaction: the claim's status
// and fields (through updateRecord: version check + revision), the review decision, the
// correction note. A step that is not allowed throws a TransitionError saying why, and
// changes nothing.
//
// Four eyes: a verdict goes public only when approved by a reviewer/editor/admin who is not its
// author (`verdictAuthorId`: whoever last set the working verdict, summary or analysis).
// After publication the public sees the published* columns and the claim's publication: the
// approval freezes everything else its page shows (./publication.ts; PUBLIC MEANS APPROVED).
// A correction changes the working values (the verdict, or the claim's records: its quotes,
// sources, evidence, ...), goes through review like the first verdict, and publishes with a
// dated public note: the approval freezes the working version anew.
import { z } from "zod";
import type { ClaimStatus } from "../generated/prisma/enums";
import { can, type Permission } from "../auth/permissions";
import type { SessionUser } from "../auth/session";
import { db, type Db } from "../db/client";
import { msg, list, zodMessage, type Message } from "../messages";
import { ForbiddenError, TransitionError } from "./errors";
import { id, optionalId, optionalText, version } from "./fields";
import { approvalDigest, freezePublication, pendingPublicChanges } from "./publication";
import { inTransaction, updateRecord, type Tx } from "./records";

export const TRANSITIONS = [
  "start_research",
  "back_to_draft",
  "submit",
  "withdraw",
  "approve",
  "reject",
  "propose_correction",
  "retract",
] as const;
export type Transition = (typeof TRANSITIONS)[number];

export const TRANSITION_PERMISSIONS: Record<Transition, Permission> = {
  start_research: "record.edit",
  back_to_draft: "record.edit",
  submit: "claim.submit",
  withdraw: "claim.submit",
  approve: "claim.review",
  reject: "claim.review",
  propose_correction: "claim.correct",
  retract: "claim.correct",
};

const FROM: Record<Transition, readonly ClaimStatus[]> = {
  start_research: ["draft"],
  back_to_draft: ["in_research"],
  submit: ["draft", "in_research"],
  withdraw: ["in_review"],
  approve: ["in_review"],
  reject: ["in_review"],
  propose_correction: ["published", "corrected"],
  retract: ["published", "corrected", "in_research", "in_review"],
};

export const transitionSchema = z.object({
  claimId: id("claim"),
  version,
  transition: z.enum(TRANSITIONS, { error: zodMessage("msg.workflow.unknownStep") }),
  note: optionalText("note", 5_000),
  verdictId: optionalId(),
  summary: optionalText("summary", 2_000),
  analysis: optionalText("analysis", 100_000),
  /** Approve only: the digest of what the reviewer saw (./publication.ts approvalDigest). When
   * given, the approval is refused if what it would publish has changed since. */
  contentDigest: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^[0-9a-f]{64}$/).optional()),
});
export type TransitionInput = z.infer<typeof transitionSchema>;

/** What the workflow reads of a claim to judge a step (the review queue reads the same). */
export interface WorkflowClaim {
  id: string;
  status: ClaimStatus;
  version: number;
  verdictId: string | null;
  summary: string | null;
  analysis: string | null;
  verdictAuthorId: string | null;
  publicState: "published" | "corrected" | "retracted" | null;
  publishedVerdictId: string | null;
  publishedSummary: string | null;
  publishedAnalysis: string | null;
  publishedAt: Date | null;
}

/** What the rule for a step reads of a claim (`refusal`): the review queue judges 200 claims at
 * once with it and reads no more than this (their analyses would be a megabyte). */
export type RuleClaim = Pick<WorkflowClaim, "status" | "verdictId" | "summary" | "verdictAuthorId" | "publicState" | "publishedAt">;

interface Context {
  evidenceCount: number;
  pendingCorrection: boolean;
}

export interface TransitionOption {
  transition: Transition;
  allowed: boolean;
  /** Why not, for the person who tried. */
  reason?: Message;
}

/** Why `role` may never take `transition`; null when the role allows it. */
function roleRefusal(transition: Transition, role: SessionUser["role"]): Message | null {
  if (can(role, TRANSITION_PERMISSIONS[transition])) return null;
  return role === "contributor" ? msg("msg.workflow.contributor") : msg("msg.workflow.roleMissing");
}

/** Why `actor` may not take `transition` on `claim` now; null when it may. */
export function refusal(transition: Transition, claim: RuleClaim, actor: Pick<SessionUser, "id" | "role">, context: Context): Message | null {
  const byRole = roleRefusal(transition, actor.role);
  if (byRole) return byRole;
  // The state's name comes from the one list of names (catalogue status.*).
  if (!FROM[transition].includes(claim.status)) return msg("msg.workflow.wrongStatus", { status: msg(`status.${claim.status}`) });
  switch (transition) {
    case "back_to_draft":
      if (claim.publishedAt) return msg("msg.workflow.publishedNotDraft");
      return null;
    case "submit": {
      const missing = [
        !claim.verdictId && msg("msg.workflow.missing.verdict"),
        !claim.summary?.trim() && msg("msg.workflow.missing.summary"),
        context.evidenceCount === 0 && msg("msg.workflow.missing.evidence"),
      ].filter((m): m is Message => m !== false);
      if (missing.length) return msg("msg.workflow.submitMissing", { missing: list(missing) });
      if (claim.publishedAt && !context.pendingCorrection) return msg("msg.workflow.alreadyPublished");
      return null;
    }
    case "approve":
      if (claim.verdictAuthorId === actor.id) return msg("msg.workflow.fourEyes");
      if (!claim.verdictId || !claim.summary?.trim()) return msg("msg.workflow.noProposal");
      return null;
    case "retract":
      if (!claim.publicState) return msg("msg.workflow.retractUnpublished");
      if (claim.publicState === "retracted") return msg("msg.workflow.alreadyRetracted");
      return null;
    default:
      return null;
  }
}

async function loadClaim(tx: Tx | Db, claimId: string): Promise<{ claim: WorkflowClaim; context: Context }> {
  const claim = await tx.claim.findUnique({
    where: { id: claimId },
    select: {
      id: true,
      status: true,
      version: true,
      verdictId: true,
      summary: true,
      analysis: true,
      verdictAuthorId: true,
      publicState: true,
      publishedVerdictId: true,
      publishedSummary: true,
      publishedAnalysis: true,
      publishedAt: true,
      _count: { select: { evidence: true, corrections: { where: { publishedAt: null, kind: "correction" } } } },
    },
  });
  if (!claim) throw new TransitionError(msg("msg.workflow.claimNotFound"));
  const { _count, ...rest } = claim;
  return { claim: rest, context: { evidenceCount: _count.evidence, pendingCorrection: _count.corrections > 0 } };
}

/** Every step with whether `actor` may take it now, and why not (for the workflow panel). */
export async function workflowOptions(actor: SessionUser, claimId: string, client: Db = db): Promise<TransitionOption[]> {
  const { claim, context } = await loadClaim(client, claimId);
  return TRANSITIONS.filter((t) => FROM[t].includes(claim.status) || t === "approve" || t === "submit").map((transition) => {
    const reason = refusal(transition, claim, actor, context);
    return { transition, allowed: reason === null, ...(reason ? { reason } : {}) };
  });
}

function requireNote(input: TransitionInput, what: "reject" | "correction" | "retract"): string {
  if (!input.note?.trim()) throw new TransitionError(msg(`msg.workflow.noteRequired.${what}`));
  return input.note.trim();
}

/**
 * Takes one step of the claim's life for `actor`. `client` may be a transaction already open
 * (the step is then part of the caller's write, as when the demo data is loaded). `now` is the
 * moment of the step (publishedAt, publicUpdatedAt, a retraction's date): the present, except
 * for the demo data, which replays its newsroom's history at the dates it happened.
 */
export async function transitionClaim(
  actor: SessionUser,
  input: TransitionInput,
  client: Db | Tx = db,
  options: { now?: Date } = {},
): Promise<{ message: Message }> {
  const byRole = roleRefusal(input.transition, actor.role);
  if (byRole) throw new ForbiddenError(byRole);
  return inTransaction(async (tx) => {
    // Lock the claim first: evidence writes take a share lock on it, so the checks below
    // (evidence count, pending correction) cannot change until this step commits.
    await tx.$queryRaw`SELECT id FROM "Claim" WHERE id = ${input.claimId} FOR UPDATE`;
    const { claim, context } = await loadClaim(tx, input.claimId);
    const reason = refusal(input.transition, claim, actor, context);
    if (reason) throw new TransitionError(reason);
    const update = (data: Record<string, unknown>) => updateRecord(tx, "Claim", claim.id, input.version, actor.id, data, { action: "transition" });
    const now = options.now ?? new Date();

    switch (input.transition) {
      case "start_research":
        await update({ status: "in_research" });
        return { message: msg("msg.workflow.done.start_research") };
      case "back_to_draft":
        await update({ status: "draft" });
        return { message: msg("msg.workflow.done.back_to_draft") };
      case "submit":
        await update({ status: "in_review" });
        return { message: msg("msg.workflow.done.submit") };
      case "withdraw":
        await update({ status: "in_research" });
        return { message: msg("msg.workflow.done.withdraw") };
      case "reject": {
        const note = requireNote(input, "reject");
        await update({ status: "in_research" });
        await tx.reviewDecision.create({
          data: { claimId: claim.id, reviewerId: actor.id, outcome: "rejected", verdictId: claim.verdictId, summary: claim.summary, note },
        });
        return { message: msg("msg.workflow.done.reject") };
      }
      case "approve": {
        // What the reviewer saw is what goes public: the shared records (quotes, sources,
        // speakers) may have been edited since the page was loaded.
        if (input.contentDigest && input.contentDigest !== (await approvalDigest(tx, claim.id))) {
          throw new TransitionError(msg("msg.workflow.contentChanged"));
        }
        const firstPublication = claim.publishedAt === null;
        const correction = firstPublication
          ? null
          : await tx.correction.findFirst({ where: { claimId: claim.id, publishedAt: null, kind: "correction" }, orderBy: { createdAt: "desc" } });
        // Everything else the page shows, frozen as it is now (the claim is locked, its
        // evidence with it; the shared records are read in this transaction).
        const publicationId = await freezePublication(tx, claim.id, now);
        await update({
          status: firstPublication ? "published" : "corrected",
          publicState: firstPublication ? "published" : correction ? "corrected" : claim.publicState,
          publishedVerdictId: claim.verdictId,
          publishedSummary: claim.summary,
          publishedAnalysis: claim.analysis,
          publishedAt: claim.publishedAt ?? now,
          publicUpdatedAt: now,
          publicationId,
        });
        await tx.reviewDecision.create({
          data: { claimId: claim.id, reviewerId: actor.id, outcome: "approved", verdictId: claim.verdictId, summary: claim.summary, note: input.note ?? null },
        });
        if (correction) await tx.correction.update({ where: { id: correction.id }, data: { publishedAt: now } });
        return { message: msg(firstPublication ? "msg.workflow.done.approve" : "msg.workflow.done.approveCorrection") };
      }
      case "propose_correction": {
        const note = requireNote(input, "correction");
        const verdictId = input.verdictId ?? claim.publishedVerdictId;
        const summary = input.summary ?? claim.publishedSummary;
        const analysis = input.analysis ?? claim.publishedAnalysis;
        if (!verdictId || !summary) throw new TransitionError(msg("msg.workflow.correctionNeedsVerdict"));
        if (verdictId === claim.publishedVerdictId && summary === claim.publishedSummary && analysis === claim.publishedAnalysis) {
          // The verdict stays: the correction is of the rest of the page (quotes, sources,
          // evidence, ...), changed on the desk since the last approval.
          const pending = await pendingPublicChanges(claim.id, tx);
          if (!pending || pending.parts.length === 0) {
            throw new TransitionError(msg("msg.workflow.correctionUnchanged"));
          }
        }
        if (!(await tx.verdictLabel.findFirst({ where: { id: verdictId, active: true } }))) {
          throw new TransitionError(msg("msg.claim.noSuchVerdict"));
        }
        await update({ status: "in_review", verdictId, summary, analysis, verdictAuthorId: actor.id });
        await tx.correction.create({
          data: {
            claimId: claim.id,
            kind: "correction",
            note,
            previousVerdictId: claim.publishedVerdictId,
            previousSummary: claim.publishedSummary,
            authorId: actor.id,
          },
        });
        return { message: msg("msg.workflow.done.propose_correction") };
      }
      case "retract": {
        const note = requireNote(input, "retract");
        await update({ status: "retracted", publicState: "retracted", publicUpdatedAt: now });
        await tx.correction.create({
          data: {
            claimId: claim.id,
            kind: "retraction",
            note,
            previousVerdictId: claim.publishedVerdictId,
            previousSummary: claim.publishedSummary,
            authorId: actor.id,
            publishedAt: now,
          },
        });
        return { message: msg("msg.workflow.done.retract") };
      }
    }
  }, client);
}

/** For tests and the admin page: the claim as the workflow sees it. */
export async function workflowState(claimId: string, client: Db = db) {
  return loadClaim(client, claimId);
}
