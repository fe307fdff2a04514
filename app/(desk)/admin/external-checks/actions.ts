"use server";
// Server actions of the external fact-checks' pages: every export made with defineAction.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define";
import {
  approveExternalLink,
  approveLinkInput,
  linkClaimInput,
  linkExternalCheck,
  setExternalCheckSpeaker,
  setSpeakerInput,
  unlinkClaimInput,
  unlinkExternalCheck,
} from "@/lib/external-checks";
import { revalidatePublic } from "@/lib/public/revalidate";

const page = (id: string) => `/admin/external-checks/${id}`;

export const linkClaimAction = defineAction({
  name: "externalChecks.linkClaim",
  permission: "external.link",
  schema: linkClaimInput,
  run: async (actor, input) => {
    const result = await linkExternalCheck(actor, input);
    if (result.publicSlug) await revalidatePublic({ claims: [result.publicSlug] });
    return { message: result.message, id: result.claimId };
  },
  after: (result, input) => {
    revalidatePath(page(input.externalCheckId));
    revalidatePath(`/admin/claims/${result.id}`);
  },
});

// A link goes public only with this approval (four eyes: not the person who linked it).
export const approveLinkAction = defineAction({
  name: "externalChecks.approveLink",
  permission: "claim.review",
  schema: approveLinkInput,
  run: async (actor, input) => {
    const result = await approveExternalLink(actor, input);
    if (result.publicSlug) await revalidatePublic({ claims: [result.publicSlug] });
    return { message: result.message, id: result.claimId };
  },
  after: (result, input) => {
    revalidatePath(page(input.externalCheckId));
    revalidatePath(`/admin/claims/${result.id}`);
    revalidatePath("/admin/review");
  },
});

export const unlinkClaimAction = defineAction({
  name: "externalChecks.unlinkClaim",
  permission: "external.link",
  schema: unlinkClaimInput,
  run: async (actor, input) => {
    const result = await unlinkExternalCheck(actor, input);
    if (result.publicSlug) await revalidatePublic({ claims: [result.publicSlug] });
    return { message: result.message, id: result.claimId };
  },
  after: (result, input) => {
    revalidatePath(page(input.externalCheckId));
    revalidatePath(`/admin/claims/${result.id}`);
    revalidatePath("/admin/review");
  },
});

export const setSpeakerAction = defineAction({
  name: "externalChecks.setSpeaker",
  permission: "external.link",
  schema: setSpeakerInput,
  run: async (actor, input) => {
    const result = await setExternalCheckSpeaker(actor, input);
    return { message: result.message, id: input.externalCheckId };
  },
  after: (_result, input) => {
    revalidatePath(page(input.externalCheckId));
    revalidatePath("/admin/external-checks");
  },
});
