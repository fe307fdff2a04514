// Claims on the desk: create and edit with topics, quotes and passages (each change in the
// revision log with before/after), the rules the workflow relies on (text fixed after
// publication, the working verdict only in draft/research, four-eyes author), permissions
// checked by the domain itself, the list's filters and pages, the review queue, and the
// reconstruction of every version from the revision log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../lib/auth/session";
import { loadSettings } from "../../lib/config";
import {
  addComment,
  assignClaim,
  claimDraftFromQuote,
  claimFormOptions,
  claimHistory,
  claimListQuery,
  claimVersions,
  createClaim,
  deleteClaim,
  getClaimForEdit,
  listClaims,
  updateClaim,
  updateVerdictFields,
  type CreateClaimInput,
} from "../../lib/editorial/claims";
import { reviewQueuePage } from "../../lib/editorial/review-queue";
import { createClaimFormSchema, updateClaimFormSchema } from "../../app/(desk)/admin/claims/form";
import { addEvidence, deleteEvidence } from "../../lib/editorial/evidence";
import { ForbiddenError, TransitionError, ValidationError } from "../../lib/editorial/errors";
import { transitionClaim } from "../../lib/editorial/workflow";
import { bootstrap } from "../../lib/seed/bootstrap";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { text, refusalText } from "../helpers/messages";

let t: TestDatabase;
let editor: SessionUser;
let reviewer: SessionUser;
let contributor: SessionUser;
let topics: { id: string; slug: string }[];
let speakerId: string;
let articleSource: { id: string; title: string; snapshotText: string };
let verdicts: Map<string, string>;

beforeAll(async () => {
  t = await createTestDatabase();
  await bootstrap(t.db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));
  const user = async (email: string) => {
    const u = await t.db.user.findUniqueOrThrow({ where: { email } });
    return { id: u.id, name: u.name, email: u.email, role: u.role };
  };
  editor = await user("redaktion@claimbase.local");
  reviewer = await user("pruefung@claimbase.local");
  contributor = await user("mitarbeit@claimbase.local");
  topics = await t.db.topic.findMany({ select: { id: true, slug: true }, orderBy: { slug: "asc" } });
  speakerId = (await t.db.speaker.findFirstOrThrow({ where: { slug: "wladimir-putin" } }).catch(() => t.db.speaker.findFirstOrThrow())).id;
  const source = await t.db.source.findFirstOrThrow({ where: { kind: "news_article", snapshotText: { contains: "Da Nang" } } });
  articleSource = { id: source.id, title: source.title, snapshotText: source.snapshotText! };
  verdicts = new Map((await t.db.verdictLabel.findMany()).map((v) => [v.key, v.id]));
});
afterAll(() => t?.stop());

const topic = (slug: string) => topics.find((x) => x.slug === slug)!.id;
const revisionsOf = (entityId: string) => t.db.revision.findMany({ where: { entityType: "Claim", entityId }, orderBy: { id: "asc" } });

function input(overrides: Partial<CreateClaimInput> = {}): CreateClaimInput {
  return { text: `Testbehauptung ${Math.random().toString(36).slice(2)}`, ...overrides };
}

async function fullInput(claimId: string) {
  const c = await t.db.claim.findUniqueOrThrow({ where: { id: claimId }, include: { topics: true, quotes: true, passages: true } });
  return {
    claimId: c.id,
    version: c.version,
    text: c.text,
    language: c.language,
    claimantId: c.claimantId ?? undefined,
    claimDate: c.claimDate ?? undefined,
    topicIds: c.topics.map((x) => x.topicId),
    quoteIds: c.quotes.map((x) => x.quoteId),
    passages: c.passages.map((p) => ({ sourceId: p.sourceId, start: p.start, end: p.end })),
    quantityValue: c.quantityValue?.toString(),
    quantityUnit: c.quantityUnit ?? undefined,
    quantitySubject: c.quantitySubject ?? undefined,
    quantityMeasure: c.quantityMeasure ?? undefined,
    quantityAsOf: c.quantityAsOf ?? undefined,
    researchNotes: c.researchNotes ?? undefined,
  };
}

async function seedClaim(prefix: string) {
  return t.db.claim.findFirstOrThrow({ where: { text: { startsWith: prefix } } });
}

describe("createClaim", () => {
  it("creates a draft with its links and records every field, links included, in the one create revision", async () => {
    const quote = await t.db.quote.findFirstOrThrow({ where: { text: { startsWith: "Ich habe das nicht gemacht" } } });
    const passageText = "95 Prozent";
    const start = articleSource.snapshotText.indexOf(passageText);
    const created = await createClaim(
      contributor,
      input({
        text: "Putin bestreitet jede Einmischung",
        claimantId: speakerId,
        claimDate: new Date("2017-11-11T00:00:00Z"),
        topicIds: [topic("us-wahl-2016"), topic("usa-russland")],
        quoteIds: [quote.id],
        passages: [{ sourceId: articleSource.id, start, end: start + passageText.length }],
        quantityValue: "95",
        quantityUnit: "Prozent",
        quantitySubject: "IS-Gebiet",
        quantityAsOf: "2017-11",
      }),
      t.db,
    );
    const claim = await t.db.claim.findUniqueOrThrow({ where: { id: created.id }, include: { topics: true, quotes: true, passages: true } });
    expect(claim.status).toBe("draft");
    expect(claim.createdById).toBe(contributor.id);
    expect(claim.slug).toBe("putin-bestreitet-jede-einmischung");
    expect(claim.version).toBe(1);
    expect(claim.topics).toHaveLength(2);
    expect(claim.quotes.map((q) => q.quoteId)).toEqual([quote.id]);
    expect(claim.passages).toMatchObject([{ sourceId: articleSource.id, start, end: start + passageText.length }]);
    expect(claim.quantityValue?.toString()).toBe("95");

    const revisions = await revisionsOf(claim.id);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ action: "create", version: 1, userId: contributor.id });
    const changes = revisions[0]!.changes as Record<string, { before: unknown; after: unknown }>;
    expect(changes.text).toEqual({ before: null, after: "Putin bestreitet jede Einmischung" });
    expect(changes.status).toEqual({ before: null, after: "draft" });
    expect(changes.quantityAsOf).toEqual({ before: null, after: "2017-11" });
    expect(changes.topicIds).toEqual({ before: [], after: [topic("us-wahl-2016"), topic("usa-russland")].sort() });
    expect(changes.quoteIds).toEqual({ before: [], after: [quote.id] });
    expect(changes.passages).toEqual({ before: [], after: [{ sourceId: articleSource.id, start, end: start + passageText.length }] });
  });

  it("makes the slug unique", async () => {
    const a = await createClaim(editor, input({ text: "Gleicher Text, zwei Behauptungen" }), t.db);
    const b = await createClaim(editor, input({ text: "Gleicher Text, zwei Behauptungen" }), t.db);
    expect(a.slug).toBe("gleicher-text-zwei-behauptungen");
    expect(b.slug).toBe("gleicher-text-zwei-behauptungen-2");
  });

  it("refuses passages that do not fit the source, unknown links and a quantity without value, writing nothing", async () => {
    const before = await t.db.claim.count();
    const revisions = await t.db.revision.count();
    expect(await refusalText(
      createClaim(editor, input({ passages: [{ sourceId: articleSource.id, start: 10, end: articleSource.snapshotText.length + 5 }] }), t.db),
    )).toMatch(/Textstelle 1: Die Quelle hat nur [\d.]+ Zeichen/);
    await expect(createClaim(editor, input({ passages: [{ sourceId: articleSource.id, start: 10, end: 5 }] }), t.db)).rejects.toBeInstanceOf(ValidationError);
    expect(await refusalText(createClaim(editor, input({ passages: [{ sourceId: articleSource.id }] }), t.db))).toMatch(/Anfang und Ende/);
    expect(await refusalText(createClaim(editor, input({ topicIds: ["nope"] }), t.db))).toMatch(/Themen/);
    expect(await refusalText(createClaim(editor, input({ quoteIds: ["nope"] }), t.db))).toMatch(/Zitate/);
    expect(await refusalText(createClaim(editor, input({ claimantId: "nope" }), t.db))).toMatch(/Sprecher/);
    await expect(createClaim(editor, input({ quantityUnit: "Prozent" }), t.db)).rejects.toBeInstanceOf(ValidationError);
    expect(await t.db.claim.count()).toBe(before);
    expect(await t.db.revision.count()).toBe(revisions);
  });

  it("validates the form: partial dates, decimal values, passage rows", () => {
    const ok = createClaimFormSchema.safeParse({
      text: "  Eine Behauptung ",
      quantityValue: "95,5",
      quantityAsOf: "2017-11",
      "topicIds": ["a", "b"],
      passage0SourceId: "src",
      passage0Start: "3",
      passage0End: "10",
      passage1SourceId: "",
      passage1Start: "",
      passage1End: "",
    });
    expect(ok.success).toBe(true);
    expect(ok.data).toMatchObject({ text: "Eine Behauptung", quantityValue: "95.5", quantityAsOf: "2017-11", topicIds: ["a", "b"], quoteIds: [] });
    expect(ok.data?.passages).toEqual([{ sourceId: "src", start: 3, end: 10 }]);
    for (const asOf of ["2017", "2017-11", "2017-11-30"]) expect(createClaimFormSchema.safeParse({ text: "x", quantityAsOf: asOf }).success).toBe(true);
    for (const asOf of ["17", "2017-13", "2017-02-30", "2017/11", "November 2017"]) {
      expect(createClaimFormSchema.safeParse({ text: "x", quantityAsOf: asOf }).success).toBe(false);
    }
    expect(createClaimFormSchema.safeParse({ text: "x", quantityValue: "1.000.000" }).success).toBe(false);
    expect(createClaimFormSchema.safeParse({ text: "" }).success).toBe(false);
    const update = updateClaimFormSchema.safeParse({ claimId: "c", version: "3", text: "x" });
    expect(update.success && update.data.version).toBe(3);
  });

  it("prefills a new claim from a quote", async () => {
    const quote = await t.db.quote.findFirstOrThrow({ where: { text: { startsWith: "Ich habe das nicht gemacht" } }, include: { appearances: true } });
    const draft = await claimDraftFromQuote(quote.id, t.db);
    expect(draft).toMatchObject({ text: quote.text, claimantId: quote.speakerId, quoteId: quote.id });
    expect(draft?.passages).toEqual(quote.appearances.map((a) => ({ sourceId: a.sourceId, start: a.start, end: a.end })));
    expect(await claimDraftFromQuote("nope", t.db)).toBeNull();
  });
});

describe("claimFormOptions", () => {
  it("offers speakers, topics, quotes (speaker and start), sources with their text length, active verdicts and accounts", async () => {
    const options = await claimFormOptions(t.db);
    expect(options.topics).toHaveLength(topics.length);
    const article = options.sources.find((s) => s.value === articleSource.id)!;
    expect(article.length).toBe(articleSource.snapshotText.length);
    // The title; the page adds the length in the editor's language.
    expect(article.label).toBe(articleSource.title);
    expect(options.quotes.every((q) => q.label.length <= 140 && q.label.includes(": "))).toBe(true);
    expect(options.verdicts.map((v) => v.label)).toContain("richtig");
    expect(options.users.map((u) => u.value)).toContain(contributor.id);
  });
});

describe("updateClaim", () => {
  it("records changed fields and link changes with before/after in one revision, bumping the version once", async () => {
    const { id } = await createClaim(editor, input({ text: "Vorher", topicIds: [topic("syrien")] }), t.db);
    const before = await revisionsOf(id);
    const form = await fullInput(id);
    const result = await updateClaim(editor, { ...form, text: "Nachher", topicIds: [topic("medien")], researchNotes: "Notiz" }, t.db);
    expect(text(result.message)).toMatch(/Text/);
    const claim = await t.db.claim.findUniqueOrThrow({ where: { id }, include: { topics: true } });
    expect(claim.version).toBe(2);
    expect(claim.text).toBe("Nachher");
    expect(claim.slug).toBe("nachher");
    expect(claim.topics.map((x) => x.topicId)).toEqual([topic("medien")]);

    const added = (await revisionsOf(id)).slice(before.length);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ action: "update", version: 2, userId: editor.id });
    expect(added[0]!.changes).toEqual({
      text: { before: "Vorher", after: "Nachher" },
      researchNotes: { before: null, after: "Notiz" },
      slug: { before: "vorher", after: "nachher" },
      topicIds: { before: [topic("syrien")], after: [topic("medien")] },
    });
  });

  it("saves nothing when nothing changed", async () => {
    const { id } = await createClaim(editor, input(), t.db);
    const result = await updateClaim(editor, await fullInput(id), t.db);
    expect(text(result.message)).toMatch(/Keine Änderungen/);
    expect((await t.db.claim.findUniqueOrThrow({ where: { id } })).version).toBe(1);
  });

  it("keeps text, language and claimant of a published claim, with a reason", async () => {
    const published = await seedClaim("Allerdings hat der IS");
    expect(published.publishedAt).not.toBeNull();
    const form = await fullInput(published.id);
    expect(await refusalText(updateClaim(editor, { ...form, text: "Anderer Text" }, t.db))).toMatch(/Text einer veröffentlichten Behauptung bleiben unverändert/);
    await expect(updateClaim(editor, { ...form, claimantId: undefined }, t.db)).rejects.toBeInstanceOf(TransitionError);
    // What readers see besides: desk roles only.
    await expect(updateClaim(contributor, { ...form, topicIds: [topic("medien")] }, t.db)).rejects.toBeInstanceOf(ForbiddenError);
    await updateClaim(editor, { ...form, topicIds: [...form.topicIds, topic("medien")] }, t.db);
    expect(await t.db.claimTopic.count({ where: { claimId: published.id, topicId: topic("medien") } })).toBe(1);
  });

  it("changes nothing public while the claim is in review, but research notes", async () => {
    const inReview = await seedClaim("Ausdrücklich erwähnte das Papier");
    expect(inReview.status).toBe("in_review");
    const form = await fullInput(inReview.id);
    expect(await refusalText(updateClaim(editor, { ...form, text: "Geändert in der Prüfung" }, t.db))).toMatch(/Während der Prüfung/);
    expect(await refusalText(updateClaim(editor, { ...form, topicIds: [] }, t.db))).toMatch(/Themen/);
    await updateClaim(contributor, { ...form, researchNotes: "Originalwortlaut angefragt." }, t.db);
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: inReview.id } })).researchNotes).toBe("Originalwortlaut angefragt.");
  });

  it("lets a contributor edit drafts and research", async () => {
    const draft = await seedClaim("Die Außenminister Rex Tillerson");
    const form = await fullInput(draft.id);
    await updateClaim(contributor, { ...form, quantityValue: "2", quantityUnit: "Minister" }, t.db);
    const after = await t.db.claim.findUniqueOrThrow({ where: { id: draft.id } });
    expect(after.quantityValue?.toString()).toBe("2");
    // The same number written differently is no change.
    const again = await updateClaim(contributor, { ...(await fullInput(draft.id)), quantityValue: "2.000" }, t.db);
    expect(text(again.message)).toMatch(/Keine Änderungen/);
  });
});

describe("updateVerdictFields", () => {
  it("sets the working verdict and makes the editor its author; a second editor becomes the author", async () => {
    const { id } = await createClaim(contributor, input(), t.db);
    await updateVerdictFields(editor, { claimId: id, version: 1, verdictId: verdicts.get("false"), summary: "Falsch, weil …", analysis: "## Analyse" }, t.db);
    let claim = await t.db.claim.findUniqueOrThrow({ where: { id } });
    expect(claim).toMatchObject({ verdictId: verdicts.get("false"), summary: "Falsch, weil …", analysis: "## Analyse", verdictAuthorId: editor.id, version: 2 });
    await updateVerdictFields(reviewer, { claimId: id, version: 2, verdictId: verdicts.get("false"), summary: "Falsch, denn …", analysis: "## Analyse" }, t.db);
    claim = await t.db.claim.findUniqueOrThrow({ where: { id } });
    expect(claim.verdictAuthorId).toBe(reviewer.id);
    const last = (await revisionsOf(id)).at(-1)!;
    expect(last.changes).toEqual({
      summary: { before: "Falsch, weil …", after: "Falsch, denn …" },
      verdictAuthorId: { before: editor.id, after: reviewer.id },
    });
  });

  it("refuses a contributor, in the domain itself", async () => {
    const { id } = await createClaim(contributor, input(), t.db);
    await expect(updateVerdictFields(contributor, { claimId: id, version: 1, verdictId: verdicts.get("true"), summary: "x" }, t.db)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect((await t.db.claim.findUniqueOrThrow({ where: { id } })).verdictId).toBeNull();
  });

  it("is locked outside draft and research, with the reason", async () => {
    const inReview = await seedClaim("Ausdrücklich erwähnte das Papier");
    expect(await refusalText(updateVerdictFields(editor, { claimId: inReview.id, version: inReview.version, verdictId: inReview.verdictId!, summary: "Neu" }, t.db))).toMatch(
      /Während der Prüfung/,
    );
    const published = await seedClaim("Der RT-Ableger");
    expect(await refusalText(
      updateVerdictFields(editor, { claimId: published.id, version: published.version, verdictId: verdicts.get("false"), summary: "Neu" }, t.db),
    )).toMatch(/Korrektur vorschlagen/);
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: published.id } })).verdictId).toBe(published.verdictId);
  });

  it("refuses an inactive or unknown verdict label", async () => {
    const { id } = await createClaim(editor, input(), t.db);
    await expect(updateVerdictFields(editor, { claimId: id, version: 1, verdictId: "nope", summary: "x" }, t.db)).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("the workflow and the claim's rules agree", () => {
  it("takes a claim from draft to publication with four eyes; then the text is fixed", async () => {
    const source = await t.db.source.findFirstOrThrow({ where: { title: { startsWith: "Resolution 2254" } } });
    const { id } = await createClaim(contributor, input({ text: "Ein Weg durch den ganzen Ablauf" }), t.db);
    await updateVerdictFields(editor, { claimId: id, version: 1, verdictId: verdicts.get("true"), summary: "Stimmt." }, t.db);
    await addEvidence(contributor, { claimId: id, sourceId: source.id, stance: "supports", excerpt: "einstimmig angenommen" }, t.db);
    await transitionClaim(editor, { claimId: id, version: 2, transition: "submit" }, t.db);
    expect(await refusalText(transitionClaim(editor, { claimId: id, version: 3, transition: "approve" }, t.db))).toMatch(/Vier-Augen/);
    await transitionClaim(reviewer, { claimId: id, version: 3, transition: "approve" }, t.db);
    const claim = await t.db.claim.findUniqueOrThrow({ where: { id } });
    expect(claim.publicState).toBe("published");
    await expect(updateClaim(editor, { ...(await fullInput(id)), text: "Umformuliert" }, t.db)).rejects.toBeInstanceOf(TransitionError);

    const versions = await claimVersions(id, t.db);
    expect(versions.map((v) => v.action)).toEqual(["create", "update", "transition", "transition"]);
    expect(versions.at(-1)!.values).toMatchObject({ status: "published", publicState: "published", publishedSummary: "Stimmt." });
  });
});

describe("assignment, comments, deletion", () => {
  it("assigns and unassigns (desk only), with a revision", async () => {
    const { id } = await createClaim(contributor, input(), t.db);
    await expect(assignClaim(contributor, { claimId: id, version: 1, assigneeId: contributor.id }, t.db)).rejects.toBeInstanceOf(ForbiddenError);
    expect(text((await assignClaim(editor, { claimId: id, version: 1, assigneeId: contributor.id }, t.db)).message)).toContain(contributor.name);
    await assignClaim(editor, { claimId: id, version: 2 }, t.db);
    const revisions = await revisionsOf(id);
    expect(revisions.at(-2)!.changes).toEqual({ assigneeId: { before: null, after: contributor.id } });
    expect(revisions.at(-1)!.changes).toEqual({ assigneeId: { before: contributor.id, after: null } });
  });

  it("keeps private comments", async () => {
    const { id } = await createClaim(contributor, input(), t.db);
    await addComment(contributor, { claimId: id, body: "Bitte Quelle prüfen." }, t.db);
    const claim = await getClaimForEdit(id, t.db);
    expect(claim?.comments.map((c) => [c.body, c.author?.name])).toEqual([["Bitte Quelle prüfen.", contributor.name]]);
  });

  it("deletes only never-published drafts, desk only, keeping the revisions", async () => {
    const source = await t.db.source.findFirstOrThrow({ where: { title: { startsWith: "Resolution 2254" } } });
    const { id } = await createClaim(contributor, input(), t.db);
    await addEvidence(contributor, { claimId: id, sourceId: source.id, stance: "context", excerpt: "einstimmig angenommen" }, t.db);
    await expect(deleteClaim(contributor, { claimId: id, version: 1 }, t.db)).rejects.toBeInstanceOf(ForbiddenError);
    await deleteClaim(editor, { claimId: id, version: 1 }, t.db);
    expect(await t.db.claim.findUnique({ where: { id } })).toBeNull();
    expect((await revisionsOf(id)).at(-1)!.action).toBe("delete");
    expect(await t.db.revision.count({ where: { entityType: "Evidence", action: "delete", changes: { path: ["claimId", "before"], equals: id } } })).toBe(1);

    const published = await seedClaim("Allerdings hat der IS");
    expect(await refusalText(deleteClaim(editor, { claimId: published.id, version: published.version }, t.db))).toMatch(/nur Entwürfe/);
  });
});

describe("listClaims", () => {
  it("searches, filters and sorts", async () => {
    const all = await listClaims(claimListQuery({}), editor, t.db);
    expect(all.total).toBe(await t.db.claim.count());

    const q = await listClaims(claimListQuery({ q: "herrschaftsgebiet" }), editor, t.db);
    expect(q.items.map((c) => c.text)).toEqual([expect.stringContaining("95 Prozent")]);

    const inReview = await listClaims(claimListQuery({ status: "in_review" }), editor, t.db);
    expect(inReview.items.every((c) => c.status === "in_review")).toBe(true);
    expect(inReview.total).toBe(await t.db.claim.count({ where: { status: "in_review" } }));

    const mine = await listClaims(claimListQuery({ assignee: "me" }), contributor, t.db);
    expect(mine.total).toBe(await t.db.claim.count({ where: { assigneeId: contributor.id } }));
    expect(mine.items.every((c) => c.assignee === contributor.name)).toBe(true);
    const unassigned = await listClaims(claimListQuery({ assignee: "none" }), contributor, t.db);
    expect(unassigned.items.every((c) => c.assignee === null)).toBe(true);

    const byTopic = await listClaims(claimListQuery({ topic: topic("vereinte-nationen") }), editor, t.db);
    expect(byTopic.total).toBe(await t.db.claimTopic.count({ where: { topicId: topic("vereinte-nationen") } }));

    const peskow = await t.db.speaker.findFirstOrThrow({ where: { name: { contains: "Peskow" } } });
    const byClaimant = await listClaims(claimListQuery({ claimant: peskow.id }), editor, t.db);
    expect(byClaimant.items.map((c) => c.claimant)).toEqual([peskow.name]);

    const noVerdict = await listClaims(claimListQuery({ verdict: "none" }), editor, t.db);
    expect(noVerdict.total).toBe(await t.db.claim.count({ where: { verdictId: null } }));
    const isTrue = await listClaims(claimListQuery({ verdict: verdicts.get("true")! }), editor, t.db);
    expect(isTrue.items.every((c) => c.verdict?.de === "richtig" && c.verdict.en === "true")).toBe(true);

    const byStatus = await listClaims(claimListQuery({ sort: "status" }), editor, t.db);
    const order = ["draft", "in_research", "in_review", "published", "corrected", "retracted"];
    const ranks = byStatus.items.map((c) => order.indexOf(c.status));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);

    // A bad parameter falls back to the default.
    expect(claimListQuery({ status: "nonsense", sort: "nonsense", page: "-3" })).toMatchObject({ status: undefined, sort: "updated", page: 1 });
  });

  it("pages by 25", async () => {
    for (let i = 0; i < 30; i++) await createClaim(editor, input({ text: `Seitenprobe ${String(i).padStart(2, "0")}` }), t.db);
    const first = await listClaims(claimListQuery({ q: "Seitenprobe", sort: "created" }), editor, t.db);
    const second = await listClaims(claimListQuery({ q: "Seitenprobe", sort: "created", page: "2" }), editor, t.db);
    expect(first).toMatchObject({ total: 30, page: 1, pageCount: 2 });
    expect(first.items).toHaveLength(25);
    expect(second.items).toHaveLength(5);
    const ids = new Set([...first.items, ...second.items].map((c) => c.id));
    expect(ids.size).toBe(30);
  });
});

describe("reviewQueuePage", () => {
  it("lists claims in review with proposer, since when and evidence, marking the viewer's own", async () => {
    const reviewerPage = await reviewQueuePage(reviewer, 1, t.db);
    const forReviewer = reviewerPage.items;
    const c5 = forReviewer.find((c) => c.text.startsWith("Ausdrücklich erwähnte das Papier"))!;
    expect(c5).toMatchObject({ proposedBy: { id: editor.id, name: editor.name }, own: false, isCorrection: false });
    expect(c5.evidenceCount).toBeGreaterThan(0);
    expect(c5.since).toBeInstanceOf(Date);
    const forEditor = (await reviewQueuePage(editor, 1, t.db)).items;
    expect(forEditor.find((c) => c.id === c5.id)!.own).toBe(true);
    expect(reviewerPage.total).toBe(await t.db.claim.count({ where: { status: "in_review" } }));
    expect(forReviewer.length).toBe(reviewerPage.total); // the demo's queue fits one page
  });
});

describe("history and versions", () => {
  it("rebuilds the claim's values at every version", async () => {
    const { id } = await createClaim(editor, input({ text: "Version eins", topicIds: [topic("syrien")] }), t.db);
    await updateClaim(editor, { ...(await fullInput(id)), text: "Version zwei" }, t.db);
    await updateClaim(editor, { ...(await fullInput(id)), topicIds: [topic("syrien"), topic("medien")], quantityValue: "7" }, t.db);
    await updateVerdictFields(reviewer, { claimId: id, version: 3, verdictId: verdicts.get("half-true"), summary: "Teils." }, t.db);

    const versions = await claimVersions(id, t.db);
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3, 4]);
    expect(versions.map((v) => v.action)).toEqual(["create", "update", "update", "update"]);
    expect(versions.map((v) => v.by)).toEqual([editor.name, editor.name, editor.name, reviewer.name]);
    expect(versions[0]!.values).toMatchObject({ text: "Version eins", status: "draft", topicIds: [topic("syrien")], quantityValue: null });
    expect(versions[1]!.values).toMatchObject({ text: "Version zwei", topicIds: [topic("syrien")] });
    expect(versions[1]!.changed).toEqual(expect.arrayContaining(["text", "slug"]));
    expect(versions[2]!.values).toMatchObject({
      text: "Version zwei",
      topicIds: [topic("syrien"), topic("medien")].sort(),
      quantityValue: "7",
    });
    expect(versions[2]!.changed.sort()).toEqual(["quantityValue", "topicIds"]);
    expect(versions[3]!.values).toMatchObject({ summary: "Teils.", verdictId: verdicts.get("half-true"), verdictAuthorId: reviewer.id, text: "Version zwei" });
    // Earlier versions are not changed by later ones.
    expect(versions[0]!.values.summary).toBeNull();
  });

  it("lists the claim's revisions and those of its evidence, deleted evidence included", async () => {
    const source = await t.db.source.findFirstOrThrow({ where: { title: { startsWith: "Resolution 2254" } } });
    const { id } = await createClaim(editor, input(), t.db);
    const ev = await addEvidence(editor, { claimId: id, sourceId: source.id, stance: "supports", excerpt: "einstimmig angenommen" }, t.db);
    await deleteEvidence(editor, { evidenceId: ev.id, version: 1 }, t.db);
    const history = await claimHistory(id, t.db);
    expect(history.map((h) => `${h.entityType}:${h.action}`)).toEqual(["Claim:create", "Evidence:create", "Evidence:delete"]);
    expect(history[1]!.by).toBe(editor.name);
  });
});
