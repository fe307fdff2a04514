// The public API's behaviour (docs/api.md): cursor pagination that visits every item once,
// filters, ETag/304, CORS and its preflight, the rate limit per client address (429 with
// Retry-After), clear 400s for bad parameters, the session rule of Cache-Control, and the Fact
// Check Tools compatible search (its parameters, our reviews and, marked external, only the
// approved links of others).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { apiGet, apiOptionsOf, deskActors, json, linkExternal } from "../helpers/api";
import { bootstrap } from "../../lib/seed/bootstrap";
import { loadSettings } from "../../lib/config";
import { errorSchema, type claimListSchema, type factCheckResponseSchema } from "../../lib/api/schemas";
import { publicClaimWhere } from "../../lib/public";
import type { z } from "zod";

let t: TestDatabase;
let publicSlugs: string[] = [];
let linkedSlug = "";

type ClaimList = z.output<typeof claimListSchema>;
type FactCheck = z.output<typeof factCheckResponseSchema>;

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  process.env.CLAIMBASE_PUBLIC_URL = "https://faktencheck.example";
  process.env.CLAIMBASE_API_RATE_LIMIT = "0";
  await bootstrap(t.db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));
  publicSlugs = (await t.db.claim.findMany({ where: publicClaimWhere, select: { slug: true } })).map((c) => c.slug);
  const actors = await deskActors(t.db);
  linkedSlug = [...publicSlugs].sort()[0]!;
  const base = { site: "pruefstelle.example.org", claim: "Eine Aussage", reviewDate: "2026-11-02" };
  await linkExternal(t.db, actors, linkedSlug, { ...base, url: "https://pruefstelle.example.org/ok", publisher: "Prüfstelle", title: "Freigegeben", rating: "Falsch", language: "de" }, true);
  await linkExternal(t.db, actors, linkedSlug, { ...base, url: "https://pruefstelle.example.org/en", publisher: "Prüfstelle", title: "Approved EN", rating: "False", language: "en-US" }, true);
  await linkExternal(t.db, actors, linkedSlug, { ...base, url: "https://andere.example.net/wartet", publisher: "Wartende Stelle", site: "andere.example.net", title: "Nicht freigegeben", rating: "Falsch", language: "de" }, false);
});
afterAll(async () => {
  const { db } = await import("../../lib/db/client");
  await db.$disconnect().catch(() => {});
  await t?.stop();
});

async function walk(url: string): Promise<{ slugs: string[]; pages: number }> {
  const slugs: string[] = [];
  let pages = 0;
  let next: string | null = url;
  while (next !== null) {
    const response = await apiGet(next);
    expect(response.status, next).toBe(200);
    const body = (await json(response)) as ClaimList;
    slugs.push(...body.items.map((c) => c.slug));
    pages++;
    next = body.nextCursor === null ? null : `${url}${url.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(body.nextCursor)}`;
    expect(pages).toBeLessThan(100);
  }
  return { slugs, pages };
}

describe("cursor pagination", () => {
  it("visits every public claim once, in the order of one long page", async () => {
    const whole = (await json(await apiGet("/api/v1/claims?limit=100"))) as ClaimList;
    expect(whole.nextCursor).toBeNull();
    expect(whole.items.map((c) => c.slug).sort()).toEqual([...publicSlugs].sort());
    const paged = await walk("/api/v1/claims?limit=2");
    expect(paged.pages).toBe(Math.ceil(publicSlugs.length / 2));
    expect(paged.slugs).toEqual(whole.items.map((c) => c.slug));
    // Newest publication first.
    const dates = whole.items.map((c) => c.publishedAt!);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it("walks speakers, quotes and topics the same way", async () => {
    for (const path of ["speakers", "quotes", "topics"]) {
      const whole = (await json(await apiGet(`/api/v1/${path}?limit=100`))) as { items: unknown[] };
      const seen: string[] = [];
      let next: string | null = `/api/v1/${path}?limit=1`;
      while (next) {
        const body = (await json(await apiGet(next))) as { items: unknown[]; nextCursor: string | null };
        expect(body.items.length).toBeLessThanOrEqual(1);
        seen.push(...body.items.map((i) => JSON.stringify(i)));
        next = body.nextCursor ? `/api/v1/${path}?limit=1&cursor=${encodeURIComponent(body.nextCursor)}` : null;
      }
      expect(seen, path).toEqual(whole.items.map((i) => JSON.stringify(i)));
      expect(new Set(seen).size).toBe(seen.length);
    }
  });

  it("refuses a cursor of other filters, another endpoint, or a tampered one (400 invalid_cursor)", async () => {
    const first = (await json(await apiGet("/api/v1/claims?limit=1"))) as ClaimList;
    const cursor = encodeURIComponent(first.nextCursor!);
    expect((await apiGet(`/api/v1/claims?limit=1&cursor=${cursor}`)).status).toBe(200);
    for (const url of [
      `/api/v1/claims?limit=1&language=de&cursor=${cursor}`,
      `/api/v1/speakers?cursor=${cursor}`,
      `/api/v1/claims?cursor=${cursor.slice(0, -2)}${cursor.endsWith("A") ? "B" : "A"}x`,
    ]) {
      const response = await apiGet(url);
      expect(response.status, url).toBe(400);
      expect(errorSchema.parse(await json(response)).error.code).toBe("invalid_cursor");
    }
    // Opaque: no slug or date in clear.
    expect(Buffer.from(first.nextCursor!.slice(2), "base64url").toString("latin1")).not.toContain(first.items[0]!.slug.slice(0, 12));
  });
});

describe("filters", () => {
  it("filter claims by verdict, speaker, topic, language and date range", async () => {
    const all = ((await json(await apiGet("/api/v1/claims?limit=100"))) as ClaimList).items;
    const sample = all.find((c) => c.verdict && c.claimant && c.topics.length)!;
    const byVerdict = ((await json(await apiGet(`/api/v1/claims?limit=100&verdict=${sample.verdict!.key}`))) as ClaimList).items;
    expect(byVerdict.map((c) => c.slug)).toEqual(all.filter((c) => c.verdict?.key === sample.verdict!.key).map((c) => c.slug));
    const bySpeaker = ((await json(await apiGet(`/api/v1/claims?limit=100&speaker=${sample.claimant!.slug}`))) as ClaimList).items;
    expect(bySpeaker.map((c) => c.slug)).toEqual(all.filter((c) => c.claimant?.slug === sample.claimant!.slug).map((c) => c.slug));
    const topic = sample.topics[0]!.slug;
    const byTopic = ((await json(await apiGet(`/api/v1/claims?limit=100&topic=${topic}`))) as ClaimList).items;
    expect(byTopic.map((c) => c.slug)).toEqual(all.filter((c) => c.topics.some((x) => x.slug === topic)).map((c) => c.slug));
    expect(((await json(await apiGet("/api/v1/claims?language=xx"))) as ClaimList).items).toEqual([]);
    expect(((await json(await apiGet("/api/v1/claims?language=DE&limit=100"))) as ClaimList).items.length).toBe(all.filter((c) => c.language === "de").length);
    // Days in the newsroom's time zone: the day of a publication includes it, the day after excludes it.
    const day = new Date(sample.publishedAt!).toLocaleDateString("sv-SE", { timeZone: "Europe/Berlin" });
    const onDay = ((await json(await apiGet(`/api/v1/claims?limit=100&from=${day}&to=${day}`))) as ClaimList).items;
    expect(onDay.map((c) => c.slug)).toContain(sample.slug);
    const after = new Date(new Date(`${day}T12:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);
    const later = ((await json(await apiGet(`/api/v1/claims?limit=100&from=${after}`))) as ClaimList).items;
    expect(later.map((c) => c.slug)).not.toContain(sample.slug);
  });
});

describe("bad parameters", () => {
  it("answer 400 invalid_parameter naming the parameter", async () => {
    const cases: [string, RegExp][] = [
      ["/api/v1/claims?limit=0", /^limit:/],
      ["/api/v1/claims?limit=101", /^limit:/],
      ["/api/v1/claims?limit=abc", /^limit: must be a whole number/],
      ["/api/v1/claims?from=2017-02-30", /^from: is not a calendar date/],
      ["/api/v1/claims?from=2018-01-01&to=2017-01-01", /^from: from must not be after to/],
      ["/api/v1/claims?language=not%20a%20language", /^language:/],
      ["/api/v1/claims?verdict=a&verdict=b", /^verdict: given more than once/],
      ["/api/v1/claims?speaker=%00", /^speaker: must not contain control characters/],
      ["/api/v1/search?type=people", /^type:/],
      ["/api/v1/claims:search", /^query: query is required unless reviewPublisherSiteFilter is given/],
      ["/api/v1/claims:search?query=x&pageSize=1000", /^pageSize:/],
      ["/api/v1/claims:search?query=x&offset=-1", /^offset:/],
      ["/api/v1/claimreview-feed.json?lang=fr", /^lang:/],
    ];
    for (const [url, message] of cases) {
      const response = await apiGet(url);
      expect(response.status, url).toBe(400);
      const body = errorSchema.parse(await json(response));
      expect(body.error.code, url).toBe("invalid_parameter");
      expect(body.error.message, url).toMatch(message);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
    }
  });

  it("ignore unknown parameters (a Fact Check Tools client's key, a cache buster)", async () => {
    expect((await apiGet("/api/v1/claims?key=AIzaXYZ&_=123")).status).toBe(200);
    expect((await apiGet("/api/v1/claims:search?query=Putin&key=AIzaXYZ")).status).toBe(200);
  });
});

describe("ETag, Cache-Control and CORS", () => {
  it("answers 304 for the current ETag (also weak, in a list, or *), 200 for another", async () => {
    const first = await apiGet("/api/v1/claims?limit=3");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const again = await apiGet("/api/v1/claims?limit=3", { "if-none-match": ifNoneMatch });
      expect(again.status, ifNoneMatch).toBe(304);
      expect(again.headers.get("etag")).toBe(etag);
      expect(again.headers.get("access-control-allow-origin")).toBe("*");
    }
    expect((await apiGet("/api/v1/claims?limit=3", { "if-none-match": '"other"' })).status).toBe(200);
    // Another page is another answer.
    expect((await apiGet("/api/v1/claims?limit=2")).headers.get("etag")).not.toBe(etag);
  });

  it("the ETag changes when what the answer shows changes", async () => {
    const before = (await apiGet(`/api/v1/claims/${linkedSlug}`)).headers.get("etag");
    const feedBefore = (await apiGet("/api/v1/claimreview-feed.json")).headers.get("etag");
    const label = await t.db.verdictLabel.findFirstOrThrow({ where: { claimsPublished: { some: { slug: linkedSlug } } } });
    await t.db.verdictLabel.update({ where: { id: label.id }, data: { nameEn: `${label.nameEn} (renamed)` } });
    try {
      expect((await apiGet(`/api/v1/claims/${linkedSlug}`)).headers.get("etag")).not.toBe(before);
      const feedAfter = (await apiGet("/api/v1/claimreview-feed.json")).headers.get("etag");
      expect(feedAfter).toMatch(/^W\/"/);
      expect(feedAfter).not.toBe(feedBefore);
      expect((await apiGet("/api/v1/claimreview-feed.json", { "if-none-match": feedAfter! })).status).toBe(304);
    } finally {
      await t.db.verdictLabel.update({ where: { id: label.id }, data: { nameEn: label.nameEn } });
    }
  });

  it("Cache-Control as the public pages, private for a request with a session cookie, no-store for errors", async () => {
    expect((await apiGet("/api/v1/topics")).headers.get("cache-control")).toBe("public, max-age=0, s-maxage=2, stale-while-revalidate=60, stale-if-error=86400");
    expect((await apiGet("/api/v1/topics", { cookie: "authjs.session-token=abc" })).headers.get("cache-control")).toBe("private, no-store");
    expect((await apiGet("/api/v1/claims/gibt-es-nicht")).headers.get("cache-control")).toBe("no-store");
  });

  it("CORS: any origin may GET (no credentials); OPTIONS answers the preflight", async () => {
    const response = await apiGet("/api/v1/speakers", { origin: "https://research.example" });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    expect(response.headers.get("access-control-expose-headers")).toContain("ETag");
    for (const url of ["/api/v1/claims", "/api/v1/claims:search", "/api/v1/claims/x", "/api/v1/openapi.json"]) {
      const preflight = await apiOptionsOf(url);
      expect(preflight.status, url).toBe(204);
      expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
      expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
      expect(preflight.headers.get("access-control-allow-headers")).toContain("If-None-Match");
    }
  });
});

describe("rate limit per client address", () => {
  it("answers 429 with Retry-After past the limit, per address; other addresses go on", async () => {
    process.env.CLAIMBASE_API_RATE_LIMIT = "5";
    try {
      const from = (ip: string) => ({ "x-forwarded-for": ip });
      for (let i = 0; i < 5; i++) expect((await apiGet("/api/v1/openapi.json", from("198.51.100.7"))).status).toBe(200);
      const refused = await apiGet("/api/v1/topics", from("198.51.100.7"));
      expect(refused.status).toBe(429);
      expect(errorSchema.parse(await json(refused)).error).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/5 requests a minute/) });
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
      expect(refused.headers.get("cache-control")).toBe("no-store");
      // The same address in another spelling is the same client (lib/trusted-proxies.cjs).
      expect((await apiGet("/api/v1/topics", from("::ffff:198.51.100.7"))).status).toBe(429);
      expect((await apiGet("/api/v1/topics", from("198.51.100.8"))).status).toBe(200);
      // Conditional requests count too.
      for (let i = 0; i < 4; i++) await apiGet("/api/v1/topics", from("2001:db8::1"));
      const etag = (await apiGet("/api/v1/topics", from("2001:db8::1"))).headers.get("etag")!;
      expect((await apiGet("/api/v1/topics", { ...from("2001:db8::1"), "if-none-match": etag })).status).toBe(429);
    } finally {
      process.env.CLAIMBASE_API_RATE_LIMIT = "0";
    }
  });
});

describe("claims:search (Fact Check Tools)", () => {
  it("answers in Google's shape, with our review and the approved external ones marked", async () => {
    const body = (await json(await apiGet(`/api/v1/claims:search?reviewPublisherSiteFilter=pruefstelle.example.org`))) as FactCheck;
    expect(body.claims).toHaveLength(1);
    const claim = body.claims![0]!;
    expect(claim.claimReview.map((r) => [r.url, r.external])).toEqual([
      ["https://pruefstelle.example.org/ok", true],
      ["https://pruefstelle.example.org/en", true],
    ]);
    expect(claim.claimReview[0]).toEqual({
      publisher: { name: "Prüfstelle", site: "pruefstelle.example.org" },
      url: "https://pruefstelle.example.org/ok",
      title: "Freigegeben",
      reviewDate: "2026-11-02T00:00:00.000Z",
      textualRating: "Falsch",
      languageCode: "de",
      external: true,
    });
    // The waiting link is nowhere.
    const waiting = (await json(await apiGet("/api/v1/claims:search?reviewPublisherSiteFilter=andere.example.net"))) as FactCheck;
    expect(waiting).toEqual({});
  });

  it("our own reviews: by our site, German by default, English with languageCode=en-*", async () => {
    const de = (await json(await apiGet("/api/v1/claims:search?reviewPublisherSiteFilter=www.faktencheck.example&pageSize=100"))) as FactCheck;
    const ownCount = await t.db.claim.count({ where: { ...publicClaimWhere, publishedVerdictId: { not: null }, publicState: { not: "retracted" } } });
    expect(de.claims).toHaveLength(ownCount);
    const review = de.claims![0]!.claimReview[0]!;
    expect(review).toMatchObject({ publisher: { site: "faktencheck.example" }, languageCode: "de", external: false });
    expect(review.url).toMatch(/^https:\/\/faktencheck\.example\/claims\//);
    const en = (await json(await apiGet("/api/v1/claims:search?reviewPublisherSiteFilter=faktencheck.example&languageCode=en-GB&pageSize=100"))) as FactCheck;
    expect(en.claims![0]!.claimReview[0]).toMatchObject({ languageCode: "en", external: false });
    expect(en.claims![0]!.claimReview[0]!.url).toMatch(/^https:\/\/faktencheck\.example\/en\/claims\//);
    // languageCode filters external reviews by their language, region aside.
    const linked = (await json(await apiGet("/api/v1/claims:search?reviewPublisherSiteFilter=pruefstelle.example.org&languageCode=en"))) as FactCheck;
    expect(linked.claims![0]!.claimReview.map((r) => r.url)).toEqual(["https://pruefstelle.example.org/en"]);
    expect((await json(await apiGet("/api/v1/claims:search?query=Putin&languageCode=fr"))) as FactCheck).toEqual({});
  });

  it("pages with pageSize, pageToken and offset; maxAgeDays counts the newer of claim and review date", async () => {
    const all = (await json(await apiGet("/api/v1/claims:search?reviewPublisherSiteFilter=faktencheck.example&pageSize=100"))) as FactCheck;
    const texts = all.claims!.map((c) => c.text);
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = (await json(
        await apiGet(`/api/v1/claims:search?reviewPublisherSiteFilter=faktencheck.example&pageSize=3${token ? `&pageToken=${encodeURIComponent(token)}` : ""}`),
      )) as FactCheck;
      expect(page.claims!.length).toBeLessThanOrEqual(3);
      seen.push(...page.claims!.map((c) => c.text));
      token = page.nextPageToken;
    } while (token);
    expect(seen).toEqual(texts);
    const offset = (await json(await apiGet("/api/v1/claims:search?reviewPublisherSiteFilter=faktencheck.example&pageSize=2&offset=2"))) as FactCheck;
    expect(offset.claims!.map((c) => c.text)).toEqual(texts.slice(2, 4));
    // A token of other parameters is refused.
    const first = (await json(await apiGet("/api/v1/claims:search?reviewPublisherSiteFilter=faktencheck.example&pageSize=2"))) as FactCheck;
    const other = await apiGet(`/api/v1/claims:search?reviewPublisherSiteFilter=faktencheck.example&pageSize=3&pageToken=${encodeURIComponent(first.nextPageToken!)}`);
    expect(other.status).toBe(400);
    expect(errorSchema.parse(await json(other)).error.code).toBe("invalid_cursor");
    // The demo's fact-checks are from 2017; the approved external ones from 2026-11-02.
    const days = Math.ceil((Date.now() - new Date("2026-11-01T00:00:00Z").getTime()) / 86_400_000) + 1;
    const recent = (await json(await apiGet(`/api/v1/claims:search?reviewPublisherSiteFilter=pruefstelle.example.org&maxAgeDays=${days}`))) as FactCheck;
    expect(recent.claims?.[0]?.claimReview.length).toBe(2);
    const ours = (await json(await apiGet(`/api/v1/claims:search?reviewPublisherSiteFilter=faktencheck.example&maxAgeDays=${days}`))) as FactCheck;
    expect(ours).toEqual({});
  });

  it("query matches our claims' text and summary in German and English full text", async () => {
    const body = (await json(await apiGet("/api/v1/claims:search?query=Herrschaftsgebiet"))) as FactCheck;
    expect(body.claims!.map((c) => c.text).some((text) => text.includes("Herrschaftsgebiet"))).toBe(true);
    expect((await json(await apiGet("/api/v1/claims:search?query=xyzzyquux"))) as FactCheck).toEqual({});
  });
});
