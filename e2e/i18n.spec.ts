// The public site in German (root URLs) and English (/en): English UI strings and verdict
// labels, links that stay in the language, the language switch that is remembered, and the
// first visit that follows the browser's language. Content keeps its own language.
import { expect, test, type Page } from "@playwright/test";

/** The href of the 95 % claim on the home page of a language ("" or "/en"). */
async function claimHref(page: Page, prefix: "" | "/en"): Promise<string> {
  await page.goto(prefix || "/");
  const href = await page.getByRole("link", { name: /95 Prozent/ }).getAttribute("href");
  expect(href).toMatch(prefix ? /^\/en\/claims\/[a-z0-9-]+$/ : /^\/claims\/[a-z0-9-]+$/);
  return href!;
}

test("/en shows the English site: UI strings, verdict labels, dates, links", async ({ page }) => {
  const response = await page.goto("/en");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Fact checks" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await expect(nav.getByRole("link", { name: "Topics" })).toHaveAttribute("href", "/en/topics");
  await expect(nav.getByRole("link", { name: "Methodology" })).toHaveAttribute("href", "/en/methodology");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeAttached();

  // Every public link in the page body stays in English.
  const hrefs = await page.locator("main a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  expect(hrefs.length).toBeGreaterThan(3);
  for (const href of hrefs) expect(href, href).toMatch(/^\/en(\/|$|\?)/);

  // The claim text stays German and says so.
  const card = page.locator("main article.claim-card").filter({ hasText: "95 Prozent" });
  await expect(card.locator(".claim-card__text")).toHaveAttribute("lang", "de");
  await expect(card.locator(".verdict")).toHaveText(/mostly true/);
  await expect(card).toContainText("Published on");
  await expect(card.locator("time")).toHaveText(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);

  // Client-side navigation to the claim page keeps the English site.
  await card.getByRole("link", { name: /95 Prozent/ }).click();
  await expect(page).toHaveURL(/\/en\/claims\/[a-z0-9-]+$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const verdict = page.locator(".verdict-box .verdict");
  await expect(verdict).toHaveText("Verdict: mostly true");
  await expect(page.locator(".verdict-box")).toContainText("The statement is accurate at its core");
  await expect(page.getByRole("heading", { level: 2, name: "Evidence" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "de");
  const claimant = page.locator(".facts").getByRole("link").first();
  expect(await claimant.getAttribute("href")).toMatch(/^\/en\/speakers\//);
  // The language switch followed the navigation: it offers this claim in German.
  const path = new URL(page.url()).pathname.slice(3);
  await expect(page.getByRole("link", { name: "Deutsch" })).toHaveAttribute("href", `/lang?to=de&next=${encodeURIComponent(path)}`);
});

test("the English claim page has the English verdict label and hreflang links to both versions", async ({ page, request }) => {
  const en = await claimHref(page, "/en");
  const response = await page.goto(en);
  expect(response?.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator(".verdict-box .verdict")).toContainText("mostly true");
  await expect(page.locator(".verdict-box .verdict")).not.toContainText("richtig");
  const de = en.slice(3);
  await expect(page.locator('link[rel="alternate"][hreflang="de"]')).toHaveAttribute("href", new RegExp(`${de}$`));
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute("href", new RegExp(`${en}$`));

  // The same page in German.
  await page.goto(de);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.locator(".verdict-box .verdict")).toContainText("überwiegend richtig");

  // Unknown English pages are English 404s.
  const missing = await request.get("/en/claims/gibt-es-nicht");
  expect(missing.status()).toBe(404);
  expect(await missing.text()).toContain("Page not found");
});

test("the switch link changes the language and is remembered on the next visit to /", async ({ page, context }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.getByRole("heading", { level: 1, name: "Fact checks" })).toBeVisible();
  expect((await context.cookies()).find((c) => c.name === "claimbase-locale")?.value).toBe("en");

  // Remembered: the German home page now sends this reader to the English one.
  await page.goto("/");
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  // From a claim page, the switch goes to the same claim in the other language.
  const en = await claimHref(page, "/en");
  await page.goto(en);
  await page.getByRole("link", { name: "Deutsch" }).click();
  await expect(page).toHaveURL(new RegExp(`${en.slice(3)}$`));
  await expect(page).not.toHaveURL(/\/en\//);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await page.goto("/");
  await expect(page).not.toHaveURL(/\/en$/);
  await expect(page.getByRole("heading", { level: 1, name: "Faktenchecks" })).toBeVisible();
});

test("a browser that prefers English is sent from / to /en; other URLs keep their language; a chosen German wins", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Fact checks" })).toBeVisible();

  // Any other German URL is German for everyone (so that a shared cache can keep one copy).
  await page.goto("/corrections?page=1");
  await expect(page).toHaveURL(/\/corrections\?page=1$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");

  // The reader picks German on an English page: the choice beats the browser's language from then on.
  await page.goto("/en/corrections");
  await page.getByRole("link", { name: "Deutsch" }).click();
  await expect(page).toHaveURL(/\/corrections$/);
  await expect(page).not.toHaveURL(/\/en\//);
  await page.goto("/");
  await expect(page).not.toHaveURL(/\/en$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await context.close();

  // The newsroom is never redirected.
  const other = await browser.newContext({ locale: "en-US" });
  const signin = await other.newPage();
  await signin.goto("/signin");
  await expect(signin).toHaveURL(/\/signin$/);
  await other.close();
});

test("the language switch works without JavaScript and only goes to this site", async ({ browser, request }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "de-DE" });
  const page = await context.newPage();
  await page.goto("/methodology");
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en\/methodology$/);
  await expect(page.getByRole("heading", { level: 1, name: "Methodology" })).toBeVisible();
  await expect(page.locator("main")).toContainText("bestRating 6");
  await context.close();

  for (const next of ["//evil.example/x", "https://evil.example/", "/admin"]) {
    const response = await request.get(`/lang?to=en&next=${encodeURIComponent(next)}`, { maxRedirects: 0 });
    expect(response.status(), next).toBe(303);
    expect(response.headers()["location"], next).toBe("/en");
  }
});

test("topics, methodology and corrections exist in both languages", async ({ page }) => {
  for (const [path, heading] of [
    ["/topics", "Themen"],
    ["/en/topics", "Topics"],
    ["/methodology", "Methodik"],
    ["/en/methodology", "Methodology"],
    ["/corrections", "Korrekturen"],
    ["/en/corrections", "Corrections"],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  }

  // A topic page: the name in the page language, its public claims.
  await page.goto("/en/topics");
  await page.getByRole("link", { name: "Syria" }).click();
  await expect(page).toHaveURL(/\/en\/topics\/syrien$/);
  await expect(page.getByRole("heading", { level: 1, name: "Syria" })).toBeVisible();
  await expect(page.locator("main")).toContainText("95 Prozent");
  await page.goto("/topics/syrien");
  await expect(page.getByRole("heading", { level: 1, name: "Syrien" })).toBeVisible();

  // The methodology page publishes the scale from the database, best first.
  await page.goto("/en/methodology");
  const rows = page.locator(".scale-table tbody tr");
  await expect(rows.first()).toContainText("true");
  await expect(rows.first()).toContainText("6");
  await expect(page.locator(".scale-table")).toContainText("unverifiable");
});

test("the language switch keeps a search with its filters, and drops other parameters", async ({ browser, page }) => {
  // As the server renders it (no JavaScript: the link must be right before any hydration), and
  // for a paged list too, whose page number is a route segment on the server.
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "de-DE" });
  const plain = await context.newPage();
  for (const [url, expected] of [
    ["/search?q=Putin&type=claims&verdict=mostly-true&utm_source=newsletter", "/search?q=Putin&type=claims&verdict=mostly-true"],
    ["/search?utm_source=x&verdict=mostly-true&q=Herrschaftsgebiet&page=2", "/search?q=Herrschaftsgebiet&verdict=mostly-true&page=2"],
    ["/?page=2&utm_source=x", "/?page=2"],
  ] as const) {
    await plain.goto(url);
    const href = await plain.getByRole("link", { name: "English" }).getAttribute("href");
    expect(new URL(href!, "http://x").searchParams.get("next"), url).toBe(expected);
  }
  await context.close();

  await page.goto("/search?q=Putin&type=claims&verdict=mostly-true&utm_source=newsletter");
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en\/search\?q=Putin&type=claims&verdict=mostly-true$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
