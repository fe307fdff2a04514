"use server";
// Server actions of the import pages: every export made with defineAction. The reading of the
// file is an API route (app/api/admin/import), since a file of 100,000 rows is far larger than a
// form post may be; confirming and discarding a preview are small forms.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define";
import { cancelImport, cancelImportInput, confirmImport, confirmImportInput } from "@/lib/import";
import { msg } from "@/lib/messages";
import { revalidatePublic } from "@/lib/public/revalidate";

export const confirmImportAction = defineAction({
  name: "import.confirm",
  permission: "import.run",
  schema: confirmImportInput,
  run: async (actor, input) => {
    const result = await confirmImport(actor, input);
    // What readers see: the claims showing an updated external check, or (our own verdicts
    // published) every list.
    if (result.publicChange) await revalidatePublic(result.publicChange);
    return { message: result.message, id: input.batchId };
  },
  after: (_result, input) => {
    revalidatePath(`/admin/import/${input.batchId}`);
    revalidatePath("/admin/import");
    revalidatePath("/admin/external-checks");
  },
});

export const cancelImportAction = defineAction({
  name: "import.cancel",
  permission: "import.run",
  schema: cancelImportInput,
  run: async (actor, input) => {
    await cancelImport(actor, input);
    return { message: msg("msg.import.cancelled"), id: input.batchId };
  },
  after: (_result, input) => {
    revalidatePath(`/admin/import/${input.batchId}`);
    revalidatePath("/admin/import");
  },
});
