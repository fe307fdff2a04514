"use server";
// Server actions of the claim desk. Every export is made with defineAction (permission, form
// schema, domain call); `after` refreshes the pages that show the claim: the desk's, and the
// public ones when what readers see may have changed.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define";
import { db } from "@/lib/db/client";
import {
  addComment,
  assignClaim,
  assignClaimSchema,
  commentSchema,
  createClaim,
  createClaimFormSchema,
  deleteClaim,
  deleteClaimSchema,
  updateClaim,
  updateClaimFormSchema,
  updateVerdictFields,
  verdictFieldsSchema,
} from "@/lib/editorial/claims";
import {
  addEvidence,
  addEvidenceSchema,
  deleteEvidence,
  deleteEvidenceSchema,
  updateEvidence,
  updateEvidenceSchema,
} from "@/lib/editorial/evidence";
import { TRANSITION_PERMISSIONS, transitionClaim, transitionSchema, type Transition } from "@/lib/editorial/workflow";
import { revalidatePublic } from "@/lib/public/revalidate";

/** The desk's pages of the claim. */
function refreshDesk(claimId: string): void {
  revalidatePath("/admin");
  revalidatePath("/admin/claims");
  revalidatePath("/admin/review");
  revalidatePath(`/admin/claims/${claimId}`);
  revalidatePath(`/admin/claims/${claimId}/history`);
}

/**
 * The desk's pages and, when the claim is (or was just made) public, the public ones and
 * their cached data: the claim, the lists, the pages of its topics, of its claimant and of the
 * speakers and reporters of its quotes (a first publication makes them public). `all` when the edit
 * may have changed other pages too (a new claimant or other quotes: the former ones' pages).
 */
async function refreshClaim(claimId: string, scope: "claim" | "all" = "claim"): Promise<void> {
  refreshDesk(claimId);
  const claim = await db.claim.findUnique({
    where: { id: claimId },
    select: {
      slug: true,
      publicState: true,
      claimant: { select: { slug: true } },
      quotes: { select: { quote: { select: { speaker: { select: { slug: true } }, reportedBy: { select: { slug: true } } } } } },
      topics: { select: { topic: { select: { slug: true } } } },
    },
  });
  if (!claim?.publicState) return;
  const speakers = [claim.claimant, ...claim.quotes.flatMap(({ quote }) => [quote.speaker, quote.reportedBy])].flatMap((s) => (s ? [s.slug] : []));
  const topics = claim.topics.map(({ topic }) => topic.slug);
  await revalidatePublic(scope === "all" ? "all" : { claims: [claim.slug], speakers, topics });
}

async function claimOfEvidence(evidenceId: string): Promise<string | null> {
  const row = await db.evidence.findUnique({ where: { id: evidenceId }, select: { claimId: true } });
  return row?.claimId ?? null;
}

export const createClaimAction = defineAction({
  name: "claims.create",
  permission: "record.edit",
  schema: createClaimFormSchema,
  run: (actor, input) => createClaim(actor, input),
  after: (result) => {
    revalidatePath("/admin/claims");
    revalidatePath("/admin");
    if (result.id) redirect(`/admin/claims/${result.id}`);
  },
});

export const updateClaimAction = defineAction({
  name: "claims.update",
  permission: "record.edit",
  schema: updateClaimFormSchema,
  run: (actor, input) => updateClaim(actor, input),
  after: (_result, input) => refreshClaim(input.claimId, "all"),
});

export const updateVerdictAction = defineAction({
  name: "claims.verdict",
  permission: "claim.verdict",
  schema: verdictFieldsSchema,
  run: (actor, input) => updateVerdictFields(actor, input),
  after: (_result, input) => refreshDesk(input.claimId),
});

export const assignClaimAction = defineAction({
  name: "claims.assign",
  permission: "claim.assign",
  schema: assignClaimSchema,
  run: (actor, input) => assignClaim(actor, input),
  after: (_result, input) => refreshDesk(input.claimId),
});

export const addCommentAction = defineAction({
  name: "claims.comment",
  permission: "record.edit",
  schema: commentSchema,
  run: (actor, input) => addComment(actor, input),
  after: (_result, input) => refreshDesk(input.claimId),
});

export const deleteClaimAction = defineAction({
  name: "claims.delete",
  permission: "record.delete",
  schema: deleteClaimSchema,
  run: (actor, input) => deleteClaim(actor, input),
  after: () => {
    revalidatePath("/admin/claims");
    revalidatePath("/admin");
    redirect("/admin/claims");
  },
});

export const addEvidenceAction = defineAction({
  name: "evidence.add",
  permission: "record.edit",
  schema: addEvidenceSchema,
  run: (actor, input) => addEvidence(actor, input),
  after: (_result, input) => refreshClaim(input.claimId),
});

export const updateEvidenceAction = defineAction({
  name: "evidence.update",
  permission: "record.edit",
  schema: updateEvidenceSchema,
  run: (actor, input) => updateEvidence(actor, input),
  after: async (_result, input) => {
    const claimId = await claimOfEvidence(input.evidenceId);
    if (claimId) await refreshClaim(claimId);
  },
});

// The claim is looked up before the delete (afterwards the evidence is gone).
const deleteEvidenceInput = deleteEvidenceSchema.extend({ claimId: deleteClaimSchema.shape.claimId });

export const deleteEvidenceAction = defineAction({
  name: "evidence.delete",
  permission: "record.edit",
  schema: deleteEvidenceInput,
  run: (actor, input) => deleteEvidence(actor, input),
  after: (_result, input) => refreshClaim(input.claimId),
});

// ---------------------------------------------------------------------------------------
// Workflow steps: one action per step, each with the step's own permission. The step is
// fixed by the action, not taken from the form.

const stepInput = transitionSchema.omit({ transition: true });

function step(transition: Transition, name: string) {
  return defineAction({
    name: `claims.${name}`,
    permission: TRANSITION_PERMISSIONS[transition],
    schema: stepInput,
    run: (actor, input) => transitionClaim(actor, { ...input, transition }),
    after: (_result, input) => refreshClaim(input.claimId),
  });
}

export const startResearchAction = step("start_research", "startResearch");
export const backToDraftAction = step("back_to_draft", "backToDraft");
export const submitAction = step("submit", "submit");
export const withdrawAction = step("withdraw", "withdraw");
export const approveAction = step("approve", "approve");
export const rejectAction = step("reject", "reject");
export const proposeCorrectionAction = step("propose_correction", "proposeCorrection");
export const retractAction = step("retract", "retract");
