// Throttling of password guessing, for the sign-in (lib/auth/auth.ts) and the password reset
// with a one-time code (/reset-password, lib/editorial/users.ts).
//
// The failures are the audit log's own rows (AuditEvent "signin.failure" and
// "password_reset.failure"), counted in a sliding window per typed e-mail address AND per
// client address: at MAX_FAILURES within WINDOW_MS, further attempts are refused, even with the
// right password, until enough failures have left the window. With exactly MAX_FAILURES that is
// WINDOW_MS after the oldest counted failure; with more (parallel attempts) it is WINDOW_MS
// after the MAX_FAILURES-th most recent one, i.e. the moment the count drops below the limit.
// Refused attempts are logged as "...blocked" and do not count as failures, so hammering on a
// blocked account does not prolong the block. Successful sign-ins do not reset the count.
//
// The client address is X-Forwarded-For, which by then holds exactly one address: the
// preload scripts/trusted-proxies.cjs (loaded into Next.js by npm start) replaces whatever the
// client sent with the TCP peer, or, when the peer is a proxy listed in
// CLAIMBASE_TRUSTED_PROXIES, with the client that proxy reports (lib/trusted-proxies.cjs). So a
// client cannot pick its address to get round the per-address limit. Anything else there (a
// list, garbage: a process started without the preload) counts as no address, and only the
// per-e-mail limit applies. X-Real-IP is not read.
//
// Caveat (deliberate): anyone can lock an account for WINDOW_MS by failing often enough; that
// is the price of the limit.
import type { Db } from "../db/client";
import { db } from "../db/client";
import { normalizeAddress } from "../trusted-proxies.cjs";

/** Failures within the window that block further attempts. */
export const MAX_FAILURES = 10;
/** The window in which failures are counted, and the length of a block. */
export const WINDOW_MS = 15 * 60 * 1000;
/** The audit actions counted as failed guesses. */
export const FAILURE_ACTIONS = ["signin.failure", "password_reset.failure"] as const;

export interface RateLimitStatus {
  blocked: boolean;
  /** When an attempt is possible again (set when blocked). */
  retryAt: Date | null;
  /** What is blocked: the account's e-mail, the client address, or both. */
  by: ("email" | "ip")[];
}

type Reader = Pick<Db, "auditEvent">;

/** When `key` is blocked at `now`, the moment it is free again; else null. */
async function blockedUntil(client: Reader, key: { email: string } | { ip: string }, now: Date): Promise<Date | null> {
  const recent = await client.auditEvent.findMany({
    where: { ...key, action: { in: [...FAILURE_ACTIONS] }, createdAt: { gt: new Date(now.getTime() - WINDOW_MS), lte: now } },
    orderBy: { createdAt: "desc" },
    take: MAX_FAILURES,
    select: { createdAt: true },
  });
  if (recent.length < MAX_FAILURES) return null;
  // The MAX_FAILURES-th most recent failure: once it leaves the window, fewer remain.
  return new Date(recent[MAX_FAILURES - 1]!.createdAt.getTime() + WINDOW_MS);
}

export async function checkRateLimit(
  subject: { email?: string | null; ip?: string | null },
  options: { now?: Date; client?: Reader } = {},
): Promise<RateLimitStatus> {
  const now = options.now ?? new Date();
  const client = options.client ?? db;
  const email = subject.email?.trim().toLowerCase() || null;
  const [byEmail, byIp] = await Promise.all([
    email ? blockedUntil(client, { email }, now) : null,
    subject.ip ? blockedUntil(client, { ip: subject.ip }, now) : null,
  ]);
  const by: RateLimitStatus["by"] = [];
  if (byEmail) by.push("email");
  if (byIp) by.push("ip");
  const times = [byEmail, byIp].filter((d): d is Date => d !== null).map((d) => d.getTime());
  return { blocked: by.length > 0, retryAt: times.length ? new Date(Math.max(...times)) : null, by };
}

const BERLIN_TIME = new Intl.DateTimeFormat("de-DE", {
  timeZone: "Europe/Berlin",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** HH:MM in Berlin, rounded UP to the full minute (at the shown minute the block is over). */
export function retryClock(retryAt: Date): string {
  const minute = 60_000;
  return BERLIN_TIME.format(new Date(Math.ceil(retryAt.getTime() / minute) * minute));
}

export function rateLimitMessage(retryAt: Date): string {
  return `Zu viele Fehlversuche. Bitte versuchen Sie es um ${retryClock(retryAt)} Uhr erneut.`;
}

// The sign-in reports a block to the sign-in form through the error's `code` (Auth.js puts
// it into the error thrown to the server action, or into the URL as `?code=`).
const CODE_PREFIX = "rate_limited:";

export function rateLimitCode(retryAt: Date): string {
  return `${CODE_PREFIX}${retryAt.toISOString()}`;
}

/** The retry time from a `rate_limited:<ISO time>` code; null for anything else. */
export function parseRateLimitCode(code: unknown): Date | null {
  if (typeof code !== "string" || !code.startsWith(CODE_PREFIX)) return null;
  const iso = code.slice(CODE_PREFIX.length);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(iso)) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The client address of a request: X-Forwarded-For as the preload scripts/trusted-proxies.cjs
 * left it, one address; null for no header or anything that is not a single address.
 */
export function clientIp(headers: Headers | undefined | null): string | null {
  return normalizeAddress(headers?.get("x-forwarded-for") ?? null);
}
