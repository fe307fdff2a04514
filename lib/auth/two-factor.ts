// TWO-FACTOR SIGN-IN (TOTP, RFC 6238, with otplib) for desk accounts.
//
// Rules
// - Enrolment, from "My account": a new secret is stored (encrypted, lib/auth/server-key.ts)
//   and shown as a QR code made here (the `qrcode` package, no outside service) and as text.
//   It counts only once a first code from the app confirms it; then ten one-time recovery codes
//   are shown, once. Only their SHA-256 is stored (80 random bits each: no salt needed).
// - Sign-in: after the right password an account with a second factor gets no session until a
//   code (or a recovery code) is given (lib/auth/credentials.ts). A TOTP code is accepted in the
//   30-second step before, at and after the server's clock, and each step once (a code seen once
//   cannot be replayed); a recovery code once.
// - Wrong codes are throttled like passwords (throttledSecondFactor below) and audited.
// - The setting `security.requireTwoFactor` (lib/settings.ts; admins switch it on /admin/users)
//   makes it mandatory for admins and editors: such an account without one is sent to enrol and
//   can do nothing else on the desk until it has (lib/auth/session.ts). It then cannot switch
//   its second factor off either.
// - An admin resets a lost second factor of another account (never their own: that would let a
//   stolen session remove the factor without a code). The reset ends the account's sessions and
//   is written to the audit log; the person then enrols again.
//
// The functions return or throw TwoFactorError codes; the pages and actions turn them into
// words (messages/*.json, namespace twoFactor).
import { createHash, randomBytes } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { z } from "zod";
import type { Role } from "../generated/prisma/enums";
import type { Prisma } from "../generated/prisma/client";
import { db as defaultDb, type Db } from "../db/client";
import { tryWriteAuditEvent, writeAuditEvent } from "./audit";
import { can } from "./permissions";
import { clearAttempts, consumeAttempt, refundAttempt } from "./rate-limit";
import { decryptSecret, encryptSecret } from "./server-key";
import { endAllSessions } from "./sessions";

export const RECOVERY_CODE_COUNT = 10;
/** Seconds of clock difference accepted either way: one 30-second step. */
export const TOTP_TOLERANCE_S = 30;
/** The name the authenticator app shows beside the account. */
export const TOTP_ISSUER = "Claimbase";
/** Roles for which the setting makes a second factor mandatory. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ["admin", "editor"];
export const REQUIRE_SETTING = "security.requireTwoFactor";

export type TwoFactorErrorCode =
  | "invalid_code"
  | "already_enabled"
  | "not_enrolling"
  | "not_enabled"
  | "required_for_role"
  | "own_account"
  | "forbidden"
  | "not_found"
  | "rate_limited";

export class TwoFactorError extends Error {
  constructor(
    readonly code: TwoFactorErrorCode,
    readonly params: { retryAt?: Date } = {},
  ) {
    super(`two-factor: ${code}`);
    this.name = "TwoFactorError";
  }
}

type Client = Db | Prisma.TransactionClient;
interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/** What a code field accepts: a 6-digit TOTP code or a recovery code, in any spacing. */
export const codeSchema = z.object({ code: z.string().trim().min(1).max(64) });

// ── The mandatory setting ───────────────────────────────────────────────────────────────────

export async function isTwoFactorRequired(client: Client = defaultDb): Promise<boolean> {
  const row = await client.setting.findUnique({ where: { key: REQUIRE_SETTING }, select: { value: true } });
  return row?.value === true;
}

/** Whether an account of `role` without a second factor must enrol before using the desk. */
export async function mustEnrolSecondFactor(role: Role, hasSecondFactor: boolean, client: Client = defaultDb): Promise<boolean> {
  if (hasSecondFactor || !SECOND_FACTOR_ROLES.includes(role)) return false;
  return isTwoFactorRequired(client);
}

export async function setTwoFactorRequired(actor: Actor, required: boolean, client: Db = defaultDb): Promise<void> {
  if (!can(actor.role, "users.manage")) throw new TwoFactorError("forbidden");
  await client.$transaction(async (tx) => {
    await tx.setting.upsert({ where: { key: REQUIRE_SETTING }, create: { key: REQUIRE_SETTING, value: required }, update: { value: required } });
    await writeAuditEvent(tx, { action: "two_factor.required_changed", userId: actor.id, email: actor.email, details: { required, by: actor.id, byName: actor.name } });
  });
}

// ── Codes ───────────────────────────────────────────────────────────────────────────────────

// 32 characters without look-alikes (no I, O, 0, 1): each byte's low 5 bits pick one without bias.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** 16 random characters (80 bits) in groups of four: "K7QM-XW4P-3HTR-9BNC". */
export function generateRecoveryCode(): string {
  const chars = Array.from(randomBytes(16), (b) => ALPHABET[b & 31]!);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join("")).join("-");
}

function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normalizeCode(code)).digest("hex");
}

/** The TOTP time step a code matches at `now` (after `afterTimeStep`), or null. */
export async function matchTotp(secret: string, code: string, now: Date, afterTimeStep?: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: TOTP_TOLERANCE_S,
      ...(afterTimeStep != null ? { afterTimeStep } : {}),
    });
    // otplib's functional verify answers for TOTP and HOTP alike; a TOTP match has its step.
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    // otplib throws for malformed secrets or tokens: a code that cannot match.
    return null;
  }
}

/**
 * Checks and uses up a second-factor code of a confirmed second factor: a TOTP code (its time
 * step is recorded, so it is accepted once), or an unused recovery code (marked used). Both are
 * conditional updates, so two requests with the same code cannot both pass.
 */
export async function consumeSecondFactor(
  client: Client,
  userId: string,
  rawCode: string,
  now: Date = new Date(),
): Promise<"totp" | "recovery_code" | null> {
  const code = normalizeCode(rawCode);
  const row = await client.twoFactor.findUnique({ where: { userId }, select: { secret: true, confirmedAt: true, lastTimeStep: true } });
  if (!row?.confirmedAt) return null;
  if (/^\d{6}$/.test(code)) {
    const secret = decryptSecret(row.secret);
    if (!secret) return null;
    const step = await matchTotp(secret, code, now, row.lastTimeStep);
    if (step === null) return null;
    const { count } = await client.twoFactor.updateMany({
      where: { userId, OR: [{ lastTimeStep: null }, { lastTimeStep: { lt: step } }] },
      data: { lastTimeStep: step },
    });
    return count === 1 ? "totp" : null;
  }
  if (code.length !== 16) return null;
  const { count } = await client.recoveryCode.updateMany({ where: { userId, codeHash: hashRecoveryCode(code), usedAt: null }, data: { usedAt: now } });
  return count === 1 ? "recovery_code" : null;
}

/**
 * The throttle of second-factor guesses, in one place: counted per account and client address
 * on counters of their own (kind "totp"), before the code is looked at, given back when the
 * code was right; a wrong code is audited as a failed sign-in (reason "wrong_second_factor"),
 * a block once per window ("signin.blocked"). Throws TwoFactorError("rate_limited") while
 * blocked; returns what `attempt` found.
 */
export async function throttledSecondFactor<T>(
  client: Db,
  key: { userId: string; email: string; ip: string | null; step: "signin" | "account" },
  attempt: () => Promise<T | null>,
): Promise<T | null> {
  // Counted before the code is looked at (lib/auth/rate-limit.ts), on counters of its own.
  const subject = { email: key.email, ip: key.ip };
  const counted = await consumeAttempt("totp", subject, { client, blocked: { action: "signin.blocked", userId: key.userId } });
  if (!counted.allowed) throw new TwoFactorError("rate_limited", { retryAt: counted.retryAt });
  const result = await attempt();
  if (result !== null) await refundAttempt("totp", subject, { client });
  else {
    await tryWriteAuditEvent(client, {
      action: "signin.failure",
      userId: key.userId,
      email: key.email,
      ip: key.ip,
      details: { reason: "wrong_second_factor", step: key.step },
    });
  }
  return result;
}

async function replaceRecoveryCodes(tx: Prisma.TransactionClient, userId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code), createdAt: now })) });
  return codes;
}

// ── Status and enrolment ────────────────────────────────────────────────────────────────────

export interface TwoFactorStatus {
  state: "off" | "enrolling" | "on";
  confirmedAt: Date | null;
  recoveryCodesLeft: number;
}

export async function getTwoFactorStatus(userId: string, client: Db = defaultDb): Promise<TwoFactorStatus> {
  const [row, left] = await Promise.all([
    client.twoFactor.findUnique({ where: { userId }, select: { confirmedAt: true } }),
    client.recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  if (!row) return { state: "off", confirmedAt: null, recoveryCodesLeft: 0 };
  return { state: row.confirmedAt ? "on" : "enrolling", confirmedAt: row.confirmedAt, recoveryCodesLeft: row.confirmedAt ? left : 0 };
}

/** Starts (or restarts) the enrolment: a new secret, not yet in force. */
export async function startEnrolment(actor: Actor, client: Db = defaultDb): Promise<void> {
  const existing = await client.twoFactor.findUnique({ where: { userId: actor.id }, select: { confirmedAt: true } });
  if (existing?.confirmedAt) throw new TwoFactorError("already_enabled");
  const secret = encryptSecret(generateSecret());
  await client.twoFactor.upsert({
    where: { userId: actor.id },
    create: { userId: actor.id, secret },
    update: { secret, lastTimeStep: null, confirmedAt: null },
  });
}

export interface Enrolment {
  /** Base32, for typing into an app that cannot scan. */
  secret: string;
  uri: string;
  /** The QR code of `uri`, an SVG image as a data: URL. */
  qrCode: string;
}

/** The pending enrolment of the account (to show the QR code), or null. */
export async function getEnrolment(actor: Actor, client: Db = defaultDb): Promise<Enrolment | null> {
  const row = await client.twoFactor.findUnique({ where: { userId: actor.id }, select: { secret: true, confirmedAt: true } });
  if (!row || row.confirmedAt) return null;
  const secret = decryptSecret(row.secret);
  if (!secret) return null;
  const uri = generateURI({ issuer: TOTP_ISSUER, label: actor.email, secret });
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret, uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}

/** Confirms the enrolment with a first code; returns the recovery codes (shown once). */
export async function confirmEnrolment(actor: Actor, input: { code: string }, client: Db = defaultDb, now: Date = new Date()): Promise<string[]> {
  const row = await client.twoFactor.findUnique({ where: { userId: actor.id }, select: { secret: true, confirmedAt: true } });
  if (!row) throw new TwoFactorError("not_enrolling");
  if (row.confirmedAt) throw new TwoFactorError("already_enabled");
  const secret = decryptSecret(row.secret);
  const step = secret ? await matchTotp(secret, normalizeCode(input.code), now) : null;
  if (step === null) throw new TwoFactorError("invalid_code");
  return client.$transaction(async (tx) => {
    const { count } = await tx.twoFactor.updateMany({
      where: { userId: actor.id, confirmedAt: null, secret: row.secret },
      data: { confirmedAt: now, lastTimeStep: step },
    });
    // Restarted or confirmed by another request in between.
    if (count !== 1) throw new TwoFactorError("not_enrolling");
    const codes = await replaceRecoveryCodes(tx, actor.id, now);
    await writeAuditEvent(tx, { action: "two_factor.enabled", userId: actor.id, email: actor.email });
    return codes;
  });
}

// ── Changes with a current code ─────────────────────────────────────────────────────────────

async function requireCode(actor: Actor, code: string, ip: string | null, client: Db, now: Date): Promise<void> {
  const row = await client.twoFactor.findUnique({ where: { userId: actor.id }, select: { confirmedAt: true } });
  if (!row?.confirmedAt) throw new TwoFactorError("not_enabled");
  const used = await throttledSecondFactor(client, { userId: actor.id, email: actor.email, ip, step: "account" }, () =>
    consumeSecondFactor(client, actor.id, code, now),
  );
  if (!used) throw new TwoFactorError("invalid_code");
}

/** New recovery codes (the old ones stop working), with a current code; shown once. */
export async function renewRecoveryCodes(
  actor: Actor,
  input: { code: string },
  context: { ip?: string | null } = {},
  client: Db = defaultDb,
  now: Date = new Date(),
): Promise<string[]> {
  await requireCode(actor, input.code, context.ip ?? null, client, now);
  return client.$transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, actor.id, now);
    await writeAuditEvent(tx, { action: "two_factor.recovery_codes_renewed", userId: actor.id, email: actor.email, ip: context.ip ?? null });
    return codes;
  });
}

/** Switches one's own second factor off, with a current code; not where it is mandatory. */
export async function disableTwoFactor(
  actor: Actor,
  input: { code: string },
  context: { ip?: string | null } = {},
  client: Db = defaultDb,
  now: Date = new Date(),
): Promise<void> {
  if (SECOND_FACTOR_ROLES.includes(actor.role) && (await isTwoFactorRequired(client))) throw new TwoFactorError("required_for_role");
  await requireCode(actor, input.code, context.ip ?? null, client, now);
  await client.$transaction(async (tx) => {
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await tx.twoFactor.deleteMany({ where: { userId: actor.id } });
    await writeAuditEvent(tx, { action: "two_factor.disabled", userId: actor.id, email: actor.email, ip: context.ip ?? null });
  });
}

/**
 * An admin removes the second factor of another account (lost phone and recovery codes). The
 * account's sessions end with it; the person signs in with the password and enrols again.
 */
export async function resetTwoFactor(actor: Actor, input: { id: string }, client: Db = defaultDb, now: Date = new Date()): Promise<{ email: string }> {
  if (!can(actor.role, "users.manage")) throw new TwoFactorError("forbidden");
  if (input.id === actor.id) throw new TwoFactorError("own_account");
  const reset = await client.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.id }, select: { id: true, email: true } });
    if (!user) throw new TwoFactorError("not_found");
    const { count } = await tx.twoFactor.deleteMany({ where: { userId: user.id } });
    if (count === 0) throw new TwoFactorError("not_enabled");
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    const sessionsEnded = await endAllSessions(tx, user.id, now);
    await writeAuditEvent(tx, {
      action: "two_factor.reset",
      userId: user.id,
      email: user.email,
      details: { by: actor.id, byName: actor.name, sessionsEnded },
    });
    return { email: user.email };
  });
  // The person enrols again; wrong codes from before the reset no longer count against them.
  await clearAttempts("totp", { email: reset.email }, { client });
  return reset;
}
