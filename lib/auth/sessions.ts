// SESSIONS ON THE SERVER. Auth.js keeps the session in a signed cookie (a JWT, lib/auth/auth.ts);
// a cookie alone cannot be taken back, so every sign-in also writes a UserSession row, the JWT
// carries its id (`sid`), and a session counts only while its row says so:
//
// - not revoked: signing out revokes the row (not just the cookie), "sign out everywhere"
//   revokes every row of the account, and so does an admin's reset of the second factor;
// - used within IDLE_MS (12 hours): a session nobody used for that long is over;
// - younger than MAX_AGE_MS (7 days), however busy it is.
//
// The last use is written at most every TOUCH_INTERVAL_MS, not on every request: the idle
// lifetime is therefore exact to within those five minutes, and a busy desk costs one small
// write per person per five minutes.
//
// A JWT without `sid` (signed before this rule) is no session. The older rule stays: a session
// issued before the account's last password change is void (lib/auth/session-validity.ts).
import { randomBytes } from "node:crypto";
import type { Role } from "../generated/prisma/enums";
import type { Prisma } from "../generated/prisma/client";
import { db as defaultDb, type Db } from "../db/client";
import { writeAuditEvent } from "./audit";
import { isSessionCurrent } from "./session-validity";
import { mustEnrolSecondFactor } from "./two-factor";

export const IDLE_MS = 12 * 60 * 60 * 1000;
export const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
export const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

type Client = Db | Prisma.TransactionClient;

/** A new session for `userId`; returns its id (the JWT's `sid`). */
export async function startSession(client: Client, userId: string, options: { ip?: string | null; now?: Date } = {}): Promise<string> {
  const now = options.now ?? new Date();
  const id = randomBytes(24).toString("base64url");
  // Rows of sessions that are over for good are of no use; removing them here keeps the table
  // the size of the live sessions without a cleaning job.
  await client.userSession.deleteMany({
    where: {
      userId,
      OR: [{ revokedAt: { not: null } }, { expiresAt: { lte: now } }, { lastSeenAt: { lte: new Date(now.getTime() - IDLE_MS) } }],
    },
  });
  await client.userSession.create({
    data: { id, userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + MAX_AGE_MS), ip: options.ip ?? null },
  });
  return id;
}

export interface SessionRow {
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** Whether a session row is live at `now` (not revoked, not idle too long, not too old). */
export function isSessionLive(row: SessionRow, now: Date): boolean {
  const t = now.getTime();
  return row.revokedAt === null && t < row.expiresAt.getTime() && t - row.lastSeenAt.getTime() < IDLE_MS;
}

/** What a session cookie claims (lib/auth/auth.ts puts it into the JWT). */
export interface SessionClaim {
  userId: string;
  sessionId: string | null | undefined;
  /** The sign-in time, ms since 1970. */
  issuedAt: number | null | undefined;
}

export interface SessionAccount {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** The desk's language chosen for the account (User.locale), or null (then the browser's). */
  locale: string | null;
  sessionId: string;
  /**
   * Two-factor sign-in is mandatory for the account's role and it has none yet: it may only
   * enrol (or sign out) until it has (lib/auth/two-factor.ts mustEnrolSecondFactor).
   */
  mustEnrolSecondFactor: boolean;
}

/**
 * The account of a session, or null when the session is not (or no longer) valid at `now`:
 * unknown, revoked, idle too long or too old, of another account, of a deactivated account, or
 * issued before the last password change. Records the use (at most every TOUCH_INTERVAL_MS).
 */
export async function resolveSession(claim: SessionClaim, options: { client?: Db; now?: Date } = {}): Promise<SessionAccount | null> {
  const client = options.client ?? defaultDb;
  const now = options.now ?? new Date();
  if (!claim.sessionId) return null;
  const row = await client.userSession.findUnique({
    where: { id: claim.sessionId },
    select: {
      userId: true,
      lastSeenAt: true,
      expiresAt: true,
      revokedAt: true,
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          role: true,
          locale: true,
          active: true,
          passwordChangedAt: true,
          twoFactor: { select: { confirmedAt: true } },
        },
      },
    },
  });
  if (!row || row.userId !== claim.userId || !isSessionLive(row, now)) return null;
  const user = row.user;
  if (!user.active || !isSessionCurrent(claim.issuedAt, user.passwordChangedAt)) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await client.userSession.updateMany({ where: { id: claim.sessionId, revokedAt: null }, data: { lastSeenAt: now } });
  }
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    locale: user.locale,
    sessionId: claim.sessionId,
    mustEnrolSecondFactor: await mustEnrolSecondFactor(user.role, Boolean(user.twoFactor?.confirmedAt), client),
  };
}

/** Signing out: the session ends on the server (whatever happens to the cookie). */
export async function endSession(client: Client, sessionId: string | null | undefined, now: Date = new Date()): Promise<void> {
  if (!sessionId) return;
  await client.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/** Signing out of this browser: ends the current session (the server action's "sign out"). */
export async function signOutHere(sessionId: string | null | undefined, client: Db = defaultDb): Promise<void> {
  await endSession(client, sessionId);
}

/** Ends every session of the account ("sign out everywhere"); returns how many rows it revoked. */
export async function endAllSessions(client: Client, userId: string, now: Date = new Date()): Promise<number> {
  const { count } = await client.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}

/** "Sign out everywhere": ends every session of one's own account, this one included; audited. */
export async function signOutEverywhere(
  actor: { id: string; email: string },
  context: { ip?: string | null } = {},
  client: Db = defaultDb,
  now: Date = new Date(),
): Promise<number> {
  return client.$transaction(async (tx) => {
    const ended = await endAllSessions(tx, actor.id, now);
    await writeAuditEvent(tx, { action: "sessions.ended_all", userId: actor.id, email: actor.email, ip: context.ip ?? null, details: { sessionsEnded: ended } });
    return ended;
  });
}

/** How many live sessions the account has (shown on "My account"). */
export async function countLiveSessions(userId: string, client: Db = defaultDb, now: Date = new Date()): Promise<number> {
  return client.userSession.count({
    where: { userId, revokedAt: null, expiresAt: { gt: now }, lastSeenAt: { gt: new Date(now.getTime() - IDLE_MS) } },
  });
}
