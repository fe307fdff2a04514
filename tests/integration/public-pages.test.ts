// lib/public's reads for the speaker, topic, methodology and corrections pages: public items
// only, paginated, and no private column. Runs on the demo data plus a speaker of its own
// with claims in every public state, a draft, quotes and planted private values.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { bootstrap } from "../../lib/seed/bootstrap";
import { loadSettings } from "../../lib/config";
import {
  getPublicSpeakerPage,
  getPublicTopic,
  getVerdictScale,
  listPublicCorrections,
  listPublicTopics,
} from "../../lib/public";
import type { Db } from "../../lib/db/client";
import type { PublicState } from "../../lib/generated/prisma/enums";
import { freezeMissingPublications } from "../../lib/editorial/publication";
import { isLocalizedPath, languageAlternates, localeHref, prefersEnglish, splitLocale } from "../../lib/i18n";

const SECRET = "GEHEIM-0815";

describe("lib/public: speaker, topic, methodology and corrections pages", () => {
  let t: TestDatabase;
  let db: Db;
  const label = async (key: string) => db.verdictLabel.findUniqueOrThrow({ where: { key } });
  let claimIds: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDatabase();
    db = t.db;
    await bootstrap(db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));

    // Private values in every working column of every claim, and the working verdict "false".
    const wrong = await label("false");
    await db.claim.updateMany({
      data: { summary: `${SECRET} summary`, analysis: `${SECRET} analysis`, researchNotes: `${SECRET} notes`, verdictId: wrong.id },
    });

    // A speaker of our own: four public claims (true, true, misleading, retracted false), one
    // without a verdict, one draft, and three quotes on public claims plus one on the draft.
    const speaker = await db.speaker.create({
      data: { slug: "test-sprecherin", name: "Test-Sprecherin", bio: "Eine Sprecherin für Tests." },
    });
    const topic = await db.topic.create({
      data: { slug: "testthema", nameDe: "Testthema", nameEn: "Test topic", descriptionDe: "Zum Testen.", descriptionEn: null },
    });
    await db.topic.create({ data: { slug: "leeres-thema", nameDe: "Leeres Thema", nameEn: "Empty topic" } });
    const draftOnly = await db.topic.create({ data: { slug: "nur-entwurf", nameDe: `${SECRET} Recherche`, nameEn: "Draft only" } });

    const plans: { key: string; state: PublicState | null; verdict: string | null; day: number }[] = [
      { key: "a", state: "published", verdict: "true", day: 1 },
      { key: "b", state: "corrected", verdict: "true", day: 2 },
      { key: "c", state: "published", verdict: "misleading", day: 3 },
      { key: "d", state: "retracted", verdict: "false", day: 4 },
      { key: "e", state: "published", verdict: null, day: 5 },
      { key: "f", state: null, verdict: null, day: 6 },
    ];
    for (const plan of plans) {
      const published = plan.verdict ? await label(plan.verdict) : null;
      const claim = await db.claim.create({
        data: {
          slug: `testaussage-${plan.key}`,
          text: `Testaussage ${plan.key}`,
          status: plan.state ?? "draft",
          claimantId: speaker.id,
          summary: `${SECRET} working summary`,
          verdictId: wrong.id,
          publicState: plan.state,
          publishedVerdictId: plan.state ? (published?.id ?? null) : null,
          publishedSummary: plan.state ? `Öffentliche Zusammenfassung ${plan.key}` : null,
          publishedAt: plan.state ? new Date(Date.UTC(2030, 0, plan.day)) : null,
          publicUpdatedAt: plan.state ? new Date(Date.UTC(2030, 0, plan.day)) : null,
          topics: { create: [{ topicId: topic.id }, ...(plan.state ? [] : [{ topicId: draftOnly.id }])] },
        },
      });
      claimIds[plan.key] = claim.id;
    }
    for (const [i, claimKey] of ["a", "b", "c", "f"].entries()) {
      await db.quote.create({
        data: {
          speakerId: speaker.id,
          text: claimKey === "f" ? `${SECRET} Zitat` : `Zitat ${i}`,
          saidOn: new Date(Date.UTC(2029, 11, 1 + i)),
          claims: { create: { claimId: claimIds[claimKey]! } },
        },
      });
    }

    // Corrections: two published (one a retraction), one unpublished, and one "published" on
    // a claim that is not public (must not show).
    await db.correction.create({
      data: { claimId: claimIds.b!, kind: "correction", note: "Korrigiert: Zahl berichtigt.", publishedAt: new Date(Date.UTC(2030, 1, 1)) },
    });
    await db.correction.create({
      data: { claimId: claimIds.d!, kind: "retraction", note: "Zurückgezogen: Quelle unhaltbar.", publishedAt: new Date(Date.UTC(2030, 1, 2)) },
    });
    await db.correction.create({ data: { claimId: claimIds.c!, kind: "correction", note: `${SECRET} Entwurf einer Korrektur` } });
    await db.correction.create({
      data: { claimId: claimIds.f!, kind: "correction", note: `${SECRET} am Entwurf`, publishedAt: new Date(Date.UTC(2030, 1, 3)) },
    });
    // The claims were made public around the workflow: frozen as an upgrade freezes them.
    await freezeMissingPublications(db);
  });

  afterAll(async () => {
    await t?.stop();
  });

  it("lists only topics with a public claim, counting only public claims", async () => {
    const topics = await listPublicTopics(db);
    const slugs = topics.map((x) => x.slug);
    expect(slugs).toContain("testthema");
    expect(slugs).toContain("syrien");
    expect(slugs).not.toContain("leeres-thema");
    expect(slugs).not.toContain("nur-entwurf");
    // The demo publishes Putin's denial (c6) and Trump's claim from his quote, both tagged "us-wahl-2016".
    expect(slugs).toContain("us-wahl-2016");
    expect(topics.find((x) => x.slug === "testthema")!.claimCount).toBe(5);
    for (const topic of topics) {
      const expected = await db.claim.count({ where: { publicState: { not: null }, topics: { some: { topic: { slug: topic.slug } } } } });
      expect(topic.claimCount, topic.slug).toBe(expected);
    }
    expect(JSON.stringify(topics)).not.toContain(SECRET);
  });

  it("pages through a topic's public claims, newest first", async () => {
    const first = await getPublicTopic("testthema", { page: 1, pageSize: 2 }, db);
    expect(first?.topic).toEqual({ slug: "testthema", nameDe: "Testthema", nameEn: "Test topic", descriptionDe: "Zum Testen.", descriptionEn: null });
    expect(first!.claims.total).toBe(5);
    expect(first!.claims.pageCount).toBe(3);
    expect(first!.claims.items.map((c) => c.slug)).toEqual(["testaussage-e", "testaussage-d"]);
    const third = await getPublicTopic("testthema", { page: 3, pageSize: 2 }, db);
    expect(third!.claims.items.map((c) => c.slug)).toEqual(["testaussage-a"]);
    const beyond = await getPublicTopic("testthema", { page: 9, pageSize: 2 }, db);
    expect(beyond!.claims.items).toEqual([]);
    expect(JSON.stringify([first, third])).not.toContain(SECRET);

    expect(await getPublicTopic("leeres-thema", {}, db)).toBeNull();
    expect(await getPublicTopic("nur-entwurf", {}, db)).toBeNull();
    expect(await getPublicTopic("gibt-es-nicht", {}, db)).toBeNull();
    expect(await getPublicTopic("", {}, db)).toBeNull();
  });

  it("publishes the active verdict scale in order, with bestRating and worstRating", async () => {
    const scale = await getVerdictScale(db);
    expect(scale.labels.map((l) => l.key)).toEqual(["true", "mostly-true", "half-true", "misleading", "mostly-false", "false", "unverifiable"]);
    expect(scale.bestRating).toBe(6);
    expect(scale.worstRating).toBe(1);
    expect(scale.labels[0]).toMatchObject({ nameDe: "richtig", nameEn: "true", ratingValue: 6 });
    expect(scale.labels.every((l) => l.explanationDe && l.explanationEn)).toBe(true);
    expect(Object.keys(scale.labels[0]!).sort()).toEqual(["explanationDe", "explanationEn", "key", "nameDe", "nameEn", "ratingValue"]);

    // An inactive label is not on the published scale.
    await db.verdictLabel.update({ where: { key: "half-true" }, data: { active: false } });
    try {
      expect((await getVerdictScale(db)).labels.map((l) => l.key)).not.toContain("half-true");
    } finally {
      await db.verdictLabel.update({ where: { key: "half-true" }, data: { active: true } });
    }
  });

  it("lists every published correction and retraction of a public claim, newest first", async () => {
    const page = await listPublicCorrections({ page: 1, pageSize: 20 }, db);
    expect(page.total).toBe(2);
    expect(page.items.map((c) => [c.kind, c.claim.slug])).toEqual([
      ["retraction", "testaussage-d"],
      ["correction", "testaussage-b"],
    ]);
    expect(page.items[0]).toEqual({
      kind: "retraction",
      note: "Zurückgezogen: Quelle unhaltbar.",
      publishedAt: new Date(Date.UTC(2030, 1, 2)),
      claim: { slug: "testaussage-d", text: "Testaussage d", language: "de" },
    });
    expect(JSON.stringify(page)).not.toContain(SECRET);

    const second = await listPublicCorrections({ page: 2, pageSize: 1 }, db);
    expect(second.pageCount).toBe(2);
    expect(second.items.map((c) => c.claim.slug)).toEqual(["testaussage-b"]);
  });

  it("gives a speaker page with paginated claims and quotes and the verdicts that stand", async () => {
    const page = await getPublicSpeakerPage("test-sprecherin", { claimPage: 1, quotePage: 1, pageSize: 2 }, db);
    expect(page).not.toBeNull();
    const { speaker, claims, quotes, verdicts } = page!;
    expect(speaker).toMatchObject({ slug: "test-sprecherin", name: "Test-Sprecherin", bio: "Eine Sprecherin für Tests.", aliases: [], roles: [] });

    // Five public claims (the draft is not one), two per page, newest first.
    expect(claims.total).toBe(5);
    expect(claims.pageCount).toBe(3);
    expect(claims.items.map((c) => c.slug)).toEqual(["testaussage-e", "testaussage-d"]);
    const lastClaims = await getPublicSpeakerPage("test-sprecherin", { claimPage: 3, quotePage: 2, pageSize: 2 }, db);
    expect(lastClaims!.claims.items.map((c) => c.slug)).toEqual(["testaussage-a"]);

    // Three public quotes (the one on the draft is not), newest first, paged on their own.
    expect(quotes.total).toBe(3);
    expect(quotes.items.map((q) => q.text)).toEqual(["Zitat 2", "Zitat 1"]);
    expect(lastClaims!.quotes.items.map((q) => q.text)).toEqual(["Zitat 0"]);
    expect(quotes.items[0]!.claims).toEqual([{ slug: "testaussage-c", text: "Testaussage c" }]);

    // Verdicts: the whole active scale in order, the retracted claim not counted, the claim
    // without a verdict last.
    expect(verdicts.counts.map((c) => [c.verdict?.key ?? null, c.count])).toEqual([
      ["true", 2],
      ["mostly-true", 0],
      ["half-true", 0],
      ["misleading", 1],
      ["mostly-false", 0],
      ["false", 0],
      ["unverifiable", 0],
      [null, 1],
    ]);
    expect(verdicts.total).toBe(4);
    expect(verdicts.retracted).toBe(1);

    // Only published columns: the working verdict ("false") and summaries never appear.
    const json = JSON.stringify([page, lastClaims]);
    expect(json).not.toContain(SECRET);
    expect(claims.items.find((c) => c.slug === "testaussage-e")!.verdict).toBeNull();
  });

  it("counts an inactive label that is still in use, after the active scale", async () => {
    await db.verdictLabel.update({ where: { key: "misleading" }, data: { active: false } });
    try {
      const page = await getPublicSpeakerPage("test-sprecherin", {}, db);
      const keys = page!.verdicts.counts.map((c) => c.verdict?.key ?? null);
      expect(keys).toEqual(["true", "mostly-true", "half-true", "mostly-false", "false", "unverifiable", "misleading", null]);
    } finally {
      await db.verdictLabel.update({ where: { key: "misleading" }, data: { active: true } });
    }
  });

  it("has no page for a speaker without a public item, and agrees with the demo data", async () => {
    // Peskow's only item in the demo is a draft claim.
    const peskow = await db.speaker.findFirstOrThrow({ where: { name: { contains: "Peskow" } } });
    expect(await getPublicSpeakerPage(peskow.slug, {}, db)).toBeNull();
    expect(await getPublicSpeakerPage("gibt-es-nicht", {}, db)).toBeNull();

    // The demo's news agency: claimant of two published claims (true, mostly true).
    const agency = await getPublicSpeakerPage("nachrichtenagentur", {}, db);
    expect(agency!.claims.total).toBe(2);
    const counted = Object.fromEntries(agency!.verdicts.counts.filter((c) => c.count > 0).map((c) => [c.verdict?.key, c.count]));
    expect(counted).toEqual({ true: 1, "mostly-true": 1 });
    expect(JSON.stringify(agency)).not.toContain(SECRET);
  });
});

// The URLs of the two languages (lib/i18n, proxy.ts): no database needed.
describe("the public site's URLs in German and English", () => {
  it("prefixes English paths with /en and strips the prefix again", () => {
    expect(localeHref("de", "/claims/x")).toBe("/claims/x");
    expect(localeHref("en", "/claims/x")).toBe("/en/claims/x");
    expect(localeHref("en", "/")).toBe("/en");
    expect(localeHref("en", "/?page=2")).toBe("/en?page=2");
    expect(localeHref("en", "/speakers/y?qpage=2#quotes")).toBe("/en/speakers/y?qpage=2#quotes");
    expect(splitLocale("/en")).toEqual({ locale: "en", path: "/" });
    expect(splitLocale("/en/claims/x")).toEqual({ locale: "en", path: "/claims/x" });
    expect(splitLocale("/en?page=2")).toEqual({ locale: "en", path: "/?page=2" });
    expect(splitLocale("/english")).toEqual({ locale: "de", path: "/english" });
    expect(splitLocale("/claims/x")).toEqual({ locale: "de", path: "/claims/x" });
    expect(languageAlternates("/claims/x", "https://example.org/")).toEqual({
      de: "https://example.org/claims/x",
      en: "https://example.org/en/claims/x",
      "x-default": "https://example.org/claims/x",
    });
  });

  it("leaves the newsroom, APIs, embeds and files out of the two languages; the feed and the sitemap are routes of the site", () => {
    for (const path of ["/", "/claims/x", "/speakers/y", "/topics", "/methodology", "/corrections", "/search?q=a", "/administration", "/feed.xml", "/sitemap.xml"]) {
      expect(isLocalizedPath(path), path).toBe(true);
    }
    for (const path of ["/admin", "/admin/claims", "/api/oembed", "/signin", "/reset-password", "/embed/claims/x", "/lang", "/feed", "/rss.xml", "/robots.txt", "/favicon.ico", "/_next/static/x.js", "/.well-known/security.txt"]) {
      expect(isLocalizedPath(path), path).toBe(false);
    }
  });

  it("follows the browser only when it ranks English above German", () => {
    expect(prefersEnglish(null)).toBe(false);
    expect(prefersEnglish("")).toBe(false);
    expect(prefersEnglish("en-US")).toBe(true);
    expect(prefersEnglish("en-US,en;q=0.9")).toBe(true);
    expect(prefersEnglish("de-DE,de;q=0.9,en;q=0.8")).toBe(false);
    expect(prefersEnglish("en;q=0.5,de;q=0.8")).toBe(false);
    expect(prefersEnglish("fr-FR,fr;q=0.9,en;q=0.5")).toBe(true);
    expect(prefersEnglish("de,en")).toBe(false);
    expect(prefersEnglish("en,de")).toBe(true);
    expect(prefersEnglish("*")).toBe(false);
    expect(prefersEnglish("en;q=0")).toBe(false);
  });
});
