// An import in two steps. First the file is READ into a preview (this module): every row is
// normalised, checked and classified (create, update, unchanged, duplicate, invalid, with the
// reason) and stored as an ImportRow of its batch; nothing else in the database changes. Then,
// once a person has looked at the preview and confirmed it, the rows are WRITTEN
// (./commit.ts). Both steps stream: rows are handled 500 at a time, so memory stays bounded
// whatever the file's size, and the batch's `processed` counter is the progress bar (desk and
// command alike).
import { randomUUID } from "node:crypto";
import type { Prisma } from "../generated/prisma/client";
import type { ImportKind, ImportRowAction, Role } from "../generated/prisma/enums";
import { can } from "../auth/permissions";
import { db, type Db } from "../db/client";
import { ForbiddenError, NotFoundError, TransitionError } from "../editorial/errors";
import { DEFAULT_LIMITS, readImport, type ImportFormat, type ReadLimits, type ReadMeta, type ReadRow } from "./read";
import { msg } from "../messages";
import { causeDetail, ImportFileError, importMessage, type ImportIssue, type ImportParams, type ImportText } from "./messages";
import { claimantKey, fieldName, normaliseRecord, recordKey, type ImportRecord } from "./record";

export interface ImportActor {
  id: string;
  role: Role;
}

/** Rows classified and written per round trip. */
export const CHUNK = 500;

export type ImportCounts = Record<ImportRowAction, number>;

export const ACTION_ORDER: ImportRowAction[] = ["create", "update", "unchanged", "duplicate", "invalid"];

/** Own verdicts become our published claims: the rules of a publication apply to each row. */
const OWN_LIMITS = { claimText: 2_000, summary: 2_000, analysis: 100_000 } as const;

// ---------------------------------------------------------------------------------------
// The batch

export interface NewBatch {
  kind: ImportKind;
  filename?: string | null;
  format?: ImportFormat | null;
  allOrNothing?: boolean;
}

function requireImport(actor: ImportActor): void {
  if (!can(actor.role, "import.run")) throw new ForbiddenError(msg("msg.import.forbidden"));
}

/** Starts a batch: the file is then read into it with readIntoBatch. */
export async function createImportBatch(actor: ImportActor, input: NewBatch, client: Db = db): Promise<{ id: string }> {
  requireImport(actor);
  const filename = input.filename?.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 255) || null;
  const batch = await client.importBatch.create({
    data: { kind: input.kind, filename, format: input.format ?? null, allOrNothing: input.allOrNothing ?? false, createdById: actor.id },
    select: { id: true },
  });
  return batch;
}

export interface ReadOptions {
  limits?: Partial<Omit<ReadLimits, "deadline">> & { seconds?: number };
  /** Called after each chunk with the rows read so far. */
  onProgress?: (processed: number) => void;
}

export interface BatchSummary {
  id: string;
  status: "previewed" | "failed";
  format: string | null;
  counts: ImportCounts;
  total: number;
  error: ImportIssue | null;
}

/**
 * Reads the file into the batch's preview. A file that cannot be read (not UTF-8, too large,
 * broken structure, no fact-check in it) leaves the batch failed, with the reason and no rows:
 * nothing of it can be imported. Bad rows of a readable file are rows like the others, marked
 * invalid with their line and reason.
 */
export async function readIntoBatch(
  batchId: string,
  source: AsyncIterable<Uint8Array | string>,
  options: ReadOptions = {},
  client: Db = db,
): Promise<BatchSummary> {
  const batch = await client.importBatch.findUnique({ where: { id: batchId }, select: { id: true, kind: true, status: true, format: true, processed: true } });
  if (!batch) throw new NotFoundError("Import");
  // One reader per batch: the conditional update is the lock (a second upload is refused).
  const claimed = await client.importBatch.updateMany({ where: { id: batchId, status: "reading", processed: 0, total: 0 }, data: { total: -1, heartbeatAt: new Date() } });
  if (claimed.count === 0) throw new TransitionError(msg("msg.import.alreadyRead"));

  const seconds = options.limits?.seconds ?? DEFAULT_LIMITS.seconds;
  const limits: ReadLimits = {
    maxBytes: options.limits?.maxBytes ?? DEFAULT_LIMITS.maxBytes,
    maxRows: options.limits?.maxRows ?? DEFAULT_LIMITS.maxRows,
    seconds,
    deadline: Date.now() + seconds * 1000,
  };
  const meta: ReadMeta = { format: (batch.format as ImportFormat | null) ?? null, notes: [] };
  const classifier = await Classifier.create(client, batch.id, batch.kind);
  let bytes = 0;
  async function* counted() {
    for await (const chunk of source) {
      bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength;
      yield chunk;
    }
  }
  let position = 0;
  let pending: (ReadRow & { position: number })[] = [];
  const flush = async () => {
    if (!pending.length) return;
    await classifier.classifyAndStore(pending);
    pending = [];
    await client.importBatch.update({ where: { id: batchId }, data: { processed: position, heartbeatAt: new Date() } });
    options.onProgress?.(position);
  };
  try {
    for await (const row of readImport(counted(), { format: meta.format, limits }, meta)) {
      pending.push({ ...row, position: position++ });
      if (pending.length >= CHUNK) await flush();
    }
    await flush();
  } catch (error) {
    if (!(error instanceof ImportFileError)) {
      await client.importBatch.update({
        where: { id: batchId },
        data: { status: "failed", error: "write_failed", errorParams: { message: causeDetail(error) } as Prisma.InputJsonValue },
      });
      throw error;
    }
    // Nothing of an unreadable file is kept: its rows go, the reason stays.
    await client.importRow.deleteMany({ where: { batchId } });
    await client.importBatch.update({
      where: { id: batchId },
      data: { status: "failed", error: error.code, errorParams: error.params as Prisma.InputJsonValue, format: meta.format, bytes, processed: 0, total: 0, finishedAt: new Date() },
    });
    return { id: batchId, status: "failed", format: meta.format, counts: emptyCounts(), total: 0, error: { code: error.code, params: error.params } };
  }
  const counts = await countRows(client, batchId);
  await client.importBatch.update({
    where: { id: batchId },
    data: {
      status: "previewed",
      format: meta.format,
      bytes,
      processed: position,
      total: position,
      counts: { ...counts, notes: meta.notes } as unknown as Prisma.InputJsonValue,
      heartbeatAt: new Date(),
    },
  });
  return { id: batchId, status: "previewed", format: meta.format, counts, total: position, error: null };
}

const emptyCounts = (): ImportCounts => ({ create: 0, update: 0, unchanged: 0, duplicate: 0, invalid: 0 });

export async function countRows(client: Db | Prisma.TransactionClient, batchId: string): Promise<ImportCounts> {
  const groups = await client.importRow.groupBy({ by: ["action"], where: { batchId }, _count: { _all: true } });
  const counts = emptyCounts();
  for (const g of groups) counts[g.action] = g._count._all;
  return counts;
}

// ---------------------------------------------------------------------------------------
// Classifying rows

interface Verdict {
  id: string;
  key: string;
  names: string[];
  ratingValue: number | null;
}

const fold = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();

/** The fields an update of an external fact-check compares (and writes). */
export const EXTERNAL_FIELDS = [
  "url",
  "publisherName",
  "publisherSite",
  "title",
  "claimText",
  "claimantName",
  "claimDate",
  "reviewDate",
  "textualRating",
  "ratingValue",
  "bestRating",
  "worstRating",
  "language",
] as const;
type ExternalField = (typeof EXTERNAL_FIELDS)[number];

/** The record's values as ExternalFactCheck columns (dates as Date). */
export function externalColumns(record: ImportRecord): Record<ExternalField, string | number | Date | null> {
  return {
    url: record.url,
    publisherName: record.publisherName ?? record.publisherSite ?? "",
    publisherSite: record.publisherSite,
    title: record.title,
    claimText: record.claimText,
    claimantName: record.claimantName,
    claimDate: record.claimDate ? new Date(`${record.claimDate}T00:00:00Z`) : null,
    reviewDate: record.reviewDate ? new Date(record.reviewDate.length === 10 ? `${record.reviewDate}T00:00:00Z` : record.reviewDate) : null,
    textualRating: record.textualRating,
    ratingValue: record.ratingValue,
    bestRating: record.bestRating,
    worstRating: record.worstRating,
    language: record.language,
  };
}

const comparable = (v: unknown) => (v instanceof Date ? v.toISOString() : v ?? null);

/** The columns whose values differ between an external fact-check and a record. */
export function changedFields(existing: Record<string, unknown>, record: ImportRecord): ExternalField[] {
  const next = externalColumns(record);
  return EXTERNAL_FIELDS.filter((f) => comparable(existing[f]) !== comparable(next[f]));
}

const FIELD_LABELS: Record<ExternalField, string> = {
  url: "url",
  publisherName: "publisher",
  publisherSite: "publisher_site",
  title: "title",
  claimText: "claim",
  claimantName: "claimant",
  claimDate: "claim_date",
  reviewDate: "review_date",
  textualRating: "rating",
  ratingValue: "rating_value",
  bestRating: "best_rating",
  worstRating: "worst_rating",
  language: "language",
};

/** The claimants' names (whitespace collapsed) → our speaker, matched exactly by name or alias,
 * ignoring case and accents. A name that matches two speakers matches none (ambiguous). */
export async function matchSpeakers(client: Db | Prisma.TransactionClient, names: string[]): Promise<Map<string, string>> {
  const matched = new Map<string, string>();
  if (!names.length) return matched;
  const rows = await client.$queryRaw<{ name: string; ids: string[] }[]>`
    SELECT n.name, array_agg(DISTINCT m.id) AS ids
      FROM unnest(${names}::text[]) AS n(name)
      JOIN LATERAL (
        SELECT s.id FROM "Speaker" s WHERE lower(claimbase_unaccent(s.name)) = lower(claimbase_unaccent(n.name))
        UNION
        SELECT a."speakerId" FROM "SpeakerAlias" a WHERE lower(claimbase_unaccent(a.alias)) = lower(claimbase_unaccent(n.name))
      ) m ON true
     GROUP BY n.name`;
  for (const row of rows) if (row.ids.length === 1) matched.set(row.name, row.ids[0]!);
  return matched;
}

interface StagedRow {
  position: number;
  line: number;
  action: ImportRowAction;
  reason: string | null;
  params: ImportParams | null;
  key: string | null;
  data: ImportRecord | null;
  claimant: string | null;
  speakerId: string | null;
  targetId: string | null;
  notes?: string[];
}

class Classifier {
  private speakerCache = new Map<string, string | null>();

  private constructor(
    private client: Db,
    private batchId: string,
    private kind: ImportKind,
    private verdicts: Verdict[],
    private scale: { best: number; worst: number } | null,
  ) {}

  static async create(client: Db, batchId: string, kind: ImportKind): Promise<Classifier> {
    const labels =
      kind === "own"
        ? await client.verdictLabel.findMany({ where: { active: true }, select: { id: true, key: true, nameDe: true, nameEn: true, ratingValue: true } })
        : [];
    const values = labels.map((l) => l.ratingValue).filter((v): v is number => v !== null);
    return new Classifier(
      client,
      batchId,
      kind,
      labels.map((l) => ({ id: l.id, key: l.key, names: [l.key, l.nameDe, l.nameEn].map(fold), ratingValue: l.ratingValue })),
      values.length ? { best: Math.max(...values), worst: Math.min(...values) } : null,
    );
  }

  /** Our verdict label for an own fact-check's rating: by key or name, else by number on our scale. */
  private verdictOf(record: ImportRecord): { id: string } | ImportIssue {
    const label = record.verdict ?? record.textualRating;
    if (label) {
      const match = this.verdicts.find((v) => v.names.includes(fold(label)));
      if (match) return { id: match.id };
    }
    const sameScale =
      this.scale && (record.bestRating ?? this.scale.best) === this.scale.best && (record.worstRating ?? this.scale.worst) === this.scale.worst;
    if (record.ratingValue !== null && sameScale) {
      const match = this.verdicts.find((v) => v.ratingValue === record.ratingValue);
      if (match) return { id: match.id };
    }
    if (!label && record.ratingValue === null) return { code: "verdict_missing" };
    return { code: "verdict_unknown", params: { rating: (label ?? String(record.ratingValue)).slice(0, 100) } };
  }

  /** The checks of a publication, for our own fact-checks. */
  private ownProblem(record: ImportRecord): ImportIssue | { verdictId: string } {
    if (record.claimText.length > OWN_LIMITS.claimText) {
      return { code: "too_long", params: { field: fieldName("claimText"), length: record.claimText.length, max: OWN_LIMITS.claimText } };
    }
    const verdict = this.verdictOf(record);
    if ("code" in verdict) return verdict;
    if (!record.summary) return { code: "summary_missing" };
    if (record.summary.length > OWN_LIMITS.summary) {
      return { code: "too_long", params: { field: fieldName("summary"), length: record.summary.length, max: OWN_LIMITS.summary } };
    }
    if (!record.reviewDate) return { code: "review_date_missing" };
    return { verdictId: verdict.id };
  }

  private async speakersOf(names: string[]): Promise<void> {
    const unknown = [...new Set(names)].filter((n) => !this.speakerCache.has(n));
    if (!unknown.length) return;
    if (this.speakerCache.size > 20_000) this.speakerCache.clear(); // bounded, whatever the file
    const matched = await matchSpeakers(this.client, unknown);
    for (const name of unknown) this.speakerCache.set(name, matched.get(name) ?? null);
  }

  async classifyAndStore(rows: (ReadRow & { position: number })[]): Promise<void> {
    const staged: StagedRow[] = [];
    for (const row of rows) {
      const base = { position: row.position, line: row.line, key: null, data: null, claimant: null, speakerId: null, targetId: null };
      if (row.issue || !row.raw) {
        const issue = row.issue ?? { code: "bad_json" as const };
        staged.push({ ...base, action: "invalid", reason: issue.code, params: issue.params ?? null });
        continue;
      }
      const normal = normaliseRecord(row.raw, { kind: this.kind });
      if (!normal.ok) {
        staged.push({ ...base, action: "invalid", reason: normal.issue.code, params: normal.issue.params ?? null });
        continue;
      }
      const record = normal.record;
      if (this.kind === "own") {
        const problem = this.ownProblem(record);
        if ("code" in problem) {
          staged.push({ ...base, action: "invalid", reason: problem.code, params: problem.params ?? null, data: record });
          continue;
        }
      }
      staged.push({
        ...base,
        action: "create",
        reason: null,
        params: null,
        key: recordKey(record),
        data: record,
        claimant: record.claimantName ? claimantKey(record.claimantName) : null,
        notes: row.notes,
      });
    }

    const valid = staged.filter((s) => s.action === "create");
    const keys = [...new Set(valid.map((s) => s.key!))];
    // The same fact-check earlier in the file (an earlier chunk, or this one).
    const earlier = new Map<string, number>();
    if (keys.length) {
      const rows = await this.client.importRow.findMany({
        where: { batchId: this.batchId, key: { in: keys }, action: { in: ["create", "update", "unchanged"] } },
        select: { key: true, line: true },
        orderBy: { position: "asc" },
      });
      for (const r of rows) if (r.key && !earlier.has(r.key)) earlier.set(r.key, r.line ?? 0);
    }
    // Already in the database.
    const existing = new Map<string, Record<string, unknown> & { id: string }>();
    if (keys.length && this.kind === "external") {
      const found = await this.client.externalFactCheck.findMany({
        where: { key: { in: keys } },
        select: { id: true, key: true, ...Object.fromEntries(EXTERNAL_FIELDS.map((f) => [f, true])) },
      });
      for (const f of found) existing.set(f.key, f as unknown as Record<string, unknown> & { id: string });
    } else if (keys.length) {
      const found = await this.client.claim.findMany({ where: { importKey: { in: keys } }, select: { id: true, importKey: true } });
      for (const c of found) existing.set(c.importKey!, { id: c.id });
    }
    await this.speakersOf(valid.map((s) => s.claimant).filter((n): n is string => n !== null));

    for (const s of valid) {
      const line = earlier.get(s.key!);
      if (line !== undefined) {
        s.action = "duplicate";
        s.reason = "duplicate_in_file";
        s.params = { line };
        continue;
      }
      earlier.set(s.key!, s.line);
      s.speakerId = s.claimant ? (this.speakerCache.get(s.claimant) ?? null) : null;
      const found = existing.get(s.key!);
      if (!found) continue;
      s.targetId = found.id;
      if (this.kind === "own") {
        s.action = "unchanged";
        s.reason = "claim_exists";
        continue;
      }
      const changed = changedFields(found, s.data!);
      if (changed.length === 0) {
        s.action = "unchanged";
        s.reason = "exists_same";
      } else {
        s.action = "update";
        s.reason = "exists_changed";
        s.params = { fields: changed.map((f) => FIELD_LABELS[f]).join(", ") };
      }
    }

    await insertRows(this.client, this.batchId, staged);
  }
}

/**
 * The staged rows in one statement (arrays of columns, unnest): Prisma's createMany of 500 rows
 * with JSON took over a second; this takes a few milliseconds. Every value is a bound parameter.
 */
async function insertRows(client: Db, batchId: string, staged: StagedRow[]): Promise<void> {
  const col = <T>(f: (s: StagedRow) => T) => staged.map(f);
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  await client.$executeRaw`
    INSERT INTO "ImportRow" (id, "batchId", position, line, action, reason, params, key, data, claimant, "speakerId", "targetId")
    SELECT v.id, ${batchId}, v.position, v.line, v.action::"ImportRowAction", v.reason, v.params::jsonb, v.key, v.data::jsonb, v.claimant, v.speaker, v.target
      FROM unnest(
        ${col(() => randomUUID())}::text[],
        ${col((s) => s.position)}::int[],
        ${col((s) => s.line)}::int[],
        ${col((s) => s.action)}::text[],
        ${col((s) => s.reason)}::text[],
        ${col((s) => json(s.notes?.length ? { ...(s.params ?? {}), notes: s.notes.join(" · ").slice(0, 2_000) } : s.params))}::text[],
        ${col((s) => s.key)}::text[],
        ${col((s) => json(s.data))}::text[],
        ${col((s) => s.claimant)}::text[],
        ${col((s) => s.speakerId)}::text[],
        ${col((s) => s.targetId)}::text[]
      ) AS v(id, position, line, action, reason, params, key, data, claimant, speaker, target)`;
}

// ---------------------------------------------------------------------------------------
// Reading the preview

export interface PreviewRow {
  position: number;
  line: number | null;
  action: ImportRowAction;
  /** Why the row is what it is (null: a new row with nothing to say). */
  message: ImportText | null;
  reason: string | null;
  params: ImportParams | null;
  claimText: string | null;
  publisher: string | null;
  rating: string | null;
  url: string | null;
  claimant: string | null;
  speaker: { id: string; name: string } | null;
  done: boolean;
  resultId: string | null;
}

export interface BatchView {
  id: string;
  kind: ImportKind;
  format: string | null;
  filename: string | null;
  bytes: number;
  status: string;
  allOrNothing: boolean;
  processed: number;
  total: number;
  counts: ImportCounts;
  notes: ImportText[];
  result: Record<string, number> | null;
  error: ImportText | null;
  /** The code of `error` (as stored). */
  errorCode: string | null;
  createdBy: { id: string; name: string } | null;
  confirmedBy: { id: string; name: string } | null;
  createdAt: Date;
  confirmedAt: Date | null;
  finishedAt: Date | null;
  heartbeatAt: Date;
  /** Reading or writing, but no sign of life for STALE_MS: the process was stopped. */
  stalled: boolean;
  version: number;
}

/** A batch whose process has shown no sign of life for this long was stopped. */
export const STALE_MS = 2 * 60_000;

export async function getImportBatch(batchId: string, client: Db = db): Promise<BatchView | null> {
  const b = await client.importBatch.findUnique({
    where: { id: batchId },
    include: { createdBy: { select: { id: true, name: true } }, confirmedBy: { select: { id: true, name: true } } },
  });
  if (!b) return null;
  const raw = (b.counts ?? {}) as Partial<ImportCounts> & { notes?: ImportIssue[] };
  const counts = emptyCounts();
  for (const a of ACTION_ORDER) counts[a] = Number(raw[a] ?? 0);
  const active = b.status === "reading" || b.status === "importing";
  return {
    id: b.id,
    kind: b.kind,
    format: b.format,
    filename: b.filename,
    bytes: Number(b.bytes),
    status: b.status,
    allOrNothing: b.allOrNothing,
    processed: b.processed,
    total: Math.max(0, b.total),
    counts,
    notes: (raw.notes ?? []).map((n) => importMessage(n.code, n.params)),
    result: (b.result as Record<string, number> | null) ?? null,
    error: b.error ? importMessage(b.error, b.errorParams as ImportParams | null) : null,
    errorCode: b.error,
    createdBy: b.createdBy,
    confirmedBy: b.confirmedBy,
    createdAt: b.createdAt,
    confirmedAt: b.confirmedAt,
    finishedAt: b.finishedAt,
    heartbeatAt: b.heartbeatAt,
    stalled: active && Date.now() - b.heartbeatAt.getTime() > STALE_MS,
    version: b.version,
  };
}

export const PREVIEW_PAGE_SIZE = 100;

/** One page of the preview's rows, in file order, optionally of one action only. */
export async function previewRows(
  batchId: string,
  options: { action?: ImportRowAction; page?: number; pageSize?: number } = {},
  client: Db = db,
): Promise<{ rows: PreviewRow[]; total: number }> {
  const pageSize = Math.min(Math.max(1, options.pageSize ?? PREVIEW_PAGE_SIZE), 500);
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const where = { batchId, ...(options.action ? { action: options.action } : {}) };
  const [rows, total] = await Promise.all([
    client.importRow.findMany({ where, orderBy: { position: "asc" }, skip: (page - 1) * pageSize, take: pageSize }),
    client.importRow.count({ where }),
  ]);
  const speakerIds = [...new Set(rows.map((r) => r.speakerId).filter((id): id is string => id !== null))];
  const speakers = new Map(
    (await client.speaker.findMany({ where: { id: { in: speakerIds } }, select: { id: true, name: true } })).map((s) => [s.id, s]),
  );
  return {
    total,
    rows: rows.map((r) => {
      const data = r.data as ImportRecord | null;
      const params = (r.params as ImportParams | null) ?? null;
      return {
        position: r.position,
        line: r.line,
        action: r.action,
        reason: r.reason,
        params,
        message: r.reason ? importMessage(r.reason, params) : null,
        claimText: data?.claimText ?? null,
        publisher: data?.publisherName ?? null,
        rating: data ? (data.verdict ?? data.textualRating ?? (data.ratingValue !== null ? String(data.ratingValue) : null)) : null,
        url: data?.url ?? null,
        claimant: r.claimant,
        speaker: r.speakerId ? (speakers.get(r.speakerId) ?? null) : null,
        done: r.done,
        resultId: r.resultId,
      };
    }),
  };
}

/** The claimants of the rows to write that match none of our speakers, with their row counts:
 * the desk offers to create them (new speakers only on confirmation). */
export async function unknownClaimants(batchId: string, limit = 200, client: Db = db): Promise<{ name: string; rows: number }[]> {
  const groups = await client.importRow.groupBy({
    by: ["claimant"],
    where: { batchId, speakerId: null, claimant: { not: null }, action: { in: ["create", "update"] } },
    _count: { _all: true },
    orderBy: [{ _count: { claimant: "desc" } }, { claimant: "asc" }],
    take: Math.min(Math.max(1, limit), 1_000),
  });
  return groups.map((g) => ({ name: g.claimant!, rows: g._count._all }));
}

export async function listImportBatches(client: Db = db, take = 50) {
  return client.importBatch.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      kind: true,
      status: true,
      filename: true,
      format: true,
      total: true,
      counts: true,
      result: true,
      createdAt: true,
      finishedAt: true,
      createdBy: { select: { name: true } },
    },
  });
}
