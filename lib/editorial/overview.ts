// The desk's overview (app/(desk)/admin/page.tsx): what the signed-in person should look at.
// - My open work: claims assigned to me or created by me that somebody still works on
//   (OPEN_CLAIM_STATUSES: not public yet, or a correction not yet approved).
// - What changed since my last visit: records others changed (the revision log) since the
//   visit before this one, one row per record, the latest change first. Evidence counts as a
//   change of its claim.
// - Stale drafts: drafts nobody has saved for a week (STALE_AFTER_DAYS), the oldest first.
// Each section is bounded (OVERVIEW_ROWS rows, and how many there are in all); the page links
// to the full lists. A fixed number of queries whatever the number of rows.
//
// Visits: User.lastVisitAt is the latest visit of the overview, User.previousVisitAt the end
// of the one before. Loads of the overview less than VISIT_GAP_MINUTES apart are one visit, so
// a reload does not empty "changed since your last visit".
import type { ClaimStatus } from "../generated/prisma/enums";
import type { SessionUser } from "../auth/session";
import { db, type Db } from "../db/client";
import { DESK_COUNT_LIMIT } from "./listing";
import { OPEN_CLAIM_STATUSES } from "./status";

export const OVERVIEW_ROWS = 10;
export const STALE_AFTER_DAYS = 7;
export const VISIT_GAP_MINUTES = 30;

const DAY = 24 * 60 * 60 * 1000;

/**
 * Records a visit of the overview at `now` and returns since when "changed since your last
 * visit" counts: the end of the previous visit, or null on the first visit. A visit less than
 * VISIT_GAP_MINUTES after the latest one continues it. One statement, neither a revision nor a
 * new version of the account (a visit is no edit of it).
 */
export async function recordOverviewVisit(userId: string, now: Date = new Date(), client: Db = db): Promise<Date | null> {
  const visitStart = new Date(now.getTime() - VISIT_GAP_MINUTES * 60_000);
  const rows = await client.$queryRaw<{ previousVisitAt: Date | null }[]>`
    UPDATE "User" SET
      "previousVisitAt" = CASE WHEN "lastVisitAt" IS NULL OR "lastVisitAt" < ${visitStart} THEN "lastVisitAt" ELSE "previousVisitAt" END,
      "lastVisitAt" = ${now}
    WHERE "id" = ${userId}
    RETURNING "previousVisitAt"`;
  return rows[0]?.previousVisitAt ?? null;
}

export interface Section<T> {
  items: T[];
  /** How many there are in all (the section shows at most OVERVIEW_ROWS); counted up to
   * DESK_COUNT_LIMIT, like the desk's lists. */
  total: number;
}

export interface OpenClaim {
  id: string;
  text: string;
  language: string;
  status: ClaimStatus;
  assignedToMe: boolean;
  createdByMe: boolean;
  updatedAt: Date;
}

/** Claims assigned to or created by `viewer` that somebody still works on, the latest changed
 * first. */
export async function myOpenWork(viewer: Pick<SessionUser, "id">, client: Db = db): Promise<Section<OpenClaim>> {
  const where = {
    status: { in: [...OPEN_CLAIM_STATUSES] },
    OR: [{ assigneeId: viewer.id }, { createdById: viewer.id }],
  };
  const [rows, total] = await Promise.all([
    client.claim.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      take: OVERVIEW_ROWS,
      select: { id: true, text: true, language: true, status: true, assigneeId: true, createdById: true, updatedAt: true },
    }),
    client.claim.count({ where, take: DESK_COUNT_LIMIT }),
  ]);
  return {
    items: rows.map(({ assigneeId, createdById, ...c }) => ({ ...c, assignedToMe: assigneeId === viewer.id, createdByMe: createdById === viewer.id })),
    total,
  };
}

export interface StaleDraft {
  id: string;
  text: string;
  language: string;
  author: string | null;
  assignee: string | null;
  updatedAt: Date;
  /** Whole days since the last save. */
  days: number;
}

/** Drafts not saved for STALE_AFTER_DAYS days or more, the oldest first. */
export async function staleDrafts(now: Date = new Date(), client: Db = db): Promise<Section<StaleDraft>> {
  const where = { status: "draft" as const, updatedAt: { lte: new Date(now.getTime() - STALE_AFTER_DAYS * DAY) } };
  const [rows, total] = await Promise.all([
    client.claim.findMany({
      where,
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      take: OVERVIEW_ROWS,
      select: { id: true, text: true, language: true, updatedAt: true, createdBy: { select: { name: true } }, assignee: { select: { name: true } } },
    }),
    client.claim.count({ where, take: DESK_COUNT_LIMIT }),
  ]);
  return {
    items: rows.map((c) => ({
      id: c.id,
      text: c.text,
      language: c.language,
      author: c.createdBy?.name ?? null,
      assignee: c.assignee?.name ?? null,
      updatedAt: c.updatedAt,
      days: Math.floor((now.getTime() - c.updatedAt.getTime()) / DAY),
    })),
    total,
  };
}

/** The records "changed since your last visit" covers (Evidence counts as its claim). */
export const CHANGED_TYPES = ["Claim", "Quote", "Speaker", "Source", "Article"] as const;
export type ChangedType = (typeof CHANGED_TYPES)[number];

export interface ChangedRecord {
  type: ChangedType;
  id: string;
  /** The record's name now (a claim's or quote's text, a speaker's name, a title); null when it
   * has none (an untitled article) or is gone. */
  label: string | null;
  /** The language of a claim's or quote's text. */
  language: string | null;
  /** False when the record has been deleted since. */
  exists: boolean;
  /** The latest change by somebody else: when, who (null: the system or a deleted account),
   * which kind of change. */
  at: Date;
  by: string | null;
  action: "create" | "update" | "delete" | "transition";
  /** How many changes by others since the visit. */
  changes: number;
}

/** A row of the query: a record and how many records there are in all. */
type ChangedRow = ChangedRecord & { total: number };

/** Records changed by others than `viewer` after `since`, one row per record, the latest
 * change first (one query). */
export async function changedSince(viewer: Pick<SessionUser, "id">, since: Date, client: Db = db): Promise<Section<ChangedRecord>> {
  const rows = await client.$queryRaw<ChangedRow[]>`
    WITH changes AS (
      SELECT CASE WHEN r."entityType" = 'Evidence' THEN 'Claim' ELSE r."entityType" END AS "type",
             CASE WHEN r."entityType" = 'Evidence'
                  THEN COALESCE(e."claimId", r."changes" -> 'claimId' ->> 'after', r."changes" -> 'claimId' ->> 'before')
                  ELSE r."entityId" END AS "id",
             r."id" AS "revisionId", r."createdAt", r."userId", r."action"::text AS "action"
      FROM "Revision" r
      LEFT JOIN "Evidence" e ON r."entityType" = 'Evidence' AND e."id" = r."entityId"
      WHERE r."createdAt" > ${since}
        AND r."userId" IS DISTINCT FROM ${viewer.id}
        AND r."entityType" IN ('Claim', 'Evidence', 'Quote', 'Speaker', 'Source', 'Article')
    ), records AS (
      SELECT "type", "id", max("createdAt") AS "at", count(*)::int AS "changes",
             (array_agg("userId" ORDER BY "revisionId" DESC))[1] AS "userId",
             (array_agg("action" ORDER BY "revisionId" DESC))[1] AS "action",
             (count(*) OVER ())::int AS "total"
      FROM changes
      WHERE "id" IS NOT NULL
      GROUP BY "type", "id"
      ORDER BY "at" DESC, "type", "id"
      LIMIT ${OVERVIEW_ROWS}
    )
    SELECT g."type", g."id", g."at", g."changes", g."action", g."total", u."name" AS "by",
           COALESCE(c."text", q."text", s."name", so."title", a."title") AS "label",
           COALESCE(c."language", q."language") AS "language",
           (c."id" IS NOT NULL OR q."id" IS NOT NULL OR s."id" IS NOT NULL OR so."id" IS NOT NULL OR a."id" IS NOT NULL) AS "exists"
    FROM records g
    LEFT JOIN "User" u ON u."id" = g."userId"
    LEFT JOIN "Claim" c ON g."type" = 'Claim' AND c."id" = g."id"
    LEFT JOIN "Quote" q ON g."type" = 'Quote' AND q."id" = g."id"
    LEFT JOIN "Speaker" s ON g."type" = 'Speaker' AND s."id" = g."id"
    LEFT JOIN "Source" so ON g."type" = 'Source' AND so."id" = g."id"
    LEFT JOIN "Article" a ON g."type" = 'Article' AND a."id" = g."id"
    ORDER BY g."at" DESC, g."type", g."id"`;
  return {
    items: rows.map(({ total: _total, ...r }) => r),
    total: rows[0]?.total ?? 0,
  };
}

export interface Overview {
  openWork: Section<OpenClaim>;
  /** Null on the first visit (nothing to compare with yet). */
  changed: (Section<ChangedRecord> & { since: Date }) | null;
  stale: Section<StaleDraft>;
}

/** The overview for `viewer` at `now`, recording the visit. */
export async function overviewFor(viewer: Pick<SessionUser, "id">, now: Date = new Date(), client: Db = db): Promise<Overview> {
  const [since, openWork, stale] = await Promise.all([recordOverviewVisit(viewer.id, now, client), myOpenWork(viewer, client), staleDrafts(now, client)]);
  return { openWork, stale, changed: since ? { ...(await changedSince(viewer, since, client)), since } : null };
}
