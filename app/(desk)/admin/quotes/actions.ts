"use server";
// Server actions for quotes: every export made with defineAction.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define";
import { revalidatePublic } from "@/lib/public/revalidate";
import { createQuote, deleteQuote, quoteDeleteInput, quoteInput, quoteUpdateInput, updateQuote } from "@/lib/editorial/quotes";

export const createQuoteAction = defineAction({
  name: "quotes.create",
  permission: "record.edit",
  schema: quoteInput,
  run: async (actor, input) => {
    const { id } = await createQuote(actor, input);
    return { message: "Zitat angelegt.", id };
  },
  after: (result) => {
    revalidatePath("/admin/quotes");
    redirect(`/admin/quotes/${result.id}?angelegt=1`);
  },
});

export const updateQuoteAction = defineAction({
  name: "quotes.update",
  permission: "record.edit",
  schema: quoteUpdateInput,
  run: async (actor, input) => {
    const { id, changed } = await updateQuote(actor, input);
    return { message: changed ? "Gespeichert." : "Keine Änderungen – nichts gespeichert.", id };
  },
  after: async (_result, input) => {
    revalidatePath("/admin/quotes");
    revalidatePath(`/admin/quotes/${input.id}`);
    // What readers see of it may show on many public pages.
    await revalidatePublic("all");
  },
});

export const deleteQuoteAction = defineAction({
  name: "quotes.delete",
  permission: "record.delete",
  schema: quoteDeleteInput,
  run: async (actor, input) => {
    await deleteQuote(actor, input);
    return { message: "Zitat gelöscht." };
  },
  after: async () => {
    revalidatePath("/admin/quotes");
    await revalidatePublic("all");
    redirect("/admin/quotes?geloescht=1");
  },
});
