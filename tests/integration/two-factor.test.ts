// Two-factor sign-in (lib/auth/two-factor.ts, lib/auth/credentials.ts): enrolment with a QR
// code and a first code, ten one-time recovery codes, the sign-in that starts no session before
// the code is right, replayed and wrong codes refused and throttled, the mandatory setting for
// admins and editors, and an admin's audited reset. Codes are computed with otplib from the
// stored secret at an injected time; nothing waits for the clock.
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Auth.js' session lookup, replaced by the session under test (as in authorization.test.ts).
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string }; sid: string } }));
vi.mock("../../lib/auth/auth", () => ({
  auth: vi.fn(async () => session.current),
  signIn: vi.fn(async () => undefined),
  signOut: vi.fn(async () => undefined),
  handlers: { GET: vi.fn(), POST: vi.fn() },
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() }));

import type { Role } from "../../lib/generated/prisma/enums";
import { IDLE, type ActionState } from "../../lib/actions/state";
import {
  authorizeCredentials,
  SecondFactorExpiredError,
  SecondFactorRequiredError,
  SignInBlockedError,
} from "../../lib/auth/credentials";
import { hashPassword } from "../../lib/auth/password";
import { PENDING_VALIDITY_MS } from "../../lib/auth/pending-signin";
import { MAX_FAILURES } from "../../lib/auth/rate-limit";
import { decryptSecret } from "../../lib/auth/server-key";
import { resolveSession, startSession } from "../../lib/auth/sessions";
import {
  confirmEnrolment,
  disableTwoFactor,
  getEnrolment,
  getTwoFactorStatus,
  hashRecoveryCode,
  RECOVERY_CODE_COUNT,
  renewRecoveryCodes,
  resetTwoFactor,
  setTwoFactorRequired,
  startEnrolment,
  TwoFactorError,
} from "../../lib/auth/two-factor";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { text } from "../helpers/messages";
import { msg } from "../../lib/messages";

let t: TestDatabase;
const PASSWORD = "ein-langes-passwort-123";
let counter = 0;

interface Account {
  id: string;
  name: string;
  email: string;
  role: Role;
}

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url; // the app's own `db` (lib/db/client.ts), used by the actions
});
afterAll(async () => {
  const { db } = await import("../../lib/db/client");
  await db.$disconnect().catch(() => {});
  await t?.stop();
});

const passwordHash = hashPassword(PASSWORD);

async function newAccount(role: Role = "editor"): Promise<Account> {
  const user = await t.db.user.create({
    data: { email: `konto-${++counter}@example.org`, name: `Konto ${counter}`, role, passwordHash: await passwordHash },
  });
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}

const seconds = (ms: number) => Math.floor(ms / 1000);
const codeAt = (secret: string, at: Date) => generate({ secret, epoch: seconds(at.getTime()) });
const step = 30_000;

/** An account with a confirmed second factor; returns its secret and recovery codes. */
async function enrolled(role: Role = "editor", now = new Date()) {
  const account = await newAccount(role);
  await startEnrolment(account, t.db);
  const secret = (await getEnrolment(account, t.db))!.secret;
  const recoveryCodes = await confirmEnrolment(account, { code: await codeAt(secret, now) }, t.db, now);
  return { account, secret, recoveryCodes, enrolledAt: now };
}

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}

async function sessionsOf(userId: string) {
  return t.db.userSession.count({ where: { userId } });
}

describe("enrolment", () => {
  it("shows a QR code made locally, and counts only after a first correct code", async () => {
    const account = await newAccount();
    await startEnrolment(account, t.db);
    const enrolment = await getEnrolment(account, t.db);
    expect(enrolment).not.toBeNull();
    expect(enrolment!.uri).toMatch(/^otpauth:\/\/totp\/Claimbase:/);
    expect(enrolment!.uri).toContain(`secret=${enrolment!.secret}`);
    expect(enrolment!.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(enrolment!.qrCode.split(",")[1]!, "base64").toString()).toContain("<svg");
    // The secret is stored encrypted, not in plain.
    const row = await t.db.twoFactor.findUniqueOrThrow({ where: { userId: account.id } });
    expect(row.secret).not.toContain(enrolment!.secret);
    expect(decryptSecret(row.secret)).toBe(enrolment!.secret);

    // Not yet in force: the password alone still signs in.
    expect(await getTwoFactorStatus(account.id, t.db)).toMatchObject({ state: "enrolling" });
    expect(await authorizeCredentials({ email: account.email, password: PASSWORD }, undefined, t.db)).toMatchObject({ id: account.id });

    const now = new Date();
    const wrongCode = (await codeAt(enrolment!.secret, now)) === "000000" ? "111111" : "000000";
    const wrong = await thrown(confirmEnrolment(account, { code: wrongCode }, t.db, now));
    expect(wrong).toBeInstanceOf(TwoFactorError);
    expect((wrong as TwoFactorError).code).toBe("invalid_code");
    expect(await getTwoFactorStatus(account.id, t.db)).toMatchObject({ state: "enrolling" });

    const codes = await confirmEnrolment(account, { code: await codeAt(enrolment!.secret, now) }, t.db, now);
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect(await getTwoFactorStatus(account.id, t.db)).toMatchObject({ state: "on", recoveryCodesLeft: RECOVERY_CODE_COUNT });
    // Only the hashes are stored.
    const stored = await t.db.recoveryCode.findMany({ where: { userId: account.id } });
    expect(stored.map((r) => r.codeHash).sort()).toEqual(codes.map(hashRecoveryCode).sort());
    expect(await t.db.auditEvent.count({ where: { userId: account.id, action: "two_factor.enabled" } })).toBe(1);
    // Once on, it cannot be started again over itself.
    expect(((await thrown(startEnrolment(account, t.db))) as TwoFactorError).code).toBe("already_enabled");
  });
});

describe("signing in", () => {
  it("asks for the code after the right password and starts no session before it is right", async () => {
    const { account, secret, enrolledAt } = await enrolled();
    const now = new Date(enrolledAt.getTime() + 2 * step);
    const first = await thrown(authorizeCredentials({ email: account.email, password: PASSWORD }, undefined, t.db, now));
    expect(first).toBeInstanceOf(SecondFactorRequiredError);
    expect((first as SecondFactorRequiredError).invalid).toBe(false);
    expect(await sessionsOf(account.id)).toBe(0);
    const pending = (first as SecondFactorRequiredError).pending;

    // A wrong code: refused, still at the second step, audited as a failed sign-in.
    const right = await codeAt(secret, now);
    const wrongCode = right === "123456" ? "654321" : "123456";
    const wrong = await thrown(authorizeCredentials({ pending, code: wrongCode }, undefined, t.db, now));
    expect(wrong).toBeInstanceOf(SecondFactorRequiredError);
    expect((wrong as SecondFactorRequiredError).invalid).toBe(true);
    expect(await sessionsOf(account.id)).toBe(0);
    const failures = await t.db.auditEvent.findMany({ where: { userId: account.id, action: "signin.failure" } });
    expect(failures.map((f) => (f.details as { reason?: string }).reason)).toEqual(["wrong_second_factor"]);

    // The right code: signed in, with a session on the server.
    const user = await authorizeCredentials({ pending, code: right }, undefined, t.db, now);
    expect(user).toMatchObject({ id: account.id, email: account.email });
    expect(await t.db.userSession.findUnique({ where: { id: user!.sessionId } })).toMatchObject({ userId: account.id, revokedAt: null });

    // The same code again (a replay within its 30 seconds) is refused.
    const again = await thrown(authorizeCredentials({ email: account.email, password: PASSWORD, code: right }, undefined, t.db, now));
    expect(again).toBeInstanceOf(SecondFactorRequiredError);
    expect((again as SecondFactorRequiredError).invalid).toBe(true);
  });

  it("accepts the code with the password in one request, and the step before or after the clock", async () => {
    const { account, secret, enrolledAt } = await enrolled();
    const later = new Date(enrolledAt.getTime() + 10 * step);
    const previousStep = await codeAt(secret, new Date(later.getTime() - step));
    expect(await authorizeCredentials({ email: account.email, password: PASSWORD, code: previousStep }, undefined, t.db, later)).toMatchObject({
      id: account.id,
    });
    // A code two steps off is refused.
    const at = new Date(later.getTime() + 10 * step);
    const refused = await thrown(
      authorizeCredentials({ email: account.email, password: PASSWORD, code: await codeAt(secret, new Date(at.getTime() - 2 * step)) }, undefined, t.db, at),
    );
    expect(refused).toBeInstanceOf(SecondFactorRequiredError);
  });

  it("lets a recovery code in once", async () => {
    const { account, recoveryCodes, enrolledAt } = await enrolled();
    const now = new Date(enrolledAt.getTime() + step);
    const code = recoveryCodes[3]!.toLowerCase().replace(/-/g, " ");
    const user = await authorizeCredentials({ email: account.email, password: PASSWORD, code }, undefined, t.db, now);
    expect(user).toMatchObject({ id: account.id });
    const success = await t.db.auditEvent.findFirstOrThrow({ where: { userId: account.id, action: "signin.success" } });
    expect(success.details).toEqual({ secondFactor: "recovery_code", recoveryCodesLeft: RECOVERY_CODE_COUNT - 1 });

    const second = await thrown(authorizeCredentials({ email: account.email, password: PASSWORD, code: recoveryCodes[3]! }, undefined, t.db, now));
    expect(second).toBeInstanceOf(SecondFactorRequiredError);
    expect((second as SecondFactorRequiredError).invalid).toBe(true);
    // The others still work.
    expect(await authorizeCredentials({ email: account.email, password: PASSWORD, code: recoveryCodes[4]! }, undefined, t.db, now)).toMatchObject({
      id: account.id,
    });
  });

  it("refuses a second step that expired, was forged, or outlived a password change", async () => {
    const { account, secret, enrolledAt } = await enrolled();
    const now = new Date(enrolledAt.getTime() + step);
    const first = (await thrown(authorizeCredentials({ email: account.email, password: PASSWORD }, undefined, t.db, now))) as SecondFactorRequiredError;
    const late = new Date(now.getTime() + PENDING_VALIDITY_MS);
    expect(await thrown(authorizeCredentials({ pending: first.pending, code: await codeAt(secret, late) }, undefined, t.db, late))).toBeInstanceOf(
      SecondFactorExpiredError,
    );
    // Another account's id in a token signed by somebody else.
    const other = await newAccount();
    const [body, signature] = first.pending.split(".");
    const payload = JSON.parse(Buffer.from(body!, "base64url").toString()) as { u: string };
    const forged = `${Buffer.from(JSON.stringify({ ...payload, u: other.id })).toString("base64url")}.${signature}`;
    expect(await thrown(authorizeCredentials({ pending: forged, code: await codeAt(secret, now) }, undefined, t.db, now))).toBeInstanceOf(
      SecondFactorExpiredError,
    );
    // The password changed after the first step.
    await t.db.user.update({ where: { id: account.id }, data: { passwordChangedAt: new Date(now.getTime() + 1000) } });
    expect(await thrown(authorizeCredentials({ pending: first.pending, code: await codeAt(secret, now) }, undefined, t.db, now))).toBeInstanceOf(
      SecondFactorExpiredError,
    );
    expect(await sessionsOf(account.id)).toBe(0);
  });

  it("throttles wrong codes: after the limit even the right code is refused", async () => {
    const { account, secret } = await enrolled();
    const now = new Date();
    const first = (await thrown(authorizeCredentials({ email: account.email, password: PASSWORD }, undefined, t.db, now))) as SecondFactorRequiredError;
    const right = await codeAt(secret, new Date(now.getTime() + step));
    const wrong = right === "000001" ? "000002" : "000001";
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(await thrown(authorizeCredentials({ pending: first.pending, code: wrong }, undefined, t.db, now))).toBeInstanceOf(SecondFactorRequiredError);
    }
    const blocked = await thrown(authorizeCredentials({ pending: first.pending, code: right }, undefined, t.db, new Date(now.getTime() + step)));
    expect(blocked).toBeInstanceOf(SignInBlockedError);
    // Refusals cost no audit row each: one for the block, however often it is tried.
    await Promise.all(Array.from({ length: 5 }, () => thrown(authorizeCredentials({ pending: first.pending, code: wrong }, undefined, t.db, now))));
    expect(await sessionsOf(account.id)).toBe(0);
    expect(await t.db.auditEvent.count({ where: { userId: account.id, action: "signin.failure" } })).toBe(MAX_FAILURES);
    expect(await t.db.auditEvent.count({ where: { userId: account.id, action: "signin.blocked" } })).toBe(1);
  });
});

describe("recovery codes and switching off", () => {
  it("renews the recovery codes with a current code; the old ones stop working", async () => {
    const { account, secret, recoveryCodes, enrolledAt } = await enrolled();
    const now = new Date(enrolledAt.getTime() + step);
    expect(((await thrown(renewRecoveryCodes(account, { code: "999999" }, {}, t.db, now))) as TwoFactorError).code).toBe("invalid_code");
    const renewed = await renewRecoveryCodes(account, { code: await codeAt(secret, now) }, {}, t.db, now);
    expect(renewed).toHaveLength(RECOVERY_CODE_COUNT);
    expect(await thrown(authorizeCredentials({ email: account.email, password: PASSWORD, code: recoveryCodes[0]! }, undefined, t.db, now))).toBeInstanceOf(
      SecondFactorRequiredError,
    );
    expect(await authorizeCredentials({ email: account.email, password: PASSWORD, code: renewed[0]! }, undefined, t.db, now)).toMatchObject({ id: account.id });
  });

  it("switches off with a current code; then the password alone signs in", async () => {
    const { account, secret, enrolledAt } = await enrolled("reviewer");
    const now = new Date(enrolledAt.getTime() + step);
    await disableTwoFactor(account, { code: await codeAt(secret, now) }, {}, t.db, now);
    expect(await getTwoFactorStatus(account.id, t.db)).toMatchObject({ state: "off" });
    expect(await t.db.recoveryCode.count({ where: { userId: account.id } })).toBe(0);
    expect(await authorizeCredentials({ email: account.email, password: PASSWORD }, undefined, t.db, now)).toMatchObject({ id: account.id });
    expect(await t.db.auditEvent.count({ where: { userId: account.id, action: "two_factor.disabled" } })).toBe(1);
  });
});

describe("the mandatory setting", () => {
  it("sends admins and editors without a second factor to enrol, and blocks the desk until then", async () => {
    const admin = await newAccount("admin");
    const editor = await newAccount("editor");
    const reviewer = await newAccount("reviewer");
    const withFactor = (await enrolled("editor")).account;
    const claim = async (a: Account) => ({ userId: a.id, sessionId: await startSession(t.db, a.id), issuedAt: Date.now() });

    expect((await resolveSession(await claim(editor), { client: t.db }))?.mustEnrolSecondFactor).toBe(false);
    // Only admins may switch it.
    expect(((await thrown(setTwoFactorRequired(editor, true, t.db))) as TwoFactorError).code).toBe("forbidden");
    await setTwoFactorRequired(admin, true, t.db);
    try {
      expect(await t.db.auditEvent.count({ where: { action: "two_factor.required_changed", userId: admin.id } })).toBe(1);
      expect((await resolveSession(await claim(admin), { client: t.db }))?.mustEnrolSecondFactor).toBe(true);
      expect((await resolveSession(await claim(editor), { client: t.db }))?.mustEnrolSecondFactor).toBe(true);
      expect((await resolveSession(await claim(reviewer), { client: t.db }))?.mustEnrolSecondFactor).toBe(false);
      expect((await resolveSession(await claim(withFactor), { client: t.db }))?.mustEnrolSecondFactor).toBe(false);

      // The guards: the desk redirects to the enrolment, "My account" opens, actions refuse.
      const { getSessionUser, requireUser } = await import("../../lib/auth/session");
      const { createUserAction } = await import("../../app/(desk)/admin/users/actions");
      const { startTwoFactorAction } = await import("../../app/(desk)/admin/account/actions");
      session.current = { user: { id: editor.id }, sid: await startSession(t.db, editor.id) };
      expect(await getSessionUser()).toBeNull();
      const redirect = await thrown(requireUser("/admin/claims"));
      expect(String((redirect as { digest?: string }).digest)).toMatch(/^NEXT_REDIRECT.*\/admin\/account\?twoFactor=required/);
      expect(await requireUser("/admin/account", { beforeSecondFactor: true })).toMatchObject({ id: editor.id });

      session.current = { user: { id: admin.id }, sid: await startSession(t.db, admin.id) };
      const form = new FormData();
      form.set("email", "neu@example.org");
      form.set("name", "Neu");
      form.set("role", "contributor");
      form.set("generatePassword", "on");
      const refused: ActionState = await createUserAction(IDLE, form);
      expect(refused).toMatchObject({ status: "error", code: "unauthenticated" });
      expect(await t.db.user.count({ where: { email: "neu@example.org" } })).toBe(0);
      expect(await startTwoFactorAction(IDLE, new FormData())).toMatchObject({ status: "ok" });
      expect(await getTwoFactorStatus(admin.id, t.db)).toMatchObject({ state: "enrolling" });

      // Where it is mandatory, it cannot be switched off.
      const { account: mandatory, secret } = await enrolled("editor");
      expect(((await thrown(disableTwoFactor(mandatory, { code: await codeAt(secret, new Date()) }, {}, t.db))) as TwoFactorError).code).toBe(
        "required_for_role",
      );
    } finally {
      await setTwoFactorRequired(admin, false, t.db);
      session.current = null;
    }
  });
});

describe("an admin's reset of a lost second factor", () => {
  it("is refused to non-admins and for one's own account", async () => {
    const { account } = await enrolled("editor");
    const editor = await newAccount("editor");
    expect(((await thrown(resetTwoFactor(editor, { id: account.id }, t.db))) as TwoFactorError).code).toBe("forbidden");
    const admin = (await enrolled("admin")).account;
    expect(((await thrown(resetTwoFactor(admin, { id: admin.id }, t.db))) as TwoFactorError).code).toBe("own_account");
    expect(await getTwoFactorStatus(account.id, t.db)).toMatchObject({ state: "on" });
    expect(await getTwoFactorStatus(admin.id, t.db)).toMatchObject({ state: "on" });

    // Through the action, too: an editor may not use it.
    const { resetTwoFactorAction } = await import("../../app/(desk)/admin/users/actions");
    session.current = { user: { id: editor.id }, sid: await startSession(t.db, editor.id) };
    try {
      const form = new FormData();
      form.set("id", account.id);
      expect(await resetTwoFactorAction(IDLE, form)).toMatchObject({ status: "error", code: "forbidden" });
    } finally {
      session.current = null;
    }
    expect(await getTwoFactorStatus(account.id, t.db)).toMatchObject({ state: "on" });
    expect(await t.db.auditEvent.count({ where: { userId: account.id, action: "two_factor.reset" } })).toBe(0);
  });

  it("removes the factor and the recovery codes, ends the sessions, and is audited", async () => {
    const { account, enrolledAt, secret } = await enrolled("editor");
    const admin = await newAccount("admin");
    const now = new Date(enrolledAt.getTime() + step);
    const signedIn = await authorizeCredentials({ email: account.email, password: PASSWORD, code: await codeAt(secret, now) }, undefined, t.db, now);
    const claim = { userId: account.id, sessionId: signedIn!.sessionId, issuedAt: now.getTime() };
    expect(await resolveSession(claim, { client: t.db, now })).not.toBeNull();

    await resetTwoFactor(admin, { id: account.id }, t.db, now);
    expect(await getTwoFactorStatus(account.id, t.db)).toMatchObject({ state: "off" });
    expect(await t.db.recoveryCode.count({ where: { userId: account.id } })).toBe(0);
    expect(await resolveSession(claim, { client: t.db, now })).toBeNull();
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { userId: account.id, action: "two_factor.reset" } });
    expect(audit.details).toMatchObject({ by: admin.id, byName: admin.name, sessionsEnded: 1 });
    // The person signs in with the password and enrols again.
    expect(await authorizeCredentials({ email: account.email, password: PASSWORD }, undefined, t.db, now)).toMatchObject({ id: account.id });
  });
});

describe("the sign-in form's action", () => {
  // Auth.js throws what lib/auth/auth.ts makes of authorize's errors: a CredentialsSignin with
  // a code, and for the second factor the token as `pending` (checked against @auth/core: the
  // error reaches the server action unchanged).
  const credentialsSignin = (code: string, pending?: string) =>
    Object.assign(new Error("CredentialsSignin"), { type: "CredentialsSignin", kind: "signIn", code, ...(pending ? { pending } : {}) });

  it("goes to the code step after the password, keeps it after a wrong code, and starts over when it expired", async () => {
    const auth = await import("../../lib/auth/auth");
    const { signInAction } = await import("../../app/(auth)/signin/actions");
    const signIn = vi.mocked(auth.signIn);

    const step1 = new FormData();
    step1.set("email", "konto@example.org");
    step1.set("password", PASSWORD);
    signIn.mockRejectedValueOnce(credentialsSignin("second_factor_required", "token-1"));
    const atCode = await signInAction({ error: null, email: "", attempt: 0 }, step1);
    expect(atCode).toMatchObject({ error: null, email: "konto@example.org", pending: "token-1" });
    expect(signIn).toHaveBeenLastCalledWith("credentials", expect.objectContaining({ email: "konto@example.org", password: PASSWORD }));

    const step2 = new FormData();
    step2.set("pending", "token-1");
    step2.set("code", "123456");
    signIn.mockRejectedValueOnce(credentialsSignin("second_factor_invalid", "token-1"));
    const wrong = await signInAction(atCode, step2);
    expect(wrong).toMatchObject({ error: msg("signIn.codeInvalid"), email: "konto@example.org", pending: "token-1" });
    expect(text(wrong.error!)).toBe("Der Code ist falsch oder schon verwendet.");
    // The second step sends the token and the code, never a password.
    expect(signIn).toHaveBeenLastCalledWith("credentials", { pending: "token-1", code: "123456", redirectTo: "/admin" });

    signIn.mockRejectedValueOnce(credentialsSignin("second_factor_expired"));
    const expired = await signInAction(wrong, step2);
    expect(expired.pending ?? null).toBeNull();
    expect(text(expired.error!)).toMatch(/abgelaufen/);
    expect(text(expired.error!, "en")).toMatch(/expired/);

    // Without a second factor nothing changes: a wrong password is one message.
    signIn.mockRejectedValueOnce(credentialsSignin("credentials"));
    const refused = await signInAction({ error: null, email: "", attempt: 0 }, step1);
    expect(text(refused.error!)).toBe("E-Mail oder Passwort ist falsch.");
    expect(refused.pending).toBeUndefined();
  });
});
