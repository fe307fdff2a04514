// How public pages are served, as `npm start` runs the app, and behind the shipped nginx
// recipe (deploy/nginx.conf): prerendered pages from Next.js's own cache in both languages,
// with links to the configured public URL (CLAIMBASE_PUBLIC_URL, here its default
// http://localhost:PORT) whatever host a request names; the newsroom rendered per
// request and never stored; and the two holes of the hand-written page cache that stood here
// before (cache poisoning by a forged host, a request desync by a body that never comes) closed.
import net from "node:net";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { EDITOR, signIn } from "./desk";
import { E2E_PORT, startNginx } from "./servers";
import type { NginxFront } from "../scripts/nginx-front";

let nginx: NginxFront | null = null;
test.beforeAll(async () => {
  nginx = await startNginx();
});
test.afterAll(async () => {
  await nginx?.stop();
});

async function firstClaimPath(request: APIRequestContext): Promise<string> {
  return /href="(\/claims\/[^"]+)"/.exec(await (await request.get("/")).text())![1]!;
}

test("public pages in both languages are prerendered once and served from Next.js's cache", async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const claim = await firstClaimPath(request);
  for (const path of ["/", "/en", "/methodology", "/en/methodology", "/topics", "/en/topics", "/corrections", claim, `/en${claim}`, `/embed${claim}`]) {
    expect((await request.get(path)).status(), path).toBe(200);
    // Stored now: answered from the cache (a page past its minute is answered once more while
    // it is rendered again in the background, STALE, until that render is done), the same
    // bytes each time.
    expect((await request.get(path)).headers()["x-nextjs-cache"], path).toMatch(/^(HIT|STALE)$/);
    await expect.poll(async () => (await request.get(path)).headers()["x-nextjs-cache"], { message: path }).toBe("HIT");
    const hit = await request.get(path);
    expect(hit.headers()["x-nextjs-cache"], path).toBe("HIT");
    expect(await hit.text(), path).toBe(await (await request.get(path)).text());
  }
  const english = await (await request.get("/en")).text();
  expect(english).toContain('<html lang="en"');
  // hreflang links name the public URL and nothing else.
  expect(english).toContain(`href="${origin}/"`);
  expect(english).toContain(`href="${origin}/en"`);
  const hosts = new Set([...english.matchAll(/https?:\/\/(?:localhost|127\.0\.0\.1):\d+/g)].map((m) => m[0]));
  expect([...hosts]).toEqual([origin]);
});

test("the newsroom and sign-in are rendered for each request and never stored", async ({ request }) => {
  for (const path of ["/signin", "/admin"]) {
    await request.get(path, { maxRedirects: 0 });
    const again = await request.get(path, { maxRedirects: 0 });
    expect(again.headers()["x-nextjs-cache"], path).toBeUndefined();
  }
});

test("a search is rendered once and then answered from the cache, whatever order its parameters came in", async ({ request }) => {
  const first = await request.get("/search?q=Putin&type=claims");
  expect(first.status()).toBe(200);
  // From the cache: fresh (HIT), or older than a minute and refreshed behind it (STALE).
  const fromCache = ["HIT", "STALE"];
  const again = await request.get("/search?type=claims&utm_source=x&q=Putin");
  expect(fromCache).toContain(again.headers()["x-nextjs-cache"]);
  expect(await again.text()).toBe(await first.text());
  expect((await request.get("/en/search?q=Putin", { maxRedirects: 0 })).status()).toBe(200);
  expect(fromCache).toContain((await request.get("/en/search?q=Putin")).headers()["x-nextjs-cache"]);
});

test("a forged Host or X-Forwarded-Host reaches no link, neither in its answer nor in what is stored for others", async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const claim = await firstClaimPath(request);
  const forged = { "x-forwarded-host": "evil.test", "x-forwarded-proto": "https", "x-forwarded-port": "443" };
  const fronts = [{ name: "app", base: "" }, ...(nginx ? [{ name: "nginx", base: nginx.url }] : [])];
  for (const { name, base } of fronts) {
    for (const path of ["/sitemap.xml", "/feed.xml", "/robots.txt", "/en", "/", claim, `/embed${claim}`, "/topics?page=1", "/search?q=Putin"]) {
      for (const headers of [forged, { host: "evil.test" }]) {
        const poisoned = await request.get(`${base}${path}`, { headers });
        expect(poisoned.status(), `${name} ${path}`).toBe(200);
        expect(await poisoned.text(), `${name} ${path}`).not.toContain("evil.test");
      }
      // The next reader, with no forged header, gets links to the public URL.
      const plain = await (await request.get(`${base}${path}`)).text();
      expect(plain, `${name} ${path}`).not.toContain("evil.test");
      expect(plain, `${name} ${path}`).toContain(origin);
    }
  }
});

/** Opens `count` connections that each send a GET announcing a body that never comes. */
async function hangingRequests(port: number, count: number): Promise<net.Socket[]> {
  const sockets: net.Socket[] = [];
  for (let i = 0; i < count; i++) {
    const socket = net.connect(port, "127.0.0.1");
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("error", reject);
    });
    socket.on("error", () => undefined);
    socket.write(`GET /methodology HTTP/1.1\r\nHost: localhost\r\nContent-Length: 999999\r\nConnection: keep-alive\r\n\r\n`);
    sockets.push(socket);
  }
  return sockets;
}

test("a GET that announces a body and never sends it delays no other reader", async ({ playwright }) => {
  // A fresh client (no connection shared with the hanging ones), with a deadline far below the
  // 8 s the next reader waited behind the old page cache, far above a normal answer.
  const client = await playwright.request.newContext({ timeout: 3_000 });
  try {
    const targets = [{ name: "app", port: E2E_PORT, base: `http://localhost:${E2E_PORT}` }, ...(nginx ? [{ name: "nginx", port: nginx.port, base: nginx.url }] : [])];
    for (const { name, port, base } of targets) {
      const sockets = await hangingRequests(port, 20);
      try {
        for (const path of ["/methodology", "/", "/en/topics"]) {
          const response = await client.get(`${base}${path}`);
          expect(response.status(), `${name} ${path}`).toBe(200);
        }
      } finally {
        for (const socket of sockets) socket.destroy();
      }
    }
  } finally {
    await client.dispose();
  }
});

test("through nginx: public pages come from its cache, a session never does, and the desk is never stored", async ({ browser, request }) => {
  test.skip(!nginx, "nginx is not installed here (on CI it is, and this runs)");
  const base = nginx!.url;
  const claim = await firstClaimPath(request);
  await request.get(`${base}${claim}`);
  const again = await request.get(`${base}${claim}`);
  expect(again.headers()["x-cache-status"]).toMatch(/^(HIT|STALE|UPDATING)$/);
  expect(again.headers()["cache-control"]).toMatch(/^public, max-age=0, s-maxage=\d+/);
  // `/` chooses the language per reader: never answered from the shared cache.
  const english = await request.get(`${base}/`, { headers: { "accept-language": "en" }, maxRedirects: 0 });
  expect(english.status()).toBe(307);
  expect(english.headers()["location"]).toBe("/en");

  // An editor signed in through nginx: their requests bypass the cache, and nothing of theirs
  // is answered to a reader without a session.
  const editor = await (await browser.newContext({ baseURL: base, locale: "de-DE" })).newPage();
  await signIn(editor, EDITOR);
  const desk = await editor.request.get(`${base}/admin`);
  expect(desk.status()).toBe(200);
  expect(desk.headers()["x-cache-status"]).toBeUndefined();
  const signedInClaim = await editor.request.get(`${base}${claim}`);
  expect(signedInClaim.headers()["x-cache-status"]).toBe("BYPASS");
  const anonymous = await request.get(`${base}/admin`, { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers()["location"]).toMatch(/^\/signin/);
  await editor.context().close();
});
