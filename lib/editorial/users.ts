// ACCOUNTS: admins create accounts, change roles, deactivate and reactivate them, and issue
// one-time password reset codes (there is no mail server: the admin passes the code on);
// everyone changes their own password; /reset-password sets a password with a code.
//
// Rules
// - E-mail addresses are stored lower-cased and are unique.
// - Passwords have at least MIN_PASSWORD_LENGTH (12) characters; only their Argon2id hash is
//   stored, and never in a revision: the revision of a password change says
//   `password: {before: "(bisher)", after: "(geändert)"}`.
// - An admin cannot deactivate or demote themselves, and the last active admin can never be
//   deactivated or demoted by anyone (checked under a row lock on the active admins, so two
//   admins demoting each other at the same moment cannot leave the newsroom without one).
// - A password change, a reset and a deactivation set `passwordChangedAt`: every session
//   issued before is void (lib/auth/session-validity.ts). Deactivation does so too, so that a
//   later reactivation does not bring old sessions back.
// - A reset code is random (60 bits), shown once, stored only as its SHA-256, valid 24 hours,
//   used once; issuing a new code ends the user's earlier unused codes (their expiry is set to
//   the moment of the new issue). Failed uses are throttled like the sign-in
//   (lib/auth/rate-limit.ts, kind "reset_code").
// - Changing one's own password needs the current one; the guesses at it are throttled and
//   audited with the sign-in's (kind "password": the same secret).
// - Every change of an account is versioned with a revision (entityType "User"); role
//   changes, (de)activations, creations, password changes and resets also write an AuditEvent
//   (userId = the account concerned, details.by/byName = who did it).
//
// Users are not written through createRecord/updateRecord (lib/editorial/records.ts) because
// those put the whole row, password hash included, into the revision; writeUser below does the
// same (version check, conflict, revision in the transaction) with the hash left out.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import type { SessionUser } from "../auth/session";
import { db, type Db } from "../db/client";
import { writeAuditEvent, tryWriteAuditEvent } from "../auth/audit";
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "../auth/password";
import { ROLES } from "../auth/permissions";
import { consumeAttempt, rateLimitMessage, refundAttempt } from "../auth/rate-limit";
import { recordRevision } from "../revisions";
import { msg, zodMessage, type Message } from "../messages";
import { DomainError, NotFoundError, ValidationError, fieldError } from "./errors";
import { checkbox, id, requiredText, version } from "./fields";
import { pageOf, PAGE_SIZE, type Page } from "./listing";
import { conflictFor, inTransaction, load, type Tx } from "./records";

export type Actor = Pick<SessionUser, "id" | "name" | "email" | "role">;

export const RESET_CODE_VALIDITY_MS = 24 * 60 * 60 * 1000;

// ── Input schemas (the forms' fields) ─────────────────────────────────────────────────────────

const email = z
  .string({ error: zodMessage("msg.user.emailMissing") })
  .trim()
  .toLowerCase()
  .max(320, zodMessage("msg.user.emailTooLong"))
  .pipe(z.email({ error: zodMessage("msg.user.emailInvalid") }));

const role = z.enum(ROLES as [Role, ...Role[]], { error: zodMessage("msg.user.chooseRole") });

const passwordTooShort = msg("msg.user.passwordTooShort", { min: MIN_PASSWORD_LENGTH });
/** A new password: not trimmed (spaces are characters), long enough, not absurdly long. */
const newPassword = z
  .string({ error: zodMessage("msg.user.newPasswordMissing") })
  .min(MIN_PASSWORD_LENGTH, zodMessage(passwordTooShort.key, passwordTooShort.values))
  .max(1024, zodMessage("msg.user.passwordTooLong"));
const optionalNewPassword = z.preprocess((v) => (v === "" ? undefined : v), newPassword.optional());

export const createUserSchema = z.object({
  email,
  name: requiredText("name", 200),
  role,
  password: optionalNewPassword,
  generatePassword: checkbox,
});

export const updateUserSchema = z.object({
  id: id("account"),
  version,
  name: requiredText("name", 200),
  role,
  active: checkbox,
});

export const userIdSchema = z.object({ id: id("account") });

export const changePasswordSchema = z.object({
  currentPassword: z.string({ error: zodMessage("msg.user.currentPasswordMissing") }).min(1, zodMessage("msg.user.currentPasswordMissing")).max(1024),
  newPassword,
  newPasswordRepeat: z.string().max(1024).optional(),
});

export const resetWithCodeSchema = z.object({
  email,
  code: z.string({ error: zodMessage("msg.user.codeMissing") }).trim().min(1, zodMessage("msg.user.codeMissing")).max(64, zodMessage("msg.user.codeInvalid")),
  newPassword,
  newPasswordRepeat: z.string().max(1024).optional(),
});

export type CreateUserInput = z.infer<typeof createUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
export type ResetWithCodeInput = z.infer<typeof resetWithCodeSchema>;

// ── Rows without secrets ──────────────────────────────────────────────────────────────────────

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  lastSignInAt: Date | null;
  passwordChangedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const USER_VIEW = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  lastSignInAt: true,
  passwordChangedAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.UserSelect;

type Row = Record<string, unknown> & { id: string; version?: number };

/** The row as it may be shown or logged: without the password hash. */
function redact(row: Row): Row {
  const { passwordHash: _hash, ...rest } = row;
  return rest as Row;
}

// Marks stored in the revision log instead of a password (data, as they have always been
// written; the audit page shows them in the reader's language).
const PASSWORD_MARK = { before: "(bisher)", after: "(geändert)" } as const;

/**
 * Updates a user if it is still at `expectedVersion`, with its revision (no hash in it; a
 * changed password shows as `password: (bisher) → (geändert)`). The conflict, too, carries the
 * row without the hash: it travels to the browser.
 */
async function writeUser(
  tx: Tx,
  userId: string,
  expectedVersion: number,
  actorId: string | null,
  data: Prisma.UserUpdateManyMutationInput,
): Promise<UserView> {
  const before = await load(tx, "User", userId);
  const { count } = await tx.user.updateMany({ where: { id: userId, version: expectedVersion }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw await conflictFor(tx, "User", redact(await load(tx, "User", userId)));
  const after = await load(tx, "User", userId);
  const passwordChanged = data.passwordHash !== undefined && before.passwordHash !== after.passwordHash;
  await recordRevision(tx, {
    entityType: "User",
    entityId: userId,
    action: "update",
    userId: actorId,
    before: { ...redact(before), ...(passwordChanged ? { password: PASSWORD_MARK.before } : {}) },
    after: { ...redact(after), ...(passwordChanged ? { password: PASSWORD_MARK.after } : {}) },
  });
  return toView(after);
}

function toView(row: Row): UserView {
  const r = row as unknown as UserView;
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    active: r.active,
    lastSignInAt: r.lastSignInAt,
    passwordChangedAt: r.passwordChangedAt,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

const by = (actor: Actor) => ({ by: actor.id, byName: actor.name });

function ensurePasswordLength(password: string, field = "password"): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw fieldError(field, passwordTooShort);
}

/**
 * Refuses a change that would leave no active admin besides `targetId`. Locks the active
 * admins' rows first: of two concurrent removals the second sees the first's result.
 */
async function ensureAnotherActiveAdmin(tx: Tx, targetId: string, what: "demote" | "deactivate"): Promise<void> {
  const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE role = 'admin' AND active = true FOR UPDATE`;
  if (admins.filter((a) => a.id !== targetId).length === 0) {
    throw fieldError(what === "demote" ? "role" : "active", msg(what === "demote" ? "msg.user.lastAdminDemote" : "msg.user.lastAdminDeactivate"));
  }
}

// ── Admin: accounts ───────────────────────────────────────────────────────────────────────────

export async function createUser(
  actor: Actor,
  input: CreateUserInput,
  client: Db = db,
): Promise<{ user: UserView; generatedPassword: string | null }> {
  const emailValue = input.email.trim().toLowerCase();
  let password = input.password;
  let generated: string | null = null;
  if (!password) {
    if (!input.generatePassword) {
      throw fieldError("password", msg("msg.user.initialPassword"));
    }
    generated = generatePassword();
    password = generated;
  }
  ensurePasswordLength(password);
  const passwordHash = await hashPassword(password);
  const user = await inTransaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: emailValue }, select: { id: true } })) throw fieldError("email", msg("msg.user.emailTaken"));
    const row = await tx.user.create({ data: { email: emailValue, name: input.name, role: input.role, passwordHash } });
    await recordRevision(tx, {
      entityType: "User",
      entityId: row.id,
      action: "create",
      userId: actor.id,
      before: null,
      after: { ...redact(row as unknown as Row), password: "(gesetzt)" },
    });
    await writeAuditEvent(tx, { action: "user.created", userId: row.id, email: row.email, details: { role: row.role, ...by(actor) } });
    return toView(row as unknown as Row);
  }, client).catch((error: unknown) => {
    // Two admins creating the same address at once: the unique index decides.
    if ((error as { code?: string }).code === "P2002") throw fieldError("email", msg("msg.user.emailTaken"));
    throw error;
  });
  return { user, generatedPassword: generated };
}

/** Name, role and active state; the rules on self and the last admin apply. */
export async function updateUser(actor: Actor, input: UpdateUserInput, client: Db = db): Promise<UserView> {
  return inTransaction(async (tx) => {
    const before = toView(await load(tx, "User", input.id));
    const demoted = before.role === "admin" && input.role !== "admin";
    const deactivated = before.active && !input.active;
    if (input.id === actor.id && deactivated) throw fieldError("active", msg("msg.user.selfDeactivate"));
    if (input.id === actor.id && demoted) throw fieldError("role", msg("msg.user.selfDemote"));
    if (before.role === "admin" && before.active && (demoted || deactivated)) {
      await ensureAnotherActiveAdmin(tx, input.id, demoted ? "demote" : "deactivate");
    }
    const now = new Date();
    const after = await writeUser(tx, input.id, input.version, actor.id, {
      name: input.name,
      role: input.role,
      active: input.active,
      // Deactivation ends the sessions for good (a reactivation does not revive them).
      ...(deactivated ? { passwordChangedAt: now } : {}),
    });
    const account = { userId: after.id, email: after.email };
    if (before.role !== after.role) {
      await writeAuditEvent(tx, { action: "user.role_changed", ...account, details: { from: before.role, to: after.role, ...by(actor) } });
    }
    if (before.active && !after.active) await writeAuditEvent(tx, { action: "user.deactivated", ...account, details: by(actor) });
    if (!before.active && after.active) await writeAuditEvent(tx, { action: "user.reactivated", ...account, details: by(actor) });
    return after;
  }, client);
}

export function changeUserRole(actor: Actor, input: { id: string; version: number; role: Role }, client: Db = db): Promise<UserView> {
  return withCurrent(input.id, client, (u) => updateUser(actor, { id: u.id, version: input.version, name: u.name, role: input.role, active: u.active }, client));
}

export function setUserActive(actor: Actor, input: { id: string; version: number; active: boolean }, client: Db = db): Promise<UserView> {
  return withCurrent(input.id, client, (u) => updateUser(actor, { id: u.id, version: input.version, name: u.name, role: u.role, active: input.active }, client));
}

async function withCurrent<T>(userId: string, client: Db, work: (u: UserView) => Promise<T>): Promise<T> {
  const u = await client.user.findUnique({ where: { id: userId }, select: USER_VIEW });
  if (!u) throw new NotFoundError("User");
  return work(u);
}

// ── Reset codes ───────────────────────────────────────────────────────────────────────────────

// 32 characters without look-alikes (no I, O, 0, 1): each byte's low 5 bits pick one without bias.
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** 12 random characters (60 bits) in groups of four: "K7QM-XW4P-3HTR". */
export function generateResetCode(): string {
  const chars = Array.from(randomBytes(12), (b) => CODE_ALPHABET[b & 31]!);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12)].map((g) => g.join("")).join("-");
}

/** What is compared: the letters and digits, upper-cased (dashes and spaces do not matter). */
export function normalizeResetCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

export function hashResetCode(code: string): string {
  return createHash("sha256").update(normalizeResetCode(code)).digest("hex");
}

/** A new one-time code for `userId`; the plain code is returned once and never stored. */
export async function issuePasswordResetCode(
  actor: Actor,
  input: { id: string },
  client: Db = db,
  now: Date = new Date(),
): Promise<{ code: string; expiresAt: Date; user: UserView }> {
  const code = generateResetCode();
  const expiresAt = new Date(now.getTime() + RESET_CODE_VALIDITY_MS);
  const user = await inTransaction(async (tx) => {
    const user = toView(await load(tx, "User", input.id));
    if (!user.active) {
      throw new ValidationError(msg("msg.user.resetInactive"));
    }
    // Earlier codes that are still open end now: only the newest code works.
    await tx.passwordResetCode.updateMany({
      where: { userId: user.id, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    await tx.passwordResetCode.create({
      data: { userId: user.id, codeHash: hashResetCode(code), expiresAt, issuedById: actor.id, createdAt: now },
    });
    await writeAuditEvent(tx, {
      action: "user.password_reset_issued",
      userId: user.id,
      email: user.email,
      details: { expiresAt: expiresAt.toISOString(), ...by(actor) },
    });
    return user;
  }, client);
  return { code, expiresAt, user };
}

/** A refusal of a reset that counts as a failed guess. */
class ResetRefused extends ValidationError {
  constructor(
    message: Message,
    readonly reason: "invalid" | "used" | "expired" | "inactive",
    readonly userId: string | null,
  ) {
    super(message, { code: [message] });
  }
}

/**
 * /reset-password: sets the password of the account `email` with a one-time code. Throttled
 * per e-mail and client address like the sign-in; every refusal is logged and counted.
 */
export async function resetPasswordWithCode(
  input: ResetWithCodeInput,
  context: { ip?: string | null; now?: Date } = {},
  client: Db = db,
): Promise<{ userId: string; email: string }> {
  const now = context.now ?? new Date();
  const ip = context.ip ?? null;
  const emailValue = input.email.trim().toLowerCase();
  ensurePasswordLength(input.newPassword, "newPassword");
  if (input.newPasswordRepeat !== undefined && input.newPasswordRepeat !== input.newPassword) {
    throw fieldError("newPasswordRepeat", msg("msg.user.passwordsDiffer"));
  }
  // Counted before the code is looked at (and before the hash below), so parallel guesses
  // cannot outrun the count.
  const attempt = await consumeAttempt("reset_code", { email: emailValue, ip }, { client, blocked: { action: "password_reset.blocked" } });
  if (!attempt.allowed) throw new DomainError("rate_limited", rateLimitMessage(attempt.retryAt));
  // Hashed before the check, so a wrong code takes as long as a right one.
  const passwordHash = await hashPassword(input.newPassword);
  const codeHash = hashResetCode(input.code);
  try {
    const done = await inTransaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { email: emailValue }, select: { id: true, email: true, active: true, version: true } });
      const row = user ? await tx.passwordResetCode.findUnique({ where: { codeHash } }) : null;
      if (!user || !row || row.userId !== user.id) {
        throw new ResetRefused(msg("msg.user.resetInvalid"), "invalid", user?.id ?? null);
      }
      if (row.usedAt) throw new ResetRefused(msg("msg.user.resetUsed"), "used", user.id);
      if (row.expiresAt <= now) throw new ResetRefused(msg("msg.user.resetExpired"), "expired", user.id);
      if (!user.active) throw new ResetRefused(msg("msg.user.accountInactive"), "inactive", user.id);
      // Single use, also against a second request with the same code at the same moment.
      const claimed = await tx.passwordResetCode.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
      if (claimed.count !== 1) throw new ResetRefused(msg("msg.user.resetUsedShort"), "used", user.id);
      await writeUser(tx, user.id, user.version, user.id, { passwordHash, passwordChangedAt: now });
      await writeAuditEvent(tx, { action: "user.password_reset_used", userId: user.id, email: user.email, ip });
      return { userId: user.id, email: user.email };
    }, client);
    await refundAttempt("reset_code", { email: emailValue, ip }, { client });
    return done;
  } catch (error) {
    if (error instanceof ResetRefused) {
      await tryWriteAuditEvent(client, {
        action: "password_reset.failure",
        userId: error.userId,
        email: emailValue,
        ip,
        details: { reason: error.reason },
      });
    }
    throw error;
  }
}

// ── One's own account ─────────────────────────────────────────────────────────────────────────

/**
 * Sets the actor's own password; needs the current one. A wrong current password counts as a
 * failed guess like a failed sign-in (same counters, lib/auth/rate-limit.ts) and is audited;
 * while blocked, the current password is not even checked.
 */
export async function changeOwnPassword(
  actor: Actor,
  input: ChangePasswordInput,
  client: Db = db,
  context: { ip?: string | null } = {},
): Promise<UserView> {
  const current = await client.user.findUnique({ where: { id: actor.id }, select: { email: true, passwordHash: true, active: true } });
  if (!current || !current.active) throw new NotFoundError("User");
  // What needs no secret is checked first, so that a typo costs no attempt.
  ensurePasswordLength(input.newPassword, "newPassword");
  if (input.newPasswordRepeat !== undefined && input.newPasswordRepeat !== input.newPassword) {
    throw fieldError("newPasswordRepeat", msg("msg.user.passwordsDiffer"));
  }
  const ip = context.ip ?? null;
  const subject = { email: current.email, ip };
  const attempt = await consumeAttempt("password", subject, { client, blocked: { action: "password_change.blocked", userId: actor.id } });
  if (!attempt.allowed) throw new DomainError("rate_limited", rateLimitMessage(attempt.retryAt));
  if (!(await verifyPassword(current.passwordHash, input.currentPassword))) {
    await tryWriteAuditEvent(client, { action: "password_change.failure", userId: actor.id, email: current.email, ip, details: { reason: "wrong_password" } });
    throw fieldError("currentPassword", msg("msg.user.currentPasswordWrong"));
  }
  await refundAttempt("password", subject, { client });
  if (input.newPassword === input.currentPassword) {
    throw fieldError("newPassword", msg("msg.user.passwordUnchanged"));
  }
  const passwordHash = await hashPassword(input.newPassword);
  return inTransaction(async (tx) => {
    const row = await load(tx, "User", actor.id);
    const after = await writeUser(tx, actor.id, row.version ?? 1, actor.id, { passwordHash, passwordChangedAt: new Date() });
    await writeAuditEvent(tx, { action: "user.password_changed", userId: actor.id, email: after.email, ip, details: by(actor) });
    return after;
  }, client);
}

// ── One's own language ────────────────────────────────────────────────────────────────────────

export const localeSchema = z.object({ locale: z.enum(["de", "en"], { error: zodMessage("msg.user.chooseLocale") }) });
export type LocaleInput = z.infer<typeof localeSchema>;

/**
 * The language of the actor's desk (User.locale; lib/desk-i18n.ts). Versioned like every change
 * of an account; choosing the language it already has writes nothing.
 */
export async function setOwnLocale(actor: Actor, input: LocaleInput, client: Db = db): Promise<{ changed: boolean }> {
  return inTransaction(async (tx) => {
    const row = await load(tx, "User", actor.id);
    if (row.locale === input.locale) return { changed: false };
    await writeUser(tx, actor.id, row.version ?? 1, actor.id, { locale: input.locale });
    return { changed: true };
  }, client);
}

// ── Reading ───────────────────────────────────────────────────────────────────────────────────

export const USER_SORTS = ["name", "email", "role", "created", "lastSignIn"] as const;
export type UserSort = (typeof USER_SORTS)[number];

export interface UserListParams {
  q?: string;
  role?: Role;
  active?: "active" | "inactive";
  sort?: UserSort;
  page?: number;
}

export async function listUsers(params: UserListParams, client: Db = db): Promise<Page<UserView>> {
  const page = params.page ?? 1;
  const where: Prisma.UserWhereInput = {
    ...(params.q
      ? { OR: [{ name: { contains: params.q, mode: "insensitive" } }, { email: { contains: params.q, mode: "insensitive" } }] }
      : {}),
    ...(params.role ? { role: params.role } : {}),
    ...(params.active ? { active: params.active === "active" } : {}),
  };
  const orderBy: Prisma.UserOrderByWithRelationInput[] = {
    name: [{ name: "asc" as const }],
    email: [{ email: "asc" as const }],
    role: [{ role: "asc" as const }, { name: "asc" as const }],
    created: [{ createdAt: "desc" as const }],
    lastSignIn: [{ lastSignInAt: { sort: "desc" as const, nulls: "last" as const } }],
  }[params.sort ?? "name"];
  const [items, total] = await Promise.all([
    client.user.findMany({ where, orderBy: [...orderBy, { id: "asc" }], skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: USER_VIEW }),
    client.user.count({ where }),
  ]);
  return pageOf(items, total, page);
}

export async function getUser(userId: string, client: Db = db): Promise<UserView | null> {
  return client.user.findUnique({ where: { id: userId }, select: USER_VIEW });
}

/** The latest reset codes of an account (never the code itself): issued, by whom, state. */
export async function listResetCodes(userId: string, client: Db = db, take = 5) {
  return client.passwordResetCode.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, createdAt: true, expiresAt: true, usedAt: true, issuedBy: { select: { name: true } } },
  });
}

/** Every account, for the user filter of the audit page. */
export async function listUserOptions(client: Db = db): Promise<{ id: string; name: string; email: string }[]> {
  return client.user.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, email: true } });
}
