// The public site, server-rendered from the demo data (the APEC 2017 seed article):
// published claims are listed and readable; drafts and claims under review are nowhere.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { slugify } from "../lib/slug";

interface GoldClaim {
  id: string;
  text: string;
}
const gold = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, "../data/seed/apec-2017-de.gold.json"), "utf8"),
) as { claims: GoldClaim[] };

function goldClaim(id: string): GoldClaim {
  const claim = gold.claims.find((c) => c.id === id);
  if (!claim) throw new Error(`claim ${id} is missing from the gold file`);
  return claim;
}

// The demo data publishes c1, c4 and c7, keeps c8 a draft, c5 in review, c3 in research.
const published = ["c1", "c4", "c7"].map(goldClaim);
const notPublic = ["c8", "c5", "c3"].map(goldClaim);
const draft = goldClaim("c8");
const inReview = goldClaim("c5");

/** A distinctive start of a claim's text (the claim cards show the whole text). */
function head(claim: GoldClaim, words = 6): string {
  return claim.text.split(/\s+/).slice(0, words).join(" ");
}

async function mainText(page: Page): Promise<string> {
  return (await page.locator("main").innerText()).replace(/\s+/g, " ");
}

test("home lists the published claims with claimant, verdict and date", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 1, name: "Faktenchecks" })).toBeVisible();

  const cards = page.locator("main article.claim-card");
  expect(await cards.count()).toBeGreaterThanOrEqual(3);
  await expect(page.locator("main")).toContainText("95 Prozent");
  for (const claim of published) await expect(page.locator("main")).toContainText(head(claim));

  // Every card: a verdict badge with a text label, a claimant linking to a speaker page.
  for (const card of await cards.all()) {
    const badge = card.locator(".verdict");
    await expect(badge).toHaveText(/\S/);
    await expect(card.locator('a[href^="/speakers/"]')).toHaveCount(1);
    await expect(card.locator("time")).toHaveCount(1);
  }
});

test("the 95 % claim page shows its verdict and the passage in context", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: /95 Prozent/ }).click();
  await expect(page).toHaveURL(/\/claims\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("95 Prozent");

  // The verdict label is text, and its explanation is shown.
  const verdict = page.locator(".verdict-box .verdict");
  await expect(verdict).toHaveText(/richtig|falsch|irreführend|nicht überprüfbar/);
  await expect(page.locator(".verdict-box")).toContainText(/Die Aussage/);

  // The claim's passage (or a quote of Trump or Putin) in the stored source text, marked.
  const mark = page.locator("main mark").first();
  await expect(mark).toBeVisible();
  const marked = (await page.locator("main mark").allInnerTexts()).join(" ");
  expect(marked).toMatch(/95 Prozent|Trump|Putin/);
  // The marked passage sits inside text from around it.
  const context = page.locator("main blockquote.context").first();
  expect(((await context.innerText()).length)).toBeGreaterThan((await mark.innerText()).length + 20);

  // Claimant links to a public speaker page.
  const claimant = page.locator(".facts").getByRole("link").first();
  const href = await claimant.getAttribute("href");
  expect(href).toMatch(/^\/speakers\//);
  const speaker = await page.request.get(href!);
  expect(speaker.status()).toBe(200);
});

test("drafts and claims under review are nowhere on the public site", async ({ page, request }) => {
  await page.goto("/");
  const home = await mainText(page);
  for (const claim of notPublic) expect(home, claim.id).not.toContain(head(claim));
  expect(home).not.toContain("Die Außenminister Rex Tillerson und Sergej Lawrow hätten das Papier ausgehandelt");
  expect(home).not.toContain("Ausdrücklich erwähnte das Papier");

  // Their would-be claim pages answer 404, exactly like a slug that never existed.
  for (const claim of notPublic) {
    const response = await request.get(`/claims/${slugify(claim.text)}`);
    expect(response.status(), claim.id).toBe(404);
  }
  const unknown = await request.get("/claims/diese-aussage-gibt-es-nicht");
  expect(unknown.status()).toBe(404);

  // No speaker page lists them: visit every speaker linked from the home page and the
  // published claim pages.
  const speakerLinks = new Set<string>();
  const claimLinks = await page.locator('main a[href^="/claims/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  for (const href of await page.locator('main a[href^="/speakers/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")!))) speakerLinks.add(href);
  for (const claimHref of claimLinks) {
    await page.goto(claimHref);
    for (const href of await page.locator('main a[href^="/speakers/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")!))) speakerLinks.add(href);
  }
  expect(speakerLinks.size).toBeGreaterThan(0);
  for (const href of speakerLinks) {
    const response = await page.goto(href);
    expect(response?.status(), href).toBe(200);
    const text = await mainText(page);
    expect(text, href).not.toContain(draft.text);
    expect(text, href).not.toContain("Ausdrücklich erwähnte das Papier");
    expect(text, href).not.toContain(head(inReview));
  }

  // Peskow's only item is the draft claim c8 (and the quote it comes from): no public page.
  const peskow = await request.get(`/speakers/${slugify("Dmitri Peskow")}`);
  expect(peskow.status()).toBe(404);
});

test("the page navigation has a skip link and the not-found page is friendly", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Zum Inhalt springen" });
  await expect(skip).toBeFocused();
  await expect(page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Anmelden" })).toBeVisible();

  const response = await page.goto("/speakers/niemand-bekanntes");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Seite nicht gefunden");
});

test("every public page announces the Atom feed of its language in its head, the newsroom does not", async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const head = async (path: string) => {
    const html = await (await request.get(path)).text();
    return html.slice(0, html.indexOf("</head>"));
  };
  const claim = /href="(\/claims\/[^"]+)"/.exec(await (await request.get("/")).text())![1]!;
  for (const path of ["/", "/en", claim, `/en${claim}`, "/methodology", "/en/topics", "/corrections"]) {
    const feed = `${origin}${path.startsWith("/en") ? "/en" : ""}/feed.xml`;
    expect(await head(path), path).toMatch(new RegExp(`<link rel="alternate" type="application/atom\\+xml" href="${feed}"`));
  }
  // The links lead to the feeds: German and English, with links to the pages of that language.
  const german = await request.get("/feed.xml");
  expect(german.headers()["content-type"]).toContain("application/atom+xml");
  expect(await german.text()).toContain(`<link rel="alternate" type="text/html" href="${origin}${claim}"/>`);
  const english = await request.get("/en/feed.xml");
  expect(english.headers()["content-type"]).toContain("application/atom+xml");
  const englishText = await english.text();
  expect(englishText).toContain('xml:lang="en"');
  expect(englishText).toContain(`<link rel="alternate" type="text/html" href="${origin}/en${claim}"/>`);
  // One sitemap for both languages.
  expect((await request.get("/sitemap.xml")).status()).toBe(200);
  expect((await request.get("/en/sitemap.xml")).status()).toBe(404);
  expect(await head("/signin")).not.toContain("application/atom+xml");
});
