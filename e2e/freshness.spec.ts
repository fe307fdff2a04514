// Fresh public pages: once a reviewer approves a correction, readers see the corrected verdict
// within seconds, on the claim page, the home page, the claimant's page, the embed card and the
// list of corrections, even when those pages were read (and so cached, lib/public/cached.ts)
// just before. Readers look first, so
// that any cache is filled with the old version; the correction must then replace it.
//
// The claim is new (unique text), so the demo claims the public spec checks stay as they are.
import { expect, test, type Page } from "@playwright/test";
import { EDITOR, REVIEWER, formWith, optionValue, signedIn, statusBadge } from "./desk";

const FIRST = "irreführend";
const CORRECTED = "überwiegend falsch";
/** How long readers may see the old verdict after the approval. */
const FRESH_WITHIN_MS = 5_000;

/** The verdict the public page at `path` shows for the claim: the claim page's verdict box, the
 * embed card's badge, or the badge of the claim's card in a list. */
async function shownVerdict(reader: Page, path: string, claimText: string): Promise<string> {
  const response = await reader.goto(path);
  expect(response?.status(), path).toBe(200);
  const badge = path.startsWith("/claims/")
    ? reader.locator(".verdict-box .verdict")
    : path.startsWith("/embed/")
      ? reader.locator(".verdict")
      : reader.locator("article.claim-card").filter({ hasText: claimText }).locator(".verdict");
  return (await badge.first().innerText()).replace(/\s+/g, " ");
}

/** The text of the page at `path` (for lists that show the claim without a badge). */
async function mainText(reader: Page, path: string): Promise<string> {
  const response = await reader.goto(path);
  expect(response?.status(), path).toBe(200);
  return (await reader.locator("main").innerText()).replace(/\s+/g, " ");
}

test("a reviewer's approval of a correction reaches readers within seconds", async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const claimText = `Die Grenze zu Mexiko ist zu drei Vierteln geschlossen (Frische ${stamp})`;

  // ── An editor researches a claim and submits a verdict ───────────────────────────────────
  const editor = await signedIn(browser, EDITOR);
  await editor.goto("/admin/claims/new");
  await editor.getByLabel("Behauptung (neutral formuliert)").fill(claimText);
  const claimant = editor.getByLabel("Urheber", { exact: true });
  await claimant.selectOption(await optionValue(claimant, /Trump/));
  await editor.getByRole("button", { name: "Behauptung anlegen" }).click();
  // The form is at /admin/claims/new; the new claim's page is /admin/claims/<id>.
  await expect(editor).toHaveURL(/\/admin\/claims\/(?!new$)[a-z0-9]+$/);
  const claimUrl = new URL(editor.url()).pathname;

  const addEvidence = formWith(editor, "Beleg hinzufügen");
  const source = addEvidence.getByRole("combobox", { name: "Quelle", exact: true });
  await source.selectOption({ index: 1 });
  await addEvidence.getByLabel("Haltung").selectOption({ label: "Weiterer Zusammenhang" });
  await addEvidence.getByLabel("Auszug").fill(`Ein Auszug für die Frische-Prüfung ${stamp}.`);
  await addEvidence.getByRole("button", { name: "Beleg hinzufügen" }).click();
  await expect(addEvidence.getByRole("status")).toHaveText("Der Beleg ist hinzugefügt.");

  const verdictForm = formWith(editor, "Bewertung speichern");
  await verdictForm.getByLabel("Bewertung", { exact: true }).selectOption({ label: FIRST });
  await verdictForm.getByLabel("Zusammenfassung").fill(`Die erste Fassung der Bewertung (${stamp}).`);
  await verdictForm.getByRole("button", { name: "Bewertung speichern" }).click();
  await expect(verdictForm.getByRole("status")).toContainText("Die Bewertung ist gespeichert");
  await editor.getByRole("button", { name: "Zur Prüfung einreichen" }).click();
  await expect(statusBadge(editor)).toHaveText("In Prüfung");

  // ── A reviewer approves: the claim is public ─────────────────────────────────────────────
  const reviewer = await signedIn(browser, REVIEWER);
  await reviewer.goto(claimUrl);
  await reviewer.getByRole("button", { name: "Freigeben und veröffentlichen" }).click();
  await expect(statusBadge(reviewer)).toHaveText("Veröffentlicht");
  const claimPath = await reviewer.getByRole("link", { name: "öffentliche Seite ansehen" }).getAttribute("href");
  expect(claimPath).toMatch(/^\/claims\/[a-z0-9-]+$/);

  // ── Readers read it (a cache, if any, now holds the first version) ───────────────────────
  // A German reader (the English pages under /en show the English verdict names).
  const reader = await (await browser.newContext({ locale: "de-DE" })).newPage();
  await expect.poll(() => shownVerdict(reader, claimPath!, claimText), { timeout: FRESH_WITHIN_MS }).toContain(FIRST);
  const speakerPath = await reader.locator(".facts").getByRole("link", { name: /Trump/ }).first().getAttribute("href");
  expect(speakerPath).toMatch(/^\/speakers\/[a-z0-9-]+$/);
  const pages = [claimPath!, "/", speakerPath!];
  // The embed card, where the site has one: the same claim read on another path.
  const embedPath = `/embed${claimPath}`;
  if ((await reader.request.get(embedPath)).status() !== 404) pages.push(embedPath);
  for (const path of pages) {
    await expect.poll(() => shownVerdict(reader, path, claimText), { timeout: FRESH_WITHIN_MS, message: path }).toContain(FIRST);
  }
  // The list of corrections, where the site has one: read now, before there is a correction.
  const correctionsPath = (await reader.request.get("/corrections")).status() !== 404 ? "/corrections" : null;
  const correctionNote = `Die Bewertung ist strenger geworden (${stamp}).`;
  if (correctionsPath) expect(await mainText(reader, correctionsPath)).not.toContain(correctionNote);

  // ── The editor proposes a correction; readers still see the approved version ─────────────
  await editor.reload();
  await expect(statusBadge(editor)).toHaveText("Veröffentlicht");
  const correction = formWith(editor, "Korrektur vorschlagen");
  await correction.getByLabel("Bewertung (korrigiert)").selectOption({ label: CORRECTED });
  await correction.getByLabel("Zusammenfassung (korrigiert)").fill(`Die korrigierte Fassung der Bewertung (${stamp}).`);
  await correction.getByLabel("Öffentliche Korrekturnotiz").fill(correctionNote);
  await correction.getByRole("button", { name: "Korrektur vorschlagen" }).click();
  await expect(statusBadge(editor)).toHaveText("In Prüfung");
  for (const path of pages) expect(await shownVerdict(reader, path, claimText), path).toContain(FIRST);
  if (correctionsPath) expect(await mainText(reader, correctionsPath)).not.toContain(correctionNote);

  // ── The reviewer approves the correction: every page shows it within seconds ─────────────
  await reviewer.reload();
  await reviewer.getByRole("button", { name: "Freigeben und veröffentlichen" }).click();
  await expect(statusBadge(reviewer)).toHaveText("Korrigiert");
  const approvedAt = Date.now();
  for (const path of pages) {
    const left = Math.max(FRESH_WITHIN_MS - (Date.now() - approvedAt), 500);
    await expect
      .poll(() => shownVerdict(reader, path, claimText), { timeout: left, intervals: [100, 250, 500], message: `${path} shows the corrected verdict` })
      .toContain(CORRECTED);
  }
  if (correctionsPath) {
    const left = Math.max(FRESH_WITHIN_MS - (Date.now() - approvedAt), 500);
    await expect.poll(() => mainText(reader, correctionsPath), { timeout: left, message: "/corrections lists the correction" }).toContain(correctionNote);
  }
  await reader.goto(claimPath!);
  await expect(reader.locator("main")).toContainText(`Die korrigierte Fassung der Bewertung (${stamp}).`);
  await expect(reader.locator("main")).toContainText(correctionNote);
});
