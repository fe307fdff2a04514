// ClaimReview JSON-LD for every public demo claim, built the way the claim page builds it
// (lib/public → lib/site → lib/claimreview), with the required fields checked; and the site
// origin from CLAIMBASE_PUBLIC_URL and the organisation from the Setting table.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { bootstrap } from "../../lib/seed/bootstrap";
import { loadSettings } from "../../lib/config";
import { buildClaimReview, parseClaimReviewJsonLd, serializeJsonLd } from "../../lib/claimreview";
import { getPublicClaim, getPublicRatingScale, listPublicSitemap, listPublishedClaims } from "../../lib/public";
import { absoluteUrl, getSiteInfo, paths } from "../../lib/site";
import { DEFAULT_SETTINGS } from "../../lib/settings";
import type { Db } from "../../lib/db/client";

const SECRET = "GEHEIM-CLAIMREVIEW-0815";
const PUBLIC_URL = "https://faktencheck.test:8080";

describe("ClaimReview of the demo claims", () => {
  let t: TestDatabase;
  let db: Db;

  const before = process.env.CLAIMBASE_PUBLIC_URL;
  beforeAll(async () => {
    process.env.CLAIMBASE_PUBLIC_URL = PUBLIC_URL;
    t = await createTestDatabase();
    db = t.db;
    await bootstrap(db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));
    // Private values in the working columns must not reach the JSON-LD.
    const wrong = await db.verdictLabel.findUniqueOrThrow({ where: { key: "misleading" } });
    await db.claim.updateMany({ data: { summary: `${SECRET} summary`, analysis: `${SECRET} analysis`, researchNotes: SECRET, verdictId: wrong.id } });
    await db.correction.create({
      data: { claimId: (await db.claim.findFirstOrThrow({ where: { publicState: { not: null } } })).id, kind: "correction", note: SECRET },
    });
  });

  afterAll(async () => {
    if (before === undefined) delete process.env.CLAIMBASE_PUBLIC_URL;
    else process.env.CLAIMBASE_PUBLIC_URL = before;
    await t?.stop();
  });

  it("has one for every published demo claim, with the required fields", async () => {
    const site = await getSiteInfo(db);
    const scale = await getPublicRatingScale(db);
    expect(scale).toEqual({ best: 6, worst: 1 });
    const published = await db.claim.findMany({ where: { publicState: { not: null } }, include: { publishedVerdict: true } });
    expect(published.length).toBeGreaterThanOrEqual(3);

    for (const row of published) {
      const claim = (await getPublicClaim(row.slug, db))!;
      const url = absoluteUrl(site.origin, paths.claim(claim.slug));
      const review = buildClaimReview(claim, { url, organization: site.organization, scale, locale: "de" });
      if (row.publicState === "retracted") {
        expect(review).toBeNull();
        continue;
      }
      expect(review, row.slug).not.toBeNull();
      const json = serializeJsonLd(review);
      expect(json).not.toContain(SECRET);
      const r = JSON.parse(json) as Record<string, any>;

      expect(r["@context"]).toBe("https://schema.org");
      expect(r["@type"]).toBe("ClaimReview");
      expect(r.claimReviewed).toBe(row.text);
      expect(r.url).toBe(`https://faktencheck.test:8080/claims/${row.slug}`);
      expect(r.datePublished).toBe(row.publishedAt!.toISOString());
      expect(r.dateModified).toBe(row.publicUpdatedAt!.toISOString());
      expect(r.author).toEqual({ "@type": "Organization", name: DEFAULT_SETTINGS["organization.name"], url: "https://faktencheck.test:8080" });

      // The published verdict, never the working one.
      const verdict = row.publishedVerdict!;
      expect(r.reviewRating["@type"]).toBe("Rating");
      expect(r.reviewRating.alternateName).toBe(verdict.nameDe);
      if (verdict.ratingValue === null) {
        expect(r.reviewRating).not.toHaveProperty("ratingValue");
        expect(r.reviewRating).not.toHaveProperty("bestRating");
        expect(r.reviewRating).not.toHaveProperty("worstRating");
      } else {
        expect(r.reviewRating).toMatchObject({ ratingValue: verdict.ratingValue, bestRating: 6, worstRating: 1 });
      }
      expect(r.reviewRating.ratingExplanation).toBe(row.publishedSummary);

      expect(r.itemReviewed["@type"]).toBe("Claim");
      expect(["Person", "Organization"]).toContain(r.itemReviewed.author["@type"]);
      expect(r.itemReviewed.author.name).toBe(claim.claimant!.name);
      if (row.claimDate) expect(r.itemReviewed.datePublished).toBe(row.claimDate.toISOString().slice(0, 10));
      expect(r.itemReviewed.appearance.length).toBeGreaterThan(0);
      for (const work of r.itemReviewed.appearance) {
        expect(work["@type"]).toBe("CreativeWork");
        expect(typeof work.name).toBe("string");
      }
      expect(r.itemReviewed.firstAppearance).toBeDefined();

      // What we publish, our own importer reads.
      const imported = parseClaimReviewJsonLd(json);
      expect(imported.ok).toBe(true);
    }
  });

  it("takes the origin from CLAIMBASE_PUBLIC_URL and the organisation from the settings", async () => {
    expect((await getSiteInfo(db)).origin).toBe(PUBLIC_URL);
    // Until organization.url is configured, the organisation's URL is the site itself.
    expect((await getSiteInfo(db)).organization.url).toBe(PUBLIC_URL);

    await db.setting.update({ where: { key: "organization.url" }, data: { value: "https://www.zeitung.example/faktencheck" } });
    await db.setting.update({ where: { key: "organization.name" }, data: { value: "Zeitung Faktencheck" } });
    try {
      const site = await getSiteInfo(db);
      // The organisation's site is not the fact-check site's address.
      expect(site.origin).toBe(PUBLIC_URL);
      expect(site.organization).toEqual({ name: "Zeitung Faktencheck", url: "https://www.zeitung.example/faktencheck" });
    } finally {
      await db.setting.update({ where: { key: "organization.url" }, data: { value: DEFAULT_SETTINGS["organization.url"] } });
      await db.setting.update({ where: { key: "organization.name" }, data: { value: DEFAULT_SETTINGS["organization.name"] } });
    }
  });

  it("takes bestRating and worstRating from the active scale", async () => {
    await db.verdictLabel.update({ where: { key: "true" }, data: { active: false } });
    try {
      expect(await getPublicRatingScale(db)).toEqual({ best: 5, worst: 1 });
    } finally {
      await db.verdictLabel.update({ where: { key: "true" }, data: { active: true } });
    }
  });

  it("lists every public claim, speaker and topic for the sitemap, and nothing else", async () => {
    const sitemap = await listPublicSitemap(db);
    const publicClaims = await listPublishedClaims({ pageSize: 100 }, db);
    expect(sitemap.claims.map((c) => c.slug).sort()).toEqual(publicClaims.items.map((c) => c.slug).sort());
    const draft = await db.claim.findFirstOrThrow({ where: { status: "draft" } });
    expect(sitemap.claims.map((c) => c.slug)).not.toContain(draft.slug);
    expect(sitemap.speakers.length).toBeGreaterThan(0);
    for (const { slug } of sitemap.speakers) {
      const speaker = await db.speaker.findUniqueOrThrow({
        where: { slug },
        select: {
          claims: { where: { publicState: { not: null } }, select: { id: true } },
          quotes: { where: { claims: { some: { claim: { publicState: { not: null } } } } }, select: { id: true } },
          quotesReported: { where: { claims: { some: { claim: { publicState: { not: null } } } } }, select: { id: true } },
        },
      });
      expect(speaker.claims.length + speaker.quotes.length + speaker.quotesReported.length, slug).toBeGreaterThan(0);
    }
    for (const { slug } of sitemap.topics) {
      const count = await db.claim.count({ where: { publicState: { not: null }, topics: { some: { topic: { slug } } } } });
      expect(count, slug).toBeGreaterThan(0);
    }
  });
});
