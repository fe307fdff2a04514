// Between the two steps of a sign-in with a second factor. After the right password, the
// account gets no session yet but this token: signed with a key derived from AUTH_SECRET, naming
// the account, valid for PENDING_VALIDITY_MS, and void once the password changes. The second
// step sends it with the code instead of sending the password again (so the password is neither
// kept in the page nor hashed twice). It proves only that the password was right a moment ago;
// the code is still needed, and wrong codes are throttled (lib/auth/two-factor.ts).
import { createHmac, timingSafeEqual } from "node:crypto";
import { serverKey } from "./server-key";

export const PENDING_VALIDITY_MS = 5 * 60 * 1000;

interface Payload {
  /** The account. */
  u: string;
  /** Valid until (ms since 1970). */
  e: number;
  /** The account's passwordChangedAt when the password was checked (ms; 0 for none). */
  p: number;
}

function sign(body: string): string {
  return createHmac("sha256", serverKey("pending-signin")).update(body).digest("base64url");
}

export function issuePendingSignIn(user: { id: string; passwordChangedAt: Date | null }, now: Date = new Date()): string {
  const payload: Payload = { u: user.id, e: now.getTime() + PENDING_VALIDITY_MS, p: user.passwordChangedAt?.getTime() ?? 0 };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${sign(body)}`;
}

/** The account and password stamp of a valid, unexpired token; null for anything else. */
export function readPendingSignIn(token: string, now: Date = new Date()): { userId: string; passwordStamp: number } | null {
  const [body, signature, ...rest] = token.split(".");
  if (!body || !signature || rest.length > 0) return null;
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let payload: Partial<Payload>;
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Partial<Payload>;
  } catch {
    return null;
  }
  if (typeof payload.u !== "string" || typeof payload.e !== "number" || typeof payload.p !== "number") return null;
  if (now.getTime() >= payload.e) return null;
  return { userId: payload.u, passwordStamp: payload.p };
}
