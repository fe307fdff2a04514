// Sessions on the server (lib/auth/sessions.ts): the JWT names a UserSession row, and the row
// decides. Signing out revokes it (not just the cookie), "sign out everywhere" revokes every
// session of the account, a session ends after 12 hours without use and after 7 days at most.
// The clock is injected; nothing sleeps.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Auth.js' session lookup and cookie handling, replaced by the session under test.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string }; sid: string; issuedAt?: number } }));
const authMocks = vi.hoisted(() => ({ signOut: null as null | ((...args: unknown[]) => Promise<undefined>) }));
vi.mock("../../lib/auth/auth", () => {
  const signOut = vi.fn(async () => undefined);
  authMocks.signOut = signOut;
  return { auth: vi.fn(async () => session.current), signIn: vi.fn(async () => undefined), signOut, handlers: { GET: vi.fn(), POST: vi.fn() } };
});
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() }));

import type { Role } from "../../lib/generated/prisma/enums";
import { IDLE } from "../../lib/actions/state";
import {
  countLiveSessions,
  endSession,
  IDLE_MS,
  MAX_AGE_MS,
  resolveSession,
  startSession,
  TOUCH_INTERVAL_MS,
  type SessionClaim,
} from "../../lib/auth/sessions";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
let counter = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url; // the app's own `db`, used by the actions
});
afterAll(async () => {
  const { db } = await import("../../lib/db/client");
  await db.$disconnect().catch(() => {});
  await t?.stop();
});

async function newAccount(role: Role = "reviewer") {
  return t.db.user.create({ data: { email: `sitzung-${++counter}@example.org`, name: `Sitzung ${counter}`, role, passwordHash: "x" } });
}

const hours = (n: number) => n * 60 * 60 * 1000;
const at = (start: Date, ms: number) => new Date(start.getTime() + ms);

async function signedIn(userId: string, now: Date): Promise<SessionClaim> {
  return { userId, sessionId: await startSession(t.db, userId, { now }), issuedAt: now.getTime() };
}

const resolve = (claim: SessionClaim, now: Date) => resolveSession(claim, { client: t.db, now });

describe("a session", () => {
  it("counts only with a live row of the same account (a cookie without one is no session)", async () => {
    const user = await newAccount();
    const other = await newAccount();
    const now = new Date();
    const claim = await signedIn(user.id, now);
    expect(await resolve(claim, now)).toMatchObject({ id: user.id, sessionId: claim.sessionId, mustEnrolSecondFactor: false });
    expect(await resolve({ ...claim, sessionId: undefined }, now)).toBeNull();
    expect(await resolve({ ...claim, sessionId: "made-up" }, now)).toBeNull();
    expect(await resolve({ ...claim, userId: other.id }, now)).toBeNull();
    // The older rule stays: a password change ends sessions issued before it.
    await t.db.user.update({ where: { id: user.id }, data: { passwordChangedAt: at(now, 1) } });
    expect(await resolve(claim, now)).toBeNull();
  });

  it("ends after 12 hours without use", async () => {
    const user = await newAccount();
    const start = new Date();
    const claim = await signedIn(user.id, start);
    // Used after 11 hours: the idle time starts again from there.
    expect(await resolve(claim, at(start, hours(11)))).not.toBeNull();
    expect(await resolve(claim, at(start, hours(11) + IDLE_MS - 1))).not.toBeNull();
    // Then nobody uses it for 12 hours.
    const lastUse = at(start, hours(11) + IDLE_MS - 1);
    expect(await resolve(claim, at(lastUse, IDLE_MS))).toBeNull();
    // Unused from the start: over after 12 hours.
    const idle = await signedIn(user.id, start);
    expect(await resolve(idle, at(start, IDLE_MS - 1))).not.toBeNull();
    const fresh = await signedIn(user.id, start);
    expect(await resolve(fresh, at(start, IDLE_MS))).toBeNull();
  });

  it("records its use at most every five minutes", async () => {
    const user = await newAccount();
    const start = new Date();
    const claim = await signedIn(user.id, start);
    await resolve(claim, at(start, TOUCH_INTERVAL_MS - 1));
    expect((await t.db.userSession.findUniqueOrThrow({ where: { id: claim.sessionId! } })).lastSeenAt).toEqual(start);
    await resolve(claim, at(start, TOUCH_INTERVAL_MS));
    expect((await t.db.userSession.findUniqueOrThrow({ where: { id: claim.sessionId! } })).lastSeenAt).toEqual(at(start, TOUCH_INTERVAL_MS));
  });

  it("ends after 7 days however busy it is", async () => {
    const user = await newAccount();
    const start = new Date();
    const claim = await signedIn(user.id, start);
    let now = start;
    // In use every 11 hours: never idle, and still over at 7 days.
    while (now.getTime() + hours(11) < start.getTime() + MAX_AGE_MS) {
      now = at(now, hours(11));
      expect(await resolve(claim, now)).not.toBeNull();
    }
    expect(await resolve(claim, at(start, MAX_AGE_MS - 1))).not.toBeNull();
    expect(await resolve(claim, at(start, MAX_AGE_MS))).toBeNull();
  });
});

describe("signing out", () => {
  it("revokes the session on the server, not just the cookie", async () => {
    const user = await newAccount();
    const claim = await signedIn(user.id, new Date());
    const other = await signedIn(user.id, new Date());
    session.current = { user: { id: user.id }, sid: claim.sessionId!, issuedAt: claim.issuedAt ?? undefined };
    try {
      const { signOutAction } = await import("../../app/(desk)/admin/actions");
      expect(await signOutAction(IDLE, new FormData())).toMatchObject({ status: "ok" });
    } finally {
      session.current = null;
    }
    expect(authMocks.signOut).toHaveBeenCalled();
    const row = await t.db.userSession.findUniqueOrThrow({ where: { id: claim.sessionId! } });
    expect(row.revokedAt).not.toBeNull();
    // The same cookie, sent again, is no session any more; the other device stays signed in.
    expect(await resolve(claim, new Date())).toBeNull();
    expect(await resolve(other, new Date())).not.toBeNull();
    // Auth.js' own sign-out event uses the same function (lib/auth/auth.ts events.signOut).
    await endSession(t.db, other.sessionId);
    expect(await resolve(other, new Date())).toBeNull();
  });

  it("everywhere ends every session of the account, and only of that account, audited", async () => {
    const user = await newAccount();
    const bystander = await newAccount();
    const here = await signedIn(user.id, new Date());
    const phone = await signedIn(user.id, new Date());
    const elsewhere = await signedIn(bystander.id, new Date());
    expect(await countLiveSessions(user.id, t.db)).toBe(2);
    session.current = { user: { id: user.id }, sid: here.sessionId!, issuedAt: here.issuedAt ?? undefined };
    try {
      const { signOutEverywhereAction } = await import("../../app/(desk)/admin/actions");
      expect(await signOutEverywhereAction(IDLE, new FormData())).toMatchObject({ status: "ok" });
    } finally {
      session.current = null;
    }
    expect(await resolve(here, new Date())).toBeNull();
    expect(await resolve(phone, new Date())).toBeNull();
    expect(await countLiveSessions(user.id, t.db)).toBe(0);
    expect(await resolve(elsewhere, new Date())).not.toBeNull();
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: "sessions.ended_all" } });
    expect(audit.details).toEqual({ sessionsEnded: 2 });
  });

  it("is refused without a session", async () => {
    const { signOutEverywhereAction } = await import("../../app/(desk)/admin/actions");
    session.current = null;
    expect(await signOutEverywhereAction(IDLE, new FormData())).toMatchObject({ status: "error", code: "unauthenticated" });
  });
});
