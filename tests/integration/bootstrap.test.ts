// The first admin: created once, with a generated password shown once when none is configured;
// a configured password resets a lost one; the verdict scale is complete and left alone once
// the newsroom has its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../lib/auth/password";
import { loadSettings } from "../../lib/config";
import { describeSignIn, ensureAdmin, ensureVerdictScale } from "../../lib/seed/bootstrap";
import { DEFAULT_VERDICT_SCALE } from "../../lib/verdicts";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.stop());

describe("first admin", () => {
  it("is created with a generated password that works, printed only at creation", async () => {
    const settings = loadSettings({ CLAIMBASE_ADMIN_EMAIL: "Chefin@Example.org", CLAIMBASE_DEMO: "false" });
    const first = await ensureAdmin(t.db, settings);
    expect(first.email).toBe("chefin@example.org");
    expect(first.generatedPassword).toMatch(/^[A-Za-z0-9]{20}$/);
    const admin = await t.db.user.findUniqueOrThrow({ where: { email: "chefin@example.org" } });
    expect(admin.role).toBe("admin");
    expect(admin.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(admin.passwordHash, first.generatedPassword!)).toBe(true);

    const second = await ensureAdmin(t.db, settings);
    expect(second.generatedPassword).toBeNull();
    expect(await t.db.user.count({ where: { email: "chefin@example.org" } })).toBe(1);
    const banner = describeSignIn(
      { adminEmail: second.email, generatedAdminPassword: null, adminPasswordFromEnv: false, demoLoaded: false, demoPresent: false, demoAccounts: [], demoPasswordFromEnv: false },
      "http://localhost:3000",
    );
    expect(banner).toContain("http://localhost:3000/signin");
    expect(banner).not.toContain(first.generatedPassword!);
  });

  it("gets the configured password back when CLAIMBASE_ADMIN_PASSWORD is set later", async () => {
    const settings = loadSettings({ CLAIMBASE_ADMIN_EMAIL: "chefin@example.org", CLAIMBASE_ADMIN_PASSWORD: "ein-neues-passwort-42" });
    const result = await ensureAdmin(t.db, settings);
    expect(result.generatedPassword).toBeNull();
    const admin = await t.db.user.findUniqueOrThrow({ where: { email: "chefin@example.org" } });
    expect(await verifyPassword(admin.passwordHash, "ein-neues-passwort-42")).toBe(true);
  });
});

describe("verdict scale", () => {
  it("starts with the default scale: six rated labels and unverifiable without a number", async () => {
    await ensureVerdictScale(t.db);
    const labels = await t.db.verdictLabel.findMany({ orderBy: { position: "asc" } });
    expect(labels.map((l) => l.key)).toEqual(DEFAULT_VERDICT_SCALE.map((l) => l.key));
    expect(labels.map((l) => l.ratingValue)).toEqual([6, 5, 4, 3, 2, 1, null]);
    expect(labels.find((l) => l.key === "mostly-false")?.nameDe).toBe("überwiegend falsch");
  });

  it("keeps a newsroom's own changes", async () => {
    await t.db.verdictLabel.update({ where: { key: "true" }, data: { nameDe: "stimmt" } });
    await t.db.verdictLabel.delete({ where: { key: "unverifiable" } });
    await ensureVerdictScale(t.db);
    expect((await t.db.verdictLabel.findUniqueOrThrow({ where: { key: "true" } })).nameDe).toBe("stimmt");
    expect(await t.db.verdictLabel.count()).toBe(6);
  });
});
