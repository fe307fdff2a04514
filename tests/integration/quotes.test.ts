// Quotes on the desk: the appearance offsets are checked against the source's stored text
// (the passage must read the quote, unless indirect speech is explicitly marked as
// deviating), translations and appearances recorded in the revision log, optimistic
// concurrency, refused deletion while a claim uses the quote, nesting without loops, the list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../lib/auth/session";
import { loadSettings } from "../../lib/config";
import { ConflictError, ValidationError } from "../../lib/editorial/errors";
import {
  createQuote,
  deleteQuote,
  getQuoteForEdit,
  listQuotes,
  quoteInput,
  updateQuote,
  type QuoteInput,
  type QuoteUpdateInput,
} from "../../lib/editorial/quotes";
import { bootstrap } from "../../lib/seed/bootstrap";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { fieldTexts, refusalText, text, textOf } from "../helpers/messages";
import { messageOfIssue } from "../../lib/messages";

let t: TestDatabase;
let editor: SessionUser;
let article: { id: string; text: string };
let speakers: Record<"trump" | "putin" | "peskow", string>;

const ARTICLE_TITLE = "Trump und Putin beim Apec-Gipfel: Einigung zu Syrien";
// A sentence of the article that no quote covers yet.
const SENTENCE = "Es gab nur kurze Begegnungen und Wortwechsel.";

beforeAll(async () => {
  t = await createTestDatabase();
  await bootstrap(t.db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));
  const u = await t.db.user.findUniqueOrThrow({ where: { email: "redaktion@claimbase.local" } });
  editor = { id: u.id, name: u.name, email: u.email, role: u.role };
  const a = await t.db.source.findFirstOrThrow({ where: { title: ARTICLE_TITLE } });
  article = { id: a.id, text: a.snapshotText! };
  const slug = async (s: string) => (await t.db.speaker.findUniqueOrThrow({ where: { slug: s } })).id;
  speakers = { trump: await slug("donald-trump"), putin: await slug("wladimir-putin"), peskow: await slug("dmitri-peskow") };
});
afterAll(() => t?.stop());

const at = (text: string) => {
  const start = article.text.indexOf(text);
  expect(start).toBeGreaterThanOrEqual(0);
  return { sourceId: article.id, start, end: start + text.length };
};

function input(overrides: Partial<QuoteInput> = {}): QuoteInput {
  return {
    speakerId: speakers.peskow,
    text: SENTENCE,
    language: "de",
    kind: "direct",
    translations: [],
    appearances: [at(SENTENCE)],
    allowMismatch: false,
    ...overrides,
  };
}

async function editInput(id: string, changes: Partial<QuoteUpdateInput> = {}): Promise<QuoteUpdateInput> {
  const q = (await getQuoteForEdit(id, t.db))!;
  return {
    id: q.id,
    version: q.version,
    speakerId: q.speakerId,
    text: q.text,
    language: q.language,
    kind: q.kind,
    saidOn: q.saidOn ? new Date(`${q.saidOn}T00:00:00Z`) : undefined,
    occasion: q.occasion ?? undefined,
    place: q.place ?? undefined,
    reportedById: q.reportedById ?? undefined,
    parentId: q.parentId ?? undefined,
    translations: q.translations,
    appearances: q.appearances.map(({ sourceId, start, end }) => ({ sourceId, start, end })),
    allowMismatch: q.mismatch,
    ...changes,
  };
}

async function snapshot() {
  const [quotes, appearances, translations, revisions] = await Promise.all([
    t.db.quote.findMany({ orderBy: { id: "asc" } }),
    t.db.quoteAppearance.findMany({ orderBy: { id: "asc" } }),
    t.db.quoteTranslation.findMany({ orderBy: { id: "asc" } }),
    t.db.revision.count(),
  ]);
  return { quotes, appearances, translations, revisions };
}

const revisionsOf = (entityId: string) => t.db.revision.findMany({ where: { entityType: "Quote", entityId }, orderBy: { id: "asc" } });
type Changes = Record<string, { before: unknown; after: unknown }>;

describe("the form schema", () => {
  it("zips translation and appearance rows from parallel lists and reads the override checkbox", () => {
    const parsed = quoteInput.parse({
      speakerId: speakers.peskow,
      text: "Zeile eins\r\nZeile zwei ",
      language: "de",
      kind: "indirect",
      translationLanguage: ["en", ""],
      translationText: ["Line one", ""],
      appearanceSource: [article.id, ""],
      appearanceStart: ["10", ""],
      appearanceEnd: ["20", ""],
      allowMismatch: "on",
    });
    expect(parsed.text).toBe("Zeile eins\nZeile zwei");
    expect(parsed.translations).toEqual([{ language: "en", text: "Line one" }]);
    expect(parsed.appearances).toEqual([{ sourceId: article.id, start: 10, end: 20 }]);
    expect(parsed.allowMismatch).toBe(true);
    const negative = quoteInput.safeParse({ speakerId: "x", text: "t", kind: "direct", appearanceSource: ["s"], appearanceStart: ["-1"], appearanceEnd: ["3"] });
    expect(text(messageOfIssue(negative.error!.issues[0]!.message))).toBe("Fundstelle, Anfang darf nicht negativ sein.");
    expect(text(messageOfIssue(negative.error!.issues[0]!.message), "en")).toBe("Appearance, start must not be negative.");
  });
});

describe("creating a quote", () => {
  it("stores the quote, its translation and its appearance, and records them in one revision", async () => {
    const { id } = await createQuote(
      editor,
      input({ saidOn: new Date("2017-11-11T00:00:00Z"), occasion: "APEC-Gipfel", translations: [{ language: "en", text: "There were only brief encounters." }] }),
      t.db,
    );
    const q = (await getQuoteForEdit(id, t.db))!;
    expect(q.text).toBe(SENTENCE);
    expect(q.appearances).toEqual([{ ...at(SENTENCE), sourceTitle: ARTICLE_TITLE, matches: true }]);
    const revisions = await revisionsOf(id);
    expect(revisions.map((r) => [r.action, r.version])).toEqual([["create", 1]]);
    const changes = revisions[0]?.changes as Changes;
    expect(changes.text).toEqual({ before: null, after: SENTENCE });
    expect(changes.saidOn?.after).toBe("2017-11-11T00:00:00.000Z");
    expect(changes.translations).toEqual({ before: [], after: [{ language: "en", text: "There were only brief encounters." }] });
    expect(changes.appearances).toEqual({ before: [], after: [at(SENTENCE)] });
  });

  it("refuses offsets whose passage does not read the quote, quoting both, and writes nothing", async () => {
    const before = await snapshot();
    const wrong = { ...at(SENTENCE), start: at(SENTENCE).start + 3 };
    const error = await createQuote(editor, input({ appearances: [wrong] }), t.db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const found = article.text.slice(wrong.start, wrong.end);
    expect(fieldTexts((error as ValidationError).fieldErrors, "appearances")[0]).toContain(
      `Die markierte Stelle (Fundstelle 1, Zeichen ${wrong.start}–${wrong.end} in „${ARTICLE_TITLE}“) lautet „${found}“, nicht „${SENTENCE}“.`,
    );
    expect(await snapshot()).toEqual(before);
  });

  it("refuses offsets outside the text or the wrong way round, and a source without stored text", async () => {
    const before = await snapshot();
    const len = article.text.length;
    const outside = await createQuote(editor, input({ appearances: [{ sourceId: article.id, start: len - 2, end: len + 5 }] }), t.db).catch((e: unknown) => e);
    expect(fieldTexts((outside as ValidationError).fieldErrors, "appearances")[0]).toBe(
      `Fundstelle 1: die Stelle ${len - 2}–${len + 5} liegt nicht im Text (erlaubt: 0 ≤ Anfang < Ende ≤ ${len}).`,
    );
    const reversed = await createQuote(editor, input({ appearances: [{ sourceId: article.id, start: 20, end: 10 }] }), t.db).catch((e: unknown) => e);
    expect(reversed).toBeInstanceOf(ValidationError);
    const empty = await t.db.source.create({ data: { title: "Ohne Text", kind: "video" } });
    const noText = await createQuote(editor, input({ appearances: [{ sourceId: empty.id, start: 0, end: 3 }] }), t.db).catch((e: unknown) => e);
    expect(fieldTexts((noText as ValidationError).fieldErrors, "appearances")[0]).toMatch(/hat keinen gespeicherten Text/);
    await t.db.source.delete({ where: { id: empty.id } });
    expect(await snapshot()).toEqual(before);
  });

  it("accepts a deviating passage for indirect speech only with the explicit override", async () => {
    const passage = at("Es gab nur kurze Begegnungen");
    const paraphrase = "Es habe nur kurze Begegnungen gegeben";
    expect(await refusalText(createQuote(editor, input({ kind: "indirect", text: paraphrase, appearances: [passage] }), t.db))).toMatch(
      /lautet „Es gab nur kurze Begegnungen“, nicht „Es habe nur kurze Begegnungen gegeben“\. Bei indirekter Rede können Sie/,
    );
    const direct = await createQuote(editor, input({ kind: "direct", text: paraphrase, appearances: [passage], allowMismatch: true }), t.db).catch(
      (e: unknown) => e,
    );
    expect(fieldTexts((direct as ValidationError).fieldErrors, "allowMismatch")[0]).toMatch(/Nur bei indirekter Rede/);
    const { id } = await createQuote(editor, input({ kind: "indirect", text: paraphrase, appearances: [passage], allowMismatch: true }), t.db);
    const stored = (await getQuoteForEdit(id, t.db))!;
    expect(stored.mismatch).toBe(true);
    expect(stored.appearances[0]?.matches).toBe(false);
  });

  it("refuses an unknown speaker, a reporter equal to the speaker, and duplicate translations", async () => {
    const before = await snapshot();
    const error = await createQuote(
      editor,
      input({
        speakerId: "gibt-es-nicht",
        reportedById: "gibt-es-nicht",
        translations: [
          { language: "en", text: "a" },
          { language: "en", text: "b" },
        ],
      }),
      t.db,
    ).catch((e: unknown) => e);
    const fields = (error as ValidationError).fieldErrors;
    expect(fieldTexts(fields, "speakerId")[0]).toMatch(/Sprecher gibt es nicht/);
    expect(fieldTexts(fields, "reportedById")[0]).toMatch(/derselbe Sprecher/);
    expect(fieldTexts(fields, "translations")[0]).toBe("Übersetzung 2: für „en“ gibt es schon eine Übersetzung.");
    expect(fieldTexts(fields, "translations", "en")[0]).toBe("Translation 2: there is already a translation into “en”.");
    expect(await snapshot()).toEqual(before);
  });
});

describe("editing a quote", () => {
  it("records a change of text, translations and appearances with before and after", async () => {
    const { id } = await createQuote(editor, input({ translations: [{ language: "en", text: "Old" }] }), t.db);
    const base = await editInput(id);
    const newText = "Es gab nur kurze Begegnungen";
    const before = (await revisionsOf(id)).length;
    await updateQuote(
      editor,
      { ...base, text: newText, translations: [{ language: "fr", text: "Il n'y eut que de brèves rencontres" }], appearances: [at(newText)] },
      t.db,
    );
    const revisions = (await revisionsOf(id)).slice(before);
    expect(revisions).toHaveLength(1);
    const changes = revisions[0]?.changes as Changes;
    expect(Object.keys(changes).sort()).toEqual(["appearances", "text", "translations"]);
    expect(changes.text).toEqual({ before: SENTENCE, after: newText });
    expect(revisions[0]).toMatchObject({ action: "update", version: base.version + 1 });
    expect(changes.translations).toEqual({
      before: [{ language: "en", text: "Old" }],
      after: [{ language: "fr", text: "Il n'y eut que de brèves rencontres" }],
    });
    expect(changes.appearances).toEqual({ before: [at(SENTENCE)], after: [at(newText)] });
    expect((await getQuoteForEdit(id, t.db))?.version).toBe(base.version + 1);
  });

  it("refuses a new text that the stored appearances no longer read, and changes nothing", async () => {
    const { id } = await createQuote(editor, input(), t.db);
    const base = await editInput(id);
    const before = await snapshot();
    expect(await refusalText(updateQuote(editor, { ...base, text: "Etwas ganz anderes" }, t.db))).toMatch(/lautet „Es gab nur kurze/);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a save from an old version with a ConflictError and changes nothing", async () => {
    const { id } = await createQuote(editor, input(), t.db);
    const v1 = await editInput(id);
    await updateQuote(editor, { ...v1, occasion: "Gipfel" }, t.db);
    const before = await snapshot();
    const error = await updateQuote(editor, { ...v1, place: "Hanoi", translations: [{ language: "en", text: "x" }] }, t.db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).conflict.current.occasion).toBe("Gipfel");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses nesting that would make a loop", async () => {
    const outer = await createQuote(editor, input(), t.db);
    const inner = await createQuote(editor, input({ parentId: outer.id }), t.db);
    const base = await editInput(outer.id);
    const error = await updateQuote(editor, { ...base, parentId: inner.id }, t.db).catch((e: unknown) => e);
    expect(fieldTexts((error as ValidationError).fieldErrors, "parentId")[0]).toMatch(/Kreis/);
    const self = await updateQuote(editor, { ...base, parentId: outer.id }, t.db).catch((e: unknown) => e);
    expect(fieldTexts((self as ValidationError).fieldErrors, "parentId")[0]).toMatch(/nicht in sich selbst/);
  });
});

describe("deleting a quote", () => {
  it("is refused while a claim uses the quote, and changes nothing", async () => {
    const linked = await t.db.claimQuote.findFirstOrThrow({ include: { quote: true } });
    const before = await snapshot();
    const error = await deleteQuote(editor, { id: linked.quoteId, version: linked.quote.version }, t.db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(textOf(error)).toMatch(/^Das Zitat kann nicht gelöscht werden: (Eine Behauptung stützt|\d+ Behauptungen stützen) sich darauf/);
    expect(await snapshot()).toEqual(before);
  });

  it("deletes an unused quote, releasing nested quotes with a recorded change", async () => {
    const outer = await createQuote(editor, input({ translations: [{ language: "en", text: "x" }] }), t.db);
    const inner = await createQuote(editor, input({ parentId: outer.id }), t.db);
    await deleteQuote(editor, { id: outer.id, version: 1 }, t.db);
    expect(await t.db.quote.count({ where: { id: outer.id } })).toBe(0);
    expect(await t.db.quoteAppearance.count({ where: { quoteId: outer.id } })).toBe(0);
    const child = await t.db.quote.findUniqueOrThrow({ where: { id: inner.id } });
    expect(child.parentId).toBeNull();
    expect(child.version).toBe(2);
    expect(((await revisionsOf(inner.id)).at(-1)?.changes as Changes).parentId).toEqual({ before: outer.id, after: null });
    const outerRevisions = await revisionsOf(outer.id);
    expect(outerRevisions.map((r) => r.action)).toEqual(["create", "delete"]);
    const deleted = outerRevisions.at(-1)?.changes as Changes;
    expect(deleted.translations).toEqual({ before: [{ language: "en", text: "x" }], after: [] });
    expect(deleted.appearances).toEqual({ before: [at(SENTENCE)], after: [] });
  });
});

describe("the quote list", () => {
  it("searches the text and filters by speaker, kind and source", async () => {
    const demo = await listQuotes({ sourceId: article.id }, t.db);
    expect(demo.total).toBeGreaterThanOrEqual(13);
    const putin = await listQuotes({ speakerId: speakers.putin, kind: "direct" }, t.db);
    expect(putin.items.length).toBeGreaterThan(0);
    expect(putin.items.every((q) => q.kind === "direct" && q.speaker.id === speakers.putin)).toBe(true);
    const search = await listQuotes({ q: "russland-dossier" }, t.db);
    expect(search.items.map((q) => q.speaker.name)).toEqual(["Wladimir Putin"]);
    const indirect = await listQuotes({ kind: "indirect", sort: "text" }, t.db);
    expect(indirect.items.every((q) => q.kind === "indirect")).toBe(true);
  });
});
