// The security log (AuditEvent): sign-ins, failures, blocked attempts, account changes,
// password resets. Editorial changes are in the revision log (lib/revisions.ts); the audit
// page (/admin/audit) shows both, read through the functions below. AuditEvent.userId is the
// account concerned (the one signing in, or the account an admin changed); for changes made by
// an admin, details.by / details.byName name the admin.
import type { Prisma } from "../generated/prisma/client";
import { db, type Db } from "../db/client";
import type { EntityType } from "../revisions";

// Actions written by the app (one place, so the audit page can offer them as a filter; their
// names for people are in the catalogues, desk.audit.action.*):
export const AUDIT_ACTIONS = [
  "signin.success",
  "signin.failure",
  "signin.blocked",
  "sessions.ended_all",
  "two_factor.enabled",
  "two_factor.disabled",
  "two_factor.recovery_codes_renewed",
  "two_factor.reset",
  "two_factor.required_changed",
  "user.created",
  "user.role_changed",
  "user.deactivated",
  "user.reactivated",
  "user.password_changed",
  "user.password_reset_issued",
  "user.password_reset_used",
  "password_reset.failure",
  "password_reset.blocked",
  "password_change.failure",
  "password_change.blocked",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

type Writer = Pick<Prisma.TransactionClient, "auditEvent">;

export interface AuditInput {
  action: AuditAction;
  userId?: string | null;
  email?: string | null;
  ip?: string | null;
  details?: Prisma.InputJsonValue;
}

/** Writes one event; pass the transaction client to write it together with the change. */
export async function writeAuditEvent(client: Writer, entry: AuditInput): Promise<void> {
  await client.auditEvent.create({
    data: {
      action: entry.action,
      userId: entry.userId ?? null,
      email: entry.email ?? null,
      ip: entry.ip ?? null,
      details: entry.details,
    },
  });
}

/**
 * Writes an event outside any transaction, never failing the caller: a failed sign-in must be
 * answered even when the log cannot be written (the failure goes to the server log).
 */
export async function tryWriteAuditEvent(client: Writer, entry: AuditInput): Promise<void> {
  try {
    await writeAuditEvent(client, entry);
  } catch (error) {
    console.error("Could not write the audit event", entry.action, error);
  }
}

// ── Reading both logs for /admin/audit ──────────────────────────────────────────────────────

/** The audit page shows 50 entries a page (more than the 25 of editorial lists: log lines are short). */
export const PAGE_SIZE_LOG = 50;

interface LogUser {
  id: string;
  name: string;
  email: string;
}

export interface AuditEntry {
  id: string;
  action: string;
  createdAt: Date;
  user: LogUser | null;
  email: string | null;
  ip: string | null;
  details: unknown;
}

export interface RevisionEntry {
  id: string;
  action: string;
  createdAt: Date;
  user: LogUser | null;
  entityType: EntityType;
  entityId: string;
  version: number | null;
  changes: Record<string, { before: unknown; after: unknown }>;
}

export interface LogFilter {
  userId?: string;
  action?: string;
  /** Inclusive bounds. */
  from?: Date;
  to?: Date;
  /** Revisions only. */
  entityType?: string;
  entityId?: string;
  /** Security events only: part of the e-mail or the address. */
  q?: string;
  page: number;
}

export async function listAuditEvents(filter: LogFilter, client: Db = db) {
  const where: Prisma.AuditEventWhereInput = {
    ...(filter.userId ? { userId: filter.userId } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.from || filter.to ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } } : {}),
    ...(filter.q
      ? { OR: [{ email: { contains: filter.q, mode: "insensitive" as const } }, { ip: { contains: filter.q } }] }
      : {}),
  };
  const [rows, total] = await Promise.all([
    client.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * PAGE_SIZE_LOG,
      take: PAGE_SIZE_LOG,
      include: { user: { select: { id: true, name: true, email: true } } },
    }),
    client.auditEvent.count({ where }),
  ]);
  const items: AuditEntry[] = rows.map((r) => ({
    id: r.id.toString(),
    action: r.action,
    createdAt: r.createdAt,
    user: r.user,
    email: r.email,
    ip: r.ip,
    details: r.details,
  }));
  return { items, total, page: filter.page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE_LOG)) };
}

export async function listRevisionEntries(filter: LogFilter, client: Db = db) {
  const where: Prisma.RevisionWhereInput = {
    ...(filter.userId ? { userId: filter.userId } : {}),
    ...(filter.action ? { action: filter.action as Prisma.RevisionWhereInput["action"] } : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.entityId ? { entityId: filter.entityId } : {}),
    ...(filter.from || filter.to ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } } : {}),
  };
  const [rows, total] = await Promise.all([
    client.revision.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * PAGE_SIZE_LOG,
      take: PAGE_SIZE_LOG,
      include: { user: { select: { id: true, name: true, email: true } } },
    }),
    client.revision.count({ where }),
  ]);
  const items: RevisionEntry[] = rows.map((r) => ({
    id: r.id.toString(),
    action: r.action,
    createdAt: r.createdAt,
    user: r.user,
    entityType: r.entityType as EntityType,
    entityId: r.entityId,
    version: r.version,
    changes: (r.changes ?? {}) as Record<string, { before: unknown; after: unknown }>,
  }));
  return { items, total, page: filter.page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE_LOG)) };
}

// ── Date filters: calendar days in the newsroom's time zone ────────────────────────────────────

const BERLIN_PARTS = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Berlin",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** How far Berlin's wall clock is ahead of UTC at `at` (1 or 2 hours). */
function berlinOffsetMs(at: Date): number {
  const parts = BERLIN_PARTS.formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - (at.getTime() - at.getUTCMilliseconds());
}

/** 00:00 in Berlin on the day `ymd` (YYYY-MM-DD), or undefined for anything else. */
export function berlinDayStart(ymd: string | undefined): Date | undefined {
  if (!ymd || !/^\d{4}-\d{2}-\d{2}$/.test(ymd)) return undefined;
  const utcMidnight = Date.parse(`${ymd}T00:00:00Z`);
  if (Number.isNaN(utcMidnight)) return undefined;
  return new Date(utcMidnight - berlinOffsetMs(new Date(utcMidnight)));
}

/** The last millisecond of the day `ymd` in Berlin. */
export function berlinDayEnd(ymd: string | undefined): Date | undefined {
  const start = berlinDayStart(ymd);
  if (!start) return undefined;
  const next = new Date(Date.parse(`${ymd}T00:00:00Z`) + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return new Date(berlinDayStart(next)!.getTime() - 1);
}
