// Throttling of guesses at a secret: the password (sign-in, lib/auth/credentials.ts, and the
// change of one's own password, lib/editorial/users.ts), the one-time reset code
// (/reset-password) and the second factor (kind "totp", for the two-factor sign-in).
//
// How it counts
// - Every attempt is counted BEFORE the secret is checked (consumeAttempt), in one atomic
//   statement per key, so N parallel guesses count N, and the attempt beyond MAX_FAILURES is
//   refused without running the Argon2 hash (which is what makes a guess expensive, for the
//   guesser and for the server). An attempt whose secret was right gives its point back
//   (refundAttempt): successes do not count as failures.
// - Counted per kind of secret, per account (the e-mail typed, lower case) and per client
//   address, each in a fixed window of WINDOW_MS that starts with its first attempt: at
//   MAX_FAILURES in the window, further attempts are refused, even with the right secret, until
//   the window ends. The sign-in and the change of one's own password both guess the account's
//   password and share the kind "password".
// - The address is counted first; an attempt refused by its address does not touch the
//   account's counter (so one address cannot fill the table with typed e-mails), and an attempt
//   refused by the account gives the address its point back (the owner's colleagues behind the
//   same address are not blocked by someone hammering one locked account).
// - Refused attempts are counted in the window (the counter keeps rising past the limit, which
//   does not prolong the block) but logged once: the first refusal of a key in a window writes
//   one "...blocked" audit event, the ones after it none. So hammering costs one row update per
//   attempt and no new rows.
//
// The store: rate-limiter-flexible's PostgreSQL store (RateLimiterPostgres) on the app's own pg
// pool (lib/db/client.ts poolOf), in the table AuthThrottle that a migration creates
// (`tableCreated: true`: the library creates nothing). Its consume is one
// INSERT ... ON CONFLICT DO UPDATE ... RETURNING, atomic across requests and app servers; the
// library also removes rows an hour past their window. A refund that lands after its window
// ended starts the next window at -1 (one more attempt there): harmless, and not worth a store
// of our own.
//
// The client address is X-Forwarded-For, which by then holds exactly one address: the
// preload scripts/trusted-proxies.cjs (loaded into Next.js by npm start) replaces whatever the
// client sent with the TCP peer, or, when the peer is a proxy listed in
// CLAIMBASE_TRUSTED_PROXIES, with the client that proxy reports (lib/trusted-proxies.cjs). So a
// client cannot pick its address to get round the per-address limit. Anything else there (a
// list, garbage: a process started without the preload) counts as no address, and only the
// per-account limit applies. X-Real-IP is not read.
//
// Caveat (deliberate): anyone can lock an account for up to WINDOW_MS by failing often enough;
// that is the price of the limit.
import type pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { db as defaultDb, poolOf, type Db } from "../db/client";
import { normalizeAddress } from "../trusted-proxies.cjs";
import { tryWriteAuditEvent, type AuditAction } from "./audit";
import { msg, type Message } from "../messages";

/** Failed attempts within the window that block further attempts. */
export const MAX_FAILURES = 10;
/** The window in which attempts are counted, and the longest a block lasts. */
export const WINDOW_MS = 15 * 60 * 1000;

/** What is being guessed: each kind has its own counters. */
export type AttemptKind = "password" | "reset_code" | "totp";

export interface AttemptSubject {
  /** The account guessed at: its e-mail address (as typed; compared in lower case). */
  email?: string | null;
  /** The client address (clientIp). */
  ip?: string | null;
}

export type AttemptResult =
  | { allowed: true }
  | {
      allowed: false;
      /** When an attempt is possible again. */
      retryAt: Date;
      /** What is blocked: the account's e-mail, the client address, or both. */
      by: ("email" | "ip")[];
    };

export interface AttemptOptions {
  client?: Db;
  /**
   * The audit event for a refusal, written once per blocked key and window: its action
   * ("signin.blocked", ...) and the account, when known. details: kind, by, retryAt.
   */
  blocked?: { action: AuditAction; userId?: string | null };
}

const limiters = new WeakMap<pg.Pool, RateLimiterPostgres>();

function limiterFor(client: Db): RateLimiterPostgres {
  const pool = poolOf(client);
  let limiter = limiters.get(pool);
  if (!limiter) {
    limiter = new RateLimiterPostgres({
      storeClient: pool,
      storeType: "pool",
      tableName: "AuthThrottle",
      tableCreated: true,
      keyPrefix: "",
      points: MAX_FAILURES,
      duration: WINDOW_MS / 1000,
    });
    limiters.set(pool, limiter);
  }
  return limiter;
}

interface Keys {
  email: string | null;
  ip: string | null;
}

function keysOf(kind: AttemptKind, subject: AttemptSubject): Keys {
  const email = subject.email?.trim().toLowerCase().slice(0, 320) || null;
  const ip = normalizeAddress(subject.ip ?? null);
  return { email: email && `${kind}:email:${email}`, ip: ip && `${kind}:ip:${ip}` };
}

interface Taken {
  refused: boolean;
  /** The first refusal of this key in its window. */
  firstRefusal: boolean;
  retryAt: Date;
}

/** One point from `key`: refused when that makes more than MAX_FAILURES in the window. */
async function take(limiter: RateLimiterPostgres, key: string): Promise<Taken> {
  try {
    const res = await limiter.consume(key);
    return { refused: false, firstRefusal: false, retryAt: new Date(Date.now() + res.msBeforeNext) };
  } catch (error) {
    // The library rejects with its result when the points are used up, with an Error when the
    // store failed (which goes on: no answer without a count).
    if (!(error instanceof RateLimiterRes)) throw error;
    return { refused: true, firstRefusal: error.consumedPoints === MAX_FAILURES + 1, retryAt: new Date(Date.now() + error.msBeforeNext) };
  }
}

/** Until when `key` stays blocked, without counting anything; null when it is not. */
async function blockedUntil(limiter: RateLimiterPostgres, key: string | null): Promise<Date | null> {
  if (!key) return null;
  const res = await limiter.get(key);
  return res && res.consumedPoints >= MAX_FAILURES ? new Date(Date.now() + res.msBeforeNext) : null;
}

/**
 * Counts one attempt at the secret of `kind` for the account and the client address; call it
 * BEFORE checking the secret, and refundAttempt when the secret was right. Refused (allowed:
 * false) while either is blocked; then the secret must not be checked at all.
 */
export async function consumeAttempt(kind: AttemptKind, subject: AttemptSubject, options: AttemptOptions = {}): Promise<AttemptResult> {
  const client = options.client ?? defaultDb;
  const limiter = limiterFor(client);
  const keys = keysOf(kind, subject);
  let refusal: { by: ("email" | "ip")[]; retryAt: Date; firstRefusal: boolean } | null = null;

  const ip = keys.ip ? await take(limiter, keys.ip) : null;
  if (ip?.refused) {
    // Not counted against the account; but say so when it is blocked too.
    const emailUntil = await blockedUntil(limiter, keys.email);
    refusal = {
      by: emailUntil ? ["email", "ip"] : ["ip"],
      retryAt: new Date(Math.max(ip.retryAt.getTime(), emailUntil?.getTime() ?? 0)),
      firstRefusal: ip.firstRefusal,
    };
  } else if (keys.email) {
    const email = await take(limiter, keys.email);
    if (email.refused) {
      if (keys.ip) await limiter.reward(keys.ip, 1);
      refusal = { by: ["email"], retryAt: email.retryAt, firstRefusal: email.firstRefusal };
    }
  }
  if (!refusal) return { allowed: true };

  if (refusal.firstRefusal && options.blocked) {
    await tryWriteAuditEvent(client, {
      action: options.blocked.action,
      userId: options.blocked.userId ?? null,
      email: subject.email?.trim().toLowerCase().slice(0, 320) || null,
      ip: normalizeAddress(subject.ip ?? null),
      details: { kind, by: refusal.by.join("+"), retryAt: refusal.retryAt.toISOString() },
    });
  }
  return { allowed: false, retryAt: refusal.retryAt, by: refusal.by };
}

/** Gives back the point of an attempt whose secret was right (it was no failure). */
export async function refundAttempt(kind: AttemptKind, subject: AttemptSubject, options: { client?: Db } = {}): Promise<void> {
  const limiter = limiterFor(options.client ?? defaultDb);
  const keys = keysOf(kind, subject);
  await Promise.all([keys.email, keys.ip].filter((k): k is string => k !== null).map((k) => limiter.reward(k, 1)));
}

/**
 * Forgets the counted attempts of `kind` for the account and/or address (for example after an
 * admin has reset the account's second factor).
 */
export async function clearAttempts(kind: AttemptKind, subject: AttemptSubject, options: { client?: Db } = {}): Promise<void> {
  const limiter = limiterFor(options.client ?? defaultDb);
  const keys = keysOf(kind, subject);
  await Promise.all([keys.email, keys.ip].filter((k): k is string => k !== null).map((k) => limiter.delete(k)));
}

export interface AttemptCount {
  /** Attempts counted in the current window (refused ones included, refunds subtracted). */
  attempts: number;
  /** When the window ends; null when nothing is counted. */
  windowEndsAt: Date | null;
}

/** What is counted now for the account and the address, without counting anything. */
export async function attemptCounts(
  kind: AttemptKind,
  subject: AttemptSubject,
  options: { client?: Db } = {},
): Promise<{ email: AttemptCount | null; ip: AttemptCount | null }> {
  const limiter = limiterFor(options.client ?? defaultDb);
  const keys = keysOf(kind, subject);
  const read = async (key: string | null): Promise<AttemptCount | null> => {
    if (!key) return null;
    const res = await limiter.get(key);
    return res ? { attempts: res.consumedPoints, windowEndsAt: new Date(Date.now() + res.msBeforeNext) } : { attempts: 0, windowEndsAt: null };
  };
  const [email, ip] = await Promise.all([read(keys.email), read(keys.ip)]);
  return { email, ip };
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

/** What a blocked person is told (catalogue msg.auth.rateLimited: the time in Berlin). */
export function rateLimitMessage(retryAt: Date): Message {
  return msg("msg.auth.rateLimited", { time: retryClock(retryAt) });
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
