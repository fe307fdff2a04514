"use server";
// Server actions of the external fact-checks' pages: every export made with defineAction.
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { defineAction } from "@/lib/actions/define";
import type { Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import {
  approveExternalLink,
  type LinkResult,
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

/** A change of one link between an external check and a claim: the public claim page is
 * revalidated when the change reaches it, the desk pages that show the link in any case. */
function linkAction<S extends z.ZodType<{ externalCheckId: string }>>(
  name: string,
  permission: Permission,
  schema: S,
  change: (actor: SessionUser, input: z.infer<S>) => Promise<LinkResult>,
) {
  return defineAction({
    name,
    permission,
    schema,
    run: async (actor, input) => {
      const result = await change(actor, input);
      if (result.publicSlug) await revalidatePublic({ claims: [result.publicSlug] });
      return { message: result.message, id: result.claimId };
    },
    after: (result, input) => {
      revalidatePath(page(input.externalCheckId));
      revalidatePath(`/admin/claims/${result.id}`);
      revalidatePath("/admin/review");
    },
  });
}

export const linkClaimAction = linkAction("externalChecks.linkClaim", "external.link", linkClaimInput, linkExternalCheck);

// A link goes public only with this approval (four eyes: not the person who linked it).
export const approveLinkAction = linkAction("externalChecks.approveLink", "claim.review", approveLinkInput, approveExternalLink);

// Unlinking is an immediate takedown (docs/import.md).
export const unlinkClaimAction = linkAction("externalChecks.unlinkClaim", "external.link", unlinkClaimInput, unlinkExternalCheck);

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
