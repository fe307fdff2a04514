// PUBLIC MEANS APPROVED (docs/publication.md): for every kind of record a published claim's page
// shows (the claim's own fields, a quote's text and translation, a source's metadata and the
// excerpt of its stored text, evidence excerpt and note, the claimant's name) and every role
// that may edit it, the edit changes the working record but nothing readers get (the claim page,
// the speaker page, the search, ClaimReview); after the correction workflow (a public note and
// the approval of a second person) the change shows. Roles that may not edit are refused and
// change nothing. Also: the frozen search, shared quotes, the desk's notice, the approval of
// what the reviewer saw, the upgrade of claims published before publications existed, and
// speaker profiles (editors only, once public).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../lib/auth/session";
import { buildClaimReview } from "../../lib/claimreview";
import { loadSettings } from "../../lib/config";
import { createClaim, updateClaim, updateVerdictFields } from "../../lib/editorial/claims";
import { DomainError, ForbiddenError, TransitionError, ValidationError } from "../../lib/editorial/errors";
import { addEvidence, updateEvidence } from "../../lib/editorial/evidence";
import {
  approvalDigest,
  freezeMissingPublications,
  pendingPublicChanges,
  publicClaimsWithQuote,
  publicClaimsWithSource,
  type PublicationPart,
} from "../../lib/editorial/publication";
import { createQuote, updateQuote } from "../../lib/editorial/quotes";
import { createSource, updateSource } from "../../lib/editorial/sources";
import { createSpeaker, deleteSpeaker, getSpeakerForEdit, updateSpeaker } from "../../lib/editorial/speakers";
import { deleteTopic } from "../../lib/editorial/taxonomy";
import { transitionClaim } from "../../lib/editorial/workflow";
import { getPublicClaim, getPublicSpeaker, getPublicSpeakerPage, getPublicTopic, listPublicCorrections, type PublicClaim } from "../../lib/public";
import { searchPublic } from "../../lib/public/search";
import { bootstrap } from "../../lib/seed/bootstrap";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { textOf, refusalText } from "../helpers/messages";

type RoleName = "contributor" | "editor" | "reviewer" | "admin";

let t: TestDatabase;
const actors = {} as Record<RoleName, SessionUser>;
let verdicts: Record<string, string>;
let topics: Record<string, string>;
let counter = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  await bootstrap(t.db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));
  const user = async (role: RoleName) => {
    const u = await t.db.user.findFirstOrThrow({ where: { role }, orderBy: { createdAt: "asc" } });
    return { id: u.id, name: u.name, email: u.email, role: u.role };
  };
  for (const role of ["contributor", "editor", "reviewer", "admin"] as const) actors[role] = await user(role);
  verdicts = Object.fromEntries((await t.db.verdictLabel.findMany()).map((v) => [v.key, v.id]));
  topics = Object.fromEntries((await t.db.topic.findMany()).map((x) => [x.slug, x.id]));
});
afterAll(() => t?.stop());

/** A word of letters only, unique to a fixture (full text treats digits in words apart). */
function tag(n: number): string {
  let s = "";
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return `x${s}`;
}

interface Fixture {
  tag: string;
  claimId: string;
  slug: string;
  speakerId: string;
  speakerSlug: string;
  sourceId: string;
  quoteId: string;
  evidenceId: string;
  text: string;
  /** Offsets of the second phrasing of the quote in the stored text. */
  altQuote: { start: number; end: number };
}

/**
 * A claim published through the workflow, with everything its page shows: a claimant of its
 * own (public only through it), a direct quote with an English translation and its passage in
 * a source, a second passage, a topic, a date, and evidence with a note. The editor proposes,
 * the reviewer approves.
 */
async function publishedFixture(): Promise<Fixture> {
  const T = tag(counter++);
  const { editor, reviewer } = actors;
  const speaker = await createSpeaker(editor, { name: `Sprecherin ${T}`, kind: "person", aliases: [], roles: [] }, t.db);
  const oldQuote = `Wir haben den Kampf um Altwort${T} gewonnen`;
  const newQuote = `Wir haben den Kampf um Neuwort${T} gewonnen`;
  const text =
    `Vorspann. Die Sprecherin ${T} sagte am Freitag: „${oldQuote}.“ Später hieß es: „${newQuote}.“ ` +
    `Die Quote lag bei zehn Prozent. Andere sagen: Die Quote lag bei elf Prozent. Ende.`;
  const source = await createSource(
    editor,
    { kind: "news_article", url: `https://example.test/${T}`, title: `Bericht ${T}`, language: "de", snapshotText: text },
    t.db,
  );
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  const quote = await createQuote(
    editor,
    {
      speakerId: speaker.id,
      text: oldQuote,
      language: "de",
      kind: "direct",
      translations: [{ language: "en", text: `We have won the fight for oldword${T}` }],
      appearances: [{ sourceId: source.id, ...at(oldQuote) }],
      allowMismatch: false,
    },
    t.db,
  );
  const claim = await createClaim(
    editor,
    {
      text: `Die Sprecherin ${T} hat den Kampf gewonnen.`,
      claimantId: speaker.id,
      claimDate: new Date("2017-11-10T00:00:00Z"),
      topicIds: [topics.syrien!],
      quoteIds: [quote.id],
      passages: [{ sourceId: source.id, ...at(`Die Sprecherin ${T} sagte am Freitag`) }],
    },
    t.db,
  );
  const evidence = await addEvidence(
    editor,
    { claimId: claim.id, sourceId: source.id, stance: "refutes", excerpt: "Die Quote lag bei zehn Prozent", note: `Alte Notiz ${T}` },
    t.db,
  );
  const version = async () => (await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } })).version;
  await updateVerdictFields(editor, { claimId: claim.id, version: await version(), verdictId: verdicts.false, summary: `Stimmt nicht ${T}.`, analysis: "Weil." }, t.db);
  await transitionClaim(editor, { claimId: claim.id, version: await version(), transition: "submit" }, t.db);
  await transitionClaim(reviewer, { claimId: claim.id, version: await version(), transition: "approve" }, t.db);
  const speakerRow = await t.db.speaker.findUniqueOrThrow({ where: { id: speaker.id } });
  return {
    tag: T,
    claimId: claim.id,
    slug: claim.slug,
    speakerId: speaker.id,
    speakerSlug: speakerRow.slug,
    sourceId: source.id,
    quoteId: quote.id,
    evidenceId: evidence.id,
    text,
    altQuote: at(newQuote),
  };
}

/** Everything readers get that shows the fixture's claim. */
async function publicView(f: Fixture) {
  const claim = await getPublicClaim(f.slug, t.db);
  const speakerPage = await getPublicSpeakerPage(f.speakerSlug, {}, t.db);
  const speaker = await getPublicSpeaker(f.speakerSlug, {}, t.db);
  const claimReview = claim
    ? buildClaimReview(claim, { url: `https://example.test/claims/${f.slug}`, organization: { name: "Claimbase", url: "https://example.test" }, scale: { best: 6, worst: 1 }, locale: "de" })
    : null;
  return { claim, claimReview, speakerQuotes: speakerPage?.quotes, speakerClaims: speakerPage?.claims, speakerQuotesOld: speaker?.quotes };
}

/** The search's hits for a word, as lists of texts by type. */
async function found(q: string) {
  const result = await searchPublic({ q }, t.db);
  const text = (s: { text: string }[]) => s.map((x) => x.text).join("");
  return {
    claims: result.items.filter((h) => h.type === "claim").map((h) => (h.type === "claim" ? `${text(h.text)} | ${h.claimant?.name}` : "")),
    quotes: result.items.filter((h) => h.type === "quote").map((h) => (h.type === "quote" ? `${text(h.text)} | ${h.speaker.name}` : "")),
  };
}

async function claimVersion(claimId: string): Promise<number> {
  return (await t.db.claim.findUniqueOrThrow({ where: { id: claimId } })).version;
}

/** A correction of the fixture's claim: proposed (with a public note, the verdict unchanged)
 * by `proposer`, approved by `approver`. */
async function correct(f: Fixture, proposer: SessionUser, approver: SessionUser, note: string): Promise<void> {
  await transitionClaim(proposer, { claimId: f.claimId, version: await claimVersion(f.claimId), transition: "propose_correction", note }, t.db);
  // Four eyes: the proposer cannot approve it.
  expect(await refusalText(
    transitionClaim(proposer, { claimId: f.claimId, version: await claimVersion(f.claimId), transition: "approve" }, t.db),
  )).toMatch(/Vier-Augen-Prinzip/);
  await transitionClaim(approver, { claimId: f.claimId, version: await claimVersion(f.claimId), transition: "approve" }, t.db);
}

/** Who proposes and who approves the correction that publishes an edit made by `role`. */
function correctors(role: RoleName): [SessionUser, SessionUser] {
  if (role === "reviewer") return [actors.reviewer, actors.editor];
  if (role === "admin") return [actors.admin, actors.reviewer];
  return [actors.editor, actors.reviewer];
}

async function claimForm(claimId: string) {
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
    researchNotes: c.researchNotes ?? undefined,
  };
}

async function quoteForm(quoteId: string) {
  const q = await t.db.quote.findUniqueOrThrow({ where: { id: quoteId }, include: { translations: true, appearances: true } });
  return {
    id: q.id,
    version: q.version,
    speakerId: q.speakerId,
    text: q.text,
    language: q.language,
    kind: q.kind,
    saidOn: q.saidOn ?? undefined,
    occasion: q.occasion ?? undefined,
    place: q.place ?? undefined,
    reportedById: q.reportedById ?? undefined,
    parentId: q.parentId ?? undefined,
    translations: q.translations.map((x) => ({ language: x.language, text: x.text })),
    appearances: q.appearances.map((a) => ({ sourceId: a.sourceId, start: a.start, end: a.end })),
    allowMismatch: false,
  };
}

async function sourceForm(sourceId: string) {
  const s = await t.db.source.findUniqueOrThrow({ where: { id: sourceId } });
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
  };
}

async function evidenceForm(evidenceId: string) {
  const e = await t.db.evidence.findUniqueOrThrow({ where: { id: evidenceId } });
  return { evidenceId: e.id, version: e.version, sourceId: e.sourceId, stance: e.stance, excerpt: e.excerpt, note: e.note ?? undefined };
}

async function speakerForm(speakerId: string) {
  const s = (await getSpeakerForEdit(speakerId, t.db))!;
  return {
    id: s.id,
    version: s.version,
    name: s.name,
    kind: s.kind,
    slug: s.slug,
    wikidataId: s.wikidataId ?? undefined,
    bio: s.bio ?? undefined,
    aliases: s.aliases,
    roles: s.roles.map((r) => ({
      title: r.title,
      organization: r.organization ?? undefined,
      startDate: r.startDate ? new Date(`${r.startDate}T00:00:00Z`) : undefined,
      endDate: r.endDate ? new Date(`${r.endDate}T00:00:00Z`) : undefined,
    })),
  };
}

// ---------------------------------------------------------------------------------------
// The matrix: record kind × role.

interface Kind {
  name: string;
  /** The roles the domain refuses. */
  refused: RoleName[];
  /** The part of the page the desk's notice names. */
  part: PublicationPart;
  edit(f: Fixture, actor: SessionUser): Promise<unknown>;
  /** Whether the working records hold the edit. */
  inWorking(f: Fixture): Promise<boolean>;
  /** Whether readers see the edit (false right after it, true after the correction). */
  shows(view: Awaited<ReturnType<typeof publicView>>, f: Fixture): boolean;
  /** Words the search finds only once the edit is public, with what a hit must contain. */
  search?(f: Fixture): { q: string; type: "claims" | "quotes"; contains: string };
}

const KINDS: Kind[] = [
  {
    name: "the claim's own fields (date, topics)",
    refused: ["contributor"],
    part: "claim",
    edit: async (f, actor) =>
      updateClaim(actor, { ...(await claimForm(f.claimId)), claimDate: new Date("2017-11-12T00:00:00Z"), topicIds: [topics.syrien!, topics.medien!] }, t.db),
    inWorking: async (f) => (await t.db.claimTopic.count({ where: { claimId: f.claimId, topicId: topics.medien } })) === 1,
    shows: (v) =>
      v.claim!.claimDate?.toISOString().slice(0, 10) === "2017-11-12" &&
      v.claim!.topics.some((x) => x.slug === "medien") &&
      v.claimReview!.itemReviewed.datePublished === "2017-11-12",
  },
  {
    name: "a quote's text",
    refused: [],
    part: "quotes",
    edit: async (f, actor) =>
      updateQuote(actor, { ...(await quoteForm(f.quoteId)), text: f.text.slice(f.altQuote.start, f.altQuote.end), appearances: [{ sourceId: f.sourceId, ...f.altQuote }] }, t.db),
    inWorking: async (f) => (await t.db.quote.findUniqueOrThrow({ where: { id: f.quoteId } })).text.includes(`Neuwort${f.tag}`),
    shows: (v, f) =>
      v.claim!.quotes[0]!.text.includes(`Neuwort${f.tag}`) &&
      v.claim!.quotes[0]!.appearances[0]!.context!.passage.includes(`Neuwort${f.tag}`) &&
      v.speakerQuotes!.items[0]!.text.includes(`Neuwort${f.tag}`) &&
      v.speakerQuotesOld!.items[0]!.text.includes(`Neuwort${f.tag}`),
    search: (f) => ({ q: `Neuwort${f.tag}`, type: "quotes", contains: `Neuwort${f.tag}` }),
  },
  {
    name: "a quote's translation",
    refused: [],
    part: "quotes",
    edit: async (f, actor) => updateQuote(actor, { ...(await quoteForm(f.quoteId)), translations: [{ language: "en", text: `We won newword${f.tag}` }] }, t.db),
    inWorking: async (f) => (await t.db.quoteTranslation.count({ where: { quoteId: f.quoteId, text: { contains: "newword" } } })) === 1,
    shows: (v, f) => v.claim!.quotes[0]!.translations[0]!.text === `We won newword${f.tag}`,
  },
  {
    name: "a source's metadata (title, URL)",
    refused: [],
    part: "sources",
    edit: async (f, actor) => updateSource(actor, { ...(await sourceForm(f.sourceId)), title: `Neuer Titel ${f.tag}`, url: `https://example.test/neu/${f.tag}` }, t.db),
    inWorking: async (f) => (await t.db.source.findUniqueOrThrow({ where: { id: f.sourceId } })).title === `Neuer Titel ${f.tag}`,
    shows: (v, f) =>
      v.claim!.evidence[0]!.source.title === `Neuer Titel ${f.tag}` &&
      v.claim!.quotes[0]!.appearances[0]!.source.url === `https://example.test/neu/${f.tag}` &&
      (v.claimReview!.itemReviewed.appearance ?? []).some((a) => a.name === `Neuer Titel ${f.tag}`),
  },
  {
    name: "a source's stored text around a passage (the excerpt shown)",
    refused: [],
    part: "quotes",
    // Same length, outside every marked passage: allowed, and inside the excerpt the page shows.
    edit: async (f, actor) => updateSource(actor, { ...(await sourceForm(f.sourceId)), snapshotText: f.text.replace("Vorspann.", "Vorwort!!") }, t.db),
    inWorking: async (f) => (await t.db.source.findUniqueOrThrow({ where: { id: f.sourceId } })).snapshotText!.startsWith("Vorwort!!"),
    shows: (v) => v.claim!.quotes[0]!.appearances[0]!.context!.before.startsWith("Vorwort!!") && v.claim!.passages[0]!.context!.before.startsWith("Vorwort!!"),
  },
  {
    name: "evidence: the excerpt",
    refused: ["contributor"],
    part: "evidence",
    edit: async (f, actor) => updateEvidence(actor, { ...(await evidenceForm(f.evidenceId)), excerpt: "Die Quote lag bei elf Prozent" }, t.db),
    inWorking: async (f) => (await t.db.evidence.findUniqueOrThrow({ where: { id: f.evidenceId } })).excerpt.includes("elf"),
    shows: (v) => v.claim!.evidence[0]!.excerpt === "Die Quote lag bei elf Prozent",
  },
  {
    name: "evidence: the note",
    refused: ["contributor"],
    part: "evidence",
    edit: async (f, actor) => updateEvidence(actor, { ...(await evidenceForm(f.evidenceId)), note: `Neue Notiz ${f.tag}` }, t.db),
    inWorking: async (f) => (await t.db.evidence.findUniqueOrThrow({ where: { id: f.evidenceId } })).note === `Neue Notiz ${f.tag}`,
    shows: (v, f) => v.claim!.evidence[0]!.note === `Neue Notiz ${f.tag}`,
  },
  {
    name: "the claimant's name",
    refused: ["contributor"],
    part: "claimant",
    edit: async (f, actor) => updateSpeaker(actor, { ...(await speakerForm(f.speakerId)), name: `Neuname ${f.tag}` }, t.db),
    inWorking: async (f) => (await t.db.speaker.findUniqueOrThrow({ where: { id: f.speakerId } })).name === `Neuname ${f.tag}`,
    shows: (v, f) =>
      v.claim!.claimant?.name === `Neuname ${f.tag}` &&
      v.claim!.quotes[0]!.speaker.name === `Neuname ${f.tag}` &&
      v.claimReview!.itemReviewed.author?.name === `Neuname ${f.tag}` &&
      v.speakerClaims!.items[0]!.claimant?.name === `Neuname ${f.tag}` &&
      v.speakerQuotes!.items[0]!.speaker.name === `Neuname ${f.tag}`,
    search: (f) => ({ q: `Sprecherin ${f.tag} Kampf`, type: "claims", contains: `Neuname ${f.tag}` }),
  },
];

const ROLES: RoleName[] = ["contributor", "editor", "reviewer", "admin"];

describe("no role changes a public page without an approval; the correction workflow publishes the change", () => {
  for (const kind of KINDS) {
    for (const role of ROLES) {
      const refused = kind.refused.includes(role);
      it(`${kind.name} × ${role}: ${refused ? "refused, nothing changes" : "working record only, public after the correction"}`, async () => {
        const f = await publishedFixture();
        const before = await publicView(f);
        expect(before.claim).not.toBeNull();
        expect(kind.shows(before, f)).toBe(false);
        const searchBefore = kind.search ? await found(kind.search(f).q) : null;

        if (refused) {
          const error = await kind.edit(f, actors[role]).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(ForbiddenError);
          expect(await kind.inWorking(f)).toBe(false);
          expect(await publicView(f)).toEqual(before);
          expect((await pendingPublicChanges(f.claimId, t.db))?.parts).toEqual([]);
          return;
        }

        await kind.edit(f, actors[role]);
        expect(await kind.inWorking(f)).toBe(true);
        // Readers get exactly what they got before the edit, everywhere.
        expect(await publicView(f)).toEqual(before);
        if (kind.search) {
          const s = kind.search(f);
          expect(await found(s.q)).toEqual(searchBefore);
          expect((await found(s.q))[s.type].some((hit) => hit.includes(s.contains))).toBe(false);
        }
        // The desk sees that the public page lags behind.
        expect((await pendingPublicChanges(f.claimId, t.db))?.parts).toContain(kind.part);

        const [proposer, approver] = correctors(role);
        const note = `Korrigiert: ${kind.name} (${f.tag}).`;
        await correct(f, proposer, approver, note);
        const after = await publicView(f);
        expect(kind.shows(after, f)).toBe(true);
        expect(after.claim!.status).toBe("corrected");
        expect(after.claim!.corrections.map((c) => c.note)).toEqual([note]);
        expect(after.claim!.verdict?.key).toBe("false");
        if (kind.search) {
          const s = kind.search(f);
          expect((await found(s.q))[s.type].some((hit) => hit.includes(s.contains))).toBe(true);
        }
        expect((await pendingPublicChanges(f.claimId, t.db))?.parts).toEqual([]);
      });
    }
  }
});

describe("the search reads only approved text", () => {
  it("finds a published quote by its approved words, not by words of an unapproved edit", async () => {
    const f = await publishedFixture();
    expect((await found(`Altwort${f.tag}`)).quotes).toEqual([`Wir haben den Kampf um Altwort${f.tag} gewonnen | Sprecherin ${f.tag}`]);
    await updateQuote(actors.contributor, { ...(await quoteForm(f.quoteId)), text: f.text.slice(f.altQuote.start, f.altQuote.end), appearances: [{ sourceId: f.sourceId, ...f.altQuote }] }, t.db);
    // The old words still find the approved quote, the new ones find nothing.
    expect((await found(`Altwort${f.tag}`)).quotes).toEqual([`Wir haben den Kampf um Altwort${f.tag} gewonnen | Sprecherin ${f.tag}`]);
    expect(await searchPublic({ q: `Neuwort${f.tag}` }, t.db)).toMatchObject({ total: 0, items: [] });
    expect((await searchPublic({ q: `Neuwort${f.tag}`, type: "quotes" }, t.db)).counts.quotes).toBe(0);
  });
});

describe("a quote shared by two public claims", () => {
  it("changes on each claim's page only with that claim's own correction", async () => {
    const f = await publishedFixture();
    // A second public claim with the same quote.
    const second = await createClaim(actors.editor, { text: `Zweite Behauptung ${f.tag}.`, claimantId: f.speakerId, quoteIds: [f.quoteId] }, t.db);
    await addEvidence(actors.editor, { claimId: second.id, sourceId: f.sourceId, stance: "refutes", excerpt: "Die Quote lag bei zehn Prozent" }, t.db);
    await updateVerdictFields(actors.editor, { claimId: second.id, version: await claimVersion(second.id), verdictId: verdicts.false, summary: "Nein." }, t.db);
    await transitionClaim(actors.editor, { claimId: second.id, version: await claimVersion(second.id), transition: "submit" }, t.db);
    await transitionClaim(actors.reviewer, { claimId: second.id, version: await claimVersion(second.id), transition: "approve" }, t.db);

    // The desk says where the quote and its source show.
    expect(await publicClaimsWithQuote(f.quoteId, t.db)).toBe(2);
    expect(await publicClaimsWithSource(f.sourceId, t.db)).toBe(2);

    await updateQuote(actors.contributor, { ...(await quoteForm(f.quoteId)), translations: [{ language: "en", text: `Shared newword${f.tag}` }] }, t.db);
    expect((await pendingPublicChanges(f.claimId, t.db))?.parts).toEqual(["quotes"]);
    expect((await pendingPublicChanges(second.id, t.db))?.parts).toEqual(["quotes"]);

    await correct(f, actors.editor, actors.reviewer, `Übersetzung berichtigt (${f.tag}).`);
    expect((await getPublicClaim(f.slug, t.db))!.quotes[0]!.translations[0]!.text).toBe(`Shared newword${f.tag}`);
    // The other claim's readers still see what its approval froze: its page gets no
    // correction note it never had.
    const other = await getPublicClaim(second.slug, t.db);
    expect(other!.quotes[0]!.translations[0]!.text).toBe(`We have won the fight for oldword${f.tag}`);
    expect(other!.corrections).toEqual([]);
    expect((await pendingPublicChanges(second.id, t.db))?.parts).toEqual(["quotes"]);
    // The speaker page lists the quote once, in the version approved last, on both claims.
    const page = await getPublicSpeakerPage(f.speakerSlug, {}, t.db);
    expect(page!.quotes.total).toBe(1);
    expect(page!.quotes.items[0]!.claims.map((c) => c.slug).sort()).toEqual([f.slug, second.slug].sort());
  });
});

describe("corrections", () => {
  it("are refused when nothing changed since the approval, and accepted for a change of the page alone", async () => {
    const f = await publishedFixture();
    expect(await refusalText(
      transitionClaim(actors.editor, { claimId: f.claimId, version: await claimVersion(f.claimId), transition: "propose_correction", note: "Nichts." }, t.db),
    )).toMatch(/unterscheidet sich nicht/);
    await updateEvidence(actors.editor, { ...(await evidenceForm(f.evidenceId)), note: "Genauer." }, t.db);
    await transitionClaim(actors.editor, { claimId: f.claimId, version: await claimVersion(f.claimId), transition: "propose_correction", note: "Notiz ergänzt." }, t.db);
    // Under review: the evidence is locked, readers still see the approved version.
    expect((await getPublicClaim(f.slug, t.db))!.evidence[0]!.note).toBe(`Alte Notiz ${f.tag}`);
    await expect(updateEvidence(actors.editor, { ...(await evidenceForm(f.evidenceId)), note: "Noch genauer." }, t.db)).rejects.toBeInstanceOf(TransitionError);
  });

  it("publish what the reviewer saw: an approval whose digest no longer matches is refused and changes nothing", async () => {
    const f = await publishedFixture();
    await updateEvidence(actors.editor, { ...(await evidenceForm(f.evidenceId)), note: "Genauer." }, t.db);
    await transitionClaim(actors.editor, { claimId: f.claimId, version: await claimVersion(f.claimId), transition: "propose_correction", note: "Notiz ergänzt." }, t.db);
    const seen = await approvalDigest(t.db, f.claimId);
    // A shared record changes after the reviewer loaded the page.
    await updateSource(actors.contributor, { ...(await sourceForm(f.sourceId)), title: `Untergeschoben ${f.tag}` }, t.db);
    const before = await publicView(f);
    const refused = await transitionClaim(
      actors.reviewer,
      { claimId: f.claimId, version: await claimVersion(f.claimId), transition: "approve", contentDigest: seen },
      t.db,
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TransitionError);
    expect(textOf(refused)).toMatch(/Seit Sie die Seite geladen haben/);
    expect(await publicView(f)).toEqual(before);
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: f.claimId } })).status).toBe("in_review");
    // With the digest of what is there now, it goes through, the new title included.
    const now = await approvalDigest(t.db, f.claimId);
    await transitionClaim(actors.reviewer, { claimId: f.claimId, version: await claimVersion(f.claimId), transition: "approve", contentDigest: now }, t.db);
    expect((await getPublicClaim(f.slug, t.db))!.evidence[0]!.source.title).toBe(`Untergeschoben ${f.tag}`);
  });

  it("keep every approved version: one publication per approval", async () => {
    const f = await publishedFixture();
    await updateEvidence(actors.editor, { ...(await evidenceForm(f.evidenceId)), note: "Zweite Fassung." }, t.db);
    await correct(f, actors.editor, actors.reviewer, "Zweite Fassung.");
    const publications = await t.db.claimPublication.findMany({ where: { claimId: f.claimId }, orderBy: { createdAt: "asc" } });
    expect(publications).toHaveLength(2);
    const notes = publications.map((p) => (p.content as { evidence: { note: string }[] }).evidence[0]!.note);
    expect(notes).toEqual([`Alte Notiz ${f.tag}`, "Zweite Fassung."]);
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: f.claimId } })).publicationId).toBe(publications[1]!.id);
    expect((await listPublicCorrections({}, t.db)).items.some((c) => c.note === "Zweite Fassung.")).toBe(true);
  });

  it("a retraction keeps the approved version, not the working one", async () => {
    const f = await publishedFixture();
    await updateEvidence(actors.editor, { ...(await evidenceForm(f.evidenceId)), note: "Nie freigegeben." }, t.db);
    await transitionClaim(actors.editor, { claimId: f.claimId, version: await claimVersion(f.claimId), transition: "retract", note: "Zurückgezogen." }, t.db);
    const page = await getPublicClaim(f.slug, t.db);
    expect(page!.status).toBe("retracted");
    expect(page!.evidence[0]!.note).toBe(`Alte Notiz ${f.tag}`);
  });
});

describe("speakers", () => {
  it("contributors cannot change a public speaker's bio, aliases or roles; editors, reviewers and admins can, at once", async () => {
    const f = await publishedFixture();
    const before = await getPublicSpeakerPage(f.speakerSlug, {}, t.db);
    const changes = [
      { bio: "Neue Kurzbiografie." },
      { aliases: [`Alias ${f.tag}`] },
      { roles: [{ title: "Ministerin", organization: undefined, startDate: new Date("2016-01-01T00:00:00Z"), endDate: undefined }] },
    ];
    for (const change of changes) {
      const error = await updateSpeaker(actors.contributor, { ...(await speakerForm(f.speakerId)), ...change }, t.db).catch((e: unknown) => e);
      expect(error, JSON.stringify(change)).toBeInstanceOf(ForbiddenError);
    }
    expect(await getPublicSpeakerPage(f.speakerSlug, {}, t.db)).toEqual(before);

    await updateSpeaker(actors.editor, { ...(await speakerForm(f.speakerId)), ...changes[0] }, t.db);
    await updateSpeaker(actors.reviewer, { ...(await speakerForm(f.speakerId)), ...changes[1] }, t.db);
    await updateSpeaker(actors.admin, { ...(await speakerForm(f.speakerId)), ...changes[2] }, t.db);
    const after = await getPublicSpeakerPage(f.speakerSlug, {}, t.db);
    expect(after!.speaker).toMatchObject({ bio: "Neue Kurzbiografie.", aliases: [`Alias ${f.tag}`], roles: [{ title: "Ministerin" }] });
  });

  it("contributors still edit speakers that have no public page", async () => {
    const { id } = await createSpeaker(actors.contributor, { name: `Unbekannt ${tag(counter++)}`, kind: "person", aliases: [], roles: [] }, t.db);
    await updateSpeaker(actors.contributor, { ...(await speakerForm(id)), bio: "Entwurf.", aliases: ["Noch privat"] }, t.db);
    expect((await getSpeakerForEdit(id, t.db))!.bio).toBe("Entwurf.");
  });

  it("a source shown only by an approved version still counts as shown on the public claim", async () => {
    const f = await publishedFixture();
    const other = await createSource(actors.editor, { kind: "other", title: `Andere Quelle ${f.tag}`, language: "de" }, t.db);
    expect(await publicClaimsWithSource(other.id, t.db)).toBe(0);
    // The working claim drops the source entirely (passage and evidence go, the quote moves).
    await updateClaim(actors.editor, { ...(await claimForm(f.claimId)), passages: [] }, t.db);
    await updateEvidence(actors.editor, { ...(await evidenceForm(f.evidenceId)), sourceId: other.id, excerpt: "Irgendwas" }, t.db);
    await updateQuote(actors.editor, { ...(await quoteForm(f.quoteId)), appearances: [] }, t.db);
    expect(await t.db.claim.count({ where: { id: f.claimId, OR: [{ passages: { some: { sourceId: f.sourceId } } }, { evidence: { some: { sourceId: f.sourceId } } }] } })).toBe(0);
    expect(await publicClaimsWithSource(f.sourceId, t.db)).toBe(1);
    expect(await publicClaimsWithSource(other.id, t.db)).toBe(1);
  });

  it("a speaker or topic named only by an approved version cannot be deleted", async () => {
    const f = await publishedFixture();
    // The working quote moves to another speaker, the working claim drops its topic.
    const other = await createSpeaker(actors.editor, { name: `Andere ${f.tag}`, kind: "person", aliases: [], roles: [] }, t.db);
    await updateQuote(actors.editor, { ...(await quoteForm(f.quoteId)), speakerId: other.id }, t.db);
    const topic = await t.db.topic.create({ data: { slug: `thema-${f.tag}`, nameDe: `Thema ${f.tag}`, nameEn: `Topic ${f.tag}` } });
    await updateClaim(actors.editor, { ...(await claimForm(f.claimId)), topicIds: [topic.id] }, t.db);
    await correct(f, actors.editor, actors.reviewer, "Thema und Sprecher berichtigt.");
    expect((await getPublicTopic(topic.slug, {}, t.db))?.claims.total).toBe(1);
    await updateQuote(actors.editor, { ...(await quoteForm(f.quoteId)), speakerId: f.speakerId }, t.db);
    await updateClaim(actors.editor, { ...(await claimForm(f.claimId)), topicIds: [] }, t.db);
    // The working records no longer name them; the public page still does.
    const speaker = (await getSpeakerForEdit(other.id, t.db))!;
    await expect(deleteSpeaker(actors.editor, { id: other.id, version: speaker.version }, t.db)).rejects.toBeInstanceOf(ValidationError);
    const topicRow = await t.db.topic.findUniqueOrThrow({ where: { id: topic.id } });
    await expect(deleteTopic(actors.admin, { id: topic.id, version: topicRow.version }, t.db)).rejects.toBeInstanceOf(DomainError);
    expect((await getPublicClaim(f.slug, t.db))!.quotes[0]!.speaker.slug).toBe(speaker.slug);
  });
});

describe("claims published before publications existed (upgrade)", () => {
  it("are frozen at the start from what their pages showed, once", async () => {
    const fixtures = [await publishedFixture(), await publishedFixture(), await publishedFixture(), await publishedFixture()];
    const f = fixtures[0]!;
    const shown: (PublicClaim | null)[] = [];
    for (const x of fixtures) shown.push(await getPublicClaim(x.slug, t.db));
    // As an older version left them: public, no publication.
    for (const x of fixtures) {
      await t.db.claim.update({ where: { id: x.claimId }, data: { publicationId: null } });
      await t.db.claimPublication.deleteMany({ where: { claimId: x.claimId } });
      await t.db.publishedQuote.deleteMany({ where: { claimId: x.claimId } });
      await t.db.publishedClaimTopic.deleteMany({ where: { claimId: x.claimId } });
    }
    // Until it is frozen, nothing unapproved can show: the claim is not public at all.
    expect(await getPublicClaim(f.slug, t.db)).toBeNull();
    expect(await freezeMissingPublications(t.db)).toBe(fixtures.length);
    for (const [i, x] of fixtures.entries()) expect(await getPublicClaim(x.slug, t.db)).toEqual(shown[i]);
    expect(await freezeMissingPublications(t.db)).toBe(0);
    // Recorded in the claim's history as a change by nobody.
    const last = await t.db.revision.findFirstOrThrow({ where: { entityType: "Claim", entityId: f.claimId }, orderBy: { id: "desc" } });
    expect(last.userId).toBeNull();
    expect(Object.keys(last.changes as object)).toEqual(["publicationId"]);
  });

  it("the demo data is published through the workflow: every public claim has its publication", async () => {
    expect(await t.db.claim.count({ where: { publicState: { not: null }, publicationId: null } })).toBe(0);
    expect(await t.db.claim.count({ where: { publicState: null, publicationId: { not: null } } })).toBe(0);
  });
});
