"use server";
// The verdict scale (admins only): add a label, edit it, delete an unused one (a label in use
// can only be deactivated).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define";
import { msg, names } from "@/lib/messages";
import { revalidatePublic } from "@/lib/public/revalidate";
import {
  createVerdictLabel,
  createVerdictLabelSchema,
  deleteSchema,
  deleteVerdictLabel,
  updateVerdictLabel,
  updateVerdictLabelSchema,
} from "@/lib/editorial/taxonomy";

export const createVerdictLabelAction = defineAction({
  name: "createVerdictLabel",
  permission: "taxonomy.manage",
  schema: createVerdictLabelSchema,
  run: async (actor, input) => {
    const label = await createVerdictLabel(actor, input);
    return { id: label.id, message: msg("msg.taxonomy.labelCreated", { name: names(label), position: label.position }) };
  },
  after: async () => {
    revalidatePath("/admin/verdicts");
    await revalidatePublic("all");
  },
});

export const updateVerdictLabelAction = defineAction({
  name: "updateVerdictLabel",
  permission: "taxonomy.manage",
  schema: updateVerdictLabelSchema,
  run: async (actor, input) => {
    const label = await updateVerdictLabel(actor, input);
    return { id: label.id, message: msg("msg.taxonomy.labelSaved", { name: names(label) }) };
  },
  after: async (_result, input) => {
    revalidatePath("/admin/verdicts");
    revalidatePath(`/admin/verdicts/${input.id}`);
    await revalidatePublic("all");
  },
});

export const deleteVerdictLabelAction = defineAction({
  name: "deleteVerdictLabel",
  permission: "taxonomy.manage",
  schema: deleteSchema,
  run: async (actor, input) => {
    await deleteVerdictLabel(actor, input);
    return { message: msg("msg.taxonomy.labelDeleted") };
  },
  after: async () => {
    revalidatePath("/admin/verdicts");
    await revalidatePublic("all");
    redirect("/admin/verdicts");
  },
});
