// The revision log: every create, update, delete and transition of an editorial record is
// written here, in the same transaction as the change (pass the transaction client).
import type { Prisma } from "./generated/prisma/client";
import { db as defaultDb, type Db } from "./db/client";

export type EntityType =
  | "Speaker"
  | "Source"
  | "Quote"
  | "Claim"
  | "Evidence"
  | "Topic"
  | "VerdictLabel"
  | "Correction"
  | "Article"
  | "User"
  | "ExternalFactCheck";

type Plain = Record<string, unknown>;

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (value !== null && typeof value === "object" && "toFixed" in value) return String(value); // Decimal
  return value ?? null;
}

/** {field: {before, after}} for every field whose value differs. */
export function fieldChanges(before: Plain | null, after: Plain | null): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (key === "updatedAt" || key === "version" || key.startsWith("search")) continue;
    const b = normalise(before?.[key]);
    const a = normalise(after?.[key]);
    if (JSON.stringify(b) !== JSON.stringify(a)) changes[key] = { before: b, after: a };
  }
  return changes;
}

/** The changes of fields that are not columns of the row (link rows: aliases, topicIds, ...). */
export type ExtraChanges = Record<string, { before: unknown; after: unknown }>;

/** The entries of `extra` whose before and after differ (compared as JSON), normalised. */
export function changedOnly(extra: ExtraChanges | undefined): ExtraChanges {
  const changes: ExtraChanges = {};
  for (const [key, { before, after }] of Object.entries(extra ?? {})) {
    const b = normalise(before);
    const a = normalise(after);
    if (JSON.stringify(b) !== JSON.stringify(a)) changes[key] = { before: b, after: a };
  }
  return changes;
}

/**
 * Writes one revision: the fields of the row that differ between `before` and `after`, and
 * the `extraChanges` that differ (a save's link rows, recorded as fields of the same record).
 */
export async function recordRevision(
  tx: Prisma.TransactionClient,
  entry: {
    entityType: EntityType;
    entityId: string;
    action: "create" | "update" | "delete" | "transition";
    userId: string | null;
    before: Plain | null;
    after: Plain | null;
    version?: number | null;
    extraChanges?: ExtraChanges;
  },
): Promise<void> {
  await tx.revision.create({
    data: {
      entityType: entry.entityType,
      entityId: entry.entityId,
      action: entry.action,
      userId: entry.userId,
      version: entry.version ?? (entry.after?.version as number | undefined) ?? null,
      changes: { ...fieldChanges(entry.before, entry.after), ...changedOnly(entry.extraChanges) } as Prisma.InputJsonValue,
    },
  });
}

/** One revision as a record's history shows it (components/admin/RecordHistory.tsx). */
export interface RevisionSummary {
  id: string;
  action: string;
  version: number | null;
  at: Date;
  userId: string | null;
  /** The author's name; null for the system or a deleted account. */
  who: string | null;
  changes: Record<string, { before: unknown; after: unknown }>;
}

/** The latest `limit` revisions of one record, newest first. */
export async function recentRevisions(entityType: EntityType, entityId: string, limit = 20, client: Db = defaultDb): Promise<RevisionSummary[]> {
  const rows = await client.revision.findMany({
    where: { entityType, entityId },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, action: true, version: true, createdAt: true, changes: true, userId: true, user: { select: { name: true } } },
  });
  return rows.map((row) => ({
    id: row.id.toString(),
    action: row.action,
    version: row.version,
    at: row.createdAt,
    userId: row.userId,
    who: row.user?.name ?? null,
    changes: row.changes && typeof row.changes === "object" && !Array.isArray(row.changes) ? (row.changes as RevisionSummary["changes"]) : {},
  }));
}
