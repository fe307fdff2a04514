// The public page cache before Next.js (lib/launcher/page-cache.ts), as `npm start` runs it:
// public pages in both languages come from memory, with links to the configured public URL
// (CLAIMBASE_PUBLIC_URL, here its default http://localhost:PORT), whatever host a request
// names; the newsroom never does.
import { expect, test } from "@playwright/test";

test("public pages in both languages are answered from the page cache, with the public URL in their links", async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  for (const path of ["/", "/en", "/methodology", "/en/methodology", "/topics", "/en/topics"]) {
    const first = await request.get(path);
    expect(first.status(), path).toBe(200);
    const second = await request.get(path);
    expect(second.headers()["x-claimbase-cache"], path).toMatch(/^(HIT|STALE)$/);
    expect(await second.text(), path).toBe(await first.text());
  }
  const english = await (await request.get("/en")).text();
  expect(english).toContain('<html lang="en"');
  // hreflang links name the public URL and nothing else.
  expect(english).toContain(`href="${origin}/"`);
  expect(english).toContain(`href="${origin}/en"`);
  const hosts = new Set([...english.matchAll(/https?:\/\/(?:localhost|127\.0\.0\.1):\d+/g)].map((m) => m[0]));
  expect([...hosts]).toEqual([origin]);
});

test("the newsroom, sign-in and search are never answered from the page cache", async ({ request }) => {
  for (const path of ["/signin", "/search?q=Putin", "/en/search?q=Putin", "/admin"]) {
    await request.get(path, { maxRedirects: 0 });
    const again = await request.get(path, { maxRedirects: 0 });
    expect(again.headers()["x-claimbase-cache"], path).toBeUndefined();
  }
});

test("a forged Host or X-Forwarded-Host reaches no link, neither in its answer nor in what is stored for others", async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const claim = /href="(\/claims\/[^"]+)"/.exec(await (await request.get("/")).text())![1]!;
  const forged = { "x-forwarded-host": "evil.test", "x-forwarded-proto": "https", "x-forwarded-port": "443" };
  for (const path of ["/sitemap.xml", "/feed.xml", "/robots.txt", "/en", "/", claim, `/embed${claim}`]) {
    const poisoned = await request.get(path, { headers: forged });
    expect(poisoned.status(), path).toBe(200);
    const text = await poisoned.text();
    expect(text, path).not.toContain("evil.test");
    // The next reader, with no forged header, gets links to the public URL.
    const plain = await (await request.get(path)).text();
    expect(plain, path).not.toContain("evil.test");
    expect(plain, path).toContain(origin);
  }
  const sitemap = await (await request.get("/sitemap.xml", { headers: { host: "evil.test" } })).text();
  expect(sitemap).not.toContain("evil.test");
  expect(sitemap).toContain(`<loc>${origin}/</loc>`);
});
