// The credentials check of the sign-in (used by lib/auth/auth.ts's Auth.js provider; kept free of
// next-auth so that tests can call it): e-mail + password against User.passwordHash, with the
// throttling of lib/auth/rate-limit.ts (the attempt is counted before the hash runs) and an
// audit event for every outcome but the refusals after the first of a window; then, for an
// account with a second factor (lib/auth/two-factor.ts), the code. Only a complete sign-in
// starts a session (a UserSession row, lib/auth/sessions.ts).
//
// Two ways to give the code:
// - in two steps, as the sign-in form does: e-mail + password first, answered by
//   SecondFactorRequiredError with a short-lived signed token (lib/auth/pending-signin.ts);
//   then `pending` (the token) + `code`;
// - in one: e-mail + password + code.
import { z } from "zod";
import type { Role } from "../generated/prisma/enums";
import { db as defaultDb, type Db } from "../db/client";
import { tryWriteAuditEvent } from "./audit";
import { hashPassword, verifyPassword } from "./password";
import { issuePendingSignIn, readPendingSignIn } from "./pending-signin";
import { clientIp, consumeAttempt, refundAttempt } from "./rate-limit";
import { startSession } from "./sessions";
import { consumeSecondFactor, throttledSecondFactor, TwoFactorError } from "./two-factor";
import { browserLocale, isLocale, LOCALE_COOKIE, type Locale } from "../i18n";

/** The account or the client address is blocked until `retryAt` (lib/auth/rate-limit.ts). */
export class SignInBlockedError extends Error {
  constructor(readonly retryAt: Date) {
    super(`sign-in blocked until ${retryAt.toISOString()}`);
    this.name = "SignInBlockedError";
  }
}

/**
 * The password was right, and the account has a second factor: no session yet. `pending` is the
 * token for the second step; `invalid` says that a code was given and was wrong.
 */
export class SecondFactorRequiredError extends Error {
  constructor(
    readonly pending: string,
    readonly invalid: boolean,
  ) {
    super(invalid ? "wrong second-factor code" : "second factor required");
    this.name = "SecondFactorRequiredError";
  }
}

/** The token of the second step is expired, forged, or the account changed: start again. */
export class SecondFactorExpiredError extends Error {
  constructor() {
    super("second-factor step expired");
    this.name = "SecondFactorExpiredError";
  }
}

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** The UserSession row of this sign-in (the JWT's `sid`). */
  sessionId: string;
}

// A TOTP code or a recovery code, in any spacing (lib/auth/two-factor.ts reads it).
const secondFactorCode = z.string().trim().min(1).max(64);

const credentialsSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email())
    .refine((v) => v.length <= 320),
  // Long enough for any passphrase, short enough that hashing it cannot be abused.
  password: z.string().min(1).max(1024),
  // An empty field is no code (a form that always sends the field).
  code: z.preprocess((v) => (v === "" ? undefined : v), secondFactorCode.optional()),
});

const secondStepSchema = z.object({
  pending: z.string().min(1).max(2048),
  code: secondFactorCode,
});

// Verifying against a throwaway hash when the account does not exist makes a failed sign-in
// take as long for an unknown e-mail as for a wrong password (no account enumeration by timing).
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(`no-such-account-${Math.random()}`);
  return dummyHash;
}

type FailureReason = "invalid_input" | "unknown_user" | "inactive" | "wrong_password" | "expired_second_step";

function audit(
  db: Db,
  action: "signin.success" | "signin.failure" | "signin.blocked",
  entry: { userId?: string | null; email?: string | null; ip: string | null; reason?: FailureReason; details?: Record<string, string | number> },
): Promise<void> {
  return tryWriteAuditEvent(db, {
    action,
    userId: entry.userId ?? null,
    email: entry.email ?? null,
    ip: entry.ip,
    details: entry.reason ? { reason: entry.reason } : entry.details,
  });
}

const ACCOUNT = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  passwordHash: true,
  passwordChangedAt: true,
  locale: true,
  twoFactor: { select: { confirmedAt: true } },
} as const;

/**
 * The account for `credentials`, or null (wrong e-mail or password, inactive account, invalid
 * input). Throws SignInBlockedError while the e-mail or the address is blocked, before the
 * password (or the code) is looked at; SecondFactorRequiredError when the account's second
 * factor is still needed (or the code was wrong); SecondFactorExpiredError for a second step
 * that cannot go on.
 */
export async function authorizeCredentials(
  credentials: unknown,
  request?: Request,
  db: Db = defaultDb,
  now: Date = new Date(),
): Promise<SignedInUser | null> {
  const ip = clientIp(request?.headers);
  const browser = browserLocale(request?.headers.get("accept-language") ?? null, cookieValue(request?.headers.get("cookie") ?? null, LOCALE_COOKIE));
  const blocked = { action: "signin.blocked" as const };
  if (credentials && typeof credentials === "object" && "pending" in credentials && (credentials as { pending?: unknown }).pending) {
    return secondStep(credentials, ip, browser, db, now);
  }
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) {
    // Costs no hash, but is counted by address all the same: otherwise each such request
    // would be a free audit row.
    const attempt = await consumeAttempt("password", { ip }, { client: db, blocked });
    if (!attempt.allowed) throw new SignInBlockedError(attempt.retryAt);
    const raw = (credentials as { email?: unknown } | null)?.email;
    await audit(db, "signin.failure", {
      email: typeof raw === "string" ? raw.slice(0, 320).toLowerCase() : null,
      ip,
      reason: "invalid_input",
    });
    return null;
  }
  const { email, password, code } = parsed.data;
  // Counted before the password is looked at, so parallel guesses cannot outrun the count; a
  // blocked account or address is refused even with the right password (otherwise the block
  // would only slow down the guessing, not stop it).
  const attempt = await consumeAttempt("password", { email, ip }, { client: db, blocked });
  if (!attempt.allowed) throw new SignInBlockedError(attempt.retryAt);
  const user = await db.user.findUnique({ where: { email }, select: ACCOUNT });
  if (!user) {
    await verifyPassword(await getDummyHash(), password);
    await audit(db, "signin.failure", { email, ip, reason: "unknown_user" });
    return null;
  }
  const valid = await verifyPassword(user.passwordHash, password);
  if (!valid || !user.active) {
    await audit(db, "signin.failure", { userId: user.id, email, ip, reason: valid ? "inactive" : "wrong_password" });
    return null;
  }
  await refundAttempt("password", { email, ip }, { client: db });
  if (user.twoFactor?.confirmedAt) {
    if (!code) throw new SecondFactorRequiredError(issuePendingSignIn(user, now), false);
    return withSecondFactor(user, code, null, ip, browser, db, now);
  }
  return complete(user, ip, browser, db, now, {});
}

type Account = { id: string; email: string; name: string; role: Role; passwordChangedAt: Date | null; locale: string | null };

/** A cookie's value from a Cookie header, or null. */
function cookieValue(header: string | null, name: string): string | null {
  for (const part of header?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return null;
}

/** The second step: the token of the first, and the code. */
async function secondStep(credentials: unknown, ip: string | null, browser: Locale, db: Db, now: Date): Promise<SignedInUser | null> {
  const parsed = secondStepSchema.safeParse(credentials);
  const token = parsed.success ? readPendingSignIn(parsed.data.pending, now) : null;
  const user = token ? await db.user.findUnique({ where: { id: token.userId }, select: ACCOUNT }) : null;
  if (
    !parsed.success ||
    !token ||
    !user ||
    !user.active ||
    !user.twoFactor?.confirmedAt ||
    (user.passwordChangedAt?.getTime() ?? 0) !== token.passwordStamp
  ) {
    await audit(db, "signin.failure", { userId: user?.id ?? null, email: user?.email ?? null, ip, reason: "expired_second_step" });
    throw new SecondFactorExpiredError();
  }
  return withSecondFactor(user, parsed.data.code, parsed.data.pending, ip, browser, db, now);
}

async function withSecondFactor(
  user: Account,
  code: string,
  pending: string | null,
  ip: string | null,
  browser: Locale,
  db: Db,
  now: Date,
): Promise<SignedInUser> {
  let used: "totp" | "recovery_code" | null;
  try {
    used = await throttledSecondFactor(db, { userId: user.id, email: user.email, ip, step: "signin" }, () => consumeSecondFactor(db, user.id, code, now));
  } catch (error) {
    // Audited by the throttle itself, once per blocked window.
    if (error instanceof TwoFactorError && error.code === "rate_limited" && error.params.retryAt) throw new SignInBlockedError(error.params.retryAt);
    throw error;
  }
  if (!used) throw new SecondFactorRequiredError(pending ?? issuePendingSignIn(user, now), true);
  const details: Record<string, string | number> = { secondFactor: used };
  if (used === "recovery_code") details.recoveryCodesLeft = await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } });
  return complete(user, ip, browser, db, now, details);
}

/**
 * The sign-in succeeded: the time, a session, the audit entry. An account without a language
 * of its own gets the browser's (`browser`) as its desk's language, changeable under "My
 * account" (lib/editorial/users.ts setOwnLocale).
 */
async function complete(user: Account, ip: string | null, browser: Locale, db: Db, now: Date, details: Record<string, string | number>): Promise<SignedInUser> {
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: now, ...(isLocale(user.locale) ? {} : { locale: browser }) } });
  const sessionId = await startSession(db, user.id, { ip, now });
  await audit(db, "signin.success", { userId: user.id, email: user.email, ip, details: Object.keys(details).length ? details : undefined });
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionId };
}
