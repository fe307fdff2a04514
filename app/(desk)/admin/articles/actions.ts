"use server";
// Server actions for article ingestion and review: every export made with defineAction.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define";
import {
  acceptAllCandidates,
  acceptAllInput,
  acceptCandidate,
  acceptCandidateInput,
  articleRefInput,
  editCandidate,
  editCandidateInput,
  extractCandidates,
  ingestArticle,
  ingestArticleInput,
  rejectCandidate,
  rejectCandidateInput,
} from "@/lib/editorial/articles";

const LIST = "/admin/articles";
const review = (id: string) => `/admin/articles/${id}`;

/** After a decision: the review page, and the lists that show what it created. */
function revalidateDecision(articleId: string) {
  revalidatePath(review(articleId));
  revalidatePath(LIST);
  revalidatePath("/admin/quotes");
  revalidatePath("/admin/claims");
  revalidatePath("/admin/speakers");
  revalidatePath("/admin/sources");
}

export const ingestArticleAction = defineAction({
  name: "articles.ingest",
  permission: "record.edit",
  schema: ingestArticleInput,
  files: ["file"],
  run: async (actor, input) => {
    const { id, message } = await ingestArticle(actor, input);
    return { message, id };
  },
  after: (result) => {
    revalidatePath(LIST);
    redirect(`${review(result.id!)}?eingelesen=1`);
  },
});

export const extractArticleAction = defineAction({
  name: "articles.extract",
  permission: "record.edit",
  schema: articleRefInput,
  run: async (actor, input) => {
    const { message } = await extractCandidates(actor, input);
    return { message, id: input.id };
  },
  after: (_result, input) => {
    revalidatePath(review(input.id));
    revalidatePath(LIST);
  },
});

export const acceptCandidateAction = defineAction({
  name: "articles.candidates.accept",
  permission: "record.edit",
  schema: acceptCandidateInput,
  run: async (actor, input) => {
    const { message, articleId } = await acceptCandidate(actor, input);
    return { message, id: articleId };
  },
  after: (result) => revalidateDecision(result.id!),
});

export const rejectCandidateAction = defineAction({
  name: "articles.candidates.reject",
  permission: "record.edit",
  schema: rejectCandidateInput,
  run: async (actor, input) => {
    const { message, articleId } = await rejectCandidate(actor, input);
    return { message, id: articleId };
  },
  after: (result) => revalidateDecision(result.id!),
});

export const editCandidateAction = defineAction({
  name: "articles.candidates.edit",
  permission: "record.edit",
  schema: editCandidateInput,
  run: async (actor, input) => {
    const { message, articleId } = await editCandidate(actor, input);
    return { message, id: articleId };
  },
  after: (result) => revalidatePath(review(result.id!)),
});

export const acceptAllCandidatesAction = defineAction({
  name: "articles.candidates.acceptAll",
  permission: "record.edit",
  schema: acceptAllInput,
  run: async (actor, input) => {
    const { message } = await acceptAllCandidates(actor, input);
    return { message, id: input.id };
  },
  after: (_result, input) => revalidateDecision(input.id),
});
