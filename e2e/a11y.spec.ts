// Accessibility of the public pages in both languages: axe-core (the devDependency, injected
// from node_modules) finds no violation of serious or critical impact. Also keyboard basics:
// the skip link, visible focus on links, and on every control of the desk.
import { expect, test } from "@playwright/test";
import { describeViolations, seriousViolations } from "./axe";
import { EDITOR, signedIn } from "./desk";

// The pages to check, found from the demo data once: a claim page and its claimant's page.
let claimPath = "";
let speakerPath = "";

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage({ locale: "de-DE" });
  await page.goto("/");
  claimPath = (await page.getByRole("link", { name: /95 Prozent/ }).getAttribute("href")) ?? "";
  expect(claimPath).toMatch(/^\/claims\//);
  await page.goto(claimPath);
  speakerPath = (await page.locator(".facts").getByRole("link").first().getAttribute("href")) ?? "";
  expect(speakerPath).toMatch(/^\/speakers\//);
  await page.close();
});

const PAGES: { name: string; path: () => string }[] = [
  { name: "home", path: () => "/" },
  { name: "claim page", path: () => claimPath },
  { name: "speaker page", path: () => speakerPath },
  // Built concurrently by another change; a 404 page is checked all the same.
  { name: "search", path: () => "/search?q=Putin" },
  { name: "methodology", path: () => "/methodology" },
  { name: "topics", path: () => "/topics" },
  { name: "topic page", path: () => "/topics/syrien" },
  { name: "corrections", path: () => "/corrections" },
];

for (const prefix of ["", "/en"] as const) {
  for (const target of PAGES) {
    test(`axe: ${target.name} ${prefix ? "(English)" : "(German)"} has no serious or critical violation`, async ({ page }) => {
      const url = prefix ? `${prefix}${target.path() === "/" ? "" : target.path()}` : target.path();
      const response = await page.goto(url);
      expect(response, url).not.toBeNull();
      await expect(page.locator("html")).toHaveAttribute("lang", prefix ? "en" : "de");
      const violations = await seriousViolations(page);
      expect(violations, describeViolations(url, violations)).toEqual([]);
    });
  }
}

test("keyboard: the skip link comes first and moves to the content; focus is visible", async ({ page }) => {
  for (const url of ["/", "/en"]) {
    await page.goto(url);
    await page.keyboard.press("Tab");
    const skip = page.locator("a.skip-link");
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();

    // The next Tab reaches the first link of the content, with a visible outline.
    await page.keyboard.press("Tab");
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || !document.querySelector("main")?.contains(el)) return null;
      const style = getComputedStyle(el);
      return { tag: el.tagName, width: parseFloat(style.outlineWidth), style: style.outlineStyle };
    });
    expect(outline, url).not.toBeNull();
    expect(outline!.tag).toBe("A");
    expect(outline!.style).not.toBe("none");
    expect(outline!.width).toBeGreaterThanOrEqual(2);
  }
});

test("keyboard on the desk: every control reached by Tab shows a visible focus ring", async ({ browser }) => {
  const page = await signedIn(browser, EDITOR);
  for (const url of ["/admin/claims", "/admin/claims/new"]) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    const seen: string[] = [];
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press("Tab");
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== "none";
        const name = el.getAttribute("aria-label") || el.textContent?.trim() || el.getAttribute("name") || el.id;
        const type = el.getAttribute("type") ? `[type=${el.getAttribute("type")}]` : "";
        return { what: `${el.tagName.toLowerCase()}${type} "${(name ?? "").slice(0, 40)}"`, ring };
      });
      if (!focus) continue;
      seen.push(focus.what);
      expect(focus.ring, `${url}: ${focus.what} has no visible focus`).toBe(true);
    }
    // Tab really moved through the page's controls (not stuck on one).
    expect(new Set(seen).size, url).toBeGreaterThan(10);
  }
});
