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
import { DomainError, NotFoundError, ValidationError } from "./errors";
import { checkbox, id, requiredText, version } from "./fields";
import { pageOf, PAGE_SIZE, type Page } from "./listing";
import { conflictFor, inTransaction, load, type Tx } from "./records";

export type Actor = Pick<SessionUser, "id" | "name" | "email" | "role">;

export const RESET_CODE_VALIDITY_MS = 24 * 60 * 60 * 1000;

export const ROLE_NAMES: Record<Role, string> = {
  admin: "Admin",
  editor: "Redaktion",
  reviewer: "Prüfung",
  contributor: "Mitarbeit",
};

// ── Input schemas (the forms' fields) ─────────────────────────────────────────────────────────

const email = z
  .string({ error: "Die E-Mail-Adresse fehlt." })
  .trim()
  .toLowerCase()
  .max(320, "Die E-Mail-Adresse ist zu lang.")
  .pipe(z.email({ error: "Bitte eine gültige E-Mail-Adresse angeben." }));

const role = z.enum(ROLES as [Role, ...Role[]], { error: "Bitte eine Rolle wählen." });

const passwordTooShort = `Das Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein.`;
/** A new password: not trimmed (spaces are characters), long enough, not absurdly long. */
const newPassword = z
  .string({ error: "Das neue Passwort fehlt." })
  .min(MIN_PASSWORD_LENGTH, passwordTooShort)
  .max(1024, "Das Passwort ist zu lang (höchstens 1024 Zeichen).");
const optionalNewPassword = z.preprocess((v) => (v === "" ? undefined : v), newPassword.optional());

export const createUserSchema = z.object({
  email,
  name: requiredText("Der Name", 200),
  role,
  password: optionalNewPassword,
  generatePassword: checkbox,
});

export const updateUserSchema = z.object({
  id: id("Das Konto"),
  version,
  name: requiredText("Der Name", 200),
  role,
  active: checkbox,
});

export const userIdSchema = z.object({ id: id("Das Konto") });

export const changePasswordSchema = z.object({
  currentPassword: z.string({ error: "Das aktuelle Passwort fehlt." }).min(1, "Das aktuelle Passwort fehlt.").max(1024),
  newPassword,
  newPasswordRepeat: z.string().max(1024).optional(),
});

export const resetWithCodeSchema = z.object({
  email,
  code: z.string({ error: "Der Code fehlt." }).trim().min(1, "Der Code fehlt.").max(64, "Der Code ist ungültig."),
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
  if (password.length < MIN_PASSWORD_LENGTH) throw new ValidationError(passwordTooShort, { [field]: [passwordTooShort] });
}

/**
 * Refuses a change that would leave no active admin besides `targetId`. Locks the active
 * admins' rows first: of two concurrent removals the second sees the first's result.
 */
async function ensureAnotherActiveAdmin(tx: Tx, targetId: string, what: "demote" | "deactivate"): Promise<void> {
  const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE role = 'admin' AND active = true FOR UPDATE`;
  if (admins.filter((a) => a.id !== targetId).length === 0) {
    const message =
      what === "demote"
        ? "Das ist das letzte aktive Admin-Konto: Es behält die Rolle Admin, bis ein anderes aktives Konto Admin ist."
        : "Das ist das letzte aktive Admin-Konto: Es kann nicht deaktiviert werden, bis ein anderes aktives Konto Admin ist.";
    throw new ValidationError(message, { [what === "demote" ? "role" : "active"]: [message] });
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
      const message = "Bitte ein Anfangspasswort angeben oder eines erzeugen lassen.";
      throw new ValidationError(message, { password: [message] });
    }
    generated = generatePassword();
    password = generated;
  }
  ensurePasswordLength(password);
  const passwordHash = await hashPassword(password);
  const user = await inTransaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: emailValue }, select: { id: true } })) {
      const message = "Für diese E-Mail-Adresse gibt es schon ein Konto.";
      throw new ValidationError(message, { email: [message] });
    }
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
    if ((error as { code?: string }).code === "P2002") {
      const message = "Für diese E-Mail-Adresse gibt es schon ein Konto.";
      throw new ValidationError(message, { email: [message] });
    }
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
    if (input.id === actor.id && deactivated) {
      const message = "Sie können Ihr eigenes Konto nicht deaktivieren.";
      throw new ValidationError(message, { active: [message] });
    }
    if (input.id === actor.id && demoted) {
      const message = "Sie können sich nicht selbst die Rolle Admin entziehen.";
      throw new ValidationError(message, { role: [message] });
    }
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
  if (!u) throw new NotFoundError("Das Konto");
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
      throw new ValidationError("Das Konto ist deaktiviert. Aktivieren Sie es, bevor Sie einen Rücksetz-Code ausgeben.");
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
    message: string,
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
    const message = "Die beiden neuen Passwörter stimmen nicht überein.";
    throw new ValidationError(message, { newPasswordRepeat: [message] });
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
        throw new ResetRefused("E-Mail-Adresse oder Code ist falsch.", "invalid", user?.id ?? null);
      }
      if (row.usedAt) throw new ResetRefused("Dieser Code wurde bereits verwendet. Bitten Sie die Administration um einen neuen.", "used", user.id);
      if (row.expiresAt <= now) {
        throw new ResetRefused(
          "Dieser Code ist abgelaufen oder wurde durch einen neueren ersetzt. Bitten Sie die Administration um einen neuen.",
          "expired",
          user.id,
        );
      }
      if (!user.active) throw new ResetRefused("Dieses Konto ist deaktiviert.", "inactive", user.id);
      // Single use, also against a second request with the same code at the same moment.
      const claimed = await tx.passwordResetCode.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
      if (claimed.count !== 1) throw new ResetRefused("Dieser Code wurde bereits verwendet.", "used", user.id);
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
  if (!current || !current.active) throw new NotFoundError("Das Konto");
  // What needs no secret is checked first, so that a typo costs no attempt.
  ensurePasswordLength(input.newPassword, "newPassword");
  if (input.newPasswordRepeat !== undefined && input.newPasswordRepeat !== input.newPassword) {
    const message = "Die beiden neuen Passwörter stimmen nicht überein.";
    throw new ValidationError(message, { newPasswordRepeat: [message] });
  }
  const ip = context.ip ?? null;
  const subject = { email: current.email, ip };
  const attempt = await consumeAttempt("password", subject, { client, blocked: { action: "password_change.blocked", userId: actor.id } });
  if (!attempt.allowed) throw new DomainError("rate_limited", rateLimitMessage(attempt.retryAt));
  if (!(await verifyPassword(current.passwordHash, input.currentPassword))) {
    await tryWriteAuditEvent(client, { action: "password_change.failure", userId: actor.id, email: current.email, ip, details: { reason: "wrong_password" } });
    const message = "Das aktuelle Passwort stimmt nicht.";
    throw new ValidationError(message, { currentPassword: [message] });
  }
  await refundAttempt("password", subject, { client });
  if (input.newPassword === input.currentPassword) {
    const message = "Das neue Passwort muss sich vom bisherigen unterscheiden.";
    throw new ValidationError(message, { newPassword: [message] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return inTransaction(async (tx) => {
    const row = await load(tx, "User", actor.id);
    const after = await writeUser(tx, actor.id, row.version ?? 1, actor.id, { passwordHash, passwordChangedAt: new Date() });
    await writeAuditEvent(tx, { action: "user.password_changed", userId: actor.id, email: after.email, ip, details: by(actor) });
    return after;
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
