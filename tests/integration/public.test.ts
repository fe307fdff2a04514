// lib/public is the rule of what is public: checked against the demo data, with private
// values planted in every working column, unpublished corrections and a reporter-only speaker.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { bootstrap } from "../../lib/seed/bootstrap";
import { loadSettings } from "../../lib/config";
import { getPublicClaim, getPublicSpeaker, listPublishedClaims } from "../../lib/public";
import type { Db } from "../../lib/db/client";

const SECRET = "GEHEIM-4711";

describe("lib/public", () => {
  let t: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    t = await createTestDatabase();
    db = t.db;
    await bootstrap(db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));
    const wrong = await db.verdictLabel.findUniqueOrThrow({ where: { key: "false" } });
    // Plant private values in every working column of every claim.
    for (const claim of await db.claim.findMany()) {
      await db.claim.update({
        where: { id: claim.id },
        data: {
          summary: `${SECRET} summary`,
          analysis: `${SECRET} analysis`,
          researchNotes: `${SECRET} notes`,
          verdictId: wrong.id,
        },
      });
    }
    const published = await db.claim.findFirstOrThrow({ where: { status: "published" } });
    await db.correction.create({ data: { claimId: published.id, kind: "correction", note: `${SECRET} draft correction` } });
    await db.correction.create({
      data: { claimId: published.id, kind: "correction", note: "Öffentliche Korrektur", publishedAt: new Date() },
    });
  });

  afterAll(async () => {
    await t?.stop();
  });

  it("lists only published, corrected and retracted claims", async () => {
    const page = await listPublishedClaims({ page: 1, pageSize: 20 }, db);
    const expected = await db.claim.count({ where: { publicState: { not: null } } });
    expect(page.total).toBe(expected);
    expect(page.items.map((c) => c.status).every((s) => ["published", "corrected", "retracted"].includes(s))).toBe(true);
    expect(page.items.some((c) => c.text.includes("95 Prozent"))).toBe(true);
    expect(JSON.stringify(page)).not.toContain(SECRET);
  });

  it("paginates", async () => {
    const first = await listPublishedClaims({ page: 1, pageSize: 2 }, db);
    const second = await listPublishedClaims({ page: 2, pageSize: 2 }, db);
    expect(first.items).toHaveLength(2);
    expect(first.pageCount).toBe(Math.ceil(first.total / 2));
    expect(second.items.map((c) => c.slug)).not.toContain(first.items[0]!.slug);
  });

  it("reads only the published columns of a public claim, and only published corrections", async () => {
    const page = await listPublishedClaims({}, db);
    for (const summary of page.items) {
      const claim = await getPublicClaim(summary.slug, db);
      expect(claim).not.toBeNull();
      const json = JSON.stringify(claim);
      expect(json).not.toContain(SECRET);
      expect(claim!.verdict?.key).not.toBe("false");
    }
    const withCorrection = (await Promise.all(page.items.map((c) => getPublicClaim(c.slug, db)))).find((c) => c?.corrections.length);
    expect(withCorrection?.corrections.map((c) => c.note)).toEqual(["Öffentliche Korrektur"]);
  });

  it("answers null for drafts, claims in research or review, and unknown slugs", async () => {
    for (const claim of await db.claim.findMany({ where: { status: { in: ["draft", "in_research", "in_review"] } } })) {
      expect(await getPublicClaim(claim.slug, db), claim.status).toBeNull();
    }
    expect(await getPublicClaim("gibt-es-nicht", db)).toBeNull();
    expect(await getPublicClaim("", db)).toBeNull();
  });

  it("shows the claim's passage in the source text around it", async () => {
    const page = await listPublishedClaims({}, db);
    const slug = page.items.find((c) => c.text.includes("95 Prozent"))!.slug;
    const claim = await getPublicClaim(slug, db);
    const contexts = [...claim!.passages, ...claim!.quotes.flatMap((q) => q.appearances)].map((p) => p.context);
    expect(contexts.some((c) => c?.passage.includes("95 Prozent"))).toBe(true);
    // Only a window of the snapshot, never the whole text.
    const article = await db.source.findFirstOrThrow({ where: { snapshotText: { contains: "95 Prozent" } } });
    for (const c of contexts) expect((c!.before + c!.passage + c!.after).length).toBeLessThan(article.snapshotText!.length);
  });

  it("makes a speaker public only with a public item", async () => {
    for (const speaker of await db.speaker.findMany({ select: { slug: true, id: true } })) {
      const hasPublic =
        (await db.claim.count({ where: { claimantId: speaker.id, publicState: { not: null } } })) +
        (await db.quote.count({
          where: {
            OR: [{ speakerId: speaker.id }, { reportedById: speaker.id }],
            claims: { some: { claim: { publicState: { not: null } } } },
          },
        }));
      const page = await getPublicSpeaker(speaker.slug, {}, db);
      expect(page !== null, speaker.slug).toBe(hasPublic > 0);
      if (page) {
        expect(JSON.stringify(page)).not.toContain(SECRET);
        expect(page.claims.items.every((c) => ["published", "corrected", "retracted"].includes(c.status))).toBe(true);
        for (const q of page.quotes.items) expect(q.claims.length).toBeGreaterThan(0);
      }
    }
  });
});
