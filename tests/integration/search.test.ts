// The public search (lib/public/search) on the demo data, plus a few claims published here:
// German and English stemming, accents and case, ranking (a speaker's name first), the
// typo-tolerant fallback, filters, pagination, snippets, and that nothing private is found.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { bootstrap } from "../../lib/seed/bootstrap";
import { loadSettings } from "../../lib/config";
import type { Db } from "../../lib/db/client";
import {
  SEARCH_PAGE_SIZE,
  normalizeSearchInput,
  parseSearchParams,
  parseSnippet,
  searchPublic,
  listSearchFilters,
  refreshSearchWords,
  editDistance,
  type SearchHit,
  type SearchInput,
  type Snippet,
} from "../../lib/public/search";
import { freezeMissingPublications } from "../../lib/editorial/publication";

/** A word found nowhere but in private places. */
const SECRET = "Geheimwortzwetschge";

const ENGLISH_CLAIM = "The Islamic State has lost almost all of the territories it once controlled in Syria.";
const ACCENT_CLAIM = "Außenminister Sergej Lawrow traf José Ramírez zu Gesprächen über die Waffenruhe.";
const MARKUP_CLAIM = "Ein Text mit \uE000Steuerzeichen\uE001 und <b>Fettdruck</b> für den Suchtest.";

const text = (s: Snippet | null) => (s ?? []).map((x) => x.text).join("");
const marked = (s: Snippet | null) => (s ?? []).filter((x) => x.hit).map((x) => x.text);

function label(hit: SearchHit): string {
  if (hit.type === "claim") return `claim:${text(hit.text)}`;
  if (hit.type === "quote") return `quote:${text(hit.text)}`;
  return `speaker:${hit.slug}`;
}

describe("lib/public/search", () => {
  let t: TestDatabase;
  let db: Db;
  const search = (input: SearchInput) => searchPublic(input, db);

  beforeAll(async () => {
    t = await createTestDatabase();
    db = t.db;
    await bootstrap(db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));

    const verdict = async (key: string) => (await db.verdictLabel.findUniqueOrThrow({ where: { key } })).id;
    const speaker = async (slug: string) => (await db.speaker.findUniqueOrThrow({ where: { slug } })).id;
    const claimStarting = (start: string) => db.claim.findFirstOrThrow({ where: { text: { startsWith: start } } });
    const publish = (id: string, publishedAt: string, key: string) =>
      verdict(key).then((publishedVerdictId) =>
        db.claim.update({
          where: { id },
          data: { status: "published", publicState: "published", publishedAt: new Date(publishedAt), publishedVerdictId },
        }),
      );

    // Private words in the working columns of a published claim (c1), the text of a draft
    // (c8), a quote attached only to that draft, and the bio of a speaker with nothing public.
    const c1 = await claimStarting("Allerdings hat der IS");
    await db.claim.update({
      where: { id: c1.id },
      data: { summary: `${SECRET} summary`, analysis: `${SECRET} analysis`, researchNotes: `${SECRET} notes`, verdictId: await verdict("false") },
    });
    const c8 = await claimStarting("Die Außenminister Rex Tillerson");
    await db.claim.update({ where: { id: c8.id }, data: { text: `${c8.text} ${SECRET}` } });
    const draftQuote = await db.quote.findFirstOrThrow({ where: { text: { startsWith: "Die Außenminister Rex Tillerson" } } });
    await db.quote.update({ where: { id: draftQuote.id }, data: { text: `${draftQuote.text} ${SECRET}` } });
    await db.speaker.update({ where: { slug: "dmitri-peskow" }, data: { bio: `Kremlsprecher. ${SECRET}` } });

    // Putin becomes public: c2 mentions him, c6 is his own claim (with his quote q7).
    await publish((await claimStarting("Trump und Putin haben bislang")).id, "2017-11-18T09:00:00Z", "half-true");
    await publish((await claimStarting("Der Kremlchef wies zurück")).id, "2017-11-19T09:00:00Z", "unverifiable");

    // Claims of our own: English; accented names; control characters and markup; and 25
    // claims for the pagination.
    const agency = await speaker("nachrichtenagentur");
    const syria = await db.topic.findUniqueOrThrow({ where: { slug: "syrien" } });
    const base = { status: "published" as const, publicState: "published" as const, claimantId: agency };
    await db.claim.create({
      data: {
        ...base,
        slug: "test-english",
        text: ENGLISH_CLAIM,
        language: "en",
        // 23:30 UTC is already the 21st in Berlin: the date filter goes by the newsroom's day.
        publishedAt: new Date("2017-11-20T23:30:00Z"),
        publishedVerdictId: await verdict("mostly-true"),
        topics: { create: [{ topicId: syria.id }] },
      },
    });
    await db.claim.create({
      data: { ...base, slug: "test-accents", text: ACCENT_CLAIM, publishedAt: new Date("2017-12-01T10:00:00Z"), publishedVerdictId: await verdict("true") },
    });
    await db.claim.create({
      data: { ...base, slug: "test-markup", text: MARKUP_CLAIM, publishedAt: new Date("2017-12-02T10:00:00Z") },
    });
    await db.claim.createMany({
      data: Array.from({ length: 25 }, (_, i) => ({
        ...base,
        slug: `test-page-${i}`,
        text: `Seitenprobe ${i}: eine Aussage für den Blättertest.`,
        publishedAt: new Date(Date.UTC(2018, 0, 1 + i)),
      })),
    });
    // Published around the workflow: frozen as an upgrade freezes such claims (bootstrap).
    await freezeMissingPublications(db);
    // What the desk's actions do after a public change (lib/public/revalidate.ts).
    await refreshSearchWords(db);
  });

  afterAll(async () => {
    await t?.stop();
  });

  it("finds the 95 % claim through German stemming, with the match marked", async () => {
    for (const q of ["Herrschaftsgebiet", "Herrschaftsgebiete", "Herrschaftsgebieten", "IS Herrschaftsgebiet Syrien"]) {
      const result = await search({ q });
      expect(result.fallback, q).toBe(false);
      const first = result.items[0];
      expect(first?.type, q).toBe("claim");
      expect(first && label(first), q).toBe("claim:Allerdings hat der IS bereits 95 Prozent seines Herrschaftsgebietes in Syrien und im Irak verloren.");
    }
    const [hit] = (await search({ q: "Herrschaftsgebiet" })).items;
    if (hit?.type !== "claim") throw new Error("expected a claim");
    expect(marked(hit.text)).toEqual(["Herrschaftsgebietes"]);
    expect(hit.verdict?.key).toBe("mostly-true");
    expect(hit.claimant?.slug).toBe("nachrichtenagentur");
  });

  it("stems English (and finds the English claim)", async () => {
    for (const q of ["territory", "controlling territories", "control"]) {
      const result = await search({ q });
      expect(result.items.map(label), q).toContain(`claim:${ENGLISH_CLAIM}`);
      expect(result.fallback, q).toBe(false);
    }
    const hit = (await search({ q: "territory" })).items.find((h) => h.type === "claim");
    expect(hit?.type === "claim" && marked(hit.text)).toEqual(["territories"]);
  });

  it("ignores accents and case, and marks the word as it is written", async () => {
    for (const q of ["herrschaftsgebíet", "HERRSCHAFTSGEBIET"]) {
      expect((await search({ q })).items.map(label), q).toContain(
        "claim:Allerdings hat der IS bereits 95 Prozent seines Herrschaftsgebietes in Syrien und im Irak verloren.",
      );
    }
    for (const q of ["Lawrów", "lawrow", "Aussenminister Lawrow", "jose ramirez", "RAMÍREZ", "Josè"]) {
      const result = await search({ q });
      expect(result.items.map(label), q).toEqual([`claim:${ACCENT_CLAIM}`]);
      expect(result.fallback, q).toBe(false);
    }
    const [hit] = (await search({ q: "jose ramirez aussenminister" })).items;
    expect(hit?.type === "claim" && marked(hit.text)).toEqual(["Außenminister", "José", "Ramírez"]);
    // Umlauts: "auslandischer" is "ausländischer".
    expect((await search({ q: "auslandischer Agent" })).items.map(label)).toEqual([
      "claim:Der RT-Ableger in den USA muss sich als sogenannter ausländischer Agent registrieren lassen.",
    ]);
  });

  it("ranks a speaker whose name or alias is the query above claims and quotes", async () => {
    for (const q of ["Putin", "putin", "Wladimir Putin", "Kremlchef", "Vladimir Putin"]) {
      const result = await search({ q });
      expect(result.items[0] && label(result.items[0]), q).toBe("speaker:wladimir-putin");
      expect(result.fallback, q).toBe(false);
    }
    const putin = await search({ q: "Putin" });
    // The claim that names him comes after his page.
    expect(putin.items.map(label)).toContain("claim:Trump und Putin haben bislang nur beim G20-Gipfel in Hamburg im Juli ein längeres Gespräch geführt.");
    const [speaker] = putin.items;
    expect(speaker?.type === "speaker" && marked(speaker.name)).toEqual(["Putin"]);
    const viaAlias = (await search({ q: "Kremlchef" })).items[0];
    expect(viaAlias?.type === "speaker" && marked(viaAlias.alias)).toEqual(["Kremlchef"]);
  });

  it("falls back to similar spellings when full text finds nothing, and says so", async () => {
    const typo = await search({ q: "Herschaftsgebiet" });
    expect(typo.fallback).toBe(true);
    expect(typo.items.map(label)).toContain("claim:Allerdings hat der IS bereits 95 Prozent seines Herrschaftsgebietes in Syrien und im Irak verloren.");
    expect(typo.suggestion).toBe("Herrschaftsgebietes");
    const hit = typo.items.find((h) => h.type === "claim" && text(h.text).includes("95 Prozent"));
    expect(hit?.type === "claim" && marked(hit.text)).toEqual(["Herrschaftsgebietes"]);

    const kreml = await search({ q: "Kremlchev" });
    expect(kreml.fallback).toBe(true);
    expect(kreml.items[0] && label(kreml.items[0])).toBe("speaker:wladimir-putin");
    expect(kreml.suggestion).toBe("Kremlchef");

    // A swapped pair of letters, spelt again from the vocabulary of the public texts.
    const swapped = await search({ q: "Herrschaftsgebeites" });
    expect(swapped.fallback).toBe(true);
    expect(swapped.suggestion).toBe("Herrschaftsgebietes");
    expect(swapped.items.map(label)).toContain("claim:Allerdings hat der IS bereits 95 Prozent seines Herrschaftsgebietes in Syrien und im Irak verloren.");
    // Every word is spelt again; when no text has all of them, texts with any of them.
    const twoWords = await search({ q: "Herrschaftsgebeites Seitenprobbe" });
    expect(twoWords.fallback).toBe(true);
    expect(twoWords.counts.claims).toBeGreaterThan(25);
    // Far from any word of the texts: "Scholz" is not "school" (one edit in four letters).
    expect(editDistance("scholz", "school")).toBe(2);
    expect(editDistance("migartion", "migration")).toBe(1);
    expect(editDistance("kremlchev", "kremlchef")).toBe(1);

    // Found exactly: no fallback. Nothing similar either: an empty result, not a fallback.
    expect((await search({ q: "Herrschaftsgebiet" })).fallback).toBe(false);
    const nothing = await search({ q: "Xylophonquartett" });
    expect(nothing).toMatchObject({ fallback: false, total: 0, items: [], suggestion: null });
  });

  it("keeps a vocabulary of public words only, and follows publication", async () => {
    const words = async (like: string) =>
      (await db.$queryRawUnsafe<{ word: string }[]>(`SELECT word FROM "SearchWord" WHERE word LIKE $1`, like)).map((r) => r.word);
    // The secret is in a published claim's working columns, a draft, a draft's quote, a bio.
    expect(await words("geheimwort%")).toEqual([]);
    expect(await words("herrschaftsgebietes")).toEqual(["herrschaftsgebietes"]);
    expect((await search({ q: "Geheimwortzwetschke" })).counts.all).toBe(0);

    const claim = await db.claim.create({
      data: { slug: "test-vocabulary", text: "Die Quittenmarmelade ist teurer geworden.", status: "draft", claimantId: (await db.speaker.findFirstOrThrow()).id },
    });
    await refreshSearchWords(db);
    expect(await words("quittenmarmelade")).toEqual([]);
    await db.claim.update({ where: { id: claim.id }, data: { status: "published", publicState: "published", publishedAt: new Date("2018-03-01T10:00:00Z") } });
    await freezeMissingPublications(db);
    await refreshSearchWords(db);
    expect(await words("quittenmarmelade")).toEqual(["quittenmarmelade"]);
    const typo = await search({ q: "Quittenmarmalade" });
    expect(typo).toMatchObject({ fallback: true, suggestion: "Quittenmarmelade" });
    await db.claim.delete({ where: { id: claim.id } });
    await refreshSearchWords(db);
  });

  it("finds nothing for a query of stopwords", async () => {
    for (const q of ["der", "und die", "the"]) {
      const result = await search({ q });
      expect(result.counts.all, q).toBe(0);
      expect(result.fallback, q).toBe(false);
    }
  });

  it("never finds private text, drafts, or quotes and speakers without a public item", async () => {
    for (const q of [SECRET, SECRET.toLowerCase(), "Geheimwortzwetschgen", "Geheimwortzwetsche"]) {
      const result = await search({ q });
      expect(result.counts, q).toEqual({ all: 0, claims: 0, quotes: 0, speakers: 0 });
      expect(JSON.stringify({ ...result, query: null }), q).not.toContain(SECRET);
    }
    // The draft c8, its quote and Tillerson (who appears in nothing public).
    for (const q of ["Tillerson", "Papier ausgehandelt", "Rex Tillerson"]) {
      expect((await search({ q })).counts.all, q).toBe(0);
    }
    // c5 is in review, c3 in research: not public.
    expect((await search({ q: "Assad" })).counts.all).toBe(0);
    expect((await search({ q: "gespannt Jahrzehnten" })).counts.all).toBe(0);
    // Peskow says only the draft's quote: no public page, so not a result.
    expect((await search({ q: "Peskow" })).items.map(label)).not.toContain("speaker:dmitri-peskow");
    // The working verdict (false) of c1 is not its published one.
    const c1 = (await search({ q: "Herrschaftsgebiet", verdict: "false" })).counts.all;
    expect(c1).toBe(0);
  });

  it("filters by verdict, speaker, topic and date, and by type", async () => {
    const all = await search({ q: "", verdict: "true" });
    expect(all.items.map(label)).toEqual(
      expect.arrayContaining([
        `claim:${ACCENT_CLAIM}`,
        "claim:Der RT-Ableger in den USA muss sich als sogenannter ausländischer Agent registrieren lassen.",
        "claim:Die entsprechende Resolution Nr. 2254 des UN-Sicherheitsrates sehe eine Verfassungsreform und freie und gerechte Wahlen vor",
        // The quote of the joint statement, through the claim it is attached to.
        "quote:Die entsprechende Resolution Nr. 2254 des UN-Sicherheitsrates sehe eine Verfassungsreform und freie und gerechte Wahlen vor",
      ]),
    );
    expect(all.items.every((h) => h.type !== "claim" || h.verdict?.key === "true")).toBe(true);
    expect(all.counts.speakers).toBe(0);

    const quote = all.items.find((h) => h.type === "quote");
    expect(quote?.type === "quote" && quote.claim.slug).toBe("die-entsprechende-resolution-nr-2254-des-un-sicherheitsrates-sehe-eine");

    // Speaker: claimant of claims, speaker of quotes.
    const putin = await search({ q: "Russland", speaker: "wladimir-putin" });
    expect(putin.items.map(label)).toEqual([
      "quote:Alles, was mit dem sogenannten Russland-Dossier in den USA verbunden ist, ist Ausdruck eines andauernden innenpolitischen Kampfes.",
    ]);
    const putinClaims = await search({ q: "", speaker: "wladimir-putin", type: "claims" });
    expect(putinClaims.items.map(label)).toEqual([
      "claim:Der Kremlchef wies zurück, dass Moskau sich 2016 in die US-Wahl eingemischt und Trump zum Sieg verholfen habe.",
    ]);
    expect(putinClaims.speaker).toEqual({ slug: "wladimir-putin", name: "Wladimir Putin" });
    // The field takes a name or an alias as a reader types it.
    for (const typed of ["Wladimir Putin", "wladimir putin", "Kremlchef", "  putin "]) {
      const byName = await search({ q: "", speaker: typed, type: "claims" });
      expect(byName.speaker?.slug, typed).toBe("wladimir-putin");
      expect(byName.items.map(label), typed).toEqual(putinClaims.items.map(label));
    }
    // Nobody public by that name: nothing, and the result says so. A speaker with nothing
    // public is nobody here either.
    const nobody = await search({ q: "", speaker: "Niemand Unbekannt" });
    expect(nobody).toMatchObject({ speaker: null, total: 0 });
    expect((await search({ q: "", speaker: "Dmitri Peskow" })).speaker).toBeNull();

    const topic = await search({ q: "", topic: "terrorismus" });
    expect(topic.items.map(label)).toEqual([
      "claim:Allerdings hat der IS bereits 95 Prozent seines Herrschaftsgebietes in Syrien und im Irak verloren.",
    ]);
    const syria = await search({ q: "Syria", topic: "syrien" });
    expect(syria.items.map(label)).toEqual([`claim:${ENGLISH_CLAIM}`]);

    // Dates: publishedAt of claims, in the newsroom's days; saidOn of quotes.
    const day15 = await search({ q: "", from: "2017-11-15", to: "2017-11-15" });
    expect(day15.items.map(label)).toEqual([
      "claim:Der RT-Ableger in den USA muss sich als sogenannter ausländischer Agent registrieren lassen.",
    ]);
    expect((await search({ q: "territory", to: "2017-11-20" })).counts.all).toBe(0);
    expect((await search({ q: "territory", from: "2017-11-21", to: "2017-11-21" })).items.map(label)).toEqual([`claim:${ENGLISH_CLAIM}`]);
    const said = await search({ q: "Russland", from: "2017-11-11", to: "2017-11-11", type: "quotes" });
    expect(said.items.length).toBeGreaterThan(0);
    expect(said.items.every((h) => h.type === "quote" && h.saidOn?.toISOString() === "2017-11-11T00:00:00.000Z")).toBe(true);

    // Type tabs: the items are of one type, the counts of all.
    const speakers = await search({ q: "Putin", type: "speakers" });
    expect(speakers.items.map(label)).toEqual(["speaker:wladimir-putin"]);
    expect(speakers.total).toBe(1);
    expect(speakers.counts.claims).toBeGreaterThan(0);
    expect(speakers.counts.all).toBe(speakers.counts.claims + speakers.counts.quotes + speakers.counts.speakers);
  });

  it("pages 20 at a time with a total count", async () => {
    const first = await search({ q: "Seitenprobe" });
    expect(first.total).toBe(25);
    expect(first.pageCount).toBe(2);
    expect(first.items).toHaveLength(SEARCH_PAGE_SIZE);
    const second = await search({ q: "Seitenprobe", page: 2 });
    expect(second.items).toHaveLength(5);
    const labels = [...first.items, ...second.items].map(label);
    expect(new Set(labels).size).toBe(25);
    const beyond = await search({ q: "Seitenprobe", page: 3 });
    expect(beyond).toMatchObject({ items: [], total: 25, page: 3 });
    // Filters only, no query: every public claim, newest first, also paged.
    const browse = await search({ q: "", topic: null, verdict: null, from: "2018-01-01" });
    expect(browse.total).toBe(25);
    expect(browse.items[0] && label(browse.items[0])).toBe("claim:Seitenprobe 24: eine Aussage für den Blättertest.");
  });

  it("returns snippets as text segments: markup and marker characters stay text", async () => {
    const [hit] = (await search({ q: "Fettdruck" })).items;
    if (hit?.type !== "claim") throw new Error("expected a claim");
    expect(marked(hit.text)).toEqual(["Fettdruck"]);
    // The marker characters in the stored text are dropped, never turned into marks.
    expect(text(hit.text)).toBe(MARKUP_CLAIM.replace(/[\uE000\uE001]/g, ""));
    expect(parseSnippet("a \uE000b\uE001 c")).toEqual([
      { text: "a ", hit: false },
      { text: "b", hit: true },
      { text: " c", hit: false },
    ]);
  });

  it("reads its input defensively", async () => {
    expect(await search({})).toMatchObject({ searched: false, items: [], total: 0 });
    expect(await search({ q: "   " })).toMatchObject({ searched: false });
    expect(normalizeSearchInput({ q: ` a\u0000b ${"x".repeat(500)}`, from: "2017-02-30", to: "gestern", page: -3 })).toMatchObject({
      q: `a b ${"x".repeat(196)}`,
      from: null,
      to: null,
      page: 1,
    });
    expect(parseSearchParams({ q: ["Putin", "x"], type: "bogus", page: "2" })).toMatchObject({ q: "Putin", type: "all", page: 2 });
    // Query syntax and punctuation never break the SQL.
    for (const q of ["'; DROP TABLE \"Claim\"; --", '"freie Wahlen', "Putin -Trump", "(a|b)&!c:*", "\\"]) {
      await expect(search({ q }), q).resolves.toMatchObject({ searched: true });
    }
    expect((await search({ q: '"freie und gerechte Wahlen"' })).counts.claims).toBe(1);
  });

  it("lists the filter choices from public data", async () => {
    const options = await listSearchFilters(db);
    expect(options.verdicts.map((v) => v.key)).toContain("mostly-true");
    expect(options.topics.map((t) => t.slug)).toContain("terrorismus");
    expect(options.speakers.map((s) => s.slug)).toContain("wladimir-putin");
    expect(options.speakers.map((s) => s.slug)).not.toContain("dmitri-peskow");
    expect(options.speakers.map((s) => s.slug)).not.toContain("rex-tillerson");
  });
});
