// Article ingestion and review, in the browser: an editor uploads the seed article, the review
// screen shows the text with the extractor's proposals highlighted, the editor accepts the first
// proposal (it becomes a quote or a claim, the article becomes a source), rejects the second
// (its highlight disappears), runs the extraction again, and neither comes back.
//
// It does not depend on how good the extractor is: it needs two proposals of any kind.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Locator } from "@playwright/test";
import { EDITOR, signIn } from "./desk";

const SEED = path.resolve(import.meta.dirname, "../data/seed/apec-2017-de.txt");

/** Makes the candidate's accept form acceptable as it is: a speaker chosen, a new one confirmed. */
async function prepareAccept(candidate: Locator) {
  const form = candidate.locator("form").filter({ has: candidate.page().getByRole("button", { name: "Annehmen", exact: true }) });
  const speaker = form.getByRole("combobox");
  if ((await speaker.inputValue()) === "" && (await speaker.locator("option").first().textContent())?.includes("bitte wählen")) {
    // A quote without any speaker: take the first known one.
    await speaker.selectOption({ index: 1 });
  }
  const confirm = form.getByRole("checkbox");
  if ((await confirm.count()) > 0 && (await speaker.inputValue()) === "") await confirm.check();
  return form;
}

test("an editor uploads an article, accepts one proposal, rejects one, and a re-run proposes neither again", async ({ page }) => {
  test.setTimeout(120_000);
  const title = `APEC-Gipfel Da Nang (E2E ${Date.now()})`;
  await signIn(page, EDITOR);

  // ── Ingestion ──────────────────────────────────────────────────────────────────────────────
  await page.getByRole("navigation", { name: "Redaktion" }).getByRole("link", { name: "Artikel" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Artikel" })).toBeVisible();
  await page.getByRole("link", { name: "Artikel einlesen" }).click();
  await page.getByLabel("Datei hochladen").setInputFiles(SEED);
  await page.getByLabel("Titel").fill(title);
  await page.getByLabel("Herausgeber").fill("Deutsche Presse-Agentur");
  await page.getByLabel("Veröffentlicht am").fill("2017-11-11");
  await page.getByLabel("Adresse (URL)").fill("https://example.org/apec-2017");
  await page.getByRole("button", { name: "Einlesen und Vorschläge erstellen" }).click();
  await expect(page).toHaveURL(/\/admin\/articles\/[a-z0-9]+\?eingelesen=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText("Der Artikel ist eingelesen.")).toBeVisible();
  await expect(page.getByText("Noch keine Quelle")).toBeVisible();

  // ── The review screen: the text with highlights linked to the proposals ────────────────────
  const text = page.getByRole("region", { name: "Artikeltext mit Markierungen" });
  await expect(text).toContainText("Da Nang");
  const open = page.locator("li.candidate[data-status='proposed']");
  const proposals = await open.count();
  expect(proposals, "the extractor proposes at least two candidates in the seed article").toBeGreaterThanOrEqual(2);
  await expect(text.locator("mark").first()).toBeVisible();

  const first = open.nth(0);
  const firstId = (await first.getAttribute("id"))!.replace("vorschlag-", "");
  const firstText = (await first.locator(".candidate__text").textContent())!;
  const second = open.nth(1);
  const secondId = (await second.getAttribute("id"))!.replace("vorschlag-", "");
  const secondText = (await second.locator(".candidate__text").textContent())!;
  // Each proposal is highlighted and its highlight links to it.
  await expect(text.locator(`mark[data-candidate='${firstId}']`).first()).toBeVisible();
  await text.locator(`a[href='#vorschlag-${secondId}']`).first().click();
  await expect(page).toHaveURL(new RegExp(`#vorschlag-${secondId}$`));

  // ── Accept the first ───────────────────────────────────────────────────────────────────────
  const firstItem = page.locator(`#vorschlag-${firstId}`);
  const accept = await prepareAccept(firstItem);
  await accept.getByRole("button", { name: "Annehmen", exact: true }).click();
  await expect(firstItem).toHaveAttribute("data-status", "accepted");
  const created = firstItem.getByRole("link", { name: /^Zum Zitat$|^Zur Behauptung$/ });
  await expect(created).toBeVisible();
  const createdHref = (await created.getAttribute("href"))!;
  expect(createdHref).toMatch(/^\/admin\/(quotes|claims)\/[a-z0-9]+$/);
  // The article is a source now.
  await expect(page.getByRole("link", { name: `Quelle: ${title}` })).toBeVisible();

  // ── Reject the second: its highlight disappears ────────────────────────────────────────────
  const secondItem = page.locator(`#vorschlag-${secondId}`);
  await secondItem.getByRole("button", { name: "Ablehnen", exact: true }).click();
  await expect(secondItem).toHaveAttribute("data-status", "rejected");
  await expect(text.locator(`mark[data-candidate='${secondId}']`)).toHaveCount(0);
  await expect(secondItem).toContainText("Abgelehnt von");

  // ── Run the extraction again: neither comes back ───────────────────────────────────────────
  const rerun = page.locator("form").filter({ has: page.getByRole("button", { name: "Extraktion erneut ausführen" }) });
  await rerun.getByRole("button", { name: "Extraktion erneut ausführen" }).click();
  await expect(rerun.getByRole("status")).toContainText(/schon entschieden oder erfasst/);
  await page.reload();
  await expect(page.locator(`#vorschlag-${firstId}`)).toHaveAttribute("data-status", "accepted");
  await expect(page.locator(`#vorschlag-${secondId}`)).toHaveAttribute("data-status", "rejected");
  const texts = await page.locator("li.candidate[data-status='proposed'] .candidate__text").allTextContents();
  expect(texts).not.toContain(firstText);
  expect(texts).not.toContain(secondText);
  expect(texts.length).toBe(proposals - 2);

  // ── What was created is there ──────────────────────────────────────────────────────────────
  await page.goto(createdHref);
  await expect(page.locator("main")).toContainText(firstText.slice(0, 40));
  await page.goto("/admin/articles");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: title }) });
  await expect(row).toContainText("1"); // accepted
});

// Pasting, not uploading: the browser sends the empty file field as a part of the form too, and
// the desk must take the pasted text (it once refused with "nicht beides"). A German and an
// English article, the language detected from the text.
const PASTED: { language: string; file: string }[] = [
  { language: "German", file: SEED },
  { language: "English", file: path.resolve(import.meta.dirname, "../tests/fixtures/extraction/en-real/01-en-iran-ukrainian-jet.txt") },
];
for (const { language, file } of PASTED) {
  test(`an editor pastes a ${language} article's text and gets the review screen with proposals`, async ({ page }) => {
    test.setTimeout(120_000);
    const article = fs.readFileSync(file, "utf8");
    const title = `Eingefügt, ${language} (E2E ${Date.now()})`;
    await signIn(page, EDITOR);
    await page.goto("/admin/articles/new");
    await page.getByLabel("Text einfügen").fill(article);
    await page.getByLabel("Titel").fill(title);
    await page.getByRole("button", { name: "Einlesen und Vorschläge erstellen" }).click();
    await expect(page).toHaveURL(/\/admin\/articles\/[a-z0-9]+\?eingelesen=1$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    // The stored text is the pasted one, with the extractor's proposals on it.
    const firstParagraph = article.split("\n").find((line) => line.trim().length > 40)!.trim();
    const text = page.getByRole("region", { name: "Artikeltext mit Markierungen" });
    await expect(text).toContainText(firstParagraph.slice(0, 60));
    expect(await page.locator("li.candidate[data-status='proposed']").count()).toBeGreaterThan(0);
  });
}
