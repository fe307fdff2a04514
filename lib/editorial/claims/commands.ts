// The claim desk's writes: create and edit a claim with its links (topics, quotes, source
// passages), its working verdict, its assignee, comments, and the deletion of a draft. The
// rules they apply are ./rules.ts; the workflow steps are ../workflow.ts, evidence
// ../evidence.ts.
//
// Every write is one transaction through createRecord/updateRecord/deleteRecord, and one save
// is one revision: link rows (topics, quotes, passages) are recorded as fields "topicIds",
// "quoteIds", "passages" of the claim in the same revision as its columns (the `links` of
// createRecord/updateRecord), and written after updateRecord's version check.
import { db, type Db } from "../../db/client";
import { msg, type Message } from "../../messages";
import { NotFoundError, TransitionError, ValidationError, summary, type FieldErrors } from "../errors";
import { conflictFor, createRecord, deleteRecord, freeSlug, inTransaction, updateRecord, type LinkChanges, type Tx } from "../records";
import { checkClaimUpdate, fieldNames, isDeletableDraft, passageProblem, quantityProblem, requirePermissionFor, verdictLockReason, type Actor } from "./rules";
import type { AssignClaimInput, CommentInput, CreateClaimInput, DeleteClaimInput, PassageInput, UpdateClaimInput, VerdictFieldsInput } from "./schemas";

// ---------------------------------------------------------------------------------------
// Validation of references and the values a save compares

interface PassageValue {
  sourceId: string;
  start: number;
  end: number;
}

function sortedIds(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort();
}

function sortedPassages(passages: readonly PassageValue[]): PassageValue[] {
  const seen = new Set<string>();
  return passages
    .map((p) => ({ sourceId: p.sourceId, start: p.start, end: p.end }))
    .filter((p) => {
      const key = `${p.sourceId}:${p.start}:${p.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.sourceId.localeCompare(b.sourceId) || a.start - b.start || a.end - b.end);
}

async function checkReferences(
  tx: Tx,
  input: { claimantId?: string; topicIds?: string[]; quoteIds?: string[]; passages?: PassageInput[] },
): Promise<{ passages: PassageValue[] | undefined }> {
  const errors: FieldErrors = {};
  const add = (field: string, message: Message) => (errors[field] ??= []).push(message);

  if (input.claimantId && !(await tx.speaker.findUnique({ where: { id: input.claimantId }, select: { id: true } }))) {
    add("claimantId", msg("msg.claim.claimantGone"));
  }
  if (input.topicIds?.length) {
    const ids = sortedIds(input.topicIds);
    const found = await tx.topic.count({ where: { id: { in: ids } } });
    if (found !== ids.length) add("topicIds", msg("msg.claim.topicsGone"));
  }
  if (input.quoteIds?.length) {
    const ids = sortedIds(input.quoteIds);
    const found = await tx.quote.count({ where: { id: { in: ids } } });
    if (found !== ids.length) add("quoteIds", msg("msg.claim.quotesGone"));
  }

  let passages: PassageValue[] | undefined;
  if (input.passages) {
    passages = [];
    const sourceIds = [...new Set(input.passages.map((p) => p.sourceId).filter(Boolean))];
    const sources = new Map(
      (await tx.source.findMany({ where: { id: { in: sourceIds } }, select: { id: true, snapshotText: true } })).map((s) => [s.id, s.snapshotText]),
    );
    input.passages.forEach((p, i) => {
      const row = (problem: Message) => add("passages", msg("msg.claim.passageRow", { n: i + 1, problem }));
      if (!p.sourceId) return row(msg("msg.passage.chooseSource"));
      if (!sources.has(p.sourceId)) return row(msg("msg.passage.sourceGone"));
      if (p.start === undefined || p.end === undefined) return row(msg("msg.passage.startAndEnd"));
      const problem = passageProblem(sources.get(p.sourceId) ?? null, p.start, p.end);
      if (problem) return row(problem);
      passages!.push({ sourceId: p.sourceId, start: p.start, end: p.end });
    });
  }

  if (Object.keys(errors).length) {
    throw new ValidationError(summary(errors), errors);
  }
  return { passages: passages && sortedPassages(passages) };
}

/** The claim's own columns from a form (everything except links and the verdict). */
function scalarData(input: CreateClaimInput) {
  return {
    text: input.text,
    language: input.language ?? "de",
    claimantId: input.claimantId ?? null,
    claimDate: input.claimDate ?? null,
    quantityValue: input.quantityValue ?? null,
    quantityUnit: input.quantityUnit ?? null,
    quantitySubject: input.quantitySubject ?? null,
    quantityMeasure: input.quantityMeasure ?? null,
    quantityAsOf: input.quantityAsOf ?? null,
    researchNotes: input.researchNotes ?? null,
  };
}

type ScalarData = ReturnType<typeof scalarData>;

/** Comparable form of a column value (Date, Decimal, null). */
function comparable(field: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  const s = String(value);
  // DECIMAL: 95.50 and 95.5 are the same number.
  if (field === "quantityValue" && /^-?\d+\.\d+$/.test(s)) return s.replace(/0+$/, "").replace(/\.$/, "");
  return s;
}

// ---------------------------------------------------------------------------------------
// Writes

export async function createClaim(actor: Actor, input: CreateClaimInput, client: Db | Tx = db): Promise<{ id: string; slug: string; message: Message }> {
  requirePermissionFor(actor, "record.edit");
  const quantity = quantityProblem(input);
  if (quantity) throw new ValidationError(msg("msg.claim.checkQuantity"), quantity);

  return inTransaction(async (tx) => {
    const { passages } = await checkReferences(tx, input);
    const slug = await freeSlug(tx, "claim", input.text);
    const topicIds = sortedIds(input.topicIds ?? []);
    const quoteIds = sortedIds(input.quoteIds ?? []);
    const claim = await createRecord<{ id: string; slug: string }>(
      tx,
      "Claim",
      actor.id,
      { ...scalarData(input), slug, status: "draft", createdById: actor.id },
      {
        links: {
          topicIds: { before: [], after: topicIds },
          quoteIds: { before: [], after: quoteIds },
          passages: { before: [], after: passages ?? [] },
        },
      },
    );
    if (topicIds.length) await tx.claimTopic.createMany({ data: topicIds.map((topicId) => ({ claimId: claim.id, topicId })) });
    if (quoteIds.length) await tx.claimQuote.createMany({ data: quoteIds.map((quoteId) => ({ claimId: claim.id, quoteId })) });
    if (passages?.length) await tx.claimPassage.createMany({ data: passages.map((p) => ({ claimId: claim.id, ...p })) });
    return { id: claim.id, slug: claim.slug, message: msg("msg.claim.created") };
  }, client);
}

export async function updateClaim(actor: Actor, input: UpdateClaimInput, client: Db = db): Promise<{ message: Message }> {
  requirePermissionFor(actor, "record.edit");
  const quantity = quantityProblem(input);
  if (quantity) throw new ValidationError(msg("msg.claim.checkQuantity"), quantity);

  return inTransaction(async (tx) => {
    const claim = await tx.claim.findUnique({
      where: { id: input.claimId },
      include: {
        topics: { select: { topicId: true } },
        quotes: { select: { quoteId: true } },
        passages: { select: { sourceId: true, start: true, end: true } },
      },
    });
    if (!claim) throw new NotFoundError("Claim");

    // What changes.
    const data = scalarData(input);
    const changedScalars = (Object.keys(data) as (keyof ScalarData)[]).filter((k) => comparable(k, data[k]) !== comparable(k, claim[k]));
    const links: { field: "topicIds" | "quoteIds" | "passages"; before: unknown[]; after: unknown[] }[] = [];
    const topicsBefore = sortedIds(claim.topics.map((t) => t.topicId));
    const quotesBefore = sortedIds(claim.quotes.map((q) => q.quoteId));
    const passagesBefore = sortedPassages(claim.passages);
    if (input.topicIds && JSON.stringify(sortedIds(input.topicIds)) !== JSON.stringify(topicsBefore)) {
      links.push({ field: "topicIds", before: topicsBefore, after: sortedIds(input.topicIds) });
    }
    if (input.quoteIds && JSON.stringify(sortedIds(input.quoteIds)) !== JSON.stringify(quotesBefore)) {
      links.push({ field: "quoteIds", before: quotesBefore, after: sortedIds(input.quoteIds) });
    }
    const { passages } = await checkReferences(tx, input);
    if (passages && JSON.stringify(passages) !== JSON.stringify(passagesBefore)) {
      links.push({ field: "passages", before: passagesBefore, after: passages });
    }
    const changed = [...changedScalars, ...links.map((l) => l.field)];

    // The form shows what is stored now (even if it was loaded before somebody else saved).
    if (changed.length === 0) return { message: msg("msg.claim.noChanges") };

    // The rules (./rules.ts).
    checkClaimUpdate(claim, changed, actor.role);

    const slug = changedScalars.includes("text") && !claim.publishedAt ? await freeSlug(tx, "claim", data.text, claim.id) : undefined;
    const update: Record<string, unknown> = {};
    for (const k of changedScalars) update[k] = data[k];
    if (slug && slug !== claim.slug) update.slug = slug;
    // The version check, the row lock and the save's one revision (columns and links); the
    // link rows are written after it, so a conflict leaves them untouched.
    await updateRecord(tx, "Claim", claim.id, input.version, actor.id, update, {
      links: Object.fromEntries(links.map((l) => [l.field, { before: l.before, after: l.after }])) satisfies LinkChanges,
    });

    for (const link of links) {
      if (link.field === "topicIds") {
        await tx.claimTopic.deleteMany({ where: { claimId: claim.id } });
        await tx.claimTopic.createMany({ data: (link.after as string[]).map((topicId) => ({ claimId: claim.id, topicId })) });
      } else if (link.field === "quoteIds") {
        await tx.claimQuote.deleteMany({ where: { claimId: claim.id } });
        await tx.claimQuote.createMany({ data: (link.after as string[]).map((quoteId) => ({ claimId: claim.id, quoteId })) });
      } else {
        await tx.claimPassage.deleteMany({ where: { claimId: claim.id } });
        await tx.claimPassage.createMany({ data: (link.after as PassageValue[]).map((p) => ({ claimId: claim.id, ...p })) });
      }
    }
    return { message: msg("msg.claim.saved", { fields: fieldNames(changed) }) };
  }, client);
}

export async function updateVerdictFields(actor: Actor, input: VerdictFieldsInput, client: Db = db): Promise<{ message: Message }> {
  requirePermissionFor(actor, "claim.verdict", msg("msg.claim.verdictRoles"));
  return inTransaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: input.claimId } });
    if (!claim) throw new NotFoundError("Claim");
    const data = { verdictId: input.verdictId ?? null, summary: input.summary ?? null, analysis: input.analysis ?? null };
    const changed = (Object.keys(data) as (keyof typeof data)[]).filter((k) => data[k] !== claim[k]);
    if (changed.length === 0) return { message: msg("msg.claim.noChanges") };
    const locked = verdictLockReason(claim);
    if (locked) throw new TransitionError(locked);
    if (data.verdictId && data.verdictId !== claim.verdictId) {
      const label = await tx.verdictLabel.findUnique({ where: { id: data.verdictId }, select: { active: true } });
      if (!label || !label.active) {
        throw new ValidationError(msg("msg.claim.noSuchVerdict"), { verdictId: [msg("msg.claim.chooseActiveVerdict")] });
      }
    }
    const update: Record<string, unknown> = { verdictAuthorId: actor.id };
    for (const k of changed) update[k] = data[k];
    await updateRecord(tx, "Claim", claim.id, input.version, actor.id, update);
    return { message: msg("msg.claim.verdictSaved") };
  }, client);
}

export async function assignClaim(actor: Actor, input: AssignClaimInput, client: Db = db): Promise<{ message: Message }> {
  requirePermissionFor(actor, "claim.assign");
  return inTransaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: input.claimId } });
    if (!claim) throw new NotFoundError("Claim");
    const assigneeId = input.assigneeId ?? null;
    if (assigneeId === claim.assigneeId) return { message: msg("msg.claim.assignmentUnchanged") };
    let name: string | null = null;
    if (assigneeId) {
      const user = await tx.user.findUnique({ where: { id: assigneeId }, select: { name: true, active: true } });
      if (!user || !user.active) throw new ValidationError(msg("msg.claim.noSuchAccount"), { assigneeId: [msg("msg.claim.chooseActiveAccount")] });
      name = user.name;
    }
    await updateRecord(tx, "Claim", claim.id, input.version, actor.id, { assigneeId });
    return { message: name ? msg("msg.claim.assigned", { name }) : msg("msg.claim.unassigned") };
  }, client);
}

export async function addComment(actor: Actor, input: CommentInput, client: Db = db): Promise<{ id: string; message: Message }> {
  requirePermissionFor(actor, "record.edit");
  const claim = await client.claim.findUnique({ where: { id: input.claimId }, select: { id: true } });
  if (!claim) throw new NotFoundError("Claim");
  const comment = await client.claimComment.create({ data: { claimId: claim.id, authorId: actor.id, body: input.body } });
  return { id: comment.id, message: msg("msg.claim.commentSaved") };
}

export async function deleteClaim(actor: Actor, input: DeleteClaimInput, client: Db = db): Promise<{ message: Message }> {
  requirePermissionFor(actor, "record.delete");
  return inTransaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: input.claimId }, include: { _count: { select: { corrections: true } } } });
    if (!claim) throw new NotFoundError("Claim");
    if (!isDeletableDraft(claim, claim._count.corrections)) throw new TransitionError(msg("msg.claim.deleteOnlyDrafts"));
    if (claim.version !== input.version) throw await conflictFor(tx, "Claim", claim);
    // Evidence goes first, each with its own revision (the cascade would leave none).
    for (const e of await tx.evidence.findMany({ where: { claimId: claim.id }, select: { id: true } })) {
      await deleteRecord(tx, "Evidence", e.id, null, actor.id);
    }
    await deleteRecord(tx, "Claim", claim.id, input.version, actor.id);
    return { message: msg("msg.claim.deleted") };
  }, client);
}
