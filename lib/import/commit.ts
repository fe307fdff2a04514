// The second step of an import: writing what a person confirmed in the preview (./stage.ts).
//
// - Others' fact-checks become ExternalFactCheck rows (created, or updated when the same URL
//   came back with other values); never our verdicts. Claimants are linked to the speaker they
//   matched; an unmatched claimant becomes a new speaker only when the person confirming said so
//   (all of them, or the names they ticked).
// - Our own fact-checks (the back catalogue of a newsroom moving in) become our claims and go
//   through the publication of lib/editorial/workflow.ts like any other: the uploader is the
//   author of the verdicts, an admin who is not the uploader confirms the batch, and that
//   confirmation is each claim's approval (four eyes), which freezes what its page shows
//   (docs/publication.md). The original fact-check is the claim's source, its summary the
//   evidence's excerpt; the claim keeps its original publication date and is marked as imported
//   (Claim.importBatchId, importKey).
// - Every multi-record write runs in one transaction: a chunk of rows each (a row the database
//   refuses is then retried alone and reported, the rest goes in), or the whole import when the
//   person chose all-or-nothing (then any refusal writes nothing). Rows are marked done in the
//   same transaction as their records, so a batch whose process was stopped resumes where it
//   stopped, and the same rows are never written twice. Memory is bounded: rows are read from
//   the preview a chunk at a time.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { Prisma } from "../generated/prisma/client";
import { can } from "../auth/permissions";
import { db, type Db } from "../db/client";
import { id, list, version } from "../editorial/fields";
import { ForbiddenError, NotFoundError, TransitionError, ValidationError } from "../editorial/errors";
import { createRecord, updateRecord, type Tx } from "../editorial/records";
import { createSpeaker } from "../editorial/speakers";
import { createSource } from "../editorial/sources";
import { createClaim } from "../editorial/claims";
import { readSnapshot, snapshotDigest, snapshotOf, snapshotSelect } from "../external-checks/snapshot";
import { transitionClaim } from "../editorial/workflow";
import { contentText } from "../content-text";
import { list as messageList, msg, zodMessage, type Message } from "../messages";
import { causeDetail } from "./messages";
import type { ImportRecord } from "./record";
import { CHUNK, STALE_MS, countRows, externalColumns, matchSpeakers, type ImportActor } from "./stage";

/** A checkbox as a form sends it ("on"), or a boolean from code. */
const flag = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

export const confirmImportInput = z.object({
  batchId: id("importBatch"),
  version,
  allOrNothing: flag,
  /** none: unmatched claimants stay names; all: each becomes a speaker; listed: those in speakerNames. */
  createSpeakers: z.enum(["none", "all", "listed"], { error: zodMessage("msg.import.chooseSpeakers") }).default("none"),
  speakerNames: list(z.string().max(300)).pipe(z.array(z.string()).max(1_000, zodMessage("msg.import.tooManyNames", { max: 1_000 }))),
});
export interface ConfirmImportInput {
  batchId: string;
  version: number | string;
  allOrNothing?: boolean | string;
  createSpeakers?: "none" | "all" | "listed";
  speakerNames?: string[];
}

export const cancelImportInput = z.object({ batchId: id("importBatch"), version });

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  speakersCreated: number;
  /** Approved links to our claims ("also checked by") of checks this import changed: their
   * public pages keep the approved fields until a second person approves the links again. */
  linksToReapprove: number;
  /** What readers see may have changed (our own verdicts: "all"). An update of another
   * organisation's check changes no public page (its links show what was approved). */
  publicChange: "all" | { claims: string[] } | null;
  message: Message;
}

interface WriteRow {
  id: string;
  position: number;
  line: number | null;
  action: "create" | "update";
  key: string;
  data: ImportRecord;
  claimant: string | null;
  speakerId: string | null;
  targetId: string | null;
}

interface Context {
  batchId: string;
  kind: "external" | "own";
  /** Who uploaded (the verdicts' author) and who confirms. */
  uploaderId: string | null;
  confirmer: ImportActor;
  speakersToCreate: "all" | Set<string> | null;
  tally: Tally;
}

interface Tally {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  speakersCreated: number;
  linksToReapprove: number;
}

/** Chunks of own fact-checks are smaller: each is a publication of several records. */
const OWN_CHUNK = 50;
/** Chunks of own fact-checks written side by side (a 2-core machine: measured in docs/import.md). */
const OWN_WRITERS = 2;
const BATCH_TX = { timeout: 60 * 60_000, maxWait: 30_000 } as const;
const CHUNK_TX = { timeout: 10 * 60_000, maxWait: 30_000 } as const;

/** Confirms a previewed import (or resumes one whose process was stopped) and writes it. */
export async function confirmImport(
  actor: ImportActor,
  rawInput: ConfirmImportInput,
  client: Db = db,
  options: { onProgress?: (written: number, total: number) => void } = {},
): Promise<ImportResult> {
  if (!can(actor.role, "import.run")) throw new ForbiddenError(msg("msg.import.forbidden"));
  const input = confirmImportInput.parse(rawInput);
  const batch = await client.importBatch.findUnique({ where: { id: input.batchId } });
  if (!batch) throw new NotFoundError("Import");
  if (batch.kind === "own") {
    if (!can(actor.role, "import.publish")) {
      throw new ForbiddenError(msg("msg.import.publishForbidden"));
    }
    if (batch.createdById === actor.id) {
      throw new TransitionError(msg("msg.import.fourEyes"));
    }
  }
  const stalled = batch.status === "importing" && Date.now() - batch.heartbeatAt.getTime() > STALE_MS;
  if (batch.status !== "previewed" && !stalled) {
    const why = { reading: "reading", importing: "importing", done: "done", failed: "failed", cancelled: "cancelled" } as const;
    const state = why[batch.status as keyof typeof why];
    throw new TransitionError(state ? msg(`msg.import.notNow.${state}`) : msg("msg.import.notNow.other"));
  }
  const counts = await countRows(client, batch.id);
  if (input.allOrNothing && counts.invalid > 0) {
    throw new TransitionError(msg("msg.import.invalid_rows_all_or_nothing", { count: counts.invalid }));
  }
  // The version is the lock: of two confirmations, the second finds it moved on.
  const claimed = await client.importBatch.updateMany({
    where: { id: batch.id, version: input.version, status: batch.status },
    data: {
      status: "importing",
      allOrNothing: input.allOrNothing,
      confirmedById: actor.id,
      confirmedAt: new Date(),
      heartbeatAt: new Date(),
      processed: stalled ? batch.processed : 0,
      total: counts.create + counts.update,
      version: { increment: 1 },
    },
  });
  if (claimed.count === 0) throw new TransitionError(msg("msg.import.changedMeanwhile"));

  const ctx: Context = {
    batchId: batch.id,
    kind: batch.kind,
    uploaderId: batch.createdById,
    confirmer: actor,
    speakersToCreate: input.createSpeakers === "all" ? "all" : input.createSpeakers === "listed" ? new Set(input.speakerNames.map((n) => n.replace(/\s+/g, " ").trim())) : null,
    tally: { created: 0, updated: 0, unchanged: counts.unchanged, failed: 0, speakersCreated: 0, linksToReapprove: 0 },
  };
  const total = counts.create + counts.update;
  let written = stalled ? batch.processed : 0;
  const progress = async (n: number) => {
    written += n;
    await client.importBatch.update({ where: { id: batch.id }, data: { processed: written, heartbeatAt: new Date() } });
    options.onProgress?.(written, total);
  };
  const size = batch.kind === "own" ? OWN_CHUNK : CHUNK;

  try {
    if (input.allOrNothing) {
      await client.$transaction(async (tx) => {
        for await (const rows of pendingRows(tx, batch.id, size)) {
          await writeChunk(tx, ctx, rows);
          await progress(rows.length);
        }
      }, BATCH_TX);
    } else {
      // Chunks of our own verdicts are written two at a time (each is a publication of several
      // records per row, bound by round trips more than by the database); the shared generator
      // hands each chunk to one writer.
      const chunks = pendingRows(client, batch.id, size);
      const writers = Array.from({ length: batch.kind === "own" ? OWN_WRITERS : 1 }, async () => {
        for await (const rows of chunks) {
          await writeChunkOrRows(client, ctx, rows);
          await progress(rows.length);
        }
      });
      await Promise.all(writers);
    }
  } catch (error) {
    if (!input.allOrNothing) throw error;
    // All or nothing: the transaction rolled back; the batch says why.
    const failure = error instanceof RowError ? error : null;
    const params = { line: failure?.line ?? "?", message: causeDetail(failure?.cause ?? error) };
    await client.importBatch.update({
      where: { id: batch.id },
      data: { status: "failed", error: "write_failed_all_or_nothing", errorParams: params as Prisma.InputJsonValue, finishedAt: new Date(), processed: 0 },
    });
    throw new TransitionError(msg("msg.import.writeRefusedAllOrNothing", { line: params.line, detail: params.message }));
  }

  const { tally } = ctx;
  await client.importBatch.update({
    where: { id: batch.id },
    data: { status: "done", finishedAt: new Date(), heartbeatAt: new Date(), result: { ...tally } },
  });
  const publicChange: ImportResult["publicChange"] = batch.kind === "own" && tally.created ? "all" : null;
  return { ...tally, publicChange, message: msg("msg.import.done", { result: resultMessage(tally) }) };
}

/** What an import wrote, as one Message ("3 created, 1 updated, 0 unchanged"; the desk's result line). */
export function resultMessage(tally: Partial<Record<keyof Tally, number>>): Message {
  const n = (key: keyof Tally) => tally[key] ?? 0;
  return msg("msg.import.result.line", {
    parts: messageList([
      msg("msg.import.result.created", { count: n("created") }),
      msg("msg.import.result.updated", { count: n("updated") }),
      msg("msg.import.result.unchanged", { count: n("unchanged") }),
      ...(n("failed") ? [msg("msg.import.result.failed", { count: n("failed") })] : []),
      ...(n("speakersCreated") ? [msg("msg.import.result.speakersCreated", { count: n("speakersCreated") })] : []),
      ...(n("linksToReapprove") ? [msg("msg.import.result.linksToReapprove", { count: n("linksToReapprove") })] : []),
    ]),
  });
}

/** Discards a previewed import: nothing was written, the preview goes. */
export async function cancelImport(actor: ImportActor, input: { batchId: string; version: number | string }, client: Db = db): Promise<void> {
  if (!can(actor.role, "import.run")) throw new ForbiddenError();
  const { batchId, version: v } = cancelImportInput.parse(input);
  // A preview, a failed batch, or one whose reading was interrupted (its process stopped).
  const done = await client.importBatch.updateMany({
    where: {
      id: batchId,
      version: v,
      OR: [{ status: { in: ["previewed", "failed"] } }, { status: "reading", heartbeatAt: { lt: new Date(Date.now() - STALE_MS) } }],
    },
    data: { status: "cancelled", finishedAt: new Date(), version: { increment: 1 } },
  });
  if (done.count === 0) throw new TransitionError(msg("msg.import.cancelNotPossible"));
  await client.importRow.deleteMany({ where: { batchId } });
}

/** The rows still to write, a chunk at a time, in file order. */
async function* pendingRows(client: Db | Tx, batchId: string, size: number): AsyncGenerator<WriteRow[]> {
  let after = -1;
  while (true) {
    const rows = await client.importRow.findMany({
      where: { batchId, action: { in: ["create", "update"] }, done: false, position: { gt: after } },
      orderBy: { position: "asc" },
      take: size,
      select: { id: true, position: true, line: true, action: true, key: true, data: true, claimant: true, speakerId: true, targetId: true },
    });
    if (!rows.length) return;
    after = rows[rows.length - 1]!.position;
    yield rows.map((r) => ({ ...r, action: r.action as "create" | "update", key: r.key!, data: r.data as unknown as ImportRecord }));
  }
}

class RowError extends Error {
  constructor(
    readonly line: number | null,
    readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** The counts of one transaction, added to the batch's once it committed (chunks are written
 * side by side, and a chunk that rolls back counts nothing). */
function fork(ctx: Context): Context {
  return { ...ctx, tally: { created: 0, updated: 0, unchanged: 0, failed: 0, speakersCreated: 0, linksToReapprove: 0 } };
}

function merge(ctx: Context, local: Context): void {
  for (const key of Object.keys(ctx.tally) as (keyof Tally)[]) ctx.tally[key] += local.tally[key];
}

/** A chunk in one transaction; when the database refuses it, each row alone, and the refused
 * ones are reported (they stay in the preview, marked invalid with the reason). */
async function writeChunkOrRows(client: Db, ctx: Context, rows: WriteRow[]): Promise<void> {
  const attempt = async (chunk: WriteRow[]) => {
    const local = fork(ctx);
    await client.$transaction((tx) => writeChunk(tx, local, chunk), CHUNK_TX);
    merge(ctx, local);
  };
  try {
    await attempt(rows);
    return;
  } catch {
    // The chunk rolled back, its counts with it: row by row now.
  }
  for (const row of rows) {
    try {
      await attempt([row]);
    } catch (error) {
      ctx.tally.failed++;
      const cause = error instanceof RowError ? error.cause : error;
      await client.importRow.update({
        where: { id: row.id },
        data: { action: "invalid", reason: "write_failed", params: { message: causeDetail(cause) } as Prisma.InputJsonValue, done: true },
      });
    }
  }
}

async function writeChunk(tx: Tx, ctx: Context, given: WriteRow[]): Promise<void> {
  // Copies: the speakers chosen here exist only if this transaction commits.
  const rows = given.map((r) => ({ ...r }));
  await ensureSpeakers(tx, ctx, rows);
  const results = ctx.kind === "external" ? await writeExternal(tx, ctx, rows) : await writeOwn(tx, ctx, rows);
  // Done, in the same transaction as the records (one statement for the chunk).
  const ids = rows.map((r) => r.id);
  const resultIds = rows.map((r) => results.get(r.id) ?? null);
  await tx.$executeRaw`
    UPDATE "ImportRow" AS r SET done = true, "resultId" = v.result
      FROM unnest(${ids}::text[], ${resultIds}::text[]) AS v(id, result)
     WHERE r.id = v.id`;
}

/** Links rows of unmatched claimants to a speaker: one matched since the preview, or a new one
 * where the person confirming asked for it. */
async function ensureSpeakers(tx: Tx, ctx: Context, rows: WriteRow[]): Promise<void> {
  const open = rows.filter((r) => r.claimant && !r.speakerId);
  if (!open.length) return;
  const names = [...new Set(open.map((r) => r.claimant!))].sort();
  const wanted = ctx.speakersToCreate;
  // Two writers (or two imports) that would create the same speaker take turns: the second
  // then finds the first's (a lock per name, in name order, held to the end of the transaction).
  for (const name of names) {
    if (wanted && (wanted === "all" || wanted.has(name))) {
      await tx.$queryRaw`SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(${`import-speaker:${name.toLowerCase()}`}))) AS locked`;
    }
  }
  const matched = await matchSpeakers(tx, names);
  for (const name of names) {
    if (matched.has(name) || !wanted || (wanted !== "all" && !wanted.has(name))) continue;
    const kind = open.find((r) => r.claimant === name)?.data.claimantKind ?? "person";
    const created = await createSpeaker(
      { id: ctx.confirmer.id, name: "", email: "", role: ctx.confirmer.role },
      { name: name.slice(0, 200), kind, aliases: [], roles: [] },
      tx,
    );
    matched.set(name, created.id);
    ctx.tally.speakersCreated++;
  }
  for (const row of open) row.speakerId = matched.get(row.claimant!) ?? null;
}

async function writeExternal(tx: Tx, ctx: Context, rows: WriteRow[]): Promise<Map<string, string>> {
  const results = new Map<string, string>();
  const creates = rows.filter((r) => r.action === "create");
  if (creates.length) {
    const made = await insertExternal(tx, ctx.batchId, creates);
    const byKey = new Map(made.map((m) => [m.key, m.id]));
    ctx.tally.created += made.length;
    const missing = creates.filter((r) => !byKey.has(r.key));
    if (missing.length) {
      ctx.tally.unchanged += missing.length;
      const found = await tx.externalFactCheck.findMany({ where: { key: { in: missing.map((r) => r.key) } }, select: { id: true, key: true } });
      for (const f of found) byKey.set(f.key, f.id);
    }
    for (const r of creates) if (byKey.has(r.key)) results.set(r.id, byKey.get(r.key)!);
  }
  for (const r of rows.filter((row) => row.action === "update")) {
    const current = await tx.externalFactCheck.findUnique({ where: { key: r.key }, select: { id: true, speakerId: true, ...snapshotSelect } });
    if (!current) {
      // Deleted since the preview: it is created again.
      const made = await tx.externalFactCheck.create({
        data: { ...(externalColumns(r.data) as Prisma.ExternalFactCheckUncheckedCreateInput), key: r.key, speakerId: r.speakerId, importBatchId: ctx.batchId },
        select: { id: true },
      });
      ctx.tally.created++;
      results.set(r.id, made.id);
      continue;
    }
    const updated = await tx.externalFactCheck.update({
      where: { id: current.id },
      // An editor's choice of speaker stays; the import only fills an empty one.
      data: { ...(externalColumns(r.data) as Prisma.ExternalFactCheckUncheckedUpdateInput), ...(current.speakerId ? {} : { speakerId: r.speakerId }), version: { increment: 1 } },
      select: snapshotSelect,
    });
    ctx.tally.updated++;
    results.set(r.id, current.id);
    // No public page changes: a linked claim's page shows the check as a reviewer approved it
    // (ClaimExternalCheck.approved). When what it would show changed, its approved links wait
    // for a new approval (the desk's review queue lists them).
    const digest = snapshotDigest(snapshotOf(updated));
    if (digest !== snapshotDigest(snapshotOf(current))) {
      const approved = await tx.claimExternalCheck.findMany({ where: { externalCheckId: current.id, approvedAt: { not: null } }, select: { approved: true } });
      ctx.tally.linksToReapprove += approved.filter((l) => {
        const shown = readSnapshot(l.approved);
        return !shown || snapshotDigest(shown) !== digest;
      }).length;
    }
  }
  return results;
}

async function writeOwn(tx: Tx, ctx: Context, rows: WriteRow[]): Promise<Map<string, string>> {
  const results = new Map<string, string>();
  const author = { id: ctx.uploaderId ?? ctx.confirmer.id, name: "", email: "", role: "editor" as const };
  const labels = new Map((await tx.verdictLabel.findMany({ where: { active: true }, select: { id: true, key: true, nameDe: true, nameEn: true, ratingValue: true } })).map((l) => [l.id, l]));
  for (const row of rows) {
    try {
      // Imported meanwhile (another batch): nothing new.
      const existing = await tx.claim.findUnique({ where: { importKey: row.key }, select: { id: true } });
      if (existing) {
        ctx.tally.unchanged++;
        results.set(row.id, existing.id);
        continue;
      }
      const record = row.data;
      const verdictId = verdictIdOf(record, labels);
      if (!verdictId) throw new ValidationError(msg("msg.import.verdict_unknown", { rating: record.verdict ?? record.textualRating ?? "" }));
      const reviewDate = new Date(record.reviewDate!.length === 10 ? `${record.reviewDate}T00:00:00Z` : record.reviewDate!);
      const claim = await createClaim(
        author,
        {
          text: record.claimText,
          language: record.language?.slice(0, 2) ?? "de",
          claimantId: row.speakerId ?? undefined,
          claimDate: record.claimDate ? new Date(`${record.claimDate}T00:00:00Z`) : undefined,
          passages: [],
          quantityValue: undefined,
          quantityUnit: undefined,
          quantitySubject: undefined,
          quantityMeasure: undefined,
          quantityAsOf: undefined,
          researchNotes: undefined,
        },
        tx,
      );
      // The verdict as the newsroom published it, proposed by the uploader, in review.
      const proposed = await updateRecord<{ id: string; version: number }>(
        tx,
        "Claim",
        claim.id,
        1,
        author.id,
        {
          verdictId,
          summary: record.summary,
          analysis: record.analysis,
          verdictAuthorId: author.id,
          status: "in_review",
          importBatchId: ctx.batchId,
          importKey: row.key,
        },
        { action: "transition" },
      );
      // The original fact-check is its source; its summary the evidence.
      if (record.url) {
        const source = await createSource(
          author,
          {
            kind: "other",
            url: record.url,
            title: (record.title ?? record.claimText).slice(0, 500),
            publisher: record.publisherName?.slice(0, 300),
            author: undefined,
            publishedAt: new Date(`${reviewDate.toISOString().slice(0, 10)}T00:00:00Z`),
            accessedAt: undefined,
            language: record.language?.slice(0, 2) ?? "de",
            snapshotText: undefined,
          },
          tx,
        );
        await createRecord(tx, "Evidence", author.id, {
          claimId: claim.id,
          sourceId: source.id,
          stance: "context",
          excerpt: record.summary!.slice(0, 5_000),
          note: contentText(record.language?.slice(0, 2), msg("msg.import.evidenceNote")),
          createdById: author.id,
        });
      }
      // The confirmation is the approval: four eyes, the publication frozen, the original date.
      await transitionClaim(
        { id: ctx.confirmer.id, name: "", email: "", role: ctx.confirmer.role },
        { claimId: claim.id, version: proposed.version, transition: "approve", note: `Import ${ctx.batchId}` },
        tx,
        { now: reviewDate },
      );
      ctx.tally.created++;
      results.set(row.id, claim.id);
    } catch (error) {
      throw new RowError(row.line, error);
    }
  }
  return results;
}

/**
 * New external fact-checks in one statement (arrays of columns, unnest): Prisma's
 * createManyAndReturn took over a second for 500 rows. A key already there (another import of
 * the same fact-check meanwhile) is left as it is (ON CONFLICT DO NOTHING): that one stands.
 * Every value is a bound parameter.
 */
async function insertExternal(tx: Tx, batchId: string, rows: WriteRow[]): Promise<{ id: string; key: string }[]> {
  const cols = rows.map((r) => externalColumns(r.data));
  const col = <T>(f: (c: (typeof cols)[number], r: WriteRow) => T) => rows.map((r, i) => f(cols[i]!, r));
  const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : null);
  return tx.$queryRaw<{ id: string; key: string }[]>`
    INSERT INTO "ExternalFactCheck" (id, key, url, "publisherName", "publisherSite", title, "claimText", "claimantName", "claimDate", "reviewDate",
                                     "textualRating", "ratingValue", "bestRating", "worstRating", language, "speakerId", "importBatchId", "updatedAt")
    SELECT v.id, v.key, v.url, v.publisher, v.site, v.title, v.claim, v.claimant, v.claim_date::date, v.review_date::timestamptz AT TIME ZONE 'UTC',
           v.rating, v.value, v.best, v.worst, v.language, v.speaker, ${batchId}, now()
      FROM unnest(
        ${col(() => randomUUID())}::text[],
        ${col((_c, r) => r.key)}::text[],
        ${col((c) => c.url)}::text[],
        ${col((c) => c.publisherName)}::text[],
        ${col((c) => c.publisherSite)}::text[],
        ${col((c) => c.title)}::text[],
        ${col((c) => c.claimText)}::text[],
        ${col((c) => c.claimantName)}::text[],
        ${col((c) => iso(c.claimDate)?.slice(0, 10) ?? null)}::text[],
        ${col((c) => iso(c.reviewDate))}::text[],
        ${col((c) => c.textualRating)}::text[],
        ${col((c) => c.ratingValue)}::float8[],
        ${col((c) => c.bestRating)}::float8[],
        ${col((c) => c.worstRating)}::float8[],
        ${col((c) => c.language)}::text[],
        ${col((_c, r) => r.speakerId)}::text[]
      ) AS v(id, key, url, publisher, site, title, claim, claimant, claim_date, review_date, rating, value, best, worst, language, speaker)
    ON CONFLICT (key) DO NOTHING
    RETURNING id, key`;
}

function verdictIdOf(record: ImportRecord, labels: Map<string, { id: string; key: string; nameDe: string; nameEn: string; ratingValue: number | null }>): string | null {
  const fold = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  const label = record.verdict ?? record.textualRating;
  for (const l of labels.values()) if (label && [l.key, l.nameDe, l.nameEn].map(fold).includes(fold(label))) return l.id;
  if (record.ratingValue !== null) for (const l of labels.values()) if (l.ratingValue === record.ratingValue) return l.id;
  return null;
}
