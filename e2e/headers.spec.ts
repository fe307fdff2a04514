// Security headers on public pages, the newsroom, files and embeds (next.config.js), and pages
// that work under that Content-Security-Policy: no violation is reported while a reader
// browses and an editor works in the desk.
import { expect, test } from "@playwright/test";
import { EDITOR, signIn } from "./desk";

const directive = (csp: string, name: string) => csp.split(";").map((d) => d.trim()).find((d) => d.startsWith(`${name} `));

test("every answer has the security headers; only embed cards may be framed", async ({ request }) => {
  const claim = /href="(\/claims\/[^"]+)"/.exec(await (await request.get("/")).text())![1]!;
  for (const path of ["/", "/en", claim, "/search?q=Putin", "/signin", "/admin", "/feed.xml", "/sitemap.xml", `/embed${claim}`]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const h = response.headers();
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    const csp = h["content-security-policy"] ?? "";
    expect(csp, path).not.toContain("unsafe-eval");
    expect(directive(csp, "default-src"), path).toBe("default-src 'self'");
    expect(directive(csp, "object-src"), path).toBe("object-src 'none'");
    expect(directive(csp, "frame-ancestors"), path).toBe(path.startsWith("/embed/") ? "frame-ancestors *" : "frame-ancestors 'none'");
    // A plain-http site sends no Strict-Transport-Security (tests/unit/proxy.test.ts: https).
    expect(h["strict-transport-security"], path).toBeUndefined();
  }
});

test("the desk, sign-in and anything with a session are never stored by a shared cache", async ({ page, request }) => {
  for (const path of ["/signin", "/admin", "/admin/claims"]) {
    const cacheControl = (await request.get(path, { maxRedirects: 0 })).headers()["cache-control"] ?? "";
    expect(cacheControl, path).toContain("private");
    expect(cacheControl, path).toContain("no-store");
  }
  await signIn(page, EDITOR);
  for (const path of ["/admin", "/admin/claims", "/"]) {
    const response = await page.request.get(path);
    expect(response.headers()["cache-control"] ?? "", path).toMatch(/private.*no-store|no-store.*private/);
  }
});

test("the public site and the desk work without a Content-Security-Policy violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/");
  await page.locator('main a[href^="/claims/"]').first().click();
  await expect(page).toHaveURL(/\/claims\//);
  await page.goto("/en/search?q=Putin");
  await signIn(page, EDITOR);
  await page.goto("/admin/claims");
  await page.locator('main a[href^="/admin/claims/"]').first().click();
  await expect(page).toHaveURL(/\/admin\/claims\/[^/]+$/);
  expect(violations).toEqual([]);
});
