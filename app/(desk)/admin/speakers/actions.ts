"use server";
// Server actions for speakers: every export made with defineAction (permission, zod schema,
// domain call, then revalidate/redirect).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define";
import { msg } from "@/lib/messages";
import { revalidatePublic } from "@/lib/public/revalidate";
import {
  createSpeaker,
  deleteSpeaker,
  speakerDeleteInput,
  speakerInput,
  speakerUpdateInput,
  updateSpeaker,
} from "@/lib/editorial/speakers";

export const createSpeakerAction = defineAction({
  name: "speakers.create",
  permission: "record.edit",
  schema: speakerInput,
  run: async (actor, input) => {
    const { id } = await createSpeaker(actor, input);
    return { message: msg("msg.speaker.created", { name: input.name }), id };
  },
  after: (result) => {
    revalidatePath("/admin/speakers");
    redirect(`/admin/speakers/${result.id}?angelegt=1`);
  },
});

export const updateSpeakerAction = defineAction({
  name: "speakers.update",
  permission: "record.edit",
  schema: speakerUpdateInput,
  run: async (actor, input) => {
    const { id, changed } = await updateSpeaker(actor, input);
    return { message: msg(changed ? "msg.record.saved" : "msg.record.noChanges"), id };
  },
  after: async (_result, input) => {
    revalidatePath("/admin/speakers");
    revalidatePath(`/admin/speakers/${input.id}`);
    // What readers see of it may show on many public pages.
    await revalidatePublic("all");
  },
});

export const deleteSpeakerAction = defineAction({
  name: "speakers.delete",
  permission: "record.delete",
  schema: speakerDeleteInput,
  run: async (actor, input) => {
    const { name } = await deleteSpeaker(actor, input);
    return { message: msg("msg.speaker.deleted", { name }) };
  },
  after: async () => {
    revalidatePath("/admin/speakers");
    await revalidatePublic("all");
    redirect("/admin/speakers?geloescht=1");
  },
});
