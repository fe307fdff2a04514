// lib/public/cached.ts outside Next.js: what the data cache stores is JSON, and what comes
// back must be exactly what lib/public returns (dates as Dates), on a miss and on a hit.
// Tag revalidation needs a Next.js server; e2e/freshness.spec.ts checks it there.
//
// The hits go through Next's real unstable_cache, in its "outside a request" path, over a
// minimal in-memory incremental cache (globalThis.__incrementalCache, which `next start`
// provides): the test sees what is stored and what is not.
import { AsyncLocalStorage } from "node:async_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { bootstrap } from "../../lib/seed/bootstrap";
import { loadSettings } from "../../lib/config";
import * as direct from "../../lib/public";
import { listSearchFilters, searchPublic } from "../../lib/public/search";

interface StoredEntry {
  kind: string;
  data: { body: string };
}
const stored = new Map<string, StoredEntry>();
const incrementalCache = {
  isOnDemandRevalidate: false,
  async generateSimpleCacheKey(input: string) {
    return input;
  },
  async get(key: string) {
    const value = stored.get(key);
    return value ? { value, isStale: false } : null;
  },
  async set(key: string, value: StoredEntry) {
    stored.set(key, value);
  },
};

let t: TestDatabase;
let cached: typeof import("../../lib/public/cached");

beforeAll(async () => {
  t = await createTestDatabase();
  await bootstrap(t.db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));
  // A speaker role with dates and a published correction, so that every date field is there.
  const claimant = await t.db.claim.findFirstOrThrow({ where: { publicState: { not: null }, claimantId: { not: null } } });
  await t.db.speakerRole.create({
    data: { speakerId: claimant.claimantId!, title: "Testrolle", startDate: new Date("2015-01-20"), endDate: new Date("2019-06-30") },
  });
  await t.db.correction.create({ data: { claimId: claimant.id, kind: "correction", note: "Öffentliche Korrektur", publishedAt: new Date() } });
  process.env.DATABASE_URL = t.url; // the app's own `db` (lib/db/client.ts), which cached.ts reads through
  (globalThis as Record<string, unknown>).__incrementalCache = incrementalCache;
  // What a Next.js server sets up before loading its modules.
  (globalThis as Record<string, unknown>).AsyncLocalStorage ??= AsyncLocalStorage;
  cached = await import("../../lib/public/cached");
});

afterAll(async () => {
  delete (globalThis as Record<string, unknown>).__incrementalCache;
  const { db } = await import("../../lib/db/client");
  await db.$disconnect().catch(() => {});
  await t?.stop();
});

const roundTrip = <T>(value: T) => JSON.parse(JSON.stringify(value)) as never;

describe("lib/public/cached: revival", () => {
  it("turns the JSON of every public read back into lib/public's values", async () => {
    const { revive } = cached;
    const list = await direct.listPublishedClaims({ pageSize: 100 }, t.db);
    expect(list.items.length).toBeGreaterThan(0);
    expect(revive.claimPage(roundTrip(list))).toEqual(list);
    expect(revive.claimPage(list)).toEqual(list);

    const speakers = new Set<string>();
    for (const summary of list.items) {
      const claim = (await direct.getPublicClaim(summary.slug, t.db))!;
      expect(revive.claim(roundTrip(claim))).toEqual(claim);
      expect(revive.claim(claim)).toEqual(claim);
      for (const q of claim.quotes) speakers.add(q.speaker.slug);
      if (claim.claimant) speakers.add(claim.claimant.slug);
    }
    let roles = 0;
    for (const slug of speakers) {
      const speaker = (await direct.getPublicSpeaker(slug, {}, t.db))!;
      roles += speaker.roles.length;
      expect(revive.speaker(roundTrip(speaker))).toEqual(speaker);
    }
    expect(roles).toBeGreaterThan(0);

    for (const slug of speakers) {
      const page = (await direct.getPublicSpeakerPage(slug, {}, t.db))!;
      expect(revive.speakerPage(roundTrip(page))).toEqual(page);
    }
    for (const { slug } of await direct.listPublicTopics(t.db)) {
      const topic = (await direct.getPublicTopic(slug, {}, t.db))!;
      expect(revive.topic(roundTrip(topic))).toEqual(topic);
    }
    const corrections = await direct.listPublicCorrections({}, t.db);
    expect(corrections.items.length).toBeGreaterThan(0);
    expect(revive.corrections(roundTrip(corrections))).toEqual(corrections);
    const sitemap = await direct.listPublicSitemap(t.db);
    expect(revive.sitemap(roundTrip(sitemap))).toEqual(sitemap);
    // Searches with claim hits (publishedAt), quote hits (saidOn) and speaker hits.
    for (const q of ["Putin", "Trump", "Herrschaftsgebiet"]) {
      const result = await searchPublic({ q }, t.db);
      expect(result.items.length).toBeGreaterThan(0);
      expect(revive.search(roundTrip(result))).toEqual(result);
    }
    const kinds = new Set((await searchPublic({ q: "Putin" }, t.db)).items.map((hit) => hit.type));
    expect(kinds.has("claim") && kinds.has("speaker")).toBe(true);
  });
});

describe("lib/public/cached: through unstable_cache", () => {
  it("answers like lib/public on a miss and on a hit, with dates as Dates", async () => {
    const expected = await direct.listPublishedClaims({ page: 1, pageSize: 20 }, t.db);
    const miss = await cached.listPublishedClaims({ page: 1, pageSize: 20 });
    const before = stored.size;
    const hit = await cached.listPublishedClaims({ page: 1, pageSize: 20 });
    expect(stored.size).toBe(before);
    expect(miss).toEqual(expected);
    expect(hit).toEqual(expected);
    expect(hit.items.find((c) => c.publishedAt)?.publishedAt).toBeInstanceOf(Date);

    const slug = expected.items[0]!.slug;
    const claim = await direct.getPublicClaim(slug, t.db);
    expect(await cached.getPublicClaim(slug)).toEqual(claim);
    expect(await cached.getPublicClaim(slug)).toEqual(claim);

    const speakerSlug = claim!.claimant!.slug;
    const speaker = await direct.getPublicSpeaker(speakerSlug, { limit: 50 }, t.db);
    expect(await cached.getPublicSpeaker(speakerSlug, { limit: 50 })).toEqual(speaker);
    const fromCache = await cached.getPublicSpeaker(speakerSlug, { limit: 50 });
    expect(fromCache).toEqual(speaker);
    expect(fromCache!.roles.find((r) => r.title === "Testrolle")?.startDate).toBeInstanceOf(Date);

    const speakerPage = await direct.getPublicSpeakerPage(speakerSlug, {}, t.db);
    expect(await cached.getPublicSpeakerPage(speakerSlug)).toEqual(speakerPage);
    expect(await cached.getPublicSpeakerPage(speakerSlug)).toEqual(speakerPage);
    const topicSlug = claim!.topics[0]?.slug ?? (await direct.listPublicTopics(t.db))[0]!.slug;
    const topic = await direct.getPublicTopic(topicSlug, {}, t.db);
    expect(await cached.getPublicTopic(topicSlug)).toEqual(topic);
    expect(await cached.getPublicTopic(topicSlug)).toEqual(topic);
    for (let i = 0; i < 2; i++) {
      expect(await cached.listPublicTopics()).toEqual(await direct.listPublicTopics(t.db));
      expect(await cached.listPublicCorrections()).toEqual(await direct.listPublicCorrections({}, t.db));
      expect(await cached.getVerdictScale()).toEqual(await direct.getVerdictScale(t.db));
      expect(await cached.listSearchFilters()).toEqual(await listSearchFilters(t.db));
    }
    expect(await cached.getPublicRatingScale()).toEqual(await direct.getPublicRatingScale(t.db));
    expect(await cached.listPublicSitemap()).toEqual(await direct.listPublicSitemap(t.db));
    expect(await cached.listPublicSitemap()).toEqual(await direct.listPublicSitemap(t.db));
    // A search: the same on a miss and a hit, stored once for the same normalized search.
    const searched = await searchPublic({ q: "Putin", type: "claims" }, t.db);
    const storedBefore = stored.size;
    expect(await cached.searchPublic({ q: "  Putin ", type: "claims" })).toEqual(searched);
    expect(await cached.searchPublic({ q: "Putin", type: "claims", page: 1 })).toEqual(searched);
    expect(stored.size).toBe(storedBefore + 1);

    // Stored as JSON, with the dates as strings.
    const bodies = [...stored.values()].map((e) => e.data.body);
    expect(bodies.some((b) => b.includes(`"slug":"${slug}"`))).toBe(true);
  });

  it("stores the null of an existing non-public claim, not the null of any slug typed, nor pages past the end", async () => {
    const draft = await t.db.claim.findFirstOrThrow({ where: { publicState: null } });
    let before = stored.size;
    expect(await cached.getPublicClaim(draft.slug)).toBeNull();
    expect(stored.size).toBe(before + 1);

    before = stored.size;
    for (const slug of ["gibt-es-nicht", "noch-eine-erfundene-adresse", "x".repeat(300), ""]) {
      expect(await cached.getPublicClaim(slug)).toBeNull();
      expect(await cached.getPublicSpeaker(slug)).toBeNull();
    }
    const past = await cached.listPublishedClaims({ page: 9999, pageSize: 20 });
    expect(past.items).toEqual([]);
    expect(past.total).toBeGreaterThan(0);
    expect((await cached.listPublicCorrections({ page: 9999 })).items).toEqual([]);
    expect(await cached.getPublicTopic("kein-thema")).toBeNull();
    expect(await cached.getPublicSpeakerPage("niemand")).toBeNull();
    expect(stored.size).toBe(before);
  });
});
