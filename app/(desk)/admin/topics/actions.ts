"use server";
// Topics (admins only): create, edit, delete (refused while claims use the topic).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define";
import { msg, names } from "@/lib/messages";
import { revalidatePublic } from "@/lib/public/revalidate";
import { createTopic, createTopicSchema, deleteSchema, deleteTopic, updateTopic, updateTopicSchema } from "@/lib/editorial/taxonomy";

export const createTopicAction = defineAction({
  name: "createTopic",
  permission: "taxonomy.manage",
  schema: createTopicSchema,
  run: async (actor, input) => {
    const topic = await createTopic(actor, input);
    return { id: topic.id, message: msg("msg.taxonomy.topicCreated", { name: names(topic), slug: topic.slug }) };
  },
  after: async () => {
    revalidatePath("/admin/topics");
    await revalidatePublic("all");
  },
});

export const updateTopicAction = defineAction({
  name: "updateTopic",
  permission: "taxonomy.manage",
  schema: updateTopicSchema,
  run: async (actor, input) => {
    const topic = await updateTopic(actor, input);
    return { id: topic.id, message: msg("msg.taxonomy.topicSaved", { name: names(topic) }) };
  },
  after: async (_result, input) => {
    revalidatePath("/admin/topics");
    revalidatePath(`/admin/topics/${input.id}`);
    await revalidatePublic("all");
  },
});

export const deleteTopicAction = defineAction({
  name: "deleteTopic",
  permission: "taxonomy.manage",
  schema: deleteSchema,
  run: async (actor, input) => {
    await deleteTopic(actor, input);
    return { message: msg("msg.taxonomy.topicDeleted") };
  },
  after: async () => {
    revalidatePath("/admin/topics");
    await revalidatePublic("all");
    redirect("/admin/topics");
  },
});
