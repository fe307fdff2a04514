"use server";
// Server actions for quotes: every export made with defineAction.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define";
import { msg } from "@/lib/messages";
import { createQuote, deleteQuote, quoteDeleteInput, quoteInput, quoteUpdateInput, updateQuote } from "@/lib/editorial/quotes";

export const createQuoteAction = defineAction({
  name: "quotes.create",
  permission: "record.edit",
  schema: quoteInput,
  run: async (actor, input) => {
    const { id } = await createQuote(actor, input);
    return { message: msg("msg.quote.created"), id };
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
    return { message: msg(changed ? "msg.record.saved" : "msg.record.noChanges"), id };
  },
  after: async (_result, input) => {
    revalidatePath("/admin/quotes");
    revalidatePath(`/admin/quotes/${input.id}`);
    // Nothing public changes: public claims show the version their approval froze
    // (docs/publication.md); the next approved correction of each revalidates its pages.
  },
});

export const deleteQuoteAction = defineAction({
  name: "quotes.delete",
  permission: "record.delete",
  schema: quoteDeleteInput,
  run: async (actor, input) => {
    await deleteQuote(actor, input);
    return { message: msg("msg.quote.deleted") };
  },
  after: async () => {
    revalidatePath("/admin/quotes");
    redirect("/admin/quotes?geloescht=1");
  },
});
