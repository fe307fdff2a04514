// Sign-in throttling: 10 failures within 15 minutes per e-mail or per client address block
// further attempts (even with the right password) until the oldest counted failure is 15
// minutes old; successes and blocked attempts do not count; after the window it works again.
// Failures are inserted as backdated AuditEvents instead of waiting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizeCredentials, SignInBlockedError } from "../../lib/auth/credentials";
import { hashPassword } from "../../lib/auth/password";
import {
  checkRateLimit,
  clientIp,
  MAX_FAILURES,
  parseRateLimitCode,
  rateLimitCode,
  rateLimitMessage,
  retryClock,
  WINDOW_MS,
} from "../../lib/auth/rate-limit";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
const PASSWORD = "das-richtige-passwort";

beforeAll(async () => {
  t = await createTestDatabase();
  const passwordHash = await hashPassword(PASSWORD);
  await t.db.user.createMany({
    data: ["opfer@example.org", "nachbar@example.org", "wieder@example.org", "erfolg@example.org"].map((email) => ({
      email,
      name: email,
      role: "editor" as const,
      passwordHash,
    })),
  });
});
afterAll(() => t?.stop());

// The credentials check of the Auth.js provider (lib/auth/auth.ts turns SignInBlockedError into
// RateLimitedSignin, a CredentialsSignin whose code carries the retry time).
const authorize = (credentials: { email: string; password: string }, req: Request) => authorizeCredentials(credentials, req, t.db);

const minutes = (n: number) => n * 60_000;

async function failures(count: number, key: { email?: string; ip?: string }, oldestAgoMs: number, now = Date.now()) {
  // Spread from `oldestAgoMs` ago up to one minute ago.
  for (let i = 0; i < count; i++) {
    const ago = oldestAgoMs - (i * Math.max(0, oldestAgoMs - minutes(1))) / Math.max(1, count - 1);
    await t.db.auditEvent.create({
      data: { action: "signin.failure", email: key.email ?? null, ip: key.ip ?? null, createdAt: new Date(now - ago) },
    });
  }
}

// X-Forwarded-For as the preload scripts/trusted-proxies.cjs leaves it: the one client address
// (tests/unit/trusted-proxies*.test.ts).
function request(ip: string): Request {
  return new Request("http://localhost/api/auth/callback/credentials", { method: "POST", headers: { "x-forwarded-for": ip } });
}

describe("the limit", () => {
  it("is 10 failures in 15 minutes, in one place", () => {
    expect(MAX_FAILURES).toBe(10);
    expect(WINDOW_MS).toBe(15 * 60_000);
  });

  it("blocks an e-mail after 10 failures until the oldest is 15 minutes old", async () => {
    const now = Date.now();
    await failures(9, { email: "opfer@example.org", ip: "192.0.2.1" }, minutes(12), now);
    expect((await checkRateLimit({ email: "opfer@example.org" }, { client: t.db, now: new Date(now) })).blocked).toBe(false);
    await t.db.auditEvent.create({ data: { action: "signin.failure", email: "opfer@example.org", ip: "192.0.2.2", createdAt: new Date(now - 1000) } });

    const status = await checkRateLimit({ email: "OPFER@example.org", ip: "192.0.2.200" }, { client: t.db, now: new Date(now) });
    expect(status.blocked).toBe(true);
    expect(status.by).toEqual(["email"]);
    expect(status.retryAt?.getTime()).toBe(now - minutes(12) + WINDOW_MS);

    // Still blocked a moment before, free at the retry time.
    expect((await checkRateLimit({ email: "opfer@example.org" }, { client: t.db, now: new Date(status.retryAt!.getTime() - 1) })).blocked).toBe(true);
    expect((await checkRateLimit({ email: "opfer@example.org" }, { client: t.db, now: status.retryAt! })).blocked).toBe(false);
  });

  it("blocks a client address after 10 failures, whatever e-mails were typed", async () => {
    const now = Date.now();
    for (let i = 0; i < 10; i++) {
      await t.db.auditEvent.create({
        data: { action: "signin.failure", email: `raten-${i}@example.org`, ip: "198.51.100.23", createdAt: new Date(now - minutes(10) + i * 1000) },
      });
    }
    const status = await checkRateLimit({ email: "nachbar@example.org", ip: "198.51.100.23" }, { client: t.db, now: new Date(now) });
    expect(status).toMatchObject({ blocked: true, by: ["ip"] });
    expect(status.retryAt?.getTime()).toBe(now - minutes(10) + WINDOW_MS);
    expect((await checkRateLimit({ email: "nachbar@example.org", ip: "198.51.100.24" }, { client: t.db, now: new Date(now) })).blocked).toBe(false);
  });

  it("does not count successes, blocked attempts or failures older than the window", async () => {
    const now = Date.now();
    const email = "erfolg@example.org";
    await failures(9, { email }, minutes(5), now);
    for (const action of ["signin.success", "signin.blocked", "user.password_changed"]) {
      for (let i = 0; i < 5; i++) await t.db.auditEvent.create({ data: { action, email, createdAt: new Date(now - minutes(2)) } });
    }
    await failures(5, { email }, minutes(40), now - minutes(20));
    expect((await checkRateLimit({ email }, { client: t.db, now: new Date(now) })).blocked).toBe(false);
  });

  it("with more than 10 failures, frees the account when fewer than 10 remain in the window", async () => {
    const now = Date.now();
    const email = "viele@example.org";
    const times = Array.from({ length: 12 }, (_, i) => now - minutes(14) + i * minutes(1));
    for (const at of times) await t.db.auditEvent.create({ data: { action: "signin.failure", email, createdAt: new Date(at) } });
    const status = await checkRateLimit({ email }, { client: t.db, now: new Date(now) });
    // The 10th most recent failure (the 3rd oldest) decides.
    expect(status.retryAt?.getTime()).toBe(times[2]! + WINDOW_MS);
  });
});

describe("the message and the code", () => {
  it("names the retry time in Berlin, rounded up to the minute", () => {
    // 14:39:10 UTC in November is 15:39:10 in Berlin (CET): try again at 15:40.
    expect(retryClock(new Date("2026-11-25T14:39:10Z"))).toBe("15:40");
    expect(retryClock(new Date("2026-07-01T08:05:00Z"))).toBe("10:05");
    expect(rateLimitMessage(new Date("2026-11-25T14:40:00Z"))).toBe("Zu viele Fehlversuche. Bitte versuchen Sie es um 15:40 Uhr erneut.");
  });

  it("carries the retry time in the error code", () => {
    const at = new Date("2026-11-25T14:40:00.000Z");
    expect(rateLimitCode(at)).toBe("rate_limited:2026-11-25T14:40:00.000Z");
    expect(parseRateLimitCode(rateLimitCode(at))?.getTime()).toBe(at.getTime());
    expect(parseRateLimitCode("credentials")).toBeNull();
    expect(parseRateLimitCode("rate_limited:<script>")).toBeNull();
  });

  it("takes the client address from X-Forwarded-For alone, a single address", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.5", "x-real-ip": "10.9.9.9" }))).toBe("203.0.113.5");
    expect(clientIp(new Headers({ "x-real-ip": "10.9.9.9" }))).toBeNull();
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.5, 10.0.0.1" }))).toBeNull();
    expect(clientIp(new Headers())).toBeNull();
  });
});

describe("the sign-in", () => {
  it("refuses even the right password while blocked, logs signin.blocked, and works again after the window", async () => {
    const email = "wieder@example.org";
    const ip = "203.0.113.77";
    // Ten real failed sign-ins through the credentials check.
    for (let i = 0; i < 10; i++) expect(await authorize({ email, password: `falsch-${i}` }, request(ip))).toBeNull();
    expect(await t.db.auditEvent.count({ where: { action: "signin.failure", email, ip } })).toBe(10);

    const error = await authorize({ email, password: PASSWORD }, request("203.0.113.78")).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SignInBlockedError);
    const retryAt = (error as SignInBlockedError).retryAt;
    const oldest = await t.db.auditEvent.findFirstOrThrow({ where: { action: "signin.failure", email }, orderBy: { createdAt: "asc" } });
    expect(retryAt?.getTime()).toBe(oldest.createdAt.getTime() + WINDOW_MS);
    const blocked = await t.db.auditEvent.findFirstOrThrow({ where: { action: "signin.blocked", email } });
    expect(blocked.ip).toBe("203.0.113.78");
    expect(await t.db.auditEvent.count({ where: { action: "signin.success", email } })).toBe(0);

    // Move the failures back beyond the window: the right password works again.
    await t.db.auditEvent.updateMany({
      where: { action: "signin.failure", email },
      data: { createdAt: new Date(Date.now() - WINDOW_MS - 1000) },
    });
    const user = await authorize({ email, password: PASSWORD }, request(ip));
    expect(user?.email).toBe(email);
  });

  it("blocks by address: another account from the same address is refused too", async () => {
    const ip = "203.0.113.88";
    for (let i = 0; i < 10; i++) await authorize({ email: `unbekannt-${i}@example.org`, password: "irgendwas" }, request(ip));
    await expect(authorize({ email: "nachbar@example.org", password: PASSWORD }, request(ip))).rejects.toBeInstanceOf(SignInBlockedError);
    expect((await authorize({ email: "nachbar@example.org", password: PASSWORD }, request("203.0.113.89")))?.email).toBe("nachbar@example.org");
  });
});
