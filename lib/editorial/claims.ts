// Claims on the desk: create and edit them, link them to topics, quotes and source passages,
// propose a verdict, assign them, comment, and read them back (lists, the review queue, the
// edit page, the history and every earlier version).
//
// The workflow steps (submit, approve, correct, ...) live in ./workflow.ts. The rules here are
// the ones the workflow relies on:
// - The working verdict, summary and analysis change only while the claim is a draft or in
//   research (permission claim.verdict); whoever changes them becomes `verdictAuthorId`, so
//   four eyes can tell the author from the approver. After publication they change only
//   through the transition "propose_correction".
// - Text, language and claimant are what readers saw checked: they change only while the claim
//   has never been published. (A different statement is a new claim.)
// - While a claim is in review nothing the reviewer approves changes (text, claimant, date,
//   quantity, topics, quotes, passages; evidence in ./evidence.ts): the review is of what was
//   submitted. Research notes stay editable, they are private.
// - Once a claim is public, changes to the rest of what readers see (date, quantity, topics,
//   quotes, passages) go to its working version: readers keep seeing the approved one
//   (./publication.ts) until a correction is approved. Only desk roles (claim.correct) make
//   them: they are the ones who propose that correction.
// - A retracted claim does not change any more.
//
// Every write is one transaction through createRecord/updateRecord/deleteRecord, and one save
// is one revision: link rows (topics, quotes, passages) are recorded as fields "topicIds",
// "quoteIds", "passages" of the claim in the same revision as its columns (the `links` of
// createRecord/updateRecord), and written after updateRecord's version check.
import { z } from "zod";
import type { Prisma } from "../generated/prisma/client";
import type { ClaimStatus, Role } from "../generated/prisma/enums";
import { CLAIM_STATUSES, OPEN_CLAIM_STATUSES } from "./status";
import { can, type Permission } from "../auth/permissions";
import type { SessionUser } from "../auth/session";
import { db, type Db } from "../db/client";
import type { Locale } from "../i18n";
import { list, msg, zodMessage, type Message } from "../messages";
import { ForbiddenError, NotFoundError, TransitionError, ValidationError, fieldError, summary, type FieldErrors } from "./errors";
import { id, language, list as listOf, optionalDate, optionalId, optionalInt, optionalText, requiredText, version } from "./fields";
import { optionalChoice, pageOf, pageParam, param, sortColumns, sortParam, PAGE_SIZE, type Page, type SearchParams, type SortDirection } from "./listing";
import { conflictFor, createRecord, deleteRecord, freeSlug, inTransaction, updateRecord, type LinkChanges, type Tx } from "./records";

// ---------------------------------------------------------------------------------------
// Shared helpers (also used by ./evidence.ts)

type Actor = Pick<SessionUser, "id" | "name" | "role">;

/** Throws ForbiddenError unless the actor's role has the permission (the domain checks it
 * itself, whatever the caller already checked). */
export function requirePermissionFor(actor: Actor, permission: Permission, message?: Message): void {
  if (!can(actor.role, permission)) throw new ForbiddenError(message);
}

export { CLAIM_STATUSES } from "./status";

/** Statuses in which the working verdict, summary and analysis may change. */
export const VERDICT_EDITABLE: readonly ClaimStatus[] = ["draft", "in_research"];

/** Why the working verdict cannot be edited now, or null when it can. */
export function verdictLockReason(claim: { status: ClaimStatus; publicState: string | null }): Message | null {
  if (VERDICT_EDITABLE.includes(claim.status)) return null;
  if (claim.status === "in_review") return msg("msg.claim.verdictLock.inReview");
  if (claim.status === "retracted") return msg("msg.claim.verdictLock.retracted");
  return msg("msg.claim.verdictLock.published");
}

/**
 * Checks a passage [start, end) against a source's stored text; returns the problem or null.
 * Offsets count JavaScript string units, `end` exclusive (see QueryAppearance).
 */
export function passageProblem(snapshotText: string | null, start: number, end: number): Message | null {
  if (snapshotText === null) return msg("msg.passage.noText");
  if (start < 0 || end <= start) return msg("msg.passage.endBeforeStart");
  if (end > snapshotText.length) return msg("msg.passage.beyondEnd", { length: snapshotText.length });
  return null;
}

// ---------------------------------------------------------------------------------------
// Input schemas

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A partial ISO date: "2017", "2017-11" or "2017-11-11". */
export const partialDate = z.preprocess(
  blank,
  z
    .string()
    .trim()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, zodMessage("msg.claim.asOfFormat"))
    .refine((s) => {
      const [, month, dayOfMonth] = s.split("-").map(Number);
      if (month !== undefined && (month < 1 || month > 12)) return false;
      if (dayOfMonth !== undefined) return !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
      return true;
    }, zodMessage("msg.claim.asOfNoSuchDate"))
    .optional(),
);

/** A decimal number as a string (exact: the column is DECIMAL(20, 6)); "95", "0,5", "-1.25". */
const decimalValue = z.preprocess(
  (v) => (typeof v === "number" ? String(v) : typeof v === "string" ? blank(v.trim().replace(",", ".")) : v),
  z
    .string()
    .regex(/^-?\d{1,14}(\.\d{1,6})?$/, zodMessage("msg.claim.decimal"))
    .optional(),
);

export const passageInputSchema = z.object({
  sourceId: z.string().max(64),
  start: optionalInt("passageStart"),
  end: optionalInt("passageEnd"),
});
export type PassageInput = z.infer<typeof passageInputSchema>;

const claimFields = {
  text: requiredText("claimText", 2_000),
  language,
  claimantId: optionalId(),
  claimDate: optionalDate("claimDate"),
  topicIds: listOf(id("topic")),
  quoteIds: listOf(id("quote")),
  passages: z.array(passageInputSchema).max(50, zodMessage("msg.claim.tooManyPassages")).default([]),
  quantityValue: decimalValue,
  quantityUnit: optionalText("unit", 50),
  quantitySubject: optionalText("subject", 300),
  quantityMeasure: optionalText("measure", 300),
  quantityAsOf: partialDate,
  researchNotes: optionalText("researchNotes", 50_000),
};

export const createClaimSchema = z.object(claimFields);
export const updateClaimSchema = z.object({ claimId: id("claim"), version, ...claimFields });

/**
 * Form fields passage0SourceId, passage0Start, passage0End, passage1SourceId, ... → passages[].
 * Rows without a source and offsets are left out (the empty row of the form).
 */
export function collectPassageFields(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const input = value as Record<string, unknown>;
  if ("passages" in input) return input;
  const rows = new Map<number, Record<string, unknown>>();
  const rest: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(input)) {
    const match = /^passage(\d{1,2})(SourceId|Start|End)$/.exec(key);
    if (!match) {
      rest[key] = v;
      continue;
    }
    const row = rows.get(Number(match[1])) ?? {};
    row[{ SourceId: "sourceId", Start: "start", End: "end" }[match[2] as "SourceId" | "Start" | "End"]] = Array.isArray(v) ? v[0] : v;
    rows.set(Number(match[1]), row);
  }
  const passages = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, row]) => ({ sourceId: String(row.sourceId ?? "").trim(), start: row.start, end: row.end }))
    .filter((row) => row.sourceId !== "" || blank(row.start) !== undefined || blank(row.end) !== undefined);
  return { ...rest, passages };
}

export const createClaimFormSchema = z.preprocess(collectPassageFields, createClaimSchema);
export const updateClaimFormSchema = z.preprocess(collectPassageFields, updateClaimSchema);

type ClaimFieldValues = z.output<typeof createClaimSchema>;
type LinkFields = "language" | "topicIds" | "quoteIds" | "passages";

/** What createClaim takes: the parsed form; language and the link lists may be left out. */
export type CreateClaimInput = Omit<ClaimFieldValues, LinkFields> & Partial<Pick<ClaimFieldValues, LinkFields>>;
/** What updateClaim takes. All scalar fields are set as given (left out = empty, as a form
 * sends them); link lists left out stay as they are. */
export type UpdateClaimInput = CreateClaimInput & { claimId: string; version: number };

export const verdictFieldsSchema = z.object({
  claimId: id("claim"),
  version,
  verdictId: optionalId(),
  summary: optionalText("summary", 2_000),
  analysis: optionalText("analysis", 100_000),
});
export type VerdictFieldsInput = z.output<typeof verdictFieldsSchema>;

export const assignClaimSchema = z.object({ claimId: id("claim"), version, assigneeId: optionalId() });
export type AssignClaimInput = z.output<typeof assignClaimSchema>;

export const commentSchema = z.object({ claimId: id("claim"), body: requiredText("comment", 5_000) });
export type CommentInput = z.output<typeof commentSchema>;

export const deleteClaimSchema = z.object({ claimId: id("claim"), version });
export type DeleteClaimInput = z.output<typeof deleteClaimSchema>;

// ---------------------------------------------------------------------------------------
// Validation of references

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

function quantityProblem(input: CreateClaimInput): FieldErrors | null {
  const rest = input.quantityUnit || input.quantitySubject || input.quantityMeasure || input.quantityAsOf;
  if (rest && input.quantityValue === undefined) {
    return { quantityValue: [msg("msg.claim.quantityValueMissing")] };
  }
  return null;
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

/** The names of a claim's fields in messages and the history (catalogue msg.claimField.*). */
export const CLAIM_FIELDS = [
  "text",
  "language",
  "claimantId",
  "claimDate",
  "quoteIds",
  "passages",
  "topicIds",
  "quantityValue",
  "quantityUnit",
  "quantitySubject",
  "quantityMeasure",
  "quantityAsOf",
  "status",
  "verdictId",
  "summary",
  "analysis",
  "verdictAuthorId",
  "publicState",
  "publishedVerdictId",
  "publishedSummary",
  "publishedAnalysis",
  "publishedAt",
  "publicUpdatedAt",
  "publicationId",
  "researchNotes",
  "assigneeId",
  "slug",
  "createdById",
  // Evidence's own fields (its history is shown with the claim's).
  "claimId",
  "sourceId",
  "stance",
  "excerpt",
  "start",
  "end",
  "note",
  "position",
] as const;
export type ClaimField = (typeof CLAIM_FIELDS)[number];

export function isClaimField(field: string): field is ClaimField {
  return (CLAIM_FIELDS as readonly string[]).includes(field);
}

/** The field names of `fields` as one value of a message ("Text, Themen"). */
function fieldNames(fields: string[]) {
  return list(fields.map((f) => (isClaimField(f) ? msg(`msg.claimField.${f}`) : f)));
}

/** Fields readers saw checked: fixed once the claim was published. */
const FIXED_AFTER_PUBLICATION = new Set(["text", "language", "claimantId"]);
/** Private fields: they may change in any stage but retraction. */
const PRIVATE_FIELDS = new Set(["researchNotes"]);

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

    // The rules (see the top of this file).
    if (claim.status === "retracted") throw new TransitionError(msg("msg.claim.retracted"));
    const publicFields = changed.filter((f) => !PRIVATE_FIELDS.has(f));
    if (claim.status === "in_review" && publicFields.length) {
      throw new TransitionError(msg("msg.claim.inReview", { fields: fieldNames(publicFields) }));
    }
    const fixed = changed.filter((f) => FIXED_AFTER_PUBLICATION.has(f));
    if (claim.publishedAt && fixed.length) throw new TransitionError(msg("msg.claim.fixedAfterPublication", { fields: fieldNames(fixed) }));
    if (claim.publicState && publicFields.length && !can(actor.role, "claim.correct")) {
      throw new ForbiddenError(msg("msg.claim.publishedCorrection", { fields: fieldNames(publicFields) }));
    }

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

/** Whether a claim may be deleted: a draft that was never public and has no corrections. */
export function isDeletableDraft(claim: { status: ClaimStatus; publishedAt: Date | null; publicState: string | null }, corrections: number): boolean {
  return claim.status === "draft" && !claim.publishedAt && !claim.publicState && corrections === 0;
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

// ---------------------------------------------------------------------------------------
// Reads: the list

/** A verdict label's names: the desk shows the one of its language. */
export interface VerdictNames {
  de: string;
  en: string;
}

/** The list's sortable columns and the direction each starts in; the first is the default. */
export const CLAIM_SORTING = sortColumns({
  updated: "desc",
  created: "desc",
  status: "asc",
  text: "asc",
  claimant: "asc",
  verdict: "asc",
  assignee: "asc",
  evidence: "desc",
});
export const CLAIM_SORTS = CLAIM_SORTING.columns;
export type ClaimSort = (typeof CLAIM_SORTS)[number];

export interface ClaimListQuery {
  q?: string;
  /** A state, or "open": any state somebody still works on (OPEN_CLAIM_STATUSES). */
  status?: ClaimStatus | "open";
  /** "me", "none" or a user id. */
  assignee?: string;
  /** "me": created by the viewer. */
  author?: "me";
  /** The viewer's claims: assigned to or created by the viewer. */
  mine?: boolean;
  /** A speaker id. */
  claimant?: string;
  /** A topic id. */
  topic?: string;
  /** "none" or a verdict label id (the working verdict). */
  verdict?: string;
  sort: ClaimSort;
  /** Default: the column's own direction. */
  dir?: SortDirection;
  page: number;
}

export function claimListQuery(params: SearchParams): ClaimListQuery {
  return {
    q: param(params, "q"),
    status: optionalChoice(params, "status", [...CLAIM_STATUSES, "open"] as const),
    assignee: param(params, "assignee"),
    author: optionalChoice(params, "author", ["me"] as const),
    mine: optionalChoice(params, "mine", ["1"] as const) !== undefined,
    claimant: param(params, "claimant"),
    topic: param(params, "topic"),
    verdict: param(params, "verdict"),
    ...sortParam(params, CLAIM_SORTING),
    page: pageParam(params),
  };
}

export interface ClaimListItem {
  id: string;
  slug: string;
  text: string;
  /** The language of the text (content keeps its own language). */
  language: string;
  status: ClaimStatus;
  publicState: string | null;
  claimant: string | null;
  assignee: string | null;
  /** The working verdict's name in German and in English (the newsroom's nameDe, nameEn). */
  verdict: VerdictNames | null;
  evidenceCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export async function listClaims(query: ClaimListQuery, viewer: Pick<SessionUser, "id">, client: Db = db): Promise<Page<ClaimListItem>> {
  const and: Prisma.ClaimWhereInput[] = [];
  // ILIKE '%q%': served by the trigram index on Claim.text.
  if (query.q) and.push({ text: { contains: query.q, mode: "insensitive" } });
  if (query.status === "open") and.push({ status: { in: [...OPEN_CLAIM_STATUSES] } });
  else if (query.status) and.push({ status: query.status });
  if (query.author === "me") and.push({ createdById: viewer.id });
  if (query.mine) and.push({ OR: [{ assigneeId: viewer.id }, { createdById: viewer.id }] });
  if (query.assignee === "me") and.push({ assigneeId: viewer.id });
  else if (query.assignee === "none") and.push({ assigneeId: null });
  else if (query.assignee) and.push({ assigneeId: query.assignee });
  if (query.claimant) and.push({ claimantId: query.claimant });
  if (query.topic) and.push({ topics: { some: { topicId: query.topic } } });
  if (query.verdict === "none") and.push({ verdictId: null });
  else if (query.verdict) and.push({ verdictId: query.verdict });
  const where: Prisma.ClaimWhereInput = and.length ? { AND: and } : {};

  const dir = query.dir ?? CLAIM_SORTING.initial[query.sort];
  // Ties (same state, same claimant, ...) latest change first; the id makes the order total.
  const orders: Record<ClaimSort, Prisma.ClaimOrderByWithRelationInput[]> = {
    updated: [{ updatedAt: dir }],
    created: [{ createdAt: dir }],
    status: [{ status: dir }, { updatedAt: "desc" }],
    text: [{ text: dir }],
    claimant: [{ claimant: { name: dir } }, { updatedAt: "desc" }],
    // The working verdict by its place on the scale (best first).
    verdict: [{ verdict: { position: dir } }, { updatedAt: "desc" }],
    assignee: [{ assignee: { name: dir } }, { updatedAt: "desc" }],
    evidence: [{ evidence: { _count: dir } }, { updatedAt: "desc" }],
  };
  const orderBy: Prisma.ClaimOrderByWithRelationInput[] = [...orders[query.sort], { id: "asc" }];

  const [total, rows] = await Promise.all([
    client.claim.count({ where }),
    client.claim.findMany({
      where,
      orderBy,
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        slug: true,
        text: true,
        language: true,
        status: true,
        publicState: true,
        createdAt: true,
        updatedAt: true,
        claimant: { select: { name: true } },
        assignee: { select: { name: true } },
        verdict: { select: { nameDe: true, nameEn: true } },
        _count: { select: { evidence: true } },
      },
    }),
  ]);
  return pageOf(
    rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      text: r.text,
      language: r.language,
      status: r.status,
      publicState: r.publicState,
      claimant: r.claimant?.name ?? null,
      assignee: r.assignee?.name ?? null,
      verdict: r.verdict ? { de: r.verdict.nameDe, en: r.verdict.nameEn } : null,
      evidenceCount: r._count.evidence,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    })),
    total,
    query.page,
  );
}

// ---------------------------------------------------------------------------------------
// Reads: the review queue

export interface ReviewQueueItem {
  id: string;
  text: string;
  language: string;
  claimant: string | null;
  verdict: VerdictNames | null;
  summary: string | null;
  /** Who proposed the verdict under review. */
  proposedBy: { id: string; name: string } | null;
  /** Who sent it to review, and when (the latest step into review). */
  submittedBy: string | null;
  since: Date | null;
  evidenceCount: number;
  /** A correction of a published claim (rather than a first publication). */
  isCorrection: boolean;
  /** The viewer proposed it: four eyes, somebody else must approve. */
  own: boolean;
  assignee: string | null;
}

/** Claims in review, longest waiting first. */
export async function reviewQueue(viewer: Pick<SessionUser, "id">, client: Db = db): Promise<ReviewQueueItem[]> {
  const claims = await client.claim.findMany({
    where: { status: "in_review" },
    select: {
      id: true,
      text: true,
      language: true,
      summary: true,
      publicState: true,
      verdictAuthorId: true,
      updatedAt: true,
      claimant: { select: { name: true } },
      verdict: { select: { nameDe: true, nameEn: true } },
      verdictAuthor: { select: { id: true, name: true } },
      assignee: { select: { name: true } },
      _count: { select: { evidence: true } },
    },
  });
  const steps = claims.length
    ? await client.revision.findMany({
        where: {
          entityType: "Claim",
          entityId: { in: claims.map((c) => c.id) },
          changes: { path: ["status", "after"], equals: "in_review" },
        },
        orderBy: { id: "desc" },
        select: { entityId: true, createdAt: true, user: { select: { name: true } } },
      })
    : [];
  const latestStep = new Map<string, (typeof steps)[number]>();
  for (const s of steps) if (!latestStep.has(s.entityId)) latestStep.set(s.entityId, s);

  return claims
    .map((c) => {
      const step = latestStep.get(c.id);
      return {
        id: c.id,
        text: c.text,
        language: c.language,
        claimant: c.claimant?.name ?? null,
        verdict: c.verdict ? { de: c.verdict.nameDe, en: c.verdict.nameEn } : null,
        summary: c.summary,
        proposedBy: c.verdictAuthor ? { id: c.verdictAuthor.id, name: c.verdictAuthor.name } : null,
        submittedBy: step?.user?.name ?? null,
        since: step?.createdAt ?? null,
        evidenceCount: c._count.evidence,
        isCorrection: c.publicState !== null,
        own: c.verdictAuthorId === viewer.id,
        assignee: c.assignee?.name ?? null,
      };
    })
    .sort((a, b) => (a.since?.getTime() ?? 0) - (b.since?.getTime() ?? 0));
}

// ---------------------------------------------------------------------------------------
// Reads: the edit page

export async function getClaimForEdit(claimId: string, client: Db = db) {
  if (!claimId || claimId.length > 64) return null;
  return client.claim.findUnique({
    where: { id: claimId },
    include: {
      claimant: { select: { id: true, name: true, slug: true } },
      verdict: { select: { id: true, nameDe: true, nameEn: true, key: true } },
      publishedVerdict: { select: { id: true, nameDe: true, nameEn: true, key: true } },
      verdictAuthor: { select: { id: true, name: true } },
      assignee: { select: { id: true, name: true } },
      createdBy: { select: { id: true, name: true } },
      topics: { select: { topic: { select: { id: true, nameDe: true } } }, orderBy: { topic: { nameDe: "asc" } } },
      quotes: {
        select: { quote: { select: { id: true, text: true, kind: true, speaker: { select: { id: true, name: true } } } } },
      },
      passages: {
        select: { id: true, sourceId: true, start: true, end: true, source: { select: { id: true, title: true, snapshotText: true } } },
        orderBy: { start: "asc" },
      },
      evidence: {
        include: {
          source: { select: { id: true, title: true, url: true, publisher: true, language: true } },
          createdBy: { select: { name: true } },
        },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      },
      reviewDecisions: {
        include: { reviewer: { select: { name: true } }, verdict: { select: { nameDe: true, nameEn: true } } },
        orderBy: { createdAt: "desc" },
      },
      corrections: {
        include: { author: { select: { name: true } }, previousVerdict: { select: { nameDe: true, nameEn: true } } },
        orderBy: { createdAt: "desc" },
      },
      comments: { include: { author: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
}

export type ClaimForEdit = NonNullable<Awaited<ReturnType<typeof getClaimForEdit>>>;

export interface Option {
  value: string;
  label: string;
}

export interface ClaimFormOptions {
  speakers: Option[];
  topics: Option[];
  quotes: Option[];
  sources: (Option & { length: number | null })[];
  verdicts: Option[];
  users: (Option & { role: Role })[];
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max).trimEnd()} …`;
}

/** The choices of the list's filters: speakers, topics, verdicts, accounts. Topics and verdict
 * labels are named in the desk's language (both names are the newsroom's, nameDe and nameEn). */
export async function claimFilterOptions(
  client: Db = db,
  locale: Locale = "de",
): Promise<Pick<ClaimFormOptions, "speakers" | "topics" | "verdicts" | "users">> {
  const [speakers, topics, verdicts, users] = await Promise.all([
    client.speaker.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    client.topic.findMany({ select: { id: true, nameDe: true, nameEn: true }, orderBy: locale === "en" ? { nameEn: "asc" } : { nameDe: "asc" } }),
    client.verdictLabel.findMany({ where: { active: true }, select: { id: true, nameDe: true, nameEn: true }, orderBy: { position: "asc" } }),
    client.user.findMany({ where: { active: true }, select: { id: true, name: true, role: true }, orderBy: { name: "asc" } }),
  ]);
  const named = (r: { nameDe: string; nameEn: string }) => (locale === "en" ? r.nameEn : r.nameDe);
  return {
    speakers: speakers.map((s) => ({ value: s.id, label: s.name })),
    topics: topics.map((t) => ({ value: t.id, label: named(t) })),
    verdicts: verdicts.map((v) => ({ value: v.id, label: named(v) })),
    users: users.map((u) => ({ value: u.id, label: u.name, role: u.role })),
  };
}

/** The choices of the claim forms: speakers, topics, quotes, sources (with the length of their
 * stored text), verdicts, accounts. */
export async function claimFormOptions(client: Db = db, locale: Locale = "de"): Promise<ClaimFormOptions> {
  const [filters, quotes, sources] = await Promise.all([
    claimFilterOptions(client, locale),
    client.quote.findMany({
      select: { id: true, text: true, speaker: { select: { name: true } } },
      orderBy: [{ speaker: { name: "asc" } }, { createdAt: "asc" }],
    }),
    // The length of the stored text, not the text itself.
    client.$queryRaw<{ id: string; title: string; length: number | null }[]>`
      SELECT "id", "title", length("snapshotText")::int AS "length" FROM "Source" ORDER BY "title" ASC, "id" ASC`,
  ]);
  return {
    ...filters,
    quotes: quotes.map((q) => ({ value: q.id, label: `${q.speaker.name}: ${shorten(q.text, 80)}` })),
    // The page adds the length to the label, in its language.
    sources: sources.map((s) => ({ value: s.id, label: s.title, length: s.length })),
  };
}

/** A new claim's fields taken from a quote ("Behauptung aus Zitat anlegen"), or null. */
export async function claimDraftFromQuote(quoteId: string, client: Db = db) {
  if (!quoteId || quoteId.length > 64) return null;
  const quote = await client.quote.findUnique({
    where: { id: quoteId },
    select: {
      id: true,
      text: true,
      language: true,
      saidOn: true,
      speakerId: true,
      speaker: { select: { name: true } },
      appearances: { select: { sourceId: true, start: true, end: true }, orderBy: { start: "asc" } },
    },
  });
  if (!quote) return null;
  return {
    quoteId: quote.id,
    speakerName: quote.speaker.name,
    text: quote.text,
    language: quote.language,
    claimantId: quote.speakerId,
    claimDate: quote.saidOn,
    passages: quote.appearances.map((a) => ({ sourceId: a.sourceId, start: a.start, end: a.end })),
  };
}

// ---------------------------------------------------------------------------------------
// Reads: history and versions

export interface HistoryEntry {
  id: string;
  entityType: "Claim" | "Evidence";
  entityId: string;
  action: "create" | "update" | "delete" | "transition";
  version: number | null;
  at: Date;
  by: string | null;
  changes: Record<string, { before: unknown; after: unknown }>;
}

function toEntry(r: {
  id: bigint;
  entityType: string;
  entityId: string;
  action: HistoryEntry["action"];
  version: number | null;
  createdAt: Date;
  user: { name: string } | null;
  changes: unknown;
}): HistoryEntry {
  return {
    id: r.id.toString(),
    entityType: r.entityType as HistoryEntry["entityType"],
    entityId: r.entityId,
    action: r.action,
    version: r.version,
    at: r.createdAt,
    by: r.user?.name ?? null,
    changes: (r.changes ?? {}) as HistoryEntry["changes"],
  };
}

const revisionSelect = {
  id: true,
  entityType: true,
  entityId: true,
  action: true,
  version: true,
  createdAt: true,
  changes: true,
  user: { select: { name: true } },
} satisfies Prisma.RevisionSelect;

/**
 * Every revision of the claim and of its evidence (including evidence deleted since), oldest
 * first. Evidence is found by its create revision naming the claim.
 */
export async function claimHistory(claimId: string, client: Db = db): Promise<HistoryEntry[]> {
  const [current, created] = await Promise.all([
    client.evidence.findMany({ where: { claimId }, select: { id: true } }),
    client.revision.findMany({
      where: { entityType: "Evidence", changes: { path: ["claimId", "after"], equals: claimId } },
      select: { entityId: true },
    }),
  ]);
  const evidenceIds = [...new Set([...current.map((e) => e.id), ...created.map((r) => r.entityId)])];
  const rows = await client.revision.findMany({
    where: {
      OR: [
        { entityType: "Claim", entityId: claimId },
        ...(evidenceIds.length ? [{ entityType: "Evidence", entityId: { in: evidenceIds } }] : []),
      ],
    },
    orderBy: { id: "asc" },
    select: revisionSelect,
  });
  return rows.map(toEntry);
}

export interface ClaimVersion {
  version: number;
  at: Date;
  by: string | null;
  action: HistoryEntry["action"];
  /** Every field's value at this version (as the revision log stores it: JSON values). */
  values: Record<string, unknown>;
  /** The fields this version changed. */
  changed: string[];
}

/** Fields of the row that are bookkeeping, not content. */
const NOT_COMPARED = new Set(["id", "createdAt", "updatedAt", "version"]);

/**
 * The claim's values at every version, rebuilt from its revisions: one save is one revision
 * with the version it produced. The create revision holds every field as {before: null,
 * after}, later ones the fields they changed (the links topicIds, quoteIds and passages
 * included). Revisions without a version (the delete) start no version.
 */
export function versionsFromRevisions(revisions: readonly HistoryEntry[]): ClaimVersion[] {
  const versions: ClaimVersion[] = [];
  let values: Record<string, unknown> = {};
  // A field's value before its first recorded change (the create revision leaves out empty
  // fields and empty links; the links of seeded claims appear only when first changed).
  const firstBefore = new Map<string, unknown>();
  for (const r of revisions) {
    if (r.entityType !== "Claim" || r.version === null) continue;
    values = { ...values };
    const changed: string[] = [];
    for (const [field, change] of Object.entries(r.changes)) {
      if (NOT_COMPARED.has(field) || field.startsWith("search")) continue;
      if (!firstBefore.has(field)) firstBefore.set(field, change.before);
      values[field] = change.after;
      changed.push(field);
    }
    versions.push({ version: r.version, at: r.at, by: r.by, action: r.action, values, changed });
  }
  for (const v of versions) {
    for (const [field, before] of firstBefore) if (!(field in v.values)) v.values[field] = before;
  }
  return versions;
}

export async function claimVersions(claimId: string, client: Db = db): Promise<ClaimVersion[]> {
  const rows = await client.revision.findMany({
    where: { entityType: "Claim", entityId: claimId },
    orderBy: { id: "asc" },
    select: revisionSelect,
  });
  return versionsFromRevisions(rows.map(toEntry));
}

// ---------------------------------------------------------------------------------------
// Names for the ids in stored values (history, comparison; the page shows them, see
// app/(desk)/admin/claims/[id]/history/values.ts)

/** Order of fields in the comparison: content first, bookkeeping last (CLAIM_FIELDS' order). */
export const CLAIM_FIELD_ORDER: readonly string[] = CLAIM_FIELDS;

export interface ValueLabels {
  speakers: Map<string, string>;
  verdicts: Map<string, string>;
  users: Map<string, string>;
  topics: Map<string, string>;
  quotes: Map<string, string>;
  sources: Map<string, string>;
}

/** Names for the ids that appear in the given values (speakers, verdicts, users, ...); verdicts
 * and topics in `locale` (both their names are the newsroom's, nameDe and nameEn). */
export async function valueLabels(valueSets: readonly Record<string, unknown>[], client: Db = db, locale: Locale = "de"): Promise<ValueLabels> {
  const ids = { speakers: new Set<string>(), verdicts: new Set<string>(), users: new Set<string>(), topics: new Set<string>(), quotes: new Set<string>(), sources: new Set<string>() };
  const addId = (set: Set<string>, v: unknown) => typeof v === "string" && v && set.add(v);
  for (const values of valueSets) {
    addId(ids.speakers, values.claimantId);
    addId(ids.verdicts, values.verdictId);
    addId(ids.verdicts, values.publishedVerdictId);
    for (const k of ["verdictAuthorId", "assigneeId", "createdById"]) addId(ids.users, values[k]);
    addId(ids.sources, values.sourceId);
    if (Array.isArray(values.topicIds)) values.topicIds.forEach((v) => addId(ids.topics, v));
    if (Array.isArray(values.quoteIds)) values.quoteIds.forEach((v) => addId(ids.quotes, v));
    if (Array.isArray(values.passages)) values.passages.forEach((p) => addId(ids.sources, (p as { sourceId?: unknown })?.sourceId));
  }
  const list = (s: Set<string>) => ({ in: [...s] });
  const [speakers, verdicts, users, topics, quotes, sources] = await Promise.all([
    client.speaker.findMany({ where: { id: list(ids.speakers) }, select: { id: true, name: true } }),
    client.verdictLabel.findMany({ where: { id: list(ids.verdicts) }, select: { id: true, nameDe: true, nameEn: true } }),
    client.user.findMany({ where: { id: list(ids.users) }, select: { id: true, name: true } }),
    client.topic.findMany({ where: { id: list(ids.topics) }, select: { id: true, nameDe: true, nameEn: true } }),
    client.quote.findMany({ where: { id: list(ids.quotes) }, select: { id: true, text: true, speaker: { select: { name: true } } } }),
    client.source.findMany({ where: { id: list(ids.sources) }, select: { id: true, title: true } }),
  ]);
  const named = (r: { nameDe: string; nameEn: string }) => (locale === "en" ? r.nameEn : r.nameDe);
  return {
    speakers: new Map(speakers.map((s) => [s.id, s.name])),
    verdicts: new Map(verdicts.map((v) => [v.id, named(v)])),
    users: new Map(users.map((u) => [u.id, u.name])),
    topics: new Map(topics.map((t) => [t.id, named(t)])),
    quotes: new Map(quotes.map((q) => [q.id, `${q.speaker.name}: ${shorten(q.text, 80)}`])),
    sources: new Map(sources.map((s) => [s.id, s.title])),
  };
}
