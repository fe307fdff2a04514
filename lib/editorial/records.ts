// Writes to editorial records, each with its revision in the same transaction and, for
// updates, optimistic concurrency: a save names the version it was based on and is refused
// with a ConflictError when the row has moved on since. Every service in lib/editorial goes
// through these three functions, so no change escapes the history.
import type { Prisma } from "../generated/prisma/client";
import { db } from "../db/client";
import { recordRevision, type EntityType } from "../revisions";
import { ConflictError, NotFoundError } from "./errors";

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
};

const NAMES: Record<EntityType, string> = {
  Speaker: "Der Sprecher",
  Source: "Die Quelle",
  Quote: "Das Zitat",
  Claim: "Die Behauptung",
  Evidence: "Der Beleg",
  Topic: "Das Thema",
  VerdictLabel: "Die Bewertungsstufe",
  Correction: "Die Korrektur",
  Article: "Der Artikel",
  User: "Das Konto",
};

function delegate(tx: Tx, type: EntityType): Delegate {
  return tx[DELEGATES[type]] as unknown as Delegate;
}

/** Runs `work` in one transaction (the unit of every write that spans records). */
export function inTransaction<T>(work: (tx: Tx) => Promise<T>, client = db): Promise<T> {
  return client.$transaction(work, { timeout: 30_000, maxWait: 10_000 });
}

/** Reads a row in the transaction, or throws NotFoundError. */
export async function load(tx: Tx, type: EntityType, id: string): Promise<Row> {
  const row = await delegate(tx, type).findUnique({ where: { id } });
  if (!row) throw new NotFoundError(NAMES[type]);
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

export async function createRecord<T extends Row>(
  tx: Tx,
  type: EntityType,
  userId: string | null,
  data: unknown,
): Promise<T> {
  const row = await delegate(tx, type).create({ data });
  await recordRevision(tx, { entityType: type, entityId: row.id, action: "create", userId, before: null, after: row });
  return row as T;
}

/**
 * Updates the row if it is still at `expectedVersion`, bumps the version and records the
 * change. The conditional update is the guard: of two saves from the same version, the
 * second waits for the first's row lock, then matches nothing and gets the conflict.
 */
export async function updateRecord<T extends Row>(
  tx: Tx,
  type: EntityType,
  id: string,
  expectedVersion: number,
  userId: string | null,
  data: Record<string, unknown>,
  action: "update" | "transition" = "update",
): Promise<T> {
  const before = await load(tx, type, id);
  const { count } = await delegate(tx, type).updateMany({
    where: { id, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw await conflictFor(tx, type, await load(tx, type, id));
  const after = await load(tx, type, id);
  await recordRevision(tx, { entityType: type, entityId: id, action, userId, before, after });
  return after as T;
}

export async function deleteRecord(tx: Tx, type: EntityType, id: string, expectedVersion: number | null, userId: string | null): Promise<void> {
  const before = await load(tx, type, id);
  if (expectedVersion !== null && before.version !== undefined) {
    // Conditional, like updateRecord: a save that lands between the read and the delete wins.
    const { count } = await delegate(tx, type).deleteMany({ where: { id, version: expectedVersion } });
    if (count === 0) throw await conflictFor(tx, type, await load(tx, type, id));
  } else await delegate(tx, type).delete({ where: { id } });
  await recordRevision(tx, { entityType: type, entityId: id, action: "delete", userId, before, after: null });
}

/** Records a change to a record's links (topics, quotes, aliases, ...) as a field of it. */
export async function recordLinkChange(
  tx: Tx,
  type: EntityType,
  id: string,
  userId: string | null,
  field: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  await recordRevision(tx, { entityType: type, entityId: id, action: "update", userId, before: { [field]: before }, after: { [field]: after } });
}
