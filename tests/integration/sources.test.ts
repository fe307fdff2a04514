// Sources on the desk: the stored text with its hash, changes to it that would move a marked
// passage (quote, claim passage, evidence) refused with the number of passages, revisions,
// optimistic concurrency, refused deletion while anything points to the source, the list,
// and the text API for the passage picker (signed-in desk only).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "../../lib/auth/session";
import { loadSettings } from "../../lib/config";
import { ConflictError, ValidationError } from "../../lib/editorial/errors";
import {
  createSource,
  deleteSource,
  getSourceForEdit,
  listSources,
  sha256,
  sourceInput,
  sourceUpdateInput,
  updateSource,
  type SourceUpdateInput,
} from "../../lib/editorial/sources";
import { bootstrap } from "../../lib/seed/bootstrap";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { fieldTexts, text, textOf } from "../helpers/messages";
import { messageOfIssue } from "../../lib/messages";

const session = vi.hoisted(() => ({ user: null as null | { id: string; name: string; email: string; role: string } }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user }));

let t: TestDatabase;
let editor: SessionUser;
let article: { id: string; snapshotText: string; version: number };

const ARTICLE_TITLE = "Trump und Putin beim Apec-Gipfel: Einigung zu Syrien";

beforeAll(async () => {
  t = await createTestDatabase();
  await bootstrap(t.db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));
  const u = await t.db.user.findUniqueOrThrow({ where: { email: "redaktion@claimbase.local" } });
  editor = { id: u.id, name: u.name, email: u.email, role: u.role };
  const a = await t.db.source.findFirstOrThrow({ where: { title: ARTICLE_TITLE } });
  article = { id: a.id, snapshotText: a.snapshotText!, version: a.version };
});
afterAll(() => t?.stop());

async function snapshot() {
  const [sources, revisions] = await Promise.all([t.db.source.findMany({ orderBy: { id: "asc" } }), t.db.revision.count()]);
  return { sources, revisions };
}

async function editInput(id: string, changes: Partial<SourceUpdateInput> = {}): Promise<SourceUpdateInput> {
  const s = (await getSourceForEdit(id, t.db))!;
  return {
    id: s.id,
    version: s.version,
    kind: s.kind,
    url: s.url ?? undefined,
    title: s.title,
    publisher: s.publisher ?? undefined,
    author: s.author ?? undefined,
    publishedAt: s.publishedAt ?? undefined,
    accessedAt: s.accessedAt ?? undefined,
    language: s.language,
    snapshotText: s.snapshotText ?? undefined,
    ...changes,
  };
}

const revisionsOf = (entityId: string) => t.db.revision.findMany({ where: { entityType: "Source", entityId }, orderBy: { id: "asc" } });

describe("creating a source", () => {
  it("stores the text with its SHA-256 and snapshot time, and records the creation", async () => {
    const parsed = sourceInput.parse({
      kind: "statistic",
      url: "https://example.org/statistik",
      title: "  Eine Statistik ",
      publisher: "Statistikamt",
      author: "",
      publishedAt: "2017-11-01",
      accessedAt: "",
      language: "",
      snapshotText: "Erste Zeile\r\nZweite Zeile\r\n",
    });
    expect(parsed.snapshotText).toBe("Erste Zeile\nZweite Zeile\n"); // CRLF from the browser, stored as LF, not trimmed
    expect(parsed.language).toBe("de");
    const { id } = await createSource(editor, parsed, t.db);
    const stored = (await getSourceForEdit(id, t.db))!;
    expect(stored.title).toBe("Eine Statistik");
    expect(stored.contentHash).toBe(sha256("Erste Zeile\nZweite Zeile\n"));
    expect(stored.snapshotAt).toBeInstanceOf(Date);
    const [created] = await revisionsOf(id);
    expect(created?.action).toBe("create");
    expect((created?.changes as Record<string, { after: unknown }>).contentHash?.after).toBe(stored.contentHash);
  });

  it("refuses an invalid URL with a message in the editor's language", () => {
    const r = sourceInput.safeParse({ kind: "other", title: "X", url: "javascript:alert(1)" });
    expect(r.success).toBe(false);
    expect(text(messageOfIssue(r.error!.issues[0]!.message))).toMatch(/http\(s\)-Adresse/);
    expect(text(messageOfIssue(r.error!.issues[0]!.message), "en")).toBe("Address (URL): please give an http(s) address.");
  });
});

describe("editing a source", () => {
  it("records changed fields with before and after, keeps a same-day date's time, and writes nothing without changes", async () => {
    const base = await editInput(article.id);
    // The form sends the publication day at midnight; the stored noon stays.
    const sameDay = await updateSource(editor, { ...base, publishedAt: new Date("2017-11-11T00:00:00Z") }, t.db);
    expect(sameDay.changed).toBe(false);

    const before = (await revisionsOf(article.id)).length;
    await updateSource(editor, { ...base, publisher: "dpa", author: "Agenturredaktion" }, t.db);
    const revisions = (await revisionsOf(article.id)).slice(before);
    expect(revisions).toHaveLength(1);
    const changes = revisions[0]?.changes as Record<string, { before: unknown; after: unknown }>;
    expect(Object.keys(changes).sort()).toEqual(["author", "publisher"]);
    expect(changes.publisher).toEqual({ before: "Nachrichtenagentur (Agenturmeldung)", after: "dpa" });
    expect(revisions[0]?.version).toBe(base.version + 1);
  });

  it("allows a change of the text that leaves every marked passage as it reads, with a new hash", async () => {
    const base = await editInput(article.id);
    const text = base.snapshotText!;
    expect(text.indexOf("nette Worte")).toBeLessThan(480); // before the first marked passage
    const changed = text.replace("nette Worte", "nette Sätze"); // same length: nothing moves
    const oldSource = await t.db.source.findUniqueOrThrow({ where: { id: article.id } });
    await updateSource(editor, { ...base, snapshotText: changed }, t.db);
    const stored = await t.db.source.findUniqueOrThrow({ where: { id: article.id } });
    expect(stored.snapshotText).toBe(changed);
    expect(stored.contentHash).toBe(sha256(changed));
    expect(stored.contentHash).not.toBe(oldSource.contentHash);
    expect(stored.snapshotAt!.getTime()).toBeGreaterThanOrEqual(oldSource.snapshotAt!.getTime());
    const last = (await revisionsOf(article.id)).at(-1)!;
    expect(Object.keys(last.changes as object).sort()).toEqual(["contentHash", "snapshotAt", "snapshotText"]);
  });

  it("refuses a change inside a marked passage, naming how many passages would break, and changes nothing", async () => {
    const base = await editInput(article.id);
    const before = await snapshot();
    // "95 Prozent" is inside claim c1's passage and the article's own evidence excerpt.
    const error = await updateSource(editor, { ...base, snapshotText: base.snapshotText!.replace("95 Prozent", "96 Prozent") }, t.db).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(textOf(error)).toMatch(/^Der gespeicherte Text wurde nicht geändert: 2 markierte Stellen \(1 Behauptung, 1 Beleg\) würden danach anders lauten/);
    expect(fieldTexts((error as ValidationError).fieldErrors, "snapshotText")[0]).toMatch(/95 Prozent/);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a change that moves every passage (text inserted at the start) and counts them all", async () => {
    const base = await editInput(article.id);
    const [appearances, passages, evidence] = await Promise.all([
      t.db.quoteAppearance.count({ where: { sourceId: article.id } }),
      t.db.claimPassage.count({ where: { sourceId: article.id } }),
      t.db.evidence.count({ where: { sourceId: article.id, start: { not: null } } }),
    ]);
    expect(appearances).toBe(13);
    const error = await updateSource(editor, { ...base, snapshotText: `Vorspann. ${base.snapshotText}` }, t.db).catch((e: unknown) => e);
    expect(textOf(error)).toContain(`${appearances + passages + evidence} markierte Stellen (${appearances} Zitate, ${passages} Behauptungen, ${evidence} Beleg`);
  });

  it("refuses removing the text while passages point into it", async () => {
    const base = await editInput(article.id);
    await expect(updateSource(editor, { ...base, snapshotText: undefined }, t.db)).rejects.toBeInstanceOf(ValidationError);
  });

  it("refuses a save from an old version with a ConflictError and changes nothing", async () => {
    const { id } = await createSource(editor, { kind: "other", title: "Konfliktquelle", language: "de" }, t.db);
    const v1 = await editInput(id);
    await updateSource(editor, { ...v1, title: "Konfliktquelle (1)" }, t.db);
    const before = await snapshot();
    const error = await updateSource(editor, { ...v1, title: "Konfliktquelle (2)" }, t.db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).conflict.current.title).toBe("Konfliktquelle (1)");
    expect(await snapshot()).toEqual(before);
  });

  it("parses the edit form (version, dates) through the schema", () => {
    const parsed = sourceUpdateInput.parse({ id: "x", version: "3", kind: "video", title: "Video", publishedAt: "2020-02-03" });
    expect(parsed.version).toBe(3);
    expect(parsed.publishedAt?.toISOString()).toBe("2020-02-03T00:00:00.000Z");
  });
});

describe("deleting a source", () => {
  it("is refused while quotes, passages or evidence point to it, and changes nothing", async () => {
    const s = await t.db.source.findUniqueOrThrow({ where: { id: article.id } });
    const before = await snapshot();
    const error = await deleteSource(editor, { id: s.id, version: s.version }, t.db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(textOf(error)).toMatch(/kann nicht gelöscht werden: Darauf verweisen 13 Zitat-Fundstellen, 9 Behauptungs-Textstellen, 2 Belege, 1 eingelesener Artikel/);
    expect(await snapshot()).toEqual(before);
  });

  it("deletes an unused source and records the deletion", async () => {
    const { id } = await createSource(editor, { kind: "other", title: "Unbenutzt", language: "de", snapshotText: "Text" }, t.db);
    await deleteSource(editor, { id, version: 1 }, t.db);
    expect(await t.db.source.count({ where: { id } })).toBe(0);
    expect((await revisionsOf(id)).at(-1)?.action).toBe("delete");
  });
});

describe("the source list", () => {
  it("searches title, publisher and URL, filters by kind and sorts", async () => {
    expect((await listSources({ q: "apec-gipfel" }, t.db)).items.map((s) => s.id)).toContain(article.id);
    expect((await listSources({ q: "undocs.org" }, t.db)).items.map((s) => s.title)).toEqual(["Resolution 2254 (2015) des UN-Sicherheitsrates"]);
    expect((await listSources({ q: "Statistikamt" }, t.db)).total).toBe(1);
    const docs = await listSources({ kind: "official_document" }, t.db);
    expect(docs.total).toBeGreaterThan(0);
    expect(docs.items.every((s) => s.kind === "official_document")).toBe(true);
    const byTitle = (await listSources({ sort: "title" }, t.db)).items.map((s) => s.title);
    expect(byTitle[0]! <= byTitle.at(-1)!).toBe(true);
  });
});

describe("GET /api/admin/sources/[id]/text", () => {
  const call = async (id: string) => {
    // The route uses the app's `db`, which is this test's client here.
    (globalThis as { claimbaseDb?: unknown }).claimbaseDb = t.db;
    const { GET } = await import("../../app/api/admin/sources/[id]/text/route");
    const res = await GET(new Request(`http://localhost/api/admin/sources/${id}/text`) as never, { params: Promise.resolve({ id }) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it("answers 401 to anonymous visitors and 403 to a role without desk access", async () => {
    session.user = null;
    expect((await call(article.id)).status).toBe(401);
    session.user = { id: "x", name: "X", email: "x@example.org", role: "guest" };
    expect((await call(article.id)).status).toBe(403);
  });

  it("returns the stored text to the desk, and 404 for an unknown source", async () => {
    session.user = editor;
    const ok = await call(article.id);
    expect(ok.status).toBe(200);
    expect(ok.body.text).toBe((await t.db.source.findUniqueOrThrow({ where: { id: article.id } })).snapshotText);
    expect((await call("gibt-es-nicht")).status).toBe(404);
  });
});
