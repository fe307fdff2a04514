// The credentials check of the sign-in (used by lib/auth/auth.ts's Auth.js provider; kept free of
// next-auth so that tests can call it): e-mail + password against User.passwordHash, with the
// throttling of lib/auth/rate-limit.ts (the attempt is counted before the hash runs) and an
// audit event for every outcome but the refusals after the first of a window.
import { z } from "zod";
import type { Role } from "../generated/prisma/enums";
import { db as defaultDb, type Db } from "../db/client";
import { tryWriteAuditEvent } from "./audit";
import { hashPassword, verifyPassword } from "./password";
import { clientIp, consumeAttempt, refundAttempt } from "./rate-limit";

/** The account or the client address is blocked until `retryAt` (lib/auth/rate-limit.ts). */
export class SignInBlockedError extends Error {
  constructor(readonly retryAt: Date) {
    super(`sign-in blocked until ${retryAt.toISOString()}`);
    this.name = "SignInBlockedError";
  }
}

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

const credentialsSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email())
    .refine((v) => v.length <= 320),
  // Long enough for any passphrase, short enough that hashing it cannot be abused.
  password: z.string().min(1).max(1024),
});

// Verifying against a throwaway hash when the account does not exist makes a failed sign-in
// take as long for an unknown e-mail as for a wrong password (no account enumeration by timing).
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(`no-such-account-${Math.random()}`);
  return dummyHash;
}

type FailureReason = "invalid_input" | "unknown_user" | "inactive" | "wrong_password";

function audit(
  db: Db,
  action: "signin.success" | "signin.failure" | "signin.blocked",
  entry: { userId?: string | null; email?: string | null; ip: string | null; reason?: FailureReason; details?: Record<string, string> },
): Promise<void> {
  return tryWriteAuditEvent(db, {
    action,
    userId: entry.userId ?? null,
    email: entry.email ?? null,
    ip: entry.ip,
    details: entry.reason ? { reason: entry.reason } : entry.details,
  });
}

/**
 * The account for `credentials`, or null (wrong e-mail or password, inactive account, invalid
 * input). Throws SignInBlockedError while the e-mail or the address is blocked, before the
 * password is looked at.
 */
export async function authorizeCredentials(credentials: unknown, request?: Request, db: Db = defaultDb): Promise<SignedInUser | null> {
  const ip = clientIp(request?.headers);
  const blocked = { action: "signin.blocked" as const };
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
  const { email, password } = parsed.data;
  // Counted before the password is looked at, so parallel guesses cannot outrun the count; a
  // blocked account or address is refused even with the right password (otherwise the block
  // would only slow down the guessing, not stop it).
  const attempt = await consumeAttempt("password", { email, ip }, { client: db, blocked });
  if (!attempt.allowed) throw new SignInBlockedError(attempt.retryAt);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true },
  });
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
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await audit(db, "signin.success", { userId: user.id, email, ip });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
