"use server";
// Server actions of the claim desk. Every export is made with defineAction (permission, form
// schema, domain call); `after` refreshes the pages that show the claim: the desk's, and the
// public ones when what readers see changed. That is only ever a workflow step (an approval,
// which freezes a new public version, or a retraction): edits of a public claim and its
// evidence change its working version, which readers do not see (docs/publication.md).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define";
import {
  addComment,
  assignClaim,
  assignClaimSchema,
  commentSchema,
  createClaim,
  deleteClaim,
  deleteClaimSchema,
  updateClaim,
  updateVerdictFields,
  verdictFieldsSchema,
} from "@/lib/editorial/claims";
import {
  addEvidence,
  addEvidenceSchema,
  claimIdOfEvidence,
  deleteEvidence,
  deleteEvidenceSchema,
  updateEvidence,
  updateEvidenceSchema,
} from "@/lib/editorial/evidence";
import { publicPagesOf } from "@/lib/editorial/publication";
import { TRANSITION_PERMISSIONS, transitionClaim, transitionSchema, type Transition } from "@/lib/editorial/workflow";
import { revalidatePublic } from "@/lib/public/revalidate";
import { createClaimFormSchema, updateClaimFormSchema } from "./form";

/** The desk's pages of the claim. */
function refreshDesk(claimId: string): void {
  revalidatePath("/admin");
  revalidatePath("/admin/claims");
  revalidatePath("/admin/review");
  revalidatePath(`/admin/claims/${claimId}`);
  revalidatePath(`/admin/claims/${claimId}/history`);
}

/**
 * The desk's pages and the public ones a change of the claim's public version shows on, with
 * their cached data: the claim, the lists, the pages of the speakers and topics of its current
 * and previous publication (a first publication makes them public; a correction may drop one).
 */
async function refreshPublic(claimId: string): Promise<void> {
  refreshDesk(claimId);
  const pages = await publicPagesOf(claimId);
  if (pages) await revalidatePublic(pages);
}

/** The workflow steps that change what readers see. */
const PUBLIC_STEPS: ReadonlySet<Transition> = new Set(["approve", "retract"]);

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
  after: (_result, input) => refreshDesk(input.claimId),
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
  after: (_result, input) => refreshDesk(input.claimId),
});

export const updateEvidenceAction = defineAction({
  name: "evidence.update",
  permission: "record.edit",
  schema: updateEvidenceSchema,
  run: (actor, input) => updateEvidence(actor, input),
  after: async (_result, input) => {
    const claimId = await claimIdOfEvidence(input.evidenceId);
    if (claimId) refreshDesk(claimId);
  },
});

// The claim is looked up before the delete (afterwards the evidence is gone).
const deleteEvidenceInput = deleteEvidenceSchema.extend({ claimId: deleteClaimSchema.shape.claimId });

export const deleteEvidenceAction = defineAction({
  name: "evidence.delete",
  permission: "record.edit",
  schema: deleteEvidenceInput,
  run: (actor, input) => deleteEvidence(actor, input),
  after: (_result, input) => refreshDesk(input.claimId),
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
    after: (_result, input) => (PUBLIC_STEPS.has(transition) ? refreshPublic(input.claimId) : refreshDesk(input.claimId)),
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
