// Accounts: creation, role changes, deactivation with the rules on oneself and the last admin,
// one-time reset codes (single use, expiry, only the newest works), one's own password change,
// revisions without password hashes and the audit events of every step.
import { createHash } from "node:crypto";
import { authorizeCredentials } from "../../lib/auth/credentials";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../lib/auth/session";
import { verifyPassword } from "../../lib/auth/password";
import { isSessionCurrent } from "../../lib/auth/session-validity";
import { loadSettings } from "../../lib/config";
import { ConflictError, DomainError, NotFoundError, ValidationError } from "../../lib/editorial/errors";
import {
  changeOwnPassword,
  changeUserRole,
  createUser,
  createUserSchema,
  getUser,
  issuePasswordResetCode,
  listUsers,
  resetPasswordWithCode,
  setOwnLocale,
  setUserActive,
  updateUser,
} from "../../lib/editorial/users";
import { bootstrap } from "../../lib/seed/bootstrap";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { textOf } from "../helpers/messages";

let t: TestDatabase;
let admin: SessionUser;
let editor: SessionUser;
let counter = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  await bootstrap(t.db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123", CLAIMBASE_DEMO: "false" }));
  const a = await t.db.user.findUniqueOrThrow({ where: { email: "admin@claimbase.local" } });
  admin = { id: a.id, name: a.name, email: a.email, role: a.role };
  const e = await createUser(admin, { email: "editor@example.org", name: "Eddi Editor", role: "editor", password: "editor-password-1", generatePassword: false }, t.db);
  editor = { id: e.user.id, name: e.user.name, email: e.user.email, role: e.user.role };
});
afterAll(() => t?.stop());

const unique = (prefix: string) => `${prefix}-${++counter}@example.org`;

async function newUser(role: "admin" | "editor" | "reviewer" | "contributor" = "reviewer", password = "first-password-123") {
  const { user } = await createUser(admin, { email: unique(role), name: `Konto ${counter}`, role, password, generatePassword: false }, t.db);
  return user;
}

async function revisionsOf(id: string) {
  return t.db.revision.findMany({ where: { entityType: "User", entityId: id }, orderBy: { id: "asc" } });
}

async function auditOf(id: string, action?: string) {
  return t.db.auditEvent.findMany({ where: { userId: id, ...(action ? { action } : {}) }, orderBy: { id: "asc" } });
}

async function refused(promise: Promise<unknown>, pattern: RegExp, type: new (...args: never[]) => Error = ValidationError) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected a refusal matching ${pattern}`).toBeInstanceOf(type);
  expect(textOf(error)).toMatch(pattern);
  return error as Error;
}

describe("creating accounts", () => {
  it("stores the e-mail lower-cased, hashes the password, versions and audits the creation", async () => {
    const { user, generatedPassword } = await createUser(
      admin,
      { email: "  Neue.Pruefer@Example.ORG ", name: "Neuer Prüfer", role: "reviewer", password: "ein-gutes-passwort", generatePassword: false },
      t.db,
    );
    expect(generatedPassword).toBeNull();
    expect(user.email).toBe("neue.pruefer@example.org");
    expect(user).not.toHaveProperty("passwordHash");
    const row = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash, "ein-gutes-passwort")).toBe(true);

    const [revision] = await revisionsOf(user.id);
    expect(revision?.action).toBe("create");
    expect(revision?.userId).toBe(admin.id);
    const changes = revision?.changes as Record<string, { before: unknown; after: unknown }>;
    expect(changes.email?.after).toBe("neue.pruefer@example.org");
    expect(changes.password?.after).toBe("(gesetzt)");
    expect(changes).not.toHaveProperty("passwordHash");
    expect(JSON.stringify(changes)).not.toContain("argon2");

    const [event] = await auditOf(user.id, "user.created");
    expect(event?.details).toMatchObject({ role: "reviewer", by: admin.id });
  });

  it("refuses a second account for the same address, in any case", async () => {
    await refused(
      createUser(admin, { email: "NEUE.PRUEFER@example.org", name: "Doppelt", role: "editor", password: "noch-ein-passwort", generatePassword: false }, t.db),
      /schon ein Konto/,
    );
  });

  it("needs a password of at least 12 characters, or generates one that works", async () => {
    expect(createUserSchema.safeParse({ email: "a@example.org", name: "A", role: "editor", password: "kurz" }).success).toBe(false);
    await refused(createUser(admin, { email: unique("short"), name: "Kurz", role: "editor", password: "elf-zeichen", generatePassword: false }, t.db), /mindestens 12/);
    await refused(createUser(admin, { email: unique("none"), name: "Ohne", role: "editor", password: undefined, generatePassword: false }, t.db), /Anfangspasswort/);
    const { user, generatedPassword } = await createUser(admin, { email: unique("gen"), name: "Erzeugt", role: "contributor", password: undefined, generatePassword: true }, t.db);
    expect(generatedPassword).toMatch(/^[A-Za-z0-9]{20}$/);
    const row = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(row.passwordHash, generatedPassword!)).toBe(true);
  });
});

describe("roles and deactivation", () => {
  it("changes the role with a revision and a user.role_changed event {from, to}", async () => {
    const user = await newUser("contributor");
    const after = await changeUserRole(admin, { id: user.id, version: user.version, role: "editor" }, t.db);
    expect(after.role).toBe("editor");
    expect(after.version).toBe(user.version + 1);
    const revisions = await revisionsOf(user.id);
    expect(revisions.at(-1)?.changes).toMatchObject({ role: { before: "contributor", after: "editor" } });
    const [event] = await auditOf(user.id, "user.role_changed");
    expect(event?.details).toMatchObject({ from: "contributor", to: "editor", by: admin.id, byName: admin.name });
  });

  it("refuses a save based on an old version", async () => {
    const user = await newUser();
    await updateUser(admin, { id: user.id, version: user.version, name: "Umbenannt", role: "reviewer", active: true }, t.db);
    const conflict = (await refused(
      updateUser(admin, { id: user.id, version: user.version, name: "Anders", role: "reviewer", active: true }, t.db),
      /Nicht gespeichert/,
      ConflictError,
    )) as ConflictError;
    // The conflict travels to the browser: it must not carry the password hash.
    expect(conflict.conflict.current).not.toHaveProperty("passwordHash");
  });

  it("deactivates and reactivates, with audit events; deactivation ends the sessions", async () => {
    const user = await newUser();
    const off = await setUserActive(admin, { id: user.id, version: user.version, active: false }, t.db);
    expect(off.active).toBe(false);
    expect(off.passwordChangedAt).not.toBeNull();
    expect(isSessionCurrent(Date.now() - 60_000, off.passwordChangedAt)).toBe(false);
    const on = await setUserActive(admin, { id: user.id, version: off.version, active: true }, t.db);
    expect(on.active).toBe(true);
    expect((await auditOf(user.id)).map((e) => e.action)).toEqual(["user.created", "user.deactivated", "user.reactivated"]);
  });

  it("does not let an admin deactivate or demote themselves", async () => {
    const me = (await getUser(admin.id, t.db))!;
    await refused(setUserActive(admin, { id: admin.id, version: me.version, active: false }, t.db), /eigenes Konto nicht deaktivieren/);
    await refused(changeUserRole(admin, { id: admin.id, version: me.version, role: "editor" }, t.db), /nicht selbst die Rolle Admin/);
    const after = (await getUser(admin.id, t.db))!;
    expect(after.role).toBe("admin");
    expect(after.active).toBe(true);
    expect(after.version).toBe(me.version);
  });

  it("never removes or demotes the last active admin, but lets one admin go while another remains", async () => {
    // A second admin can be demoted by the first: one active admin remains.
    const second = await newUser("admin");
    const demoted = await changeUserRole(admin, { id: second.id, version: second.version, role: "editor" }, t.db);
    expect(demoted.role).toBe("editor");

    // Now `admin` is the only active admin: nobody (here an editor, as the domain sees it) may
    // deactivate or demote it.
    const me = (await getUser(admin.id, t.db))!;
    await refused(setUserActive(editor, { id: admin.id, version: me.version, active: false }, t.db), /letzte aktive Admin-Konto/);
    await refused(changeUserRole(editor, { id: admin.id, version: me.version, role: "reviewer" }, t.db), /letzte aktive Admin-Konto/);

    // An inactive admin does not count as the remaining one.
    const sleeping = await newUser("admin");
    await setUserActive(admin, { id: sleeping.id, version: sleeping.version, active: false }, t.db);
    await refused(changeUserRole(editor, { id: admin.id, version: me.version, role: "reviewer" }, t.db), /letzte aktive Admin-Konto/);
    expect((await getUser(admin.id, t.db))?.role).toBe("admin");
  });

  it("of two admins removing each other at the same moment, one is refused", async () => {
    const a = await newUser("admin");
    const b = await newUser("admin");
    const actorA = { id: a.id, name: a.name, email: a.email, role: a.role };
    const actorB = { id: b.id, name: b.name, email: b.email, role: b.role };
    // Take the original admin out of the count, so that a and b are the only active admins.
    const me = (await getUser(admin.id, t.db))!;
    await setUserActive(actorA, { id: admin.id, version: me.version, active: false }, t.db);
    const results = await Promise.allSettled([
      setUserActive(actorA, { id: b.id, version: b.version, active: false }, t.db),
      setUserActive(actorB, { id: a.id, version: a.version, active: false }, t.db),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(textOf(rejected?.reason)).toMatch(/letzte aktive Admin-Konto/);
    expect(await t.db.user.count({ where: { role: "admin", active: true } })).toBe(1);
    // Restore the original admin for the other tests.
    const survivor = results[0]!.status === "fulfilled" ? actorA : actorB;
    const back = (await getUser(admin.id, t.db))!;
    await setUserActive(survivor, { id: admin.id, version: back.version, active: true }, t.db);
  });

  it("lists accounts with search, filters and sort", async () => {
    const page = await listUsers({ q: "NEUE.PRUEFER" }, t.db);
    expect(page.items.map((u) => u.email)).toEqual(["neue.pruefer@example.org"]);
    const inactive = await listUsers({ active: "inactive" }, t.db);
    expect(inactive.items.every((u) => !u.active)).toBe(true);
    const editors = await listUsers({ role: "editor", sort: "email" }, t.db);
    expect(editors.items.every((u) => u.role === "editor")).toBe(true);
    const emails = editors.items.map((u) => u.email);
    expect(emails).toEqual([...emails].sort());
  });
});

describe("password reset codes", () => {
  it("shows the code once, stores only its SHA-256, valid 24 hours, audited", async () => {
    const user = await newUser();
    const now = new Date();
    const { code, expiresAt } = await issuePasswordResetCode(admin, { id: user.id }, t.db, now);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(expiresAt.getTime() - now.getTime()).toBe(24 * 60 * 60 * 1000);
    const rows = await t.db.passwordResetCode.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.codeHash).toBe(createHash("sha256").update(code.replace(/-/g, "")).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(code.replace(/-/g, ""));
    expect(rows[0]?.issuedById).toBe(admin.id);
    const [event] = await auditOf(user.id, "user.password_reset_issued");
    expect(event?.details).toMatchObject({ by: admin.id });
    expect(JSON.stringify(await t.db.auditEvent.findMany({ select: { details: true, email: true } }))).not.toContain(code.replace(/-/g, ""));
  });

  it("sets the password once; the code cannot be used again; older sessions end", async () => {
    const user = await newUser();
    const { code } = await issuePasswordResetCode(admin, { id: user.id }, t.db);
    const signedInBefore = Date.now() - 1000;
    // Dashes, spaces and case do not matter; the e-mail is matched case-insensitively.
    const typed = code.toLowerCase().replace(/-/g, " ");
    await resetPasswordWithCode({ email: user.email.toUpperCase(), code: typed, newPassword: "nach-dem-reset-1", newPasswordRepeat: "nach-dem-reset-1" }, { ip: "198.51.100.7" }, t.db);
    const row = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(row.passwordHash, "nach-dem-reset-1")).toBe(true);
    expect(row.passwordChangedAt).not.toBeNull();
    expect(isSessionCurrent(signedInBefore, row.passwordChangedAt)).toBe(false);
    expect(isSessionCurrent(Date.now(), row.passwordChangedAt)).toBe(true);
    expect((await t.db.passwordResetCode.findFirstOrThrow({ where: { userId: user.id } })).usedAt).not.toBeNull();

    await refused(resetPasswordWithCode({ email: user.email, code, newPassword: "noch-einmal-neu-2" }, { ip: "198.51.100.7" }, t.db), /bereits verwendet/);
    expect(await verifyPassword((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash, "nach-dem-reset-1")).toBe(true);

    const [used] = await auditOf(user.id, "user.password_reset_used");
    expect(used?.ip).toBe("198.51.100.7");
    const [failure] = await auditOf(user.id, "password_reset.failure");
    expect(failure?.details).toMatchObject({ reason: "used" });

    const revision = (await revisionsOf(user.id)).at(-1)!;
    const changes = revision.changes as Record<string, { before: unknown; after: unknown }>;
    expect(changes.password).toEqual({ before: "(bisher)", after: "(geändert)" });
    expect(JSON.stringify(changes)).not.toContain("argon2");
  });

  it("refuses an expired code", async () => {
    const user = await newUser();
    const issuedAt = new Date(Date.now() - 25 * 60 * 60 * 1000);
    const { code } = await issuePasswordResetCode(admin, { id: user.id }, t.db, issuedAt);
    await refused(resetPasswordWithCode({ email: user.email, code, newPassword: "zu-spaet-gesetzt" }, {}, t.db), /abgelaufen/);
    // ... also at the very moment of expiry, and not before.
    const fresh = await issuePasswordResetCode(admin, { id: user.id }, t.db);
    await refused(resetPasswordWithCode({ email: user.email, code: fresh.code, newPassword: "genau-abgelaufen" }, { now: fresh.expiresAt }, t.db), /abgelaufen/);
    await resetPasswordWithCode({ email: user.email, code: fresh.code, newPassword: "gerade-noch-gültig" }, { now: new Date(fresh.expiresAt.getTime() - 1000) }, t.db);
  });

  it("invalidates older unused codes when a new one is issued", async () => {
    const user = await newUser();
    const first = await issuePasswordResetCode(admin, { id: user.id }, t.db);
    const second = await issuePasswordResetCode(admin, { id: user.id }, t.db);
    expect(second.code).not.toBe(first.code);
    await refused(resetPasswordWithCode({ email: user.email, code: first.code, newPassword: "mit-altem-code" }, {}, t.db), /abgelaufen oder wurde durch einen neueren ersetzt/);
    await resetPasswordWithCode({ email: user.email, code: second.code, newPassword: "mit-neuem-code" }, {}, t.db);
  });

  it("refuses a code for another account, an unknown address and a deactivated account", async () => {
    const owner = await newUser();
    const other = await newUser();
    const { code } = await issuePasswordResetCode(admin, { id: owner.id }, t.db);
    await refused(resetPasswordWithCode({ email: other.email, code, newPassword: "fremder-code-123" }, {}, t.db), /E-Mail-Adresse oder Code ist falsch/);
    await refused(resetPasswordWithCode({ email: "niemand@example.org", code, newPassword: "fremder-code-123" }, {}, t.db), /E-Mail-Adresse oder Code ist falsch/);
    await refused(resetPasswordWithCode({ email: owner.email, code: "AAAA-BBBB-CCCC", newPassword: "falscher-code-123" }, {}, t.db), /E-Mail-Adresse oder Code ist falsch/);
    await refused(resetPasswordWithCode({ email: owner.email, code, newPassword: "kurz" }, {}, t.db), /mindestens 12/);

    const current = (await getUser(owner.id, t.db))!;
    await setUserActive(admin, { id: owner.id, version: current.version, active: false }, t.db);
    await refused(resetPasswordWithCode({ email: owner.email, code, newPassword: "deaktiviert-123" }, {}, t.db), /deaktiviert/);
    // No new code for a deactivated account either.
    await refused(issuePasswordResetCode(admin, { id: owner.id }, t.db), /deaktiviert/);
    await refused(issuePasswordResetCode(admin, { id: "no-such-user" }, t.db), /nicht gefunden/, NotFoundError);
  });

  it("is throttled like the sign-in: 10 failures block the address, even with the right code", async () => {
    const user = await newUser();
    const { code } = await issuePasswordResetCode(admin, { id: user.id }, t.db);
    const ip = "203.0.113.99";
    for (let i = 0; i < 10; i++) {
      await refused(resetPasswordWithCode({ email: user.email, code: "WRNG-CODE-XXXX", newPassword: "geraten-geraten" }, { ip }, t.db), /falsch/);
    }
    const blocked = await refused(
      resetPasswordWithCode({ email: user.email, code, newPassword: "richtiger-code-1" }, { ip }, t.db),
      /Zu viele Fehlversuche\. Bitte versuchen Sie es um \d\d:\d\d Uhr erneut\./,
      DomainError,
    );
    expect((blocked as DomainError).code).toBe("rate_limited");
    expect(await t.db.auditEvent.count({ where: { action: "password_reset.blocked", ip } })).toBe(1);
    // The code was not used up by the refused attempt.
    expect((await t.db.passwordResetCode.findFirstOrThrow({ where: { userId: user.id } })).usedAt).toBeNull();
  });
});

describe("one's own password", () => {
  it("needs the current password, 12 characters, a different password and a matching repeat", async () => {
    const user = await newUser("editor", "mein-altes-passwort");
    const me = { id: user.id, name: user.name, email: user.email, role: user.role };
    await refused(changeOwnPassword(me, { currentPassword: "falsch-falsch", newPassword: "mein-neues-passwort" }, t.db), /aktuelle Passwort stimmt nicht/);
    await refused(changeOwnPassword(me, { currentPassword: "mein-altes-passwort", newPassword: "zu-kurz" }, t.db), /mindestens 12/);
    await refused(changeOwnPassword(me, { currentPassword: "mein-altes-passwort", newPassword: "mein-altes-passwort" }, t.db), /unterscheiden/);
    await refused(
      changeOwnPassword(me, { currentPassword: "mein-altes-passwort", newPassword: "mein-neues-passwort", newPasswordRepeat: "vertippt-passwort" }, t.db),
      /stimmen nicht überein/,
    );
    expect(await auditOf(user.id, "user.password_changed")).toHaveLength(0);

    const after = await changeOwnPassword(me, { currentPassword: "mein-altes-passwort", newPassword: "mein-neues-passwort", newPasswordRepeat: "mein-neues-passwort" }, t.db);
    const row = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(row.passwordHash, "mein-neues-passwort")).toBe(true);
    expect(await verifyPassword(row.passwordHash, "mein-altes-passwort")).toBe(false);
    expect(after.passwordChangedAt).not.toBeNull();

    const revision = (await revisionsOf(user.id)).at(-1)!;
    expect(revision.userId).toBe(user.id);
    const changes = revision.changes as Record<string, { before: unknown; after: unknown }>;
    expect(changes.password).toEqual({ before: "(bisher)", after: "(geändert)" });
    expect(Object.keys(changes).sort()).toEqual(["password", "passwordChangedAt"]);
    expect(JSON.stringify(changes)).not.toMatch(/argon2|passwordHash/);
    expect(await auditOf(user.id, "user.password_changed")).toHaveLength(1);
  });

  it("no revision of any account ever holds a password hash", async () => {
    const all = await t.db.revision.findMany({ where: { entityType: "User" } });
    expect(all.length).toBeGreaterThan(10);
    for (const r of all) {
      expect(r.changes).not.toHaveProperty("passwordHash");
      expect(JSON.stringify(r.changes)).not.toContain("$argon2");
    }
  });
});

describe("the desk's language", () => {
  const browser = (acceptLanguage: string, cookie?: string) =>
    new Request("http://localhost/api/auth/callback/credentials", {
      method: "POST",
      headers: { "accept-language": acceptLanguage, ...(cookie ? { cookie } : {}) },
    });
  const localeOf = async (id: string) => (await t.db.user.findUniqueOrThrow({ where: { id }, select: { locale: true } })).locale;

  it("is taken from the browser at the first sign-in, and kept afterwards", async () => {
    const user = await newUser("contributor", "english-password-1");
    expect(await localeOf(user.id)).toBeNull();
    expect(await authorizeCredentials({ email: user.email, password: "english-password-1" }, browser("en-GB,en;q=0.9,de;q=0.5"), t.db)).toMatchObject({ id: user.id });
    expect(await localeOf(user.id)).toBe("en");
    // A later sign-in from a German browser does not change it: it is the account's now.
    await authorizeCredentials({ email: user.email, password: "english-password-1" }, browser("de-DE,de"), t.db);
    expect(await localeOf(user.id)).toBe("en");
  });

  it("follows the language chosen on the public site before Accept-Language, and German without either", async () => {
    const chose = await newUser("contributor", "chose-german-123");
    await authorizeCredentials({ email: chose.email, password: "chose-german-123" }, browser("en-US,en", "x=1; claimbase-locale=de"), t.db);
    expect(await localeOf(chose.id)).toBe("de");
    const plain = await newUser("contributor", "no-header-12345");
    await authorizeCredentials({ email: plain.email, password: "no-header-12345" }, undefined, t.db);
    expect(await localeOf(plain.id)).toBe("de");
  });

  it("is changed by the account itself under My account, with a revision; the same choice writes nothing", async () => {
    const user = await newUser("editor");
    const actor = { id: user.id, name: user.name, email: user.email, role: user.role };
    const before = (await revisionsOf(user.id)).length;
    expect(await setOwnLocale(actor, { locale: "en" }, t.db)).toEqual({ changed: true });
    expect(await localeOf(user.id)).toBe("en");
    const revisions = await revisionsOf(user.id);
    expect(revisions).toHaveLength(before + 1);
    expect((revisions.at(-1)?.changes as Record<string, unknown>).locale).toEqual({ before: null, after: "en" });
    expect(await setOwnLocale(actor, { locale: "en" }, t.db)).toEqual({ changed: false });
    expect(await revisionsOf(user.id)).toHaveLength(before + 1);
  });
});

describe("sessions", () => {
  it("a session issued before the last password change is void", () => {
    const changed = new Date("2026-11-25T10:00:00Z");
    expect(isSessionCurrent(undefined, null)).toBe(true);
    expect(isSessionCurrent(changed.getTime() - 1, changed)).toBe(false);
    expect(isSessionCurrent(changed.getTime(), changed)).toBe(true);
    expect(isSessionCurrent(undefined, changed)).toBe(false);
  });
});
