// Article ingestion and review: refused input stores nothing; accepted candidates become quotes
// (with speaker, source and offsets) and draft claims; new speakers only with confirmation;
// rejection; accept all; a re-extraction proposes nothing decided; edits are checked against the
// text; and an accept is one transaction (a failure half-way leaves nothing behind).
//
// The extractor (lib/extract) is replaced by a stub that returns what each test sets, so these
// tests do not depend on its quality.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "../../lib/auth/session";
import { loadSettings } from "../../lib/config";
import type { Db } from "../../lib/db/client";
import {
  acceptAllCandidates,
  acceptCandidate,
  candidateFingerprint,
  editCandidate,
  editCandidateInput,
  extractCandidates,
  getArticleForReview,
  ingestArticle,
  ingestArticleInput,
  listArticles,
  rejectCandidate,
  storeCandidates,
  type IngestArticleInput,
} from "../../lib/editorial/articles";
import { ConflictError, TransitionError, ValidationError } from "../../lib/editorial/errors";
import { sha256 } from "../../lib/editorial/sources";
import type { ExtractionResult, QuoteCandidate } from "../../lib/extract/types";
import { bootstrap } from "../../lib/seed/bootstrap";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { fieldTexts, text, textOf } from "../helpers/messages";

const extractor = vi.hoisted(() => ({ next: null as null | ExtractionResult, calls: 0 }));
vi.mock("../../lib/extract", () => ({
  extractArticle: vi.fn((_text: string, options: { language?: string }) => {
    extractor.calls++;
    return extractor.next ?? { language: options.language === "en" ? "en" : "de", quotes: [], claims: [] };
  }),
}));

let t: TestDatabase;
let editor: SessionUser;
let contributor: SessionUser;
let speakers: Record<"putin" | "peskow" | "trump", string>;

beforeAll(async () => {
  t = await createTestDatabase();
  await bootstrap(t.db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));
  const user = async (email: string) => {
    const u = await t.db.user.findUniqueOrThrow({ where: { email } });
    return { id: u.id, name: u.name, email: u.email, role: u.role };
  };
  editor = await user("redaktion@claimbase.local");
  contributor = await user("mitarbeit@claimbase.local");
  const slug = async (s: string) => (await t.db.speaker.findUniqueOrThrow({ where: { slug: s } })).id;
  speakers = { putin: await slug("wladimir-putin"), peskow: await slug("dmitri-peskow"), trump: await slug("donald-trump") };
});
afterAll(() => t?.stop());
beforeEach(() => {
  extractor.next = null;
});

// Each article names its own new person (so that one test's new speaker is not the next one's
// known speaker).
const textFor = (name: string) =>
  [
    "Gipfel in Da Nang",
    "",
    "Kremlsprecher Dmitri Peskow sagte: „Die Gespräche waren konstruktiv.“ Putin erklärte, Russland habe sich nicht eingemischt.",
    "",
    `Die Ökonomin ${name} sagte: „Wir prüfen das genau.“ Der IS hat 95 Prozent seines Gebiets verloren.`,
  ].join("\n");
const TEXT = textFor("Anna Beispiel");
let sequence = 0;

const at = (text: string, words: string) => {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`not in text: ${words}`);
  return { start, end: start + words.length };
};

function quote(words: string, kind: "direct" | "indirect", speaker: { mention: string; name: string; id?: string | null } | null, text = TEXT): QuoteCandidate {
  return {
    kind,
    ...at(text, words),
    text: words,
    speaker: speaker ? { ...at(text, speaker.mention), text: speaker.mention, name: speaker.name, speakerId: speaker.id ?? null } : null,
    reportedBy: null,
    cue: [],
  };
}

function result(text = TEXT, name = "Anna Beispiel"): ExtractionResult {
  return {
    language: "de",
    quotes: [
      quote("Die Gespräche waren konstruktiv.", "direct", { mention: "Dmitri Peskow", name: "Dmitri Peskow", id: speakers.peskow }, text),
      quote("Russland habe sich nicht eingemischt", "indirect", { mention: "Putin", name: "Wladimir Putin", id: speakers.putin }, text),
      quote("Wir prüfen das genau.", "direct", { mention: name, name }, text),
    ],
    claims: [{ ...at(text, "Der IS hat 95 Prozent seines Gebiets verloren."), text: "Der IS hat 95 Prozent seines Gebiets verloren.", quantity: { value: 95, unit: "percent" } }],
  };
}

const input = (overrides: Partial<IngestArticleInput> = {}): IngestArticleInput =>
  ingestArticleInput.parse({ text: TEXT, publisher: "dpa", publishedAt: "2017-11-11", url: "https://example.org/apec", ...overrides });

/**
 * A fresh article (its new person named `name`, else a unique name) with the extraction
 * result stored as its candidates.
 */
async function articleWith(extraction: ((text: string, name: string) => ExtractionResult) | null = result, name = `Anna Beispiel ${String.fromCharCode(65 + sequence++)}`) {
  const text = textFor(name);
  const { id } = await ingestArticle(editor, input({ text }), t.db);
  if (extraction) await storeCandidates(editor, id, extraction(text, name), t.db);
  return id;
}

const candidates = (articleId: string) => t.db.articleCandidate.findMany({ where: { articleId }, orderBy: [{ start: "asc" }] });
const candidateAt = async (articleId: string, words: string) => (await candidates(articleId)).find((c) => c.text === words || c.text.startsWith(words))!;

async function counts() {
  const [articles, candidates, quotes, claims, speakers, sources, revisions, appearances] = await Promise.all([
    t.db.article.count(),
    t.db.articleCandidate.count(),
    t.db.quote.count(),
    t.db.claim.count(),
    t.db.speaker.count(),
    t.db.source.count(),
    t.db.revision.count(),
    t.db.quoteAppearance.count(),
  ]);
  return { articles, candidates, quotes, claims, speakers, sources, revisions, appearances };
}

describe("ingestion", () => {
  it("stores a pasted text with the given details, detects the language and runs the extractor", async () => {
    extractor.calls = 0;
    const { id } = await ingestArticle(editor, input({ language: "auto" }), t.db);
    const article = await t.db.article.findUniqueOrThrow({ where: { id } });
    expect(article).toMatchObject({ text: TEXT, format: "text", language: "de", publisher: "dpa", url: "https://example.org/apec", title: "Gipfel in Da Nang" });
    expect(article.contentHash).toBe(sha256(TEXT));
    expect(article.publishedAt?.toISOString()).toBe("2017-11-11T00:00:00.000Z");
    expect(extractor.calls).toBe(1);
    const revisions = await t.db.revision.findMany({ where: { entityType: "Article", entityId: id } });
    expect(revisions.map((r) => r.action)).toEqual(["create", "update"]);
  });

  it("reduces an uploaded HTML file to the article's text", async () => {
    const html = `<html><head><title>Seite</title><script>alert(1)</script></head><body><nav>Menü</nav><article><h1>Überschrift</h1><p>Erster &bdquo;Absatz&ldquo;.</p><p>Zweiter Absatz.</p></article><footer>Impressum</footer></body></html>`;
    const file = new File([html], "artikel.html", { type: "text/html" });
    const { id } = await ingestArticle(editor, ingestArticleInput.parse({ file, language: "de" }), t.db);
    const article = await t.db.article.findUniqueOrThrow({ where: { id } });
    expect(article).toMatchObject({ format: "html", originalFilename: "artikel.html", title: "Überschrift", text: "Überschrift\n\nErster „Absatz“.\n\nZweiter Absatz.", rawContent: html });
  });

  it("refuses empty, binary, oversized and undecodable input with a specific message and stores nothing", async () => {
    const before = await counts();
    const refused = async (given: Partial<IngestArticleInput>, field: string, message: RegExp) => {
      const error = await ingestArticle(editor, input({ text: undefined, ...given }), t.db).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(textOf(error)).toMatch(message);
      expect(fieldTexts((error as ValidationError).fieldErrors, field)[0]).toMatch(message);
    };
    await refused({}, "text", /Fügen Sie den Text des Artikels ein/);
    await refused({ text: "   \n  " }, "text", /Der Text ist leer/);
    await refused({ file: new File([], "leer.txt") }, "file", /„leer\.txt“ ist leer/);
    await refused({ file: new File([new Uint8Array([0x41, 0x00, 0x42, 0x43])], "daten.txt") }, "file", /keine Textdatei, sondern eine Binärdatei/);
    await refused({ file: new File(["%PDF-1.4\n..."], "artikel.txt") }, "file", /PDF-Datei/);
    await refused({ file: new File([new Uint8Array(2_000_001).fill(0x61)], "gross.txt") }, "file", /zu groß \(2 MB\); höchstens 2 MB/);
    await refused({ file: new File([new Uint8Array([0x47, 0x72, 0xfc, 0xdf, 0x65, 0x0a])], "latin1.txt") }, "file", /nicht in UTF-8 kodiert/);
    await refused({ file: new File(["Text"], "artikel.docx") }, "file", /keine \.txt- oder \.html-Datei/);
    await refused({ text: "Text", file: new File(["Text"], "a.txt") }, "file", /nicht beides/);
    await refused({ file: new File(["<html><body><nav>Nur Navigation</nav></body></html>"], "a.html") }, "file", /kein Artikeltext/);
    expect(await counts()).toEqual(before);
  });

  it("validates the form's other fields with zod", () => {
    const parsed = ingestArticleInput.safeParse({ text: "x", url: "ftp://example.org", publishedAt: "2017-13-45", language: "fr" });
    expect(parsed.success).toBe(false);
    const fields = parsed.error!.issues.map((i) => i.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["url", "publishedAt", "language"]));
  });
});

describe("accepting a quote", () => {
  it("creates the source from the article, the quote with its offsets and the link to the known speaker", async () => {
    const articleId = await articleWith();
    const c = await candidateAt(articleId, "Die Gespräche waren konstruktiv.");
    expect(c).toMatchObject({ kind: "quote", speechKind: "direct", status: "proposed", speakerId: speakers.peskow });
    const before = await counts();

    const accepted = await acceptCandidate(editor, { id: c.id, version: c.version, confirmNewSpeaker: false }, t.db);

    const article = await t.db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect(article.sourceId).not.toBeNull();
    const source = await t.db.source.findUniqueOrThrow({ where: { id: article.sourceId! } });
    expect(source).toMatchObject({ kind: "news_article", title: "Gipfel in Da Nang", publisher: "dpa", url: "https://example.org/apec", language: "de", snapshotText: article.text, contentHash: sha256(article.text) });
    expect(source.publishedAt?.toISOString().slice(0, 10)).toBe("2017-11-11");
    const q = await t.db.quote.findUniqueOrThrow({ where: { id: accepted.quoteId! }, include: { appearances: true } });
    expect(q).toMatchObject({ speakerId: speakers.peskow, text: "Die Gespräche waren konstruktiv.", kind: "direct", language: "de" });
    expect(q.appearances).toEqual([expect.objectContaining({ sourceId: source.id, start: c.start, end: c.end })]);
    expect(source.snapshotText!.slice(c.start, c.end)).toBe(q.text);
    expect(await t.db.articleCandidate.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "accepted", createdQuoteId: q.id, decidedById: editor.id });
    // One create revision each for the source and the quote, one update of the article.
    const after = await counts();
    expect(after.quotes - before.quotes).toBe(1);
    expect(after.sources - before.sources).toBe(1);
    expect(after.speakers).toBe(before.speakers);
    expect(after.revisions - before.revisions).toBe(3);
    const quoteRevision = await t.db.revision.findFirstOrThrow({ where: { entityType: "Quote", entityId: q.id } });
    expect(quoteRevision.changes).toMatchObject({ appearances: { before: [], after: [{ sourceId: source.id, start: c.start, end: c.end }] } });
    const articleRevision = await t.db.revision.findFirstOrThrow({ where: { entityType: "Article", entityId: articleId }, orderBy: { id: "desc" } });
    expect(articleRevision.changes).toMatchObject({ sourceId: { before: null, after: source.id }, candidates: { after: [{ id: c.id, status: "accepted" }] } });

    // The second acceptance uses the same source.
    const indirect = await candidateAt(articleId, "Russland habe");
    const second = await acceptCandidate(editor, { id: indirect.id, version: indirect.version, confirmNewSpeaker: false }, t.db);
    const q2 = await t.db.quote.findUniqueOrThrow({ where: { id: second.quoteId! }, include: { appearances: true } });
    expect(q2).toMatchObject({ speakerId: speakers.putin, kind: "indirect" });
    expect(q2.appearances[0]?.sourceId).toBe(source.id);
    expect(await t.db.source.count()).toBe(after.sources);
  });

  it("names the source of an article without a title in the article's language (content, not the reader's)", async () => {
    for (const [language, title] of [
      ["en", "Article ingested on 11/11/2017"],
      ["de", "Eingelesener Artikel vom 11.11.2017"],
      [null, "Eingelesener Artikel vom 11.11.2017"], // no language known: the newsroom's
    ] as const) {
      const articleId = await articleWith();
      await t.db.article.update({ where: { id: articleId }, data: { title: null, language, createdAt: new Date("2017-11-11T22:30:00Z") } });
      const c = await candidateAt(articleId, "Die Gespräche waren konstruktiv.");
      await acceptCandidate(editor, { id: c.id, version: c.version, confirmNewSpeaker: false }, t.db);
      const article = await t.db.article.findUniqueOrThrow({ where: { id: articleId }, include: { source: true } });
      // 22:30 UTC is still 11 November in Berlin (23:30).
      expect(article.source?.title, String(language)).toBe(title);
    }
  });

  it("creates a new speaker only after the editor confirms it", async () => {
    const articleId = await articleWith(result, "Anna Beispiel");
    const c = await candidateAt(articleId, "Wir prüfen das genau.");
    expect(c.speakerId).toBeNull();
    const review = await getArticleForReview(articleId, t.db);
    expect(review!.candidates.find((x) => x.id === c.id)!.newSpeakers).toEqual(["Anna Beispiel"]);

    const before = await counts();
    const error = await acceptCandidate(editor, { id: c.id, version: c.version, confirmNewSpeaker: false }, t.db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(textOf(error)).toMatch(/„Anna Beispiel“ ist noch nicht als Sprecher angelegt/);
    expect((error as ValidationError).fieldErrors.confirmNewSpeaker).toBeDefined();
    expect(await counts()).toEqual(before);

    // An existing speaker chosen instead needs no confirmation.
    const chosen = await acceptCandidate(editor, { id: c.id, version: c.version, speakerId: speakers.trump, confirmNewSpeaker: false }, t.db);
    expect((await t.db.quote.findUniqueOrThrow({ where: { id: chosen.quoteId! } })).speakerId).toBe(speakers.trump);

    // With the confirmation: a new speaker named as the candidate says.
    const other = await articleWith(result, "Anna Beispiel");
    const c2 = await candidateAt(other, "Wir prüfen das genau.");
    const accepted = await acceptCandidate(editor, { id: c2.id, version: c2.version, confirmNewSpeaker: true }, t.db);
    const q = await t.db.quote.findUniqueOrThrow({ where: { id: accepted.quoteId! }, include: { speaker: true } });
    expect(q.speaker).toMatchObject({ name: "Anna Beispiel", slug: "anna-beispiel", kind: "person" });
    expect(await t.db.revision.count({ where: { entityType: "Speaker", entityId: q.speakerId, action: "create" } })).toBe(1);
    // The next time the name is known: no new speaker for it.
    const third = await articleWith(result, "Anna Beispiel");
    const review3 = await getArticleForReview(third, t.db);
    expect(review3!.candidates.find((x) => x.text === "Wir prüfen das genau.")).toMatchObject({ suggestedSpeakerId: q.speakerId, newSpeakers: [] });
  });

  it("accepts a claim as a draft linked to the source passage, with its quantity", async () => {
    const articleId = await articleWith();
    const c = await candidateAt(articleId, "Der IS hat 95 Prozent");
    const accepted = await acceptCandidate(editor, { id: c.id, version: c.version, confirmNewSpeaker: false }, t.db);
    const claim = await t.db.claim.findUniqueOrThrow({ where: { id: accepted.claimId! }, include: { passages: true, quotes: true } });
    const article = await t.db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect(claim).toMatchObject({ text: "Der IS hat 95 Prozent seines Gebiets verloren.", status: "draft", createdById: editor.id, quantityUnit: "percent", claimantId: null });
    expect(String(claim.quantityValue)).toBe("95");
    expect(claim.passages).toEqual([expect.objectContaining({ sourceId: article.sourceId, start: c.start, end: c.end })]);
  });

  it("links a claim inside an accepted quote to that quote and its speaker", async () => {
    const words = "Die Gespräche waren konstruktiv.";
    const articleId = await articleWith((text, name) => ({
      ...result(text, name),
      claims: [{ ...at(text, "Gespräche waren konstruktiv"), text: "Die Gespräche waren konstruktiv", quantity: null }],
    }));
    const q = await candidateAt(articleId, words);
    const { quoteId } = await acceptCandidate(editor, { id: q.id, version: q.version, confirmNewSpeaker: false }, t.db);
    const c = (await candidates(articleId)).find((x) => x.kind === "claim")!;
    const { claimId } = await acceptCandidate(editor, { id: c.id, version: c.version, confirmNewSpeaker: false }, t.db);
    const claim = await t.db.claim.findUniqueOrThrow({ where: { id: claimId! }, include: { quotes: true } });
    expect(claim.claimantId).toBe(speakers.peskow);
    expect(claim.quotes.map((x) => x.quoteId)).toEqual([quoteId]);
  });

  it("refuses a decision on a decided or outdated candidate", async () => {
    const articleId = await articleWith();
    const c = await candidateAt(articleId, "Die Gespräche");
    await expect(acceptCandidate(editor, { id: c.id, version: c.version + 1, confirmNewSpeaker: false }, t.db)).rejects.toBeInstanceOf(ConflictError);
    await rejectCandidate(editor, { id: c.id, version: c.version }, t.db);
    const error = await acceptCandidate(editor, { id: c.id, version: c.version, confirmNewSpeaker: false }, t.db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransitionError);
    expect(textOf(error)).toMatch(/schon abgelehnt \(von /);
  });
});

describe("rejecting, accepting all, re-extracting", () => {
  it("rejects a candidate: nothing is created and the article records the decision", async () => {
    const articleId = await articleWith();
    const c = await candidateAt(articleId, "Russland habe");
    const before = await counts();
    await rejectCandidate(editor, { id: c.id, version: c.version }, t.db);
    expect(await t.db.articleCandidate.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "rejected", decidedById: editor.id, createdQuoteId: null });
    const after = await counts();
    expect({ ...after, revisions: 0 }).toEqual({ ...before, revisions: 0 });
    expect(after.revisions - before.revisions).toBe(1);
    expect((await t.db.article.findUniqueOrThrow({ where: { id: articleId } })).sourceId).toBeNull();
  });

  it("accepts all open candidates at once; new speakers only when confirmed", async () => {
    const articleId = await articleWith();
    const unconfirmed = await acceptAllCandidates(editor, { id: articleId, confirmNewSpeakers: false }, t.db);
    expect(unconfirmed).toMatchObject({ accepted: 3, open: 1 });
    expect(text(unconfirmed.message)).toMatch(/1 mit neuem Sprecher \(nicht bestätigt\)/);
    expect((await candidateAt(articleId, "Wir prüfen")).status).toBe("proposed");

    const before = await t.db.speaker.count();
    const confirmed = await acceptAllCandidates(editor, { id: articleId, confirmNewSpeakers: true }, t.db);
    expect(confirmed).toMatchObject({ accepted: 1, open: 0 });
    expect(await t.db.speaker.count()).toBe(before + 1);
    expect((await candidates(articleId)).every((c) => c.status === "accepted")).toBe(true);
    const article = await t.db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect(article.status).toBe("reviewed");
    // All in one source; each quote's passage reads its text there.
    const quotes = await t.db.quote.findMany({ where: { appearances: { some: { sourceId: article.sourceId! } } }, include: { appearances: true } });
    expect(quotes).toHaveLength(3);
    for (const q of quotes) if (q.kind === "direct") expect(article.text.slice(q.appearances[0]!.start, q.appearances[0]!.end)).toBe(q.text);
    await expect(acceptAllCandidates(editor, { id: articleId, confirmNewSpeakers: true }, t.db)).rejects.toBeInstanceOf(TransitionError);
  });

  it("re-running the extraction proposes nothing that was accepted or rejected (nor edited)", async () => {
    const articleId = await articleWith();
    const accepted = await candidateAt(articleId, "Die Gespräche");
    const rejected = await candidateAt(articleId, "Russland habe");
    const claim = await candidateAt(articleId, "Der IS hat");
    const open = await candidateAt(articleId, "Wir prüfen");
    await acceptCandidate(editor, { id: accepted.id, version: accepted.version, confirmNewSpeaker: false }, t.db);
    await rejectCandidate(editor, { id: rejected.id, version: rejected.version }, t.db);
    await editCandidate(editor, editCandidateInput.parse({ id: claim.id, version: claim.version, start: String(claim.start), end: String(claim.end), text: "Der IS hat 95 % seines Gebiets verloren" }), t.db);

    // The same proposals again, through the extractor (stubbed), with different quotation
    // spacing: the fingerprints match.
    const article = await t.db.article.findUniqueOrThrow({ where: { id: articleId } });
    const again = result(article.text, "Dmitri Peskow");
    again.quotes[0]!.text = " Die  Gespräche waren konstruktiv ";
    // The new person of this article by its own name (the fingerprint is of the words).
    again.quotes[2] = quote("Wir prüfen das genau.", "direct", null, article.text);
    extractor.next = again;
    const stored = await extractCandidates(editor, { id: articleId }, t.db);
    expect(stored).toMatchObject({ proposed: 1, skipped: 3, removed: 0 });
    const rows = await candidates(articleId);
    expect(rows).toHaveLength(4);
    expect(rows.filter((c) => c.status === "proposed").map((c) => c.id).sort()).toEqual([claim.id, open.id].sort());
    // The open, unedited one kept its id.
    expect(rows.find((c) => c.id === open.id)).toBeDefined();

    // A later run that no longer finds the open one removes it; a new proposal is added.
    extractor.next = { language: "de", quotes: [quote("Gipfel in Da Nang", "indirect", null, article.text)], claims: [] };
    const third = await extractCandidates(editor, { id: articleId }, t.db);
    expect(third).toMatchObject({ proposed: 1, removed: 1 });
    expect((await candidates(articleId)).map((c) => c.text)).not.toContain("Wir prüfen das genau.");
    expect(candidateFingerprint("quote", "„Die Gespräche waren konstruktiv.“", 0, 1)).toBe(candidateFingerprint("quote", "die gespräche waren  konstruktiv", 5, 9));
  });

  it("skips proposals that the article's source already marks as quotes", async () => {
    const demo = await t.db.article.findFirstOrThrow({ where: { sourceId: { not: null }, status: "reviewed" } });
    const appearance = await t.db.quoteAppearance.findFirstOrThrow({ where: { sourceId: demo.sourceId! } });
    const words = demo.text.slice(appearance.start, appearance.end);
    const stored = await storeCandidates(
      editor,
      demo.id,
      { language: "de", quotes: [{ kind: "direct", start: appearance.start, end: appearance.end, text: words, speaker: null, reportedBy: null, cue: [] }], claims: [] },
      t.db,
    );
    expect(stored).toMatchObject({ proposed: 0, skipped: 1 });
  });

  it("drops proposals with offsets outside the text or unknown speaker ids", async () => {
    const articleId = await articleWith(null, "Anna Beispiel");
    const stored = await storeCandidates(
      editor,
      articleId,
      {
        language: "de",
        quotes: [
          { kind: "direct", start: -1, end: 4, text: "x", speaker: null, reportedBy: null, cue: [] },
          { kind: "direct", start: 10, end: TEXT.length + 5, text: "x", speaker: null, reportedBy: null, cue: [] },
          { ...quote("Die Gespräche waren konstruktiv.", "direct", { mention: "Dmitri Peskow", name: "Dmitri Peskow", id: "no-such-speaker" }) },
        ],
        claims: [{ start: 3, end: 3, text: "", quantity: null }],
      },
      t.db,
    );
    expect(stored).toMatchObject({ proposed: 1, invalid: 3 });
    expect((await candidates(articleId))[0]).toMatchObject({ speakerId: null, speakerName: "Dmitri Peskow" });
  });
});

describe("editing a candidate", () => {
  const edit = (c: { id: string; version: number }, fields: Record<string, string>) => editCandidate(editor, editCandidateInput.parse({ id: c.id, version: String(c.version), ...fields }), t.db);

  it("checks the span against the text", async () => {
    const articleId = await articleWith();
    const { text } = await t.db.article.findUniqueOrThrow({ where: { id: articleId } });
    const c = await candidateAt(articleId, "Die Gespräche");
    const refused = async (fields: Record<string, string>, message: RegExp) => {
      const error = await edit(c, fields).catch((e: unknown) => e);
      expect(error, JSON.stringify({ fields, error })).toBeInstanceOf(ValidationError);
      expect(textOf(error)).toMatch(message);
    };
    await refused({ start: "10", end: "5" }, /liegt nicht im Text \(erlaubt: 0 ≤ Anfang < Ende ≤ \d+\)/);
    await refused({ start: "0", end: String(text.length + 1) }, /liegt nicht im Text/);
    await refused({ start: String(c.start), end: String(c.end), text: "Die Gespräche waren gut." }, /lautet „Die Gespräche waren konstruktiv\.“, nicht „Die Gespräche waren gut\.“/);
    await refused({ start: String(c.start), end: String(c.end + 2) }, /beginnt oder endet mit Leerraum/);
    expect(editCandidateInput.safeParse({ id: c.id, version: "1", start: "-3", end: "4" }).success).toBe(false);
    expect((await t.db.articleCandidate.findUniqueOrThrow({ where: { id: c.id } })).version).toBe(c.version);

    // A shorter span, its text from the span; a new speaker by name.
    const { start } = at(text, "Gespräche waren konstruktiv");
    await edit(c, { start: String(start), end: String(start + "Gespräche waren konstruktiv".length), text: "", speechKind: "direct", newSpeakerName: "Maria Sacharowa" });
    const edited = await t.db.articleCandidate.findUniqueOrThrow({ where: { id: c.id } });
    expect(edited).toMatchObject({ text: "Gespräche waren konstruktiv", edited: true, speakerId: null, speakerName: "Maria Sacharowa", version: c.version + 1 });
    // Indirect speech may deviate from the words at the span.
    await edit(edited, { start: String(edited.start), end: String(edited.end), text: "Die Gespräche seien konstruktiv gewesen", speechKind: "indirect", speakerId: speakers.peskow });
    const indirect = await t.db.articleCandidate.findUniqueOrThrow({ where: { id: c.id } });
    expect(indirect).toMatchObject({ speechKind: "indirect", text: "Die Gespräche seien konstruktiv gewesen", speakerId: speakers.peskow, speakerName: "Dmitri Peskow" });
    const { quoteId } = await acceptCandidate(editor, { id: c.id, version: indirect.version, confirmNewSpeaker: false }, t.db);
    const q = await t.db.quote.findUniqueOrThrow({ where: { id: quoteId! }, include: { appearances: true } });
    expect(q).toMatchObject({ text: "Die Gespräche seien konstruktiv gewesen", kind: "indirect", speakerId: speakers.peskow });
    expect(q.appearances[0]).toMatchObject({ start: edited.start, end: edited.end });
  });
});

describe("one transaction", () => {
  it("a failure half-way through an accept leaves nothing behind", async () => {
    const articleId = await articleWith();
    const c = await candidateAt(articleId, "Wir prüfen");
    const before = await counts();
    // The quote's appearance cannot be written: by then the speaker, the source and the quote are.
    const failing = t.db.$extends({
      query: {
        quoteAppearance: {
          createMany() {
            throw new Error("disk full");
          },
        },
      },
    }) as unknown as Db;
    await expect(acceptCandidate(editor, { id: c.id, version: c.version, confirmNewSpeaker: true }, failing)).rejects.toThrow("disk full");
    expect(await counts()).toEqual(before);
    expect(await t.db.articleCandidate.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "proposed", version: c.version, createdQuoteId: null });
    expect((await t.db.article.findUniqueOrThrow({ where: { id: articleId } })).sourceId).toBeNull();

    // Accept all fails as a whole, too.
    await expect(acceptAllCandidates(editor, { id: articleId, confirmNewSpeakers: true }, failing)).rejects.toThrow("disk full");
    expect(await counts()).toEqual(before);
  });
});

describe("who and what", () => {
  it("contributors may ingest and decide (record.edit); the list counts the candidates", async () => {
    const articleId = await articleWith();
    const c = await candidateAt(articleId, "Die Gespräche");
    await acceptCandidate(contributor, { id: c.id, version: c.version, confirmNewSpeaker: false }, t.db);
    const page = await listArticles({ q: "Gipfel" }, t.db);
    const row = page.items.find((a) => a.id === articleId)!;
    expect(row.candidates).toEqual({ proposed: 3, accepted: 1, rejected: 0 });
    expect(row.status).toBe("extracted");
    const empty = await listArticles({ q: "gibt es nicht" }, t.db);
    expect(empty).toMatchObject({ total: 0, items: [] });
  });
});
