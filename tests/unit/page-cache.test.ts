// The public page cache before Next.js (lib/launcher/page-cache.ts), against a real HTTP server
// standing in for Next.js that counts what reaches it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { PublicPageCache, cacheKey, createFrontServer } from "../../lib/launcher/page-cache";

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let upstream: http.Server;
let upstreamPort: number;
let seen: Seen[] = [];
let version = 1;
/** What the stand-in answers for a path, given the current version. */
let answer: (url: string) => { status: number; headers?: http.OutgoingHttpHeaders; body: string } = () => ({ status: 200, body: "" });

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString() });
      const { status, headers, body } = answer(req.url ?? "/");
      // A little latency, so that concurrent requests overlap.
      setTimeout(() => {
        res.writeHead(status, { "content-type": "text/html; charset=utf-8", etag: `"v${version}"`, ...headers });
        res.end(body);
      }, 20);
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  upstreamPort = (upstream.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => upstream.close(() => resolve())));

let generation = "1";
let generationFails = false;
let cache: PublicPageCache;
let front: http.Server;
let frontPort: number;

async function startFront(ttlMs: number, pollMs = 25): Promise<void> {
  cache = new PublicPageCache({
    upstreamPort,
    ttlMs,
    pollMs,
    readGeneration: async () => {
      if (generationFails) throw new Error("database down");
      return generation;
    },
  });
  await cache.start();
  front = createFrontServer(cache);
  await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
  frontPort = (front.address() as AddressInfo).port;
}

beforeEach(() => {
  seen = [];
  version = 1;
  generation = "1";
  generationFails = false;
  answer = (url) => ({ status: 200, body: `<html>page ${url} version ${version}</html>` });
});

const agent = new http.Agent({ keepAlive: false });
function request(
  path: string,
  options: { method?: string; headers?: http.OutgoingHttpHeaders; body?: string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: frontPort, path, method: options.method ?? "GET", headers: options.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const hits = (path: string) => seen.filter((s) => s.url === path).length;

describe("which requests the page cache may answer", () => {
  const key = (url: string, headers: http.IncomingHttpHeaders = {}, method = "GET") => cacheKey({ method, url, headers: { host: "example.org", ...headers } });

  it("stores public pages in both languages, the feed, the sitemap and embed cards", () => {
    for (const url of ["/", "/en", "/claims/x", "/en/claims/x", "/speakers/putin?page=2", "/topics", "/methodology", "/feed.xml", "/sitemap.xml", "/robots.txt", "/embed/claims/x"]) {
      expect(key(url), url).not.toBeNull();
    }
    expect(key("/claims/x")).not.toBe(key("/en/claims/x"));
    expect(key("/claims/x")).not.toBe(key("/claims/x", { host: "other.example" }));
    expect(key("/claims/x", {}, "HEAD")).toBe(key("/claims/x"));
  });

  it("passes through the newsroom, sign-in, APIs, search, writes and anything personal", () => {
    for (const url of ["/admin", "/admin/claims", "/signin", "/api/oembed?url=x", "/api/auth/session", "/search?q=x", "/en/search", "/lang?to=en&next=/", "/_next/static/x.js"]) {
      expect(key(url), url).toBeNull();
    }
    expect(key("/claims/x", {}, "POST")).toBeNull();
    expect(key("/claims/x?utm_source=x")).toBeNull();
    expect(key("/claims/x", { cookie: "authjs.session-token=abc" })).toBeNull();
    expect(key("/claims/x", { cookie: "a=1; __Secure-authjs.session-token.0=abc" })).toBeNull();
    expect(key("/claims/x", { rsc: "1" })).toBeNull();
    expect(key("/claims/x", { "next-action": "abc" })).toBeNull();
  });

  it("leaves a reader who wants English to proxy.ts's redirect on German URLs", () => {
    expect(key("/claims/x", { cookie: "claimbase-locale=en" })).toBeNull();
    expect(key("/claims/x", { "accept-language": "en-US,en;q=0.9" })).toBeNull();
    expect(key("/en/claims/x", { "accept-language": "en-US,en;q=0.9" })).not.toBeNull();
    expect(key("/claims/x", { cookie: "claimbase-locale=de", "accept-language": "en-US" })).not.toBeNull();
    expect(key("/claims/x", { "accept-language": "de-DE,de;q=0.9,en;q=0.8" })).not.toBeNull();
  });
});

describe("the page cache", () => {
  afterEach(async () => {
    cache.stop();
    front.closeAllConnections();
    await new Promise<void>((resolve) => front.close(() => resolve()));
  });

  it("asks Next.js once and then answers from memory, plain or gzipped", async () => {
    await startFront(60_000);
    const first = await request("/claims/a");
    const second = await request("/claims/a");
    const gzipped = await request("/claims/a", { headers: { "accept-encoding": "gzip, deflate" } });
    expect(first.headers["x-claimbase-cache"]).toBe("MISS");
    expect(second.headers["x-claimbase-cache"]).toBe("HIT");
    expect(hits("/claims/a")).toBe(1);
    expect(second.body.toString()).toBe("<html>page /claims/a version 1</html>");
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gzipped.body).toString()).toBe(second.body.toString());
    expect(second.headers.vary).toMatch(/Accept-Encoding/);
    // Next.js is asked for the plain body; the cache compresses it itself.
    expect(seen[0]!.headers["accept-encoding"]).toBeUndefined();
  });

  it("answers a conditional request with 304 and HEAD without a body", async () => {
    await startFront(60_000);
    await request("/claims/a");
    const notModified = await request("/claims/a", { headers: { "if-none-match": '"v1"' } });
    expect(notModified.status).toBe(304);
    const head = await request("/claims/a", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers["content-length"])).toBe("<html>page /claims/a version 1</html>".length);
    expect(hits("/claims/a")).toBe(1);
  });

  it("drops every stored page when the public generation changes", async () => {
    await startFront(60_000);
    await request("/claims/a");
    version = 2;
    expect((await request("/claims/a")).body.toString()).toContain("version 1");
    generation = "2";
    await sleep(100);
    const fresh = await request("/claims/a");
    expect(fresh.headers["x-claimbase-cache"]).toBe("MISS");
    expect(fresh.body.toString()).toContain("version 2");
    expect(hits("/claims/a")).toBe(2);
  });

  it("reads the generation before answering a write, so the writer's next page is fresh", async () => {
    await startFront(60_000, 60_000); // no polling during the test
    await request("/claims/a");
    version = 2;
    // A publication counts the generation before its answer.
    answer = (url) => {
      if (url.startsWith("/admin")) generation = "2";
      return { status: 200, body: `<html>page ${url} version ${version}</html>` };
    };
    await request("/admin/claims/x", { method: "POST", body: "approve" });
    const after = await request("/claims/a");
    expect(after.headers["x-claimbase-cache"]).toBe("MISS");
    expect(after.body.toString()).toContain("version 2");
  });

  it("serves a page past its time once more while it fetches the new one", async () => {
    await startFront(50);
    await request("/claims/a");
    version = 2;
    await sleep(80);
    const stale = await request("/claims/a");
    expect(stale.headers["x-claimbase-cache"]).toBe("STALE");
    expect(stale.body.toString()).toContain("version 1");
    await sleep(60);
    const refreshed = await request("/claims/a");
    expect(refreshed.body.toString()).toContain("version 2");
  });

  it("asks Next.js once for many readers of the same missing page", async () => {
    await startFront(60_000);
    const answers = await Promise.all(Array.from({ length: 10 }, () => request("/claims/b")));
    expect(answers.every((a) => a.status === 200 && a.body.toString().includes("/claims/b"))).toBe(true);
    expect(hits("/claims/b")).toBe(1);
  });

  it("does not store errors, redirects or answers that set a cookie", async () => {
    answer = (url) =>
      url === "/claims/missing"
        ? { status: 404, body: "not found" }
        : url === "/claims/cookie"
          ? { status: 200, headers: { "set-cookie": "x=1" }, body: "with cookie" }
          : { status: 307, headers: { location: "/en/claims/x" }, body: "" };
    await startFront(60_000);
    for (const path of ["/claims/missing", "/claims/cookie", "/claims/moved"]) {
      const a = await request(path);
      const b = await request(path);
      expect(b.status).toBe(a.status);
      expect(hits(path), path).toBe(2);
    }
    expect((await request("/claims/missing")).body.toString()).toBe("not found");
    expect((await request("/claims/moved")).headers.location).toBe("/en/claims/x");
  });

  it("passes other requests through with their body and the reader's address", async () => {
    answer = () => ({ status: 200, headers: { "set-cookie": "session=1" }, body: "saved" });
    await startFront(60_000);
    const posted = await request("/admin/claims/x", { method: "POST", headers: { "content-type": "text/plain", "next-action": "abc" }, body: "hello" });
    expect(posted.status).toBe(200);
    expect(posted.body.toString()).toBe("saved");
    expect(posted.headers["set-cookie"]).toEqual(["session=1"]);
    expect(seen[0]).toMatchObject({ method: "POST", url: "/admin/claims/x", body: "hello" });
    expect(seen[0]!.headers["x-forwarded-for"]).toBe("127.0.0.1");
    // Next.js sees its own address as Host (its rewrites stay internal), the reader's as
    // X-Forwarded-Host (links, Auth.js, the server actions' origin check).
    expect(seen[0]!.headers.host).toBe(`localhost:${upstreamPort}`);
    expect(seen[0]!.headers["x-forwarded-host"]).toBe(`127.0.0.1:${frontPort}`);
    // The generation it knows goes to Next.js (the data cache's key), never a client's.
    await request("/admin/claims/x", { headers: { "x-claimbase-generation": "999" } });
    expect(seen.at(-1)!.headers["x-claimbase-generation"]).toBe("1");
    await request("/admin/claims/x");
    expect(hits("/admin/claims/x")).toBe(3);
  });

  it("stores nothing while the public generation cannot be read", async () => {
    await startFront(60_000);
    await request("/claims/a");
    generationFails = true;
    await sleep(100);
    await request("/claims/a");
    await request("/claims/a");
    expect(hits("/claims/a")).toBe(3);
    generationFails = false;
    await sleep(100);
    await request("/claims/a");
    await request("/claims/a");
    expect(hits("/claims/a")).toBe(4);
  });

  it("drops a request quietly when the reader goes away before the answer", async () => {
    await startFront(60_000);
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await new Promise<void>((resolve) => {
      const req = http.request({ host: "127.0.0.1", port: frontPort, path: "/admin/slow", agent });
      req.on("error", () => resolve());
      req.end();
      setTimeout(() => req.destroy(), 5);
    });
    await sleep(60);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it("answers 502 with a message when Next.js is down", async () => {
    await startFront(60_000);
    const downPort = upstreamPort;
    upstreamPort = 1; // nothing listens there
    cache.stop();
    front.closeAllConnections();
    await new Promise<void>((resolve) => front.close(() => resolve()));
    await startFront(60_000);
    const answer502 = await request("/claims/a");
    expect(answer502.status).toBe(502);
    expect(answer502.body.toString()).toMatch(/not answering/);
    upstreamPort = downPort;
  });
});
