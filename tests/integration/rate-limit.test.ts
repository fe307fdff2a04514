// Throttling of password guesses (lib/auth/rate-limit.ts): every attempt is counted before the
// Argon2 hash runs, so N parallel wrong guesses count N and the attempts beyond 10 in the
// 15-minute window are refused without hashing, even with the right password; a refusal is
// logged once per window, not once per attempt; a success gives its point back; the change of
// one's own password is limited and audited the same way, on the same counters; the client
// address is the one the trusted-proxy rule leaves in X-Forwarded-For, so a forged header from
// an untrusted peer changes nothing. The window's end is simulated by moving the counters'
// expiry into the past.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { authorizeCredentials, SignInBlockedError } from "../../lib/auth/credentials";
import { hashPassword, verifyPassword } from "../../lib/auth/password";
import {
  attemptCounts,
  clearAttempts,
  clientIp,
  consumeAttempt,
  MAX_FAILURES,
  parseRateLimitCode,
  rateLimitCode,
  rateLimitMessage,
  retryClock,
  WINDOW_MS,
} from "../../lib/auth/rate-limit";
import { DomainError, ValidationError } from "../../lib/editorial/errors";
import { changeOwnPassword } from "../../lib/editorial/users";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { refusalText, text } from "../helpers/messages";

// The real hash, counted: a refused attempt must not reach it.
vi.mock("../../lib/auth/password", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../lib/auth/password")>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});
const verifyCalls = () => vi.mocked(verifyPassword).mock.calls.length;

let t: TestDatabase;
const PASSWORD = "das-richtige-passwort";

async function newUser(email: string, password = PASSWORD) {
  return t.db.user.create({ data: { email, name: email, role: "editor", passwordHash: await hashPassword(password) } });
}

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.stop());
beforeEach(() => {
  vi.mocked(verifyPassword).mockClear();
});

const authorize = (credentials: unknown, ip: string | null) =>
  authorizeCredentials(credentials, new Request("http://localhost/api/auth/callback/credentials", { method: "POST", headers: ip ? { "x-forwarded-for": ip } : {} }), t.db);

/** "ok" (signed in), "refused" (wrong), "blocked" (throttled). */
async function outcome(credentials: unknown, ip: string | null): Promise<"ok" | "refused" | "blocked"> {
  try {
    return (await authorize(credentials, ip)) ? "ok" : "refused";
  } catch (error) {
    if (error instanceof SignInBlockedError) return "blocked";
    throw error;
  }
}

const tally = (outcomes: string[]) => outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o]: (acc[o] ?? 0) + 1 }), {});
const audits = (where: { action: string; email?: string; ip?: string }) => t.db.auditEvent.count({ where });

/** The end of the window of every counter whose key contains `part`, moved into the past. */
async function endWindow(part: string) {
  await t.db.authThrottle.updateMany({ where: { key: { contains: part } }, data: { expire: BigInt(Date.now() - 1) } });
}

describe("the limit", () => {
  it("is 10 failures in a 15-minute window, in one place", () => {
    expect(MAX_FAILURES).toBe(10);
    expect(WINDOW_MS).toBe(15 * 60_000);
  });
});

describe("parallel guesses", () => {
  it("15 parallel wrong passwords for one account: exactly 10 are checked and fail, 5 are refused unhashed, one audit row for the block", async () => {
    const email = "parallel@example.org";
    await newUser(email);
    // Each from another address, so that only the account's counter can block.
    const outcomes = await Promise.all(Array.from({ length: 15 }, (_, i) => outcome({ email, password: `falsch-${i}` }, `192.0.2.${i + 1}`)));
    expect(tally(outcomes)).toEqual({ refused: 10, blocked: 5 });
    expect(verifyCalls()).toBe(10);
    expect(await audits({ action: "signin.failure", email })).toBe(10);
    expect(await audits({ action: "signin.blocked", email })).toBe(1);
    const counts = await attemptCounts("password", { email }, { client: t.db });
    expect(counts.email?.attempts).toBe(15);

    // The right password is refused too, and not even checked.
    expect(await outcome({ email, password: PASSWORD }, "192.0.2.99")).toBe("blocked");
    expect(verifyCalls()).toBe(10);
  });

  it("15 parallel guesses from one address at different accounts: 10 are checked, 5 refused, and the refused ones leave no trace per account", async () => {
    const ip = "198.51.100.23";
    const outcomes = await Promise.all(Array.from({ length: 15 }, (_, i) => outcome({ email: `raten-${i}@example.org`, password: "irgendwas-1" }, ip)));
    expect(tally(outcomes)).toEqual({ refused: 10, blocked: 5 });
    // Unknown accounts are checked against a dummy hash (same time as a wrong password).
    expect(verifyCalls()).toBe(10);
    expect(await audits({ action: "signin.failure", ip })).toBe(10);
    expect(await audits({ action: "signin.blocked", ip })).toBe(1);
    // Attempts refused by the address do not count for the accounts (nor make rows for them).
    expect(await t.db.authThrottle.count({ where: { key: { startsWith: "password:email:raten-" } } })).toBe(10);

    // Another account from the same address: refused; from another address: fine.
    await newUser("nachbar@example.org");
    expect(await outcome({ email: "nachbar@example.org", password: PASSWORD }, ip)).toBe("blocked");
    expect(await outcome({ email: "nachbar@example.org", password: PASSWORD }, "198.51.100.24")).toBe("ok");
  });
});

describe("blocked attempts", () => {
  it("are counted in the window without a row each, do not prolong the block, and after the window the password works again", async () => {
    const email = "wieder@example.org";
    const ip = "203.0.113.77";
    await newUser(email);
    for (let i = 0; i < 10; i++) expect(await outcome({ email, password: `falsch-${i}` }, ip)).toBe("refused");
    let retryAt: Date | null = null;
    try {
      await authorize({ email, password: PASSWORD }, "203.0.113.78");
    } catch (error) {
      retryAt = (error as SignInBlockedError).retryAt;
    }
    expect(retryAt).not.toBeNull();
    // The window started with the first failure, a moment ago.
    expect(retryAt!.getTime()).toBeGreaterThan(Date.now() + WINDOW_MS - 60_000);
    expect(retryAt!.getTime()).toBeLessThanOrEqual(Date.now() + WINDOW_MS);

    const before = await t.db.auditEvent.count();
    for (let i = 0; i < 30; i++) expect(await outcome({ email, password: `hammer-${i}` }, `203.0.113.${100 + (i % 5)}`)).toBe("blocked");
    expect(await t.db.auditEvent.count()).toBe(before);
    expect(verifyCalls()).toBe(10);
    const counts = await attemptCounts("password", { email }, { client: t.db });
    expect(counts.email?.attempts).toBe(10 + 1 + 30);
    expect(counts.email!.windowEndsAt!.getTime()).toBeLessThanOrEqual(retryAt!.getTime());
    const blocked = await t.db.auditEvent.findMany({ where: { action: "signin.blocked", email } });
    expect(blocked).toHaveLength(1);
    expect(blocked[0]).toMatchObject({ ip: "203.0.113.78", details: { kind: "password", by: "email" } });
    expect(await audits({ action: "signin.success", email })).toBe(0);

    // The address failed 10 times too: its window ends as well.
    await endWindow(email);
    await endWindow(ip);
    expect(await outcome({ email, password: PASSWORD }, ip)).toBe("ok");
  });

  it("refused by the account do not count against the address", async () => {
    const email = "gesperrt@example.org";
    const ip = "203.0.113.150";
    await newUser(email);
    await newUser("kollegin@example.org");
    for (let i = 0; i < 10; i++) await outcome({ email, password: `falsch-${i}` }, `203.0.113.${160 + i}`);
    for (let i = 0; i < 25; i++) expect(await outcome({ email, password: `nochmal-${i}` }, ip)).toBe("blocked");
    expect((await attemptCounts("password", { ip }, { client: t.db })).ip?.attempts).toBe(0);
    expect(await outcome({ email: "kollegin@example.org", password: PASSWORD }, ip)).toBe("ok");
  });
});

describe("successes and invalid input", () => {
  it("a success gives its point back: 9 failures and any number of successes do not block", async () => {
    const email = "erfolg@example.org";
    await newUser(email);
    for (let i = 0; i < 9; i++) expect(await outcome({ email, password: `falsch-${i}` }, "192.0.2.200")).toBe("refused");
    for (let i = 0; i < 5; i++) expect(await outcome({ email, password: PASSWORD }, "192.0.2.200")).toBe("ok");
    expect((await attemptCounts("password", { email }, { client: t.db })).email?.attempts).toBe(9);
    // The 10th failure is still allowed, the attempt after it is not.
    expect(await outcome({ email, password: "falsch-10" }, "192.0.2.201")).toBe("refused");
    expect(await outcome({ email, password: PASSWORD }, "192.0.2.201")).toBe("blocked");
  });

  it("invalid input costs no hash but counts by address: no free audit rows", async () => {
    const ip = "192.0.2.222";
    for (let i = 0; i < 10; i++) expect(await outcome({ email: "kein-e-mail", password: "x" }, ip)).toBe("refused");
    for (let i = 0; i < 10; i++) expect(await outcome({ email: "kein-e-mail", password: "x" }, ip)).toBe("blocked");
    expect(verifyCalls()).toBe(0);
    expect(await audits({ action: "signin.failure", ip })).toBe(10);
    expect(await audits({ action: "signin.blocked", ip })).toBe(1);
  });
});

describe("the API for other secrets (second factor)", () => {
  it("counts per kind: a blocked 'totp' does not block the password, and clearAttempts frees it", async () => {
    const subject = { email: "zweiter-faktor@example.org", ip: "192.0.2.250" };
    for (let i = 0; i < 10; i++) expect((await consumeAttempt("totp", subject, { client: t.db })).allowed).toBe(true);
    const refused = await consumeAttempt("totp", subject, { client: t.db });
    expect(refused).toMatchObject({ allowed: false, by: ["email", "ip"] });
    expect((await consumeAttempt("password", subject, { client: t.db })).allowed).toBe(true);
    await clearAttempts("totp", subject, { client: t.db });
    expect((await consumeAttempt("totp", subject, { client: t.db })).allowed).toBe(true);
  });
});

describe("changing one's own password", () => {
  it("is limited and audited like the sign-in, on the same counters", async () => {
    const user = await newUser("eigenes@example.org", "mein-altes-passwort");
    const me = { id: user.id, name: user.name, email: user.email, role: user.role };
    const ip = "203.0.113.201";
    const change = (currentPassword: string, from = ip) =>
      changeOwnPassword(me, { currentPassword, newPassword: "mein-neues-passwort" }, t.db, { ip: from }).then(
        () => "changed",
        (error: unknown) => (error instanceof ValidationError ? "wrong" : error instanceof DomainError && error.code === "rate_limited" ? "blocked" : Promise.reject(error)),
      );
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => change(`geraten-${i}`, `203.0.113.${210 + i}`)));
    expect(tally(outcomes)).toEqual({ wrong: 10, blocked: 2 });
    expect(verifyCalls()).toBe(10);
    const failures = await t.db.auditEvent.findMany({ where: { action: "password_change.failure", userId: user.id } });
    expect(failures).toHaveLength(10);
    expect(failures[0]).toMatchObject({ email: "eigenes@example.org" });
    expect(await audits({ action: "password_change.blocked", email: "eigenes@example.org" })).toBe(1);

    // Blocked even with the right password, unchecked; and the sign-in is blocked too.
    expect(await change("mein-altes-passwort")).toBe("blocked");
    expect(await outcome({ email: "eigenes@example.org", password: "mein-altes-passwort" }, "203.0.113.250")).toBe("blocked");
    expect(verifyCalls()).toBe(10);
    expect(await audits({ action: "password_change.blocked", email: "eigenes@example.org" })).toBe(1);

    await endWindow("eigenes@example.org");
    expect(await change("mein-altes-passwort")).toBe("changed");
    const changed = await t.db.auditEvent.findFirstOrThrow({ where: { action: "user.password_changed", userId: user.id } });
    expect(changed.ip).toBe(ip);
    // The right current password gave its point back.
    expect((await attemptCounts("password", { email: "eigenes@example.org" }, { client: t.db })).email?.attempts).toBe(0);
  });

  it("a typo in the new password costs no attempt", async () => {
    const user = await newUser("tippfehler@example.org", "mein-altes-passwort");
    const me = { id: user.id, name: user.name, email: user.email, role: user.role };
    for (let i = 0; i < 15; i++) {
      expect(await refusalText(changeOwnPassword(me, { currentPassword: "egal", newPassword: "kurz" }, t.db, { ip: "192.0.2.77" }))).toMatch(/mindestens 12/);
    }
    expect(verifyCalls()).toBe(0);
    expect((await attemptCounts("password", { email: user.email, ip: "192.0.2.77" }, { client: t.db })).email?.attempts).toBe(0);
  });
});

describe("the client address", () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) child.kill();
  });

  /** The credentials check behind the preload, as npm start runs Next.js. */
  async function startServer(trustedProxies: string): Promise<number> {
    const root = path.resolve(import.meta.dirname, "../..");
    const child = spawn(
      process.execPath,
      ["--require", path.join(root, "scripts/trusted-proxies.cjs"), "--import", "tsx", path.join(root, "tests/helpers/signin-server.ts")],
      { cwd: root, env: { NODE_ENV: "test", PATH: process.env.PATH, DATABASE_URL: t.url, CLAIMBASE_TRUSTED_PROXIES: trustedProxies }, stdio: ["ignore", "pipe", "pipe"] },
    );
    children.push(child);
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk));
    return new Promise<number>((resolve, reject) => {
      let stdout = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        stdout += chunk;
        if (stdout.includes("\n")) resolve(Number(stdout.split("\n")[0]));
      });
      child.on("exit", (code) => reject(new Error(`sign-in server exited (${code}): ${stderr}`)));
    });
  }

  async function post(port: number, forwardedFor: string, email: string): Promise<{ outcome: string; ip: string | null }> {
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
      body: JSON.stringify({ email, password: "irgendein-passwort" }),
    });
    return (await response.json()) as { outcome: string; ip: string | null };
  }

  it("ignores X-Forwarded-For from an untrusted peer: a forged address per guess does not get round the limit", async () => {
    await clearAttempts("password", { ip: "127.0.0.1" }, { client: t.db });
    const port = await startServer("");
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push(await post(port, `192.0.2.${i + 1}`, `faelscher-${i}@example.org`));
    expect(answers.map((a) => a.ip)).toEqual(Array(11).fill("127.0.0.1"));
    expect(answers.map((a) => a.outcome)).toEqual([...Array(10).fill("refused"), "blocked"]);
    await clearAttempts("password", { ip: "127.0.0.1" }, { client: t.db });
  });

  it("believes X-Forwarded-For from a trusted proxy: each client is counted on its own", async () => {
    await clearAttempts("password", { ip: "127.0.0.1" }, { client: t.db });
    const port = await startServer("127.0.0.1");
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push(await post(port, `198.51.100.${i + 1}`, `hinter-proxy-${i}@example.org`));
    expect(answers.map((a) => a.ip)).toEqual(Array.from({ length: 11 }, (_, i) => `198.51.100.${i + 1}`));
    expect(answers.every((a) => a.outcome === "refused")).toBe(true);
  });
});

describe("the message and the code", () => {
  it("names the retry time in Berlin, rounded up to the minute", () => {
    // 14:39:10 UTC in November is 15:39:10 in Berlin (CET): try again at 15:40.
    expect(retryClock(new Date("2026-11-25T14:39:10Z"))).toBe("15:40");
    expect(retryClock(new Date("2026-07-01T08:05:00Z"))).toBe("10:05");
    expect(text(rateLimitMessage(new Date("2026-11-25T14:40:00Z")))).toBe("Zu viele Fehlversuche. Bitte versuchen Sie es um 15:40 Uhr erneut.");
    expect(text(rateLimitMessage(new Date("2026-11-25T14:40:00Z")), "en")).toBe("Too many failed attempts. Please try again at 15:40.");
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
