// The public search (/search, lib/public/search), in a browser without JavaScript: the GET
// form alone finds the 95 % claim with the matched word marked, and "Putin" lists his speaker
// page first.
//
// Putin is public once a claim of his (or a quote he says) is published. The editorial-flow
// spec, which runs before this one, publishes such a claim; run alone, this spec publishes one
// itself through the desk (new, unique text, so the demo claims stay as they are).
import { expect, test, type Browser, type Page } from "@playwright/test";
import { EDITOR, REVIEWER, formWith, optionValue, signedIn } from "./desk";

const PUTIN = "/speakers/wladimir-putin";

/** Publishes a claim of Putin's through the desk unless he already has a public page. */
async function ensurePutinIsPublic(browser: Browser, page: Page): Promise<void> {
  if ((await page.request.get(PUTIN)).status() === 200) return;
  const claimText = `Putin sagt, Russland habe sich nicht eingemischt (Suche ${Date.now()})`;
  const editor = await signedIn(browser, EDITOR);
  await editor.goto("/admin/claims/new");
  await editor.getByLabel("Behauptung (neutral formuliert)").fill(claimText);
  const claimant = editor.getByLabel("Urheber", { exact: true });
  await claimant.selectOption(await optionValue(claimant, /Wladimir Putin/));
  await editor.getByRole("button", { name: "Behauptung anlegen" }).click();
  // The new claim's page (not /admin/claims/new, which the pattern would match as well).
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText(claimText);
  await expect(editor).toHaveURL(/\/admin\/claims\/[a-z0-9]+$/);
  const claimUrl = new URL(editor.url()).pathname;

  // The workspace's tabs (issue 13): evidence, then the verdict.
  await editor.goto(`${claimUrl}?tab=evidence`);
  const addEvidence = formWith(editor, "Beleg hinzufügen");
  await addEvidence.getByRole("combobox", { name: "Quelle", exact: true }).selectOption({ index: 1 });
  await addEvidence.getByLabel("Haltung").selectOption({ label: "Weiterer Zusammenhang" });
  await addEvidence.getByLabel("Auszug").fill("Ein Auszug für die Suche.");
  await addEvidence.getByRole("button", { name: "Beleg hinzufügen" }).click();
  await expect(addEvidence.getByRole("status")).toHaveText("Der Beleg ist hinzugefügt.");
  await editor.goto(`${claimUrl}?tab=verdict`);
  const verdictForm = formWith(editor, "Bewertung speichern");
  await verdictForm.getByLabel("Bewertung", { exact: true }).selectOption({ label: "nicht überprüfbar" });
  await verdictForm.getByLabel("Zusammenfassung").fill("Mit öffentlichen Quellen nicht zu klären.");
  await verdictForm.getByRole("button", { name: "Bewertung speichern" }).click();
  await expect(verdictForm.getByRole("status")).toContainText("Die Bewertung ist gespeichert");
  await editor.getByRole("button", { name: "Zur Prüfung einreichen" }).click();
  await expect(editor.locator(".claim-meta .status-badge")).toHaveText("In Prüfung");

  const reviewer = await signedIn(browser, REVIEWER);
  await reviewer.goto(claimUrl);
  await reviewer.getByRole("button", { name: "Freigeben und veröffentlichen" }).click();
  await expect(reviewer.locator(".claim-meta .status-badge")).toHaveText("Veröffentlicht");
  await expect.poll(async () => (await page.request.get(PUTIN)).status()).toBe(200);
}

test("search finds the 95 % claim with the word marked, and Putin's page first, without JavaScript", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await (await browser.newContext({ locale: "de-DE", javaScriptEnabled: false })).newPage();

  // The header links to the search; the form is a plain GET form.
  await page.goto("/");
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Suche" }).click();
  await expect(page).toHaveURL(/\/search$/);
  await expect(page.getByRole("heading", { level: 1, name: "Suche" })).toBeVisible();
  await page.getByLabel("Suchbegriff").fill("Herrschaftsgebiet");
  await page.getByRole("button", { name: "Suchen", exact: true }).click();
  await expect(page).toHaveURL(/\/search\?q=Herrschaftsgebiet/);

  const results = page.locator("ol.search-list > li");
  const claim = results.filter({ hasText: "95 Prozent" });
  await expect(claim).toHaveCount(1);
  await expect(claim.locator("mark")).toHaveText(["Herrschaftsgebietes"]);
  await expect(claim.getByRole("link", { name: /95 Prozent seines Herrschaftsgebietes/ })).toHaveAttribute("href", /^\/claims\/[a-z0-9-]+$/);
  await expect(page.getByRole("status")).toContainText("für „Herrschaftsgebiet“");

  await ensurePutinIsPublic(browser, page);
  await page.goto("/search?q=Putin");
  await expect(results.first().getByRole("heading", { level: 3 })).toHaveText("Wladimir Putin");
  await expect(results.first().getByRole("link", { name: "Wladimir Putin" })).toHaveAttribute("href", PUTIN);
  await expect(results.first().locator("mark").first()).toHaveText("Putin");
  // Below him: the claims and quotes that name him.
  expect(await results.count()).toBeGreaterThan(1);
});
