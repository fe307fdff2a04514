// The public API answers as its OpenAPI document says (issue 14 point 5): the document served at
// /api/v1/openapi.json validates against the OpenAPI 3.1 schema, and a walk over every
// documented path calls its route handler (found as the server finds it, rewrites included)
// and checks each documented answer: 200 parsed with the operation's response schema (strict
// objects: an undocumented field fails), 304 for its ETag, 400 for a bad parameter and 404 for
// an unknown slug, both as the documented error object. On the demo data with an approved and
// a waiting "also checked by" link.
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { apiGet, deskActors, json, linkExternal, routeFileOf } from "../helpers/api";
import { bootstrap } from "../../lib/seed/bootstrap";
import { loadSettings } from "../../lib/config";
import { operations } from "../../lib/api/operations";
import { errorSchema } from "../../lib/api/schemas";
import { publicClaimWhere, publicSpeakerWhere, publicTopicWhere } from "../../lib/public";

let t: TestDatabase;
const slugs = { claim: "", speaker: "", topic: "" };

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url; // the app's own `db` (lib/db/client.ts)
  process.env.CLAIMBASE_PUBLIC_URL = "https://faktencheck.example";
  process.env.CLAIMBASE_API_RATE_LIMIT = "0";
  await bootstrap(t.db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));
  const actors = await deskActors(t.db);
  const claim = await t.db.claim.findFirstOrThrow({ where: publicClaimWhere, orderBy: { slug: "asc" }, select: { slug: true } });
  slugs.claim = claim.slug;
  slugs.speaker = (await t.db.speaker.findFirstOrThrow({ where: publicSpeakerWhere, orderBy: { slug: "asc" } })).slug;
  slugs.topic = (await t.db.topic.findFirstOrThrow({ where: publicTopicWhere, orderBy: { slug: "asc" } })).slug;
  const check = { publisher: "Beispiel-Prüfstelle", site: "pruefstelle.example.org", rating: "Falsch", reviewDate: "2026-11-02", language: "de", claim: "Eine Aussage" };
  await linkExternal(t.db, actors, claim.slug, { ...check, url: "https://pruefstelle.example.org/a", title: "Geprüft und freigegeben" }, true);
  await linkExternal(t.db, actors, claim.slug, { ...check, url: "https://pruefstelle.example.org/b", title: "Wartet noch" }, false);
});
afterAll(async () => {
  const { db } = await import("../../lib/db/client");
  await db.$disconnect().catch(() => {});
  await t?.stop();
});

type OpenApi = { openapi: string; paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown>; parameters?: { name: string; in: string }[] }>> };

async function documentFromRoute(): Promise<OpenApi> {
  const response = await apiGet("/api/v1/openapi.json");
  expect(response.status).toBe(200);
  return (await json(response)) as OpenApi;
}

/** A URL of each operation that answers 200, with its path parameters filled in. */
function exampleUrl(path: string, operationId: string): string {
  const filled = path.replace("{slug}", () => encodeURIComponent(path.startsWith("/claims") ? slugs.claim : path.startsWith("/speakers") ? slugs.speaker : slugs.topic));
  const query: Record<string, string> = { searchFactCheckedClaims: "?query=Putin", search: "?q=Putin" };
  return `/api/v1${filled}${query[operationId] ?? ""}`;
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const doc = await documentFromRoute();
    expect(doc.openapi).toBe("3.1.0");
    const validator = new Validator();
    const result = await validator.validate(doc as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("documents every operation of the API, each answered by a route file", async () => {
    const doc = await documentFromRoute();
    const documented = Object.values(doc.paths).flatMap((item) => Object.values(item).map((o) => o.operationId));
    expect(documented.sort()).toEqual(Object.values(operations).map((o) => o.operationId).sort());
    for (const path of Object.keys(doc.paths)) {
      const { file } = routeFileOf(`/api/v1${path.replace("{slug}", "x")}`);
      expect(file, path).not.toContain("[...rest]");
    }
    // The colon path is the Fact Check Tools one, rewritten to its route folder.
    expect(routeFileOf("/api/v1/claims:search").file).toBe("../../app/api/v1/claims-search/route.ts");
    expect(routeFileOf("/api/v1/claims%3Asearch").file).toBe("../../app/api/v1/claims-search/route.ts");
  });
});

describe("every documented path answers as documented", () => {
  it("200 with the documented body, then 304 for its ETag", async () => {
    const doc = await documentFromRoute();
    let walked = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, documented] of Object.entries(item)) {
        expect(method).toBe("get");
        const operation = Object.values(operations).find((o) => o.operationId === documented.operationId)!;
        const url = exampleUrl(path, documented.operationId);
        const response = await apiGet(url);
        const text = await response.text();
        expect(response.status, `${url}: ${text.slice(0, 300)}`).toBe(200);
        expect(Object.keys(documented.responses)).toContain("200");
        expect(response.headers.get("content-type"), url).toContain(operation.contentType ?? "application/json");
        const parsed = operation.response.safeParse(JSON.parse(text));
        expect(parsed.success ? [] : parsed.error.issues.slice(0, 3), url).toEqual([]);
        expect(response.headers.get("access-control-allow-origin"), url).toBe("*");
        expect(response.headers.get("cache-control"), url).toBe("public, max-age=0, s-maxage=2, stale-while-revalidate=60, stale-if-error=86400");

        const etag = response.headers.get("etag");
        expect(etag, url).toBeTruthy();
        expect(Object.keys(documented.responses)).toContain("304");
        const again = await apiGet(url, { "if-none-match": etag! });
        expect(again.status, url).toBe(304);
        expect(await again.text()).toBe("");
        walked++;
      }
    }
    expect(walked).toBe(Object.keys(operations).length);
  });

  it("the answers are not empty: each list and the feed hold the demo data", async () => {
    for (const url of ["/api/v1/claims", "/api/v1/speakers", "/api/v1/quotes", "/api/v1/topics"]) {
      const body = (await json(await apiGet(url))) as { items: unknown[] };
      expect(body.items.length, url).toBeGreaterThan(0);
    }
    const feed = (await json(await apiGet("/api/v1/claimreview-feed.json"))) as { dataFeedElement: unknown[] };
    expect(feed.dataFeedElement.length).toBeGreaterThan(0);
    const search = (await json(await apiGet("/api/v1/claims:search?query=Putin"))) as { claims?: unknown[] };
    expect(search.claims?.length).toBeGreaterThan(0);
  });

  it("400 for a bad parameter and 404 for an unknown slug, as the documented error", async () => {
    const doc = await documentFromRoute();
    for (const [path, item] of Object.entries(doc.paths)) {
      const documented = item.get!;
      const queryNames = (documented.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
      const bad = queryNames.includes("limit")
        ? "limit=0"
        : queryNames.includes("pageSize")
          ? "query=x&pageSize=abc"
          : queryNames.includes("lang")
            ? "lang=fr"
            : queryNames.includes("cursor")
              ? "cursor=not-a-cursor"
              : null;
      if (bad) {
        expect(Object.keys(documented.responses), path).toContain("400");
        const response = await apiGet(`${exampleUrl(path, documented.operationId).split("?")[0]}?${bad}`);
        expect(response.status, `${path}?${bad}`).toBe(400);
        expect(errorSchema.parse(await json(response)).error.code).toMatch(/^invalid_(parameter|cursor)$/);
        expect(response.headers.get("cache-control")).toBe("no-store");
      }
      if (path.includes("{slug}")) {
        expect(Object.keys(documented.responses), path).toContain("404");
        const response = await apiGet(`/api/v1${path.replace("{slug}", "gibt-es-nicht")}`);
        expect(response.status, path).toBe(404);
        expect(errorSchema.parse(await json(response)).error.code).toBe("not_found");
      }
    }
  });

  it("the reference page renders every operation and schema of the document, without any script", async () => {
    const doc = await documentFromRoute();
    const response = await apiGet("/api/v1/docs");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    // Nothing loaded or linked from another origin: no script, no stylesheet, no src, no absolute href.
    expect(html).not.toMatch(/<script|<link|\ssrc=|\shref="(?:https?:)?\/\//i);
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(html, path).toContain(`/api/v1${path}`);
      expect(html).toContain(`id="op-${item.get!.operationId}"`);
    }
    const schemas = Object.keys((doc as unknown as { components: { schemas: Record<string, unknown> } }).components.schemas);
    expect(schemas).toEqual(expect.arrayContaining(["Claim", "ClaimSummary", "FactCheckToolsSearchResponse", "Error"]));
    for (const name of schemas) expect(html, name).toContain(`id="schema-${name}"`);
  });

  it("an unknown path under /api/v1 is a JSON 404 too", async () => {
    const response = await apiGet("/api/v1/nothing-here");
    expect(response.status).toBe(404);
    expect(errorSchema.parse(await json(response)).error).toMatchObject({ code: "not_found" });
  });
});
