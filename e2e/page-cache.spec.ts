// The public page cache before Next.js (lib/launcher/page-cache.ts), as `npm start` runs it:
// public pages in both languages come from memory, with links to the host the reader asked
// for (not Next.js' own address behind the cache); the newsroom never does.
import { expect, test } from "@playwright/test";

test("public pages in both languages are answered from the page cache, with the reader's host in their links", async ({ request, baseURL }) => {
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
  // hreflang links name the reader's host and nothing else.
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
