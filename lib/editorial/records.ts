// Writes to editorial records, each with its revision in the same transaction and, for
// updates, optimistic concurrency: a save names the version it was based on and is refused
// with a ConflictError when the row has moved on since. Every service in lib/editorial goes
// through these three functions, so no change escapes the history.
import type { Prisma } from "../generated/prisma/client";
import { db, type Db } from "../db/client";
import { recordRevision, type EntityType, type ExtraChanges } from "../revisions";
import { ConflictError, NotFoundError } from "./errors";
import { slugify, uniqueSlug } from "../slug";

export type Tx = Prisma.TransactionClient;
type Row = Record<string, unknown> & { id: string; version?: number };

// The Prisma delegates share these methods; the generic code below only needs this much.
interface Delegate {
  findUnique(args: { where: { id: string } }): Promise<Row | null>;
  create(args: { data: unknown }): Promise<Row>;
  updateMany(args: { where: { id: string; version: number }; data: unknown }): Promise<{ count: number }>;
  delete(args: { where: { id: string } }): Promise<Row>;
  deleteMany(args: { where: { id: string; version: number } }): Promise<{ count: number }>;
}

const DELEGATES: Record<EntityType, keyof Tx> = {
  Speaker: "speaker",
  Source: "source",
  Quote: "quote",
  Claim: "claim",
  Evidence: "evidence",
  Topic: "topic",
  VerdictLabel: "verdictLabel",
  Correction: "correction",
  Article: "article",
  User: "user",
  ExternalFactCheck: "externalFactCheck",
};

function delegate(tx: Tx, type: EntityType): Delegate {
  return tx[DELEGATES[type]] as unknown as Delegate;
}

/** Runs `work` in one transaction (the unit of every write that spans records). */
/** Runs `work` in a transaction: a new one, or the caller's when `client` already is one (so
 * that a domain function such as createQuote can be one step of a larger write, article
 * acceptance for instance, with all its rules). */
export function inTransaction<T>(work: (tx: Tx) => Promise<T>, client: Db | Tx = db): Promise<T> {
  if (!("$transaction" in client)) return work(client);
  return client.$transaction(work, { timeout: 30_000, maxWait: 10_000 });
}

/**
 * The slug for `text` that no other claim (or speaker) has: the text's slug, or it with the
 * smallest free number. Two saves that may want the same slug at the same moment (a form sent
 * twice, "accept all" run twice) take turns on a transaction lock, so the second reads the
 * first's slug once it is committed and takes the next number, instead of failing on the unique
 * index. The lock is on the slug without its trailing numbers: "plan-2" is the second "Plan"
 * and also the first "Plan 2", so those two wait for each other too.
 */
export async function freeSlug(tx: Tx, table: "claim" | "speaker", text: string, exceptId?: string | null): Promise<string> {
  const base = slugify(text);
  const family = base.replace(/(?:-\d+)+$/, "");
  await tx.$queryRaw`SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(${`${table}-slug:${family}`}))) AS locked`;
  const where = { slug: { startsWith: base }, ...(exceptId ? { id: { not: exceptId } } : {}) };
  const select = { slug: true } as const;
  const rows = table === "claim" ? await tx.claim.findMany({ where, select }) : await tx.speaker.findMany({ where, select });
  const taken = new Set(rows.map((r) => r.slug));
  return uniqueSlug(base, (s) => taken.has(s));
}

/** Reads a row in the transaction, or throws NotFoundError. */
export async function load(tx: Tx, type: EntityType, id: string): Promise<Row> {
  const row = await delegate(tx, type).findUnique({ where: { id } });
  if (!row) throw new NotFoundError(type);
  return row;
}

/** The conflict as the user should see it: the row now, and who changed it last, when. */
export async function conflictFor(tx: Tx, type: EntityType, current: Row): Promise<ConflictError> {
  const last = await tx.revision.findFirst({
    where: { entityType: type, entityId: current.id },
    orderBy: { id: "desc" },
    select: { createdAt: true, user: { select: { name: true } } },
  });
  return new ConflictError({
    current: JSON.parse(JSON.stringify(current, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))),
    currentVersion: current.version ?? 0,
    changedBy: last?.user?.name ?? null,
    changedAt: last?.createdAt.toISOString() ?? null,
  });
}

/**
 * A save's changes to the record's link rows (aliases, roles, topicIds, ...), recorded as
 * fields of the record in the same revision as its own columns. Only the fields whose before
 * and after differ (compared as JSON) are recorded.
 */
export type LinkChanges = ExtraChanges;

export interface WriteOptions {
  links?: LinkChanges;
}

export interface UpdateOptions extends WriteOptions {
  action?: "update" | "transition";
}

/** Creates the row and records one "create" revision (its links with before [] or null). */
export async function createRecord<T extends Row>(
  tx: Tx,
  type: EntityType,
  userId: string | null,
  data: unknown,
  options: WriteOptions = {},
): Promise<T> {
  const row = await delegate(tx, type).create({ data });
  await recordRevision(tx, { entityType: type, entityId: row.id, action: "create", userId, before: null, after: row, extraChanges: options.links });
  return row as T;
}

/**
 * Updates the row if it is still at `expectedVersion`, bumps the version and records the
 * change: ONE revision per save, holding the changed columns and the changed `links`. A save
 * that changes only links still bumps the version (pass `data` = {}). The conditional update
 * is the guard: of two saves from the same version, the second waits for the first's row
 * lock, then matches nothing and gets the conflict. Callers write their link rows after this
 * call (same transaction), so a conflict leaves them untouched.
 *
 * The 7th argument is the options, or (older form) the action alone.
 */
export async function updateRecord<T extends Row>(
  tx: Tx,
  type: EntityType,
  id: string,
  expectedVersion: number,
  userId: string | null,
  data: Record<string, unknown>,
  options: UpdateOptions | "update" | "transition" = {},
): Promise<T> {
  const { action = "update", links } = typeof options === "string" ? { action: options } : options;
  const before = await load(tx, type, id);
  const { count } = await delegate(tx, type).updateMany({
    where: { id, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw await conflictFor(tx, type, await load(tx, type, id));
  const after = await load(tx, type, id);
  await recordRevision(tx, { entityType: type, entityId: id, action, userId, before, after, extraChanges: links });
  return after as T;
}

/**
 * Deletes the row (conditionally on `expectedVersion` unless null) and records the "delete"
 * revision. `links` are the record's link rows that go with it (before: the rows, after: []),
 * kept in the same revision.
 */
export async function deleteRecord(
  tx: Tx,
  type: EntityType,
  id: string,
  expectedVersion: number | null,
  userId: string | null,
  options: WriteOptions = {},
): Promise<void> {
  const before = await load(tx, type, id);
  if (expectedVersion !== null && before.version !== undefined) {
    // Conditional, like updateRecord: a save that lands between the read and the delete wins.
    const { count } = await delegate(tx, type).deleteMany({ where: { id, version: expectedVersion } });
    if (count === 0) throw await conflictFor(tx, type, await load(tx, type, id));
  } else await delegate(tx, type).delete({ where: { id } });
  await recordRevision(tx, { entityType: type, entityId: id, action: "delete", userId, before, after: null, extraChanges: options.links });
}
