"use server";
// Server actions for sources: every export made with defineAction.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define";
import { msg } from "@/lib/messages";
import { createSource, deleteSource, sourceDeleteInput, sourceInput, sourceUpdateInput, updateSource } from "@/lib/editorial/sources";

export const createSourceAction = defineAction({
  name: "sources.create",
  permission: "record.edit",
  schema: sourceInput,
  run: async (actor, input) => {
    const { id } = await createSource(actor, input);
    return { message: msg("msg.source.created"), id };
  },
  after: (result) => {
    revalidatePath("/admin/sources");
    redirect(`/admin/sources/${result.id}?angelegt=1`);
  },
});

export const updateSourceAction = defineAction({
  name: "sources.update",
  permission: "record.edit",
  schema: sourceUpdateInput,
  run: async (actor, input) => {
    const { id, changed } = await updateSource(actor, input);
    return { message: msg(changed ? "msg.record.saved" : "msg.record.noChanges"), id };
  },
  after: async (_result, input) => {
    revalidatePath("/admin/sources");
    revalidatePath(`/admin/sources/${input.id}`);
    // Nothing public changes: public claims show the version their approval froze
    // (docs/publication.md); the next approved correction of each revalidates its pages.
  },
});

export const deleteSourceAction = defineAction({
  name: "sources.delete",
  permission: "record.delete",
  schema: sourceDeleteInput,
  run: async (actor, input) => {
    const { title } = await deleteSource(actor, input);
    return { message: msg("msg.source.deleted", { title }) };
  },
  after: async () => {
    revalidatePath("/admin/sources");
    redirect("/admin/sources?geloescht=1");
  },
});
