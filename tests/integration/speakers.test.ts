// Speakers on the desk: create and edit with aliases and roles, each change in the revision
// log with before/after, optimistic concurrency, validation that changes nothing, refused
// deletion while quotes or claims name the speaker, and the list's search and filters.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../lib/auth/session";
import { loadSettings } from "../../lib/config";
import { ConflictError, ForbiddenError, ValidationError } from "../../lib/editorial/errors";
import {
  createSpeaker,
  deleteSpeaker,
  getSpeakerForEdit,
  listSpeakers,
  speakerInput,
  speakerUpdateInput,
  updateSpeaker,
  type SpeakerInput,
} from "../../lib/editorial/speakers";
import { bootstrap } from "../../lib/seed/bootstrap";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { fieldTexts, text, textOf } from "../helpers/messages";
import { messageOfIssue } from "../../lib/messages";

let t: TestDatabase;
let editor: SessionUser;
let contributor: SessionUser;

beforeAll(async () => {
  t = await createTestDatabase();
  await bootstrap(t.db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));
  const user = async (email: string) => {
    const u = await t.db.user.findUniqueOrThrow({ where: { email } });
    return { id: u.id, name: u.name, email: u.email, role: u.role };
  };
  editor = await user("redaktion@claimbase.local");
  contributor = await user("mitarbeit@claimbase.local");
});
afterAll(() => t?.stop());

function input(overrides: Partial<SpeakerInput> = {}): SpeakerInput {
  return { name: "Angela Merkel", kind: "person", aliases: [], roles: [], ...overrides };
}

async function snapshot() {
  const [speakers, aliases, roles, revisions] = await Promise.all([
    t.db.speaker.findMany({ orderBy: { id: "asc" } }),
    t.db.speakerAlias.findMany({ orderBy: { id: "asc" } }),
    t.db.speakerRole.findMany({ orderBy: { id: "asc" } }),
    t.db.revision.count(),
  ]);
  return { speakers, aliases, roles, revisions };
}

const revisionsOf = (entityId: string) => t.db.revision.findMany({ where: { entityType: "Speaker", entityId }, orderBy: { id: "asc" } });

describe("the form schema", () => {
  it("reads aliases one per line and roles from parallel lists, dropping blank rows", () => {
    const parsed = speakerInput.parse({
      name: "  Olaf Scholz ",
      kind: "person",
      slug: "",
      wikidataId: " q61053 ",
      aliases: "Scholz\r\n\r\n  Bundeskanzler Scholz \nScholz",
      roleTitle: ["Bundeskanzler", "", ""],
      roleOrganization: ["Bundesregierung", "", ""],
      roleStart: ["2021-12-08", "", ""],
      roleEnd: ["2025-05-06", "", ""],
    });
    expect(parsed.name).toBe("Olaf Scholz");
    expect(parsed.slug).toBeUndefined();
    expect(parsed.wikidataId).toBe("Q61053");
    expect(parsed.aliases).toEqual(["Scholz", "Bundeskanzler Scholz"]);
    expect(parsed.roles).toHaveLength(1);
    expect(parsed.roles[0]).toMatchObject({ title: "Bundeskanzler", organization: "Bundesregierung" });
    expect(parsed.roles[0]?.startDate?.toISOString()).toBe("2021-12-08T00:00:00.000Z");
  });

  it("refuses a malformed Wikidata id and slug with messages in the editor's language", () => {
    const r = speakerInput.safeParse({ name: "X", kind: "person", wikidataId: "7747", slug: "Nicht gültig!" });
    expect(r.success).toBe(false);
    const messages = (locale: "de" | "en") => r.error?.issues.map((i) => `${String(i.path[0])}: ${text(messageOfIssue(i.message), locale)}`).join("\n") ?? "";
    expect(messages("de")).toMatch(/wikidataId: Wikidata-ID/);
    expect(messages("de")).toMatch(/slug: Kurzadresse/);
    expect(messages("en")).toMatch(/wikidataId: Wikidata ID: a Q followed by a number/);
    expect(messages("en")).toMatch(/slug: Short address: only lower-case letters/);
  });
});

describe("creating a speaker", () => {
  it("stores aliases and roles, builds the slug from the name, and records everything in one revision", async () => {
    const { id, slug } = await createSpeaker(
      editor,
      input({
        name: "Angela Merkel",
        wikidataId: "Q567",
        bio: "Bundeskanzlerin 2005–2021.",
        aliases: ["Merkel", "Bundeskanzlerin Merkel"],
        roles: [{ title: "Bundeskanzlerin", organization: "Bundesregierung", startDate: new Date("2005-11-22T00:00:00Z"), endDate: new Date("2021-12-08T00:00:00Z") }],
      }),
      t.db,
    );
    expect(slug).toBe("angela-merkel");
    const stored = await getSpeakerForEdit(id, t.db);
    expect(stored?.aliases).toEqual(["Bundeskanzlerin Merkel", "Merkel"]);
    expect(stored?.roles).toEqual([{ title: "Bundeskanzlerin", organization: "Bundesregierung", startDate: "2005-11-22", endDate: "2021-12-08" }]);
    expect(stored?.version).toBe(1);

    const revisions = await revisionsOf(id);
    expect(revisions.map((r) => [r.action, r.version])).toEqual([["create", 1]]);
    const created = revisions[0]?.changes as Record<string, { before: unknown; after: unknown }>;
    expect(created?.name).toEqual({ before: null, after: "Angela Merkel" });
    expect(created?.wikidataId).toEqual({ before: null, after: "Q567" });
    expect(created?.aliases).toEqual({ before: [], after: ["Bundeskanzlerin Merkel", "Merkel"] });
    expect(created?.roles).toEqual({
      before: [],
      after: [{ title: "Bundeskanzlerin", organization: "Bundesregierung", startDate: "2005-11-22", endDate: "2021-12-08" }],
    });
    expect(revisions[0]?.userId).toBe(editor.id);
  });

  it("makes the slug unique when the name's slug is taken", async () => {
    const { slug } = await createSpeaker(editor, input({ name: "Angela Merkel" }), t.db);
    expect(slug).toBe("angela-merkel-2");
  });

  it("refuses a slug or Wikidata id that another speaker has, naming that speaker, and writes nothing", async () => {
    const before = await snapshot();
    const slugTaken = await createSpeaker(editor, input({ name: "Putin-Doppelgänger", slug: "wladimir-putin" }), t.db).catch((e: unknown) => e);
    expect(slugTaken).toBeInstanceOf(ValidationError);
    expect(fieldTexts((slugTaken as ValidationError).fieldErrors, "slug")[0]).toMatch(/„wladimir-putin“ gehört schon zu „Wladimir Putin“/);
    const wikidataTaken = await createSpeaker(editor, input({ name: "Noch ein Putin", wikidataId: "Q7747" }), t.db).catch((e: unknown) => e);
    expect(wikidataTaken).toBeInstanceOf(ValidationError);
    expect(fieldTexts((wikidataTaken as ValidationError).fieldErrors, "wikidataId")[0]).toMatch(/Q7747 gehört schon zu „Wladimir Putin“/);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a role that ends before it starts, and writes nothing", async () => {
    const before = await snapshot();
    const error = await createSpeaker(
      editor,
      input({ name: "Zeitreisender", roles: [{ title: "Minister", startDate: new Date("2020-01-01T00:00:00Z"), endDate: new Date("2019-01-01T00:00:00Z") }] }),
      t.db,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(fieldTexts((error as ValidationError).fieldErrors, "roles")[0]).toBe("Funktion 1: das Ende (2019-01-01) liegt vor dem Beginn (2020-01-01).");
    expect(await snapshot()).toEqual(before);
  });
});

describe("editing a speaker", () => {
  it("records changed fields, aliases and roles with before and after in one revision, and bumps the version once", async () => {
    const putin = await t.db.speaker.findUniqueOrThrow({ where: { slug: "wladimir-putin" } });
    const current = (await getSpeakerForEdit(putin.id, t.db))!;
    const revisionsBefore = (await revisionsOf(putin.id)).length;
    const result = await updateSpeaker(
      editor,
      speakerUpdateInput.parse({
        id: putin.id,
        version: String(current.version),
        name: current.name,
        kind: current.kind,
        slug: current.slug,
        wikidataId: current.wikidataId ?? "",
        bio: "Russischer Präsident.",
        aliases: ["Putin", "Kremlchef", "Präsident Putin"].join("\n"),
        roleTitle: current.roles.map((r) => r.title),
        roleOrganization: current.roles.map((r) => r.organization ?? ""),
        roleStart: current.roles.map((r) => r.startDate ?? ""),
        roleEnd: current.roles.map((r) => r.endDate ?? ""),
      }),
      t.db,
    );
    expect(result.changed).toBe(true);
    const after = (await getSpeakerForEdit(putin.id, t.db))!;
    expect(after.version).toBe(current.version + 1);
    expect(after.bio).toBe("Russischer Präsident.");
    expect(after.aliases).toEqual(["Kremlchef", "Präsident Putin", "Putin"]);
    expect(after.roles).toEqual(current.roles);

    const revisions = (await revisionsOf(putin.id)).slice(revisionsBefore);
    expect(revisions).toHaveLength(1);
    const changes = revisions[0]?.changes as Record<string, { before: unknown; after: unknown }>;
    expect(Object.keys(changes ?? {}).sort()).toEqual(["aliases", "bio"]);
    expect(changes?.bio?.after).toBe("Russischer Präsident.");
    expect(revisions[0]).toMatchObject({ action: "update", version: after.version, userId: editor.id });
    expect(changes?.aliases).toEqual({ before: ["Kremlchef", "Putin", "Vladimir Putin"], after: ["Kremlchef", "Präsident Putin", "Putin"] });
  });

  it("records a change of roles", async () => {
    const trump = await t.db.speaker.findUniqueOrThrow({ where: { slug: "donald-trump" } });
    const current = (await getSpeakerForEdit(trump.id, t.db))!;
    const revisionsBefore = (await revisionsOf(trump.id)).length;
    const newRoles = [{ title: "Unternehmer", organization: "The Trump Organization", startDate: new Date("1971-01-01T00:00:00Z") }];
    await updateSpeaker(editor, { ...current, wikidataId: current.wikidataId ?? undefined, bio: current.bio ?? undefined, roles: newRoles, slug: current.slug }, t.db);
    const revisions = (await revisionsOf(trump.id)).slice(revisionsBefore);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ action: "update", version: current.version + 1 });
    const roles = revisions[0]?.changes as Record<string, { before: unknown; after: unknown }>;
    expect(Object.keys(roles)).toEqual(["roles"]);
    expect(roles?.roles?.before).toEqual(current.roles);
    expect(roles?.roles?.after).toEqual([{ title: "Unternehmer", organization: "The Trump Organization", startDate: "1971-01-01", endDate: null }]);
    expect(await t.db.speakerRole.count({ where: { speakerId: trump.id } })).toBe(1);
  });

  it("a save that changes the name and the aliases writes exactly one revision with both fields and the new version", async () => {
    const { id } = await createSpeaker(editor, input({ name: "Einmal Speichern", aliases: ["Alt"] }), t.db);
    const current = (await getSpeakerForEdit(id, t.db))!;
    const revisionsBefore = (await revisionsOf(id)).length;
    await updateSpeaker(
      editor,
      { ...current, name: "Einmal Gespeichert", aliases: ["Neu", "Alt"], wikidataId: undefined, bio: undefined, roles: [] },
      t.db,
    );
    const after = (await getSpeakerForEdit(id, t.db))!;
    expect(after.version).toBe(current.version + 1);
    expect(after.aliases).toEqual(["Alt", "Neu"]);
    const revisions = (await revisionsOf(id)).slice(revisionsBefore);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ action: "update", version: after.version, userId: editor.id });
    expect(revisions[0]?.changes).toEqual({
      name: { before: "Einmal Speichern", after: "Einmal Gespeichert" },
      aliases: { before: ["Alt"], after: ["Alt", "Neu"] },
    });
  });

  it("a save that changes only the aliases still bumps the version and writes one revision with just the aliases", async () => {
    const { id } = await createSpeaker(editor, input({ name: "Nur Aliasse" }), t.db);
    const current = (await getSpeakerForEdit(id, t.db))!;
    const revisionsBefore = (await revisionsOf(id)).length;
    const result = await updateSpeaker(editor, { ...current, aliases: ["NA"], wikidataId: undefined, bio: undefined, roles: [] }, t.db);
    expect(result.changed).toBe(true);
    expect((await getSpeakerForEdit(id, t.db))?.version).toBe(current.version + 1);
    const revisions = (await revisionsOf(id)).slice(revisionsBefore);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ action: "update", version: current.version + 1 });
    expect(revisions[0]?.changes).toEqual({ aliases: { before: [], after: ["NA"] } });
  });

  it("writes nothing when nothing changed", async () => {
    const s = await t.db.speaker.findUniqueOrThrow({ where: { slug: "rex-tillerson" } });
    const current = (await getSpeakerForEdit(s.id, t.db))!;
    const before = await snapshot();
    const result = await updateSpeaker(
      editor,
      { ...current, wikidataId: current.wikidataId ?? undefined, bio: current.bio ?? undefined, roles: current.roles.map((r) => ({ title: r.title, organization: r.organization ?? undefined, startDate: r.startDate ? new Date(`${r.startDate}T00:00:00Z`) : undefined, endDate: r.endDate ? new Date(`${r.endDate}T00:00:00Z`) : undefined })) },
      t.db,
    );
    expect(result.changed).toBe(false);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a save based on an old version with a ConflictError and changes nothing", async () => {
    const s = await t.db.speaker.findUniqueOrThrow({ where: { slug: "sergej-lawrow" } });
    const first = (await getSpeakerForEdit(s.id, t.db))!;
    const base = { ...first, wikidataId: undefined, bio: first.bio ?? undefined, roles: [] };
    await updateSpeaker(editor, { ...base, bio: "Erste Änderung." }, t.db);
    const before = await snapshot();
    const error = await updateSpeaker(editor, { ...base, bio: "Zweite Änderung vom alten Stand.", aliases: ["Lawrow"] }, t.db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    const conflict = (error as ConflictError).conflict;
    expect(conflict.currentVersion).toBe(first.version + 1);
    expect(conflict.changedBy).toBe(editor.name);
    expect(conflict.current.bio).toBe("Erste Änderung.");
    expect(textOf(error)).toMatch(/Nicht gespeichert/);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a role that ends before it starts on update, and changes nothing", async () => {
    const s = await t.db.speaker.findUniqueOrThrow({ where: { slug: "baschar-al-assad" } });
    const current = (await getSpeakerForEdit(s.id, t.db))!;
    const before = await snapshot();
    const error = await updateSpeaker(
      editor,
      { ...current, wikidataId: current.wikidataId ?? undefined, bio: "geändert", roles: [{ title: "Präsident", startDate: new Date("2024-12-08T00:00:00Z"), endDate: new Date("2000-07-17T00:00:00Z") }] },
      t.db,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(await snapshot()).toEqual(before);
  });

  it("regenerates a cleared slug from the name, skipping taken ones", async () => {
    const { id } = await createSpeaker(editor, input({ name: "Kurzlebig" }), t.db);
    const current = (await getSpeakerForEdit(id, t.db))!;
    await updateSpeaker(editor, { ...current, name: "Angela Merkel", slug: undefined, wikidataId: undefined, bio: undefined, roles: [] }, t.db);
    expect((await getSpeakerForEdit(id, t.db))?.slug).toBe("angela-merkel-3");
  });
});

describe("deleting a speaker", () => {
  it("is refused while quotes or claims name the speaker, and changes nothing", async () => {
    const putin = (await getSpeakerForEdit((await t.db.speaker.findUniqueOrThrow({ where: { slug: "wladimir-putin" } })).id, t.db))!;
    const before = await snapshot();
    const error = await deleteSpeaker(editor, { id: putin.id, version: putin.version }, t.db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(textOf(error)).toMatch(/„Wladimir Putin“ kann nicht gelöscht werden: Dem Sprecher sind \d+ Zitate/);
    expect(await snapshot()).toEqual(before);
  });

  it("is refused for contributors", async () => {
    const { id } = await createSpeaker(editor, input({ name: "Nur für Redaktion" }), t.db);
    await expect(deleteSpeaker(contributor, { id, version: 1 }, t.db)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("is refused from an old version", async () => {
    const { id } = await createSpeaker(editor, input({ name: "Veraltet", aliases: ["V"] }), t.db);
    const current = (await getSpeakerForEdit(id, t.db))!;
    await updateSpeaker(editor, { ...current, bio: "neu", wikidataId: undefined, roles: [] }, t.db);
    await expect(deleteSpeaker(editor, { id, version: 1 }, t.db)).rejects.toBeInstanceOf(ConflictError);
    expect(await t.db.speaker.count({ where: { id } })).toBe(1);
  });

  it("deletes an unused speaker with its aliases and roles, keeping them in the history", async () => {
    const { id } = await createSpeaker(
      editor,
      input({ name: "Wegwerf-Sprecher", aliases: ["Wegwerf"], roles: [{ title: "Testrolle" }] }),
      t.db,
    );
    await deleteSpeaker(editor, { id, version: 1 }, t.db);
    expect(await t.db.speaker.count({ where: { id } })).toBe(0);
    expect(await t.db.speakerAlias.count({ where: { speakerId: id } })).toBe(0);
    const revisions = await revisionsOf(id);
    expect(revisions.map((r) => r.action)).toEqual(["create", "delete"]);
    const deleted = revisions.at(-1)?.changes as Record<string, { before: unknown; after: unknown }>;
    expect(deleted.aliases).toEqual({ before: ["Wegwerf"], after: [] });
    expect(deleted.roles).toEqual({ before: [{ title: "Testrolle", organization: null, startDate: null, endDate: null }], after: [] });
    expect(deleted.name?.before).toBe("Wegwerf-Sprecher");
  });
});

describe("the speaker list", () => {
  it("searches names and aliases, filters by kind and pages by 25", async () => {
    const byAlias = await listSpeakers({ q: "kremlchef" }, t.db);
    expect(byAlias.items.map((s) => s.name)).toEqual(["Wladimir Putin"]);
    const orgs = await listSpeakers({ kind: "organization" }, t.db);
    expect(orgs.items.every((s) => s.kind === "organization")).toBe(true);
    expect(orgs.total).toBeGreaterThan(0);
    const sorted = await listSpeakers({ sort: "name" }, t.db);
    const names = sorted.items.map((s) => s.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const putin = sorted.items.find((s) => s.name === "Wladimir Putin");
    expect(putin?._count.quotes).toBeGreaterThan(0);
    for (let i = 0; i < 30; i++) await t.db.speaker.create({ data: { name: `Füllsprecher ${i}`, slug: `fuell-${i}` } });
    const page2 = await listSpeakers({ q: "Füllsprecher", page: 2 }, t.db);
    expect(page2.total).toBe(30);
    expect(page2.pageCount).toBe(2);
    expect(page2.items).toHaveLength(5);
  });
});
