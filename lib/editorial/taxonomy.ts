// THE NEWSROOM'S TAXONOMY (admins only, permission "taxonomy.manage"): topics and the verdict
// scale. Versioned writes with revisions (entityType "Topic" / "VerdictLabel") through
// lib/editorial/records.ts.
//
// Rules
// - Topic slugs are unique, lower-case words joined by dashes (they appear in public URLs);
//   left empty at creation, the slug is made from the German name (numbered when taken); left
//   empty when editing, the slug stays as it is.
// - A topic is deleted only while no claim uses it.
// - A verdict label's `key` is fixed at creation (it is the stable identifier used in code, CSS
//   and imports); names, explanations, the ClaimReview number (1–99, or none for labels
//   outside the scale such as "unverifiable"), the position on the scale (best first) and
//   `active` can be changed.
// - A label that any claim, review decision or correction refers to cannot be deleted, only
//   deactivated (history must keep its meaning); an inactive label is not offered for new
//   verdicts.
import { z } from "zod";
import type { Prisma, Topic, VerdictLabel } from "../generated/prisma/client";

export type { Topic, VerdictLabel };
import type { SessionUser } from "../auth/session";
import { db, type Db } from "../db/client";
import { slugify, uniqueSlug } from "../slug";
import { list, msg, names, zodMessage, type Message } from "../messages";
import { TransitionError, fieldError } from "./errors";
import { checkbox, id, optionalText, requiredText, version, type FieldName } from "./fields";
import { pageOf, PAGE_SIZE, type Page } from "./listing";
import { createRecord, deleteRecord, inTransaction, load, updateRecord, type Tx } from "./records";

export type Actor = Pick<SessionUser, "id" | "name" | "email" | "role">;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const optionalSlug = (label: FieldName) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(80, zodMessage("msg.validation.tooLong", { field: msg(`msg.field.${label}`), max: 80 }))
      .regex(SLUG_PATTERN, zodMessage("msg.taxonomy.slugFormat", { field: msg(`msg.field.${label}`) }))
      .optional(),
  );

// ── Topics ────────────────────────────────────────────────────────────────────────────────────

const topicFields = {
  slug: optionalSlug("slug"),
  nameDe: requiredText("nameDe", 200),
  nameEn: requiredText("nameEn", 200),
  descriptionDe: optionalText("descriptionDe", 5_000),
  descriptionEn: optionalText("descriptionEn", 5_000),
};

export const createTopicSchema = z.object(topicFields);
export const updateTopicSchema = z.object({ id: id("topicRecord"), version, ...topicFields });
export const deleteSchema = z.object({ id: id(), version });

export type CreateTopicInput = z.infer<typeof createTopicSchema>;
export type UpdateTopicInput = z.infer<typeof updateTopicSchema>;

async function ensureSlugFree(tx: Tx, slug: string, exceptId?: string): Promise<void> {
  const other = await tx.topic.findUnique({ where: { slug }, select: { id: true } });
  if (other && other.id !== exceptId) {
    throw fieldError("slug", msg("msg.taxonomy.slugTakenBy", { slug }));
  }
}

function topicData(input: CreateTopicInput, slug: string) {
  return {
    slug,
    nameDe: input.nameDe,
    nameEn: input.nameEn,
    descriptionDe: input.descriptionDe ?? null,
    descriptionEn: input.descriptionEn ?? null,
  };
}

/** A unique index beaten by a concurrent save becomes the same message as the check. */
function uniqueViolation(field: string, message: Message) {
  return (error: unknown): never => {
    if ((error as { code?: string }).code === "P2002") throw fieldError(field, message);
    throw error;
  };
}

/** A given slug must be free; without one, the German name's slug (numbered if taken). */
async function slugFor(tx: Tx, input: CreateTopicInput, exceptId?: string): Promise<string> {
  if (input.slug) {
    await ensureSlugFree(tx, input.slug, exceptId);
    return input.slug;
  }
  const base = slugify(input.nameDe);
  const taken = new Set(
    (await tx.topic.findMany({ where: { slug: { startsWith: base } }, select: { slug: true, id: true } }))
      .filter((t) => t.id !== exceptId)
      .map((t) => t.slug),
  );
  return uniqueSlug(base, (s) => taken.has(s));
}

const SLUG_TAKEN = msg("msg.taxonomy.slugTaken");

export async function createTopic(actor: Actor, input: CreateTopicInput, client: Db = db): Promise<Topic> {
  return inTransaction(async (tx) => {
    const slug = await slugFor(tx, input);
    return createRecord<Topic & { id: string }>(tx, "Topic", actor.id, topicData(input, slug));
  }, client).catch(uniqueViolation("slug", SLUG_TAKEN));
}

/** An empty slug keeps the current one (a public URL does not change with the name). */
export async function updateTopic(actor: Actor, input: UpdateTopicInput, client: Db = db): Promise<Topic> {
  return inTransaction(async (tx) => {
    const current = (await load(tx, "Topic", input.id)) as unknown as Topic;
    const slug = input.slug ? await slugFor(tx, input, input.id) : current.slug;
    return updateRecord<Topic & { id: string }>(tx, "Topic", input.id, input.version, actor.id, topicData(input, slug));
  }, client).catch(uniqueViolation("slug", SLUG_TAKEN));
}

/**
 * The delete rule of a topic: it is deleted only while no claim has it, neither the working
 * claim nor its approved version (a correction may have taken it off the working claim while
 * readers still see it there). deleteTopic refuses; the topic's page offers no delete (getTopic's
 * `inUse`).
 */
function claimsUsingTopic(topicId: string): Prisma.ClaimWhereInput {
  return { OR: [{ topics: { some: { topicId } } }, { publishedTopics: { some: { topicId } } }] };
}

export async function deleteTopic(actor: Actor, input: { id: string; version: number }, client: Db = db): Promise<void> {
  await inTransaction(async (tx) => {
    const topic = (await load(tx, "Topic", input.id)) as unknown as Topic;
    const used = await tx.claim.count({ where: claimsUsingTopic(input.id) });
    if (used > 0) {
      throw new TransitionError(msg("msg.taxonomy.topicInUse", { name: names(topic), count: used }));
    }
    await deleteRecord(tx, "Topic", input.id, input.version, actor.id);
  }, client);
}

export const TOPIC_SORTS = ["name", "slug", "claims", "updated"] as const;
export type TopicSort = (typeof TOPIC_SORTS)[number];

export type TopicWithCount = Topic & { claimCount: number };

export async function listTopics(
  params: { q?: string; sort?: TopicSort; page?: number },
  client: Db = db,
): Promise<Page<TopicWithCount>> {
  const page = params.page ?? 1;
  const where: Prisma.TopicWhereInput = params.q
    ? {
        OR: [
          { nameDe: { contains: params.q, mode: "insensitive" } },
          { nameEn: { contains: params.q, mode: "insensitive" } },
          { slug: { contains: params.q.toLowerCase() } },
        ],
      }
    : {};
  const orderBy: Prisma.TopicOrderByWithRelationInput[] = {
    name: [{ nameDe: "asc" as const }],
    slug: [{ slug: "asc" as const }],
    claims: [{ claims: { _count: "desc" as const } }, { nameDe: "asc" as const }],
    updated: [{ updatedAt: "desc" as const }],
  }[params.sort ?? "name"];
  const [rows, total] = await Promise.all([
    client.topic.findMany({
      where,
      orderBy: [...orderBy, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      include: { _count: { select: { claims: true } } },
    }),
    client.topic.count({ where }),
  ]);
  return pageOf(
    rows.map(({ _count, ...t }) => ({ ...t, claimCount: _count.claims })),
    total,
    page,
  );
}

/** A topic for its page: `claimCount` working claims have it; `inUse` claims keep it from being
 * deleted (the delete rule, claimsUsingTopic: 0 = deletable). */
export async function getTopic(topicId: string, client: Db = db): Promise<(TopicWithCount & { inUse: number }) | null> {
  const row = await client.topic.findUnique({ where: { id: topicId }, include: { _count: { select: { claims: true } } } });
  if (!row) return null;
  const { _count, ...t } = row;
  const inUse = await client.claim.count({ where: claimsUsingTopic(row.id) });
  return { ...t, claimCount: _count.claims, inUse };
}

// ── The verdict scale ─────────────────────────────────────────────────────────────────────────

const ratingValue = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ error: zodMessage("msg.taxonomy.ratingNumber") })
    .int(zodMessage("msg.taxonomy.ratingInteger"))
    .min(1, zodMessage("msg.taxonomy.ratingRange"))
    .max(99, zodMessage("msg.taxonomy.ratingRange"))
    .optional(),
);

const position = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ error: zodMessage("msg.taxonomy.positionNumber") })
    .int(zodMessage("msg.taxonomy.positionInteger"))
    .min(0, zodMessage("msg.taxonomy.positionMin"))
    .max(1000, zodMessage("msg.taxonomy.positionMax"))
    .optional(),
);

const labelFields = {
  nameDe: requiredText("nameDe", 100),
  nameEn: requiredText("nameEn", 100),
  explanationDe: requiredText("explanationDe", 2_000),
  explanationEn: requiredText("explanationEn", 2_000),
  ratingValue,
  position,
  active: checkbox,
};

export const createVerdictLabelSchema = z.object({
  key: z
    .string({ error: zodMessage("msg.taxonomy.keyMissing") })
    .trim()
    .min(1, zodMessage("msg.taxonomy.keyMissing"))
    .max(40, zodMessage("msg.taxonomy.keyTooLong"))
    .regex(SLUG_PATTERN, zodMessage("msg.taxonomy.keyFormat")),
  ...labelFields,
});
export const updateVerdictLabelSchema = z.object({ id: id("verdictLabel"), version, ...labelFields });

export type CreateVerdictLabelInput = z.infer<typeof createVerdictLabelSchema>;
export type UpdateVerdictLabelInput = z.infer<typeof updateVerdictLabelSchema>;

function labelData(input: Omit<CreateVerdictLabelInput, "key">) {
  return {
    nameDe: input.nameDe,
    nameEn: input.nameEn,
    explanationDe: input.explanationDe,
    explanationEn: input.explanationEn,
    ratingValue: input.ratingValue ?? null,
    active: input.active,
  };
}

export async function createVerdictLabel(actor: Actor, input: CreateVerdictLabelInput, client: Db = db): Promise<VerdictLabel> {
  const message = msg("msg.taxonomy.keyTaken", { key: input.key });
  return inTransaction(async (tx) => {
    if (await tx.verdictLabel.findUnique({ where: { key: input.key }, select: { id: true } })) throw fieldError("key", message);
    // Without a position, the new label goes to the end of the scale.
    const last = await tx.verdictLabel.aggregate({ _max: { position: true } });
    const pos = input.position ?? (last._max.position ?? -1) + 1;
    return createRecord<VerdictLabel & { id: string }>(tx, "VerdictLabel", actor.id, { key: input.key, position: pos, ...labelData(input) });
  }, client).catch(uniqueViolation("key", message));
}

export async function updateVerdictLabel(actor: Actor, input: UpdateVerdictLabelInput, client: Db = db): Promise<VerdictLabel> {
  return inTransaction(async (tx) => {
    const current = (await load(tx, "VerdictLabel", input.id)) as unknown as VerdictLabel;
    return updateRecord<VerdictLabel & { id: string }>(tx, "VerdictLabel", input.id, input.version, actor.id, {
      ...labelData(input),
      position: input.position ?? current.position,
    });
  }, client);
}

/** Where a label is referred to; any use forbids deleting it. */
async function labelUsage(tx: Tx | Db, labelId: string) {
  const [working, published, reviews, corrections] = await Promise.all([
    tx.claim.count({ where: { verdictId: labelId } }),
    tx.claim.count({ where: { publishedVerdictId: labelId } }),
    tx.reviewDecision.count({ where: { verdictId: labelId } }),
    tx.correction.count({ where: { previousVerdictId: labelId } }),
  ]);
  return { working, published, reviews, corrections, total: working + published + reviews + corrections };
}

export async function deleteVerdictLabel(actor: Actor, input: { id: string; version: number }, client: Db = db): Promise<void> {
  await inTransaction(async (tx) => {
    const label = (await load(tx, "VerdictLabel", input.id)) as unknown as VerdictLabel;
    const usage = await labelUsage(tx, input.id);
    if (usage.total > 0) {
      const parts = [
        usage.working ? msg("msg.taxonomy.labelUses.working", { count: usage.working }) : null,
        usage.published ? msg("msg.taxonomy.labelUses.published", { count: usage.published }) : null,
        usage.reviews ? msg("msg.taxonomy.labelUses.reviews", { count: usage.reviews }) : null,
        usage.corrections ? msg("msg.taxonomy.labelUses.corrections", { count: usage.corrections }) : null,
      ].filter((m): m is Message => m !== null);
      throw new TransitionError(msg("msg.taxonomy.labelInUse", { name: names(label), uses: list(parts) }));
    }
    await deleteRecord(tx, "VerdictLabel", input.id, input.version, actor.id);
  }, client);
}

export type VerdictLabelWithUsage = VerdictLabel & { usage: number };

export async function listVerdictLabels(client: Db = db): Promise<VerdictLabelWithUsage[]> {
  const labels = await client.verdictLabel.findMany({ orderBy: [{ position: "asc" }, { key: "asc" }] });
  return Promise.all(labels.map(async (l) => ({ ...l, usage: (await labelUsage(client, l.id)).total })));
}

export async function getVerdictLabel(labelId: string, client: Db = db): Promise<VerdictLabelWithUsage | null> {
  const label = await client.verdictLabel.findUnique({ where: { id: labelId } });
  return label ? { ...label, usage: (await labelUsage(client, label.id)).total } : null;
}
