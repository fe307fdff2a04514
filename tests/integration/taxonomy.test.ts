// Topics and the verdict scale: versioned writes with revisions, unique slugs and keys, a topic
// or label in use is never deleted (a label can only be deactivated), the ClaimReview number is
// 1–99 or none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../lib/auth/session";
import { loadSettings } from "../../lib/config";
import { ConflictError, TransitionError, ValidationError } from "../../lib/editorial/errors";
import {
  createTopic,
  createVerdictLabel,
  createVerdictLabelSchema,
  deleteTopic,
  deleteVerdictLabel,
  getTopic,
  listTopics,
  listVerdictLabels,
  updateTopic,
  updateVerdictLabel,
  updateVerdictLabelSchema,
} from "../../lib/editorial/taxonomy";
import { bootstrap } from "../../lib/seed/bootstrap";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { textOf } from "../helpers/messages";

let t: TestDatabase;
let admin: SessionUser;

beforeAll(async () => {
  t = await createTestDatabase();
  // With the demo data: claims with verdicts exist.
  await bootstrap(t.db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));
  const a = await t.db.user.findUniqueOrThrow({ where: { email: "admin@claimbase.local" } });
  admin = { id: a.id, name: a.name, email: a.email, role: a.role };
});
afterAll(() => t?.stop());

async function refused(promise: Promise<unknown>, type: new (...args: never[]) => Error, pattern: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  expect(textOf(error)).toMatch(pattern);
  return error;
}

const revisions = (entityType: string, entityId: string) =>
  t.db.revision.findMany({ where: { entityType, entityId }, orderBy: { id: "asc" } });

describe("topics", () => {
  it("creates a topic with a slug from the German name, numbered when taken, with a revision", async () => {
    const first = await createTopic(admin, { nameDe: "Außenpolitik", nameEn: "Foreign policy", descriptionDe: "Beziehungen zu anderen Staaten" }, t.db);
    expect(first.slug).toBe("aussenpolitik");
    expect(first.version).toBe(1);
    const second = await createTopic(admin, { nameDe: "Außenpolitik", nameEn: "Foreign affairs" }, t.db);
    expect(second.slug).toBe("aussenpolitik-2");
    const [rev] = await revisions("Topic", first.id);
    expect(rev).toMatchObject({ action: "create", userId: admin.id, version: 1 });
    expect(rev?.changes).toMatchObject({ slug: { before: null, after: "aussenpolitik" }, nameEn: { after: "Foreign policy" } });
  });

  it("refuses a slug that another topic has, and a malformed slug", async () => {
    await refused(createTopic(admin, { slug: "aussenpolitik", nameDe: "Diplomatie", nameEn: "Diplomacy" }, t.db), ValidationError, /Kurzadresse/);
    const other = await createTopic(admin, { slug: "diplomatie", nameDe: "Diplomatie", nameEn: "Diplomacy" }, t.db);
    await refused(
      updateTopic(admin, { id: other.id, version: other.version, slug: "aussenpolitik", nameDe: "Diplomatie", nameEn: "Diplomacy" }, t.db),
      ValidationError,
      /Kurzadresse/,
    );
  });

  it("updates with the version (a stale save is a conflict); an empty slug keeps the slug", async () => {
    const topic = await createTopic(admin, { nameDe: "Wirtschaft", nameEn: "Economy" }, t.db);
    const renamed = await updateTopic(admin, { id: topic.id, version: 1, nameDe: "Wirtschaftspolitik", nameEn: "Economic policy", descriptionEn: "Trade" }, t.db);
    expect(renamed).toMatchObject({ slug: "wirtschaft", nameDe: "Wirtschaftspolitik", version: 2, descriptionEn: "Trade" });
    await refused(updateTopic(admin, { id: topic.id, version: 1, nameDe: "Handel", nameEn: "Trade" }, t.db), ConflictError, /Version 2/);
    const revs = await revisions("Topic", topic.id);
    expect(revs.at(-1)?.changes).toEqual({
      nameDe: { before: "Wirtschaft", after: "Wirtschaftspolitik" },
      nameEn: { before: "Economy", after: "Economic policy" },
      descriptionEn: { before: null, after: "Trade" },
    });
  });

  it("deletes an unused topic, refuses one that claims use", async () => {
    const unused = await createTopic(admin, { nameDe: "Sport", nameEn: "Sports" }, t.db);
    await deleteTopic(admin, { id: unused.id, version: 1 }, t.db);
    expect(await getTopic(unused.id, t.db)).toBeNull();
    expect((await revisions("Topic", unused.id)).at(-1)?.action).toBe("delete");

    const used = await createTopic(admin, { nameDe: "Nordkorea", nameEn: "North Korea" }, t.db);
    const claim = await t.db.claim.findFirstOrThrow();
    await t.db.claimTopic.create({ data: { claimId: claim.id, topicId: used.id } });
    const error = await refused(deleteTopic(admin, { id: used.id, version: 1 }, t.db), TransitionError, /Das Thema „Nordkorea“ ist einer Behauptung zugeordnet/);
    // The topic is named in the reader's language (both names are the newsroom's).
    expect(textOf(error, "en")).toMatch(/The topic “North Korea” is assigned to a claim/);
    expect((await getTopic(used.id, t.db))?.claimCount).toBe(1);
  });

  it("lists topics with search and claim counts", async () => {
    const page = await listTopics({ q: "NORDK" }, t.db);
    expect(page.items.map((t) => t.nameDe)).toEqual(["Nordkorea"]);
    expect(page.items.find((t) => t.nameDe === "Nordkorea")?.claimCount).toBe(1);
    const byClaims = await listTopics({ sort: "claims" }, t.db);
    expect(byClaims.items[0]?.claimCount).toBeGreaterThanOrEqual(1);
  });
});

describe("the verdict scale", () => {
  const base = { nameDe: "satirisch", nameEn: "satire", explanationDe: "Satire, keine Tatsachenbehauptung.", explanationEn: "Satire, not a factual claim." };

  it("accepts a ClaimReview number from 1 to 99 or none", () => {
    const parse = (ratingValue: string) => createVerdictLabelSchema.safeParse({ key: "x", ...base, ratingValue, position: "", active: "on" });
    expect(parse("").success).toBe(true);
    expect(parse("").data?.ratingValue).toBeUndefined();
    expect(parse("1").success).toBe(true);
    expect(parse("99").success).toBe(true);
    expect(parse("0").success).toBe(false);
    expect(parse("100").success).toBe(false);
    expect(parse("2.5").success).toBe(false);
    expect(createVerdictLabelSchema.safeParse({ key: "Mit Leerzeichen", ...base }).success).toBe(false);
    expect(updateVerdictLabelSchema.safeParse({ id: "x", version: "1", ...base, ratingValue: "abc" }).success).toBe(false);
  });

  it("adds a label at the end of the scale, with a revision; keys are unique", async () => {
    const before = await listVerdictLabels(t.db);
    const label = await createVerdictLabel(admin, { key: "satire", ...base, ratingValue: undefined, position: undefined, active: true }, t.db);
    expect(label.position).toBe(Math.max(...before.map((l) => l.position)) + 1);
    expect(label.ratingValue).toBeNull();
    expect((await revisions("VerdictLabel", label.id))[0]?.action).toBe("create");
    await refused(createVerdictLabel(admin, { key: "satire", ...base, ratingValue: 3, position: 2, active: true }, t.db), ValidationError, /Schlüssel/);
  });

  it("edits names, explanations, number, position and active state, versioned", async () => {
    const label = await t.db.verdictLabel.findUniqueOrThrow({ where: { key: "satire" } });
    const edited = await updateVerdictLabel(
      admin,
      { id: label.id, version: label.version, ...base, nameDe: "Satire", ratingValue: 7, position: 20, active: false },
      t.db,
    );
    expect(edited).toMatchObject({ key: "satire", nameDe: "Satire", ratingValue: 7, position: 20, active: false, version: label.version + 1 });
    const cleared = await updateVerdictLabel(admin, { id: label.id, version: edited.version, ...base, ratingValue: undefined, position: undefined, active: true }, t.db);
    expect(cleared.ratingValue).toBeNull();
    // Without a position, the label keeps its place.
    expect(cleared.position).toBe(20);
    await refused(updateVerdictLabel(admin, { id: label.id, version: label.version, ...base, ratingValue: 1, position: 1, active: true }, t.db), ConflictError, /Nicht gespeichert/);
    const revs = await revisions("VerdictLabel", label.id);
    expect(revs.at(-1)?.changes).toMatchObject({ ratingValue: { before: 7, after: null }, active: { before: false, after: true } });
  });

  it("refuses to delete a label in use (deactivation instead), deletes an unused one", async () => {
    const used = await t.db.claim.findFirstOrThrow({ where: { publishedVerdictId: { not: null } }, select: { publishedVerdictId: true } });
    const label = await t.db.verdictLabel.findUniqueOrThrow({ where: { id: used.publishedVerdictId! } });
    const error = await refused(deleteVerdictLabel(admin, { id: label.id, version: label.version }, t.db), TransitionError, /wird verwendet .* Deaktivieren Sie sie/);
    expect(textOf(error)).toContain(label.nameDe);
    expect(textOf(error, "en")).toContain(label.nameEn);
    expect(textOf(error, "en")).not.toContain(label.nameDe);
    const deactivated = await updateVerdictLabel(
      admin,
      { id: label.id, version: label.version, nameDe: label.nameDe, nameEn: label.nameEn, explanationDe: label.explanationDe, explanationEn: label.explanationEn, ratingValue: label.ratingValue ?? undefined, position: label.position, active: false },
      t.db,
    );
    expect(deactivated.active).toBe(false);
    expect((await listVerdictLabels(t.db)).find((l) => l.id === label.id)?.usage).toBeGreaterThan(0);

    const satire = await t.db.verdictLabel.findUniqueOrThrow({ where: { key: "satire" } });
    await refused(deleteVerdictLabel(admin, { id: satire.id, version: satire.version - 1 }, t.db), ConflictError, /Nicht gespeichert/);
    await deleteVerdictLabel(admin, { id: satire.id, version: satire.version }, t.db);
    expect(await t.db.verdictLabel.findUnique({ where: { key: "satire" } })).toBeNull();
    expect((await revisions("VerdictLabel", satire.id)).at(-1)?.action).toBe("delete");
  });
});
