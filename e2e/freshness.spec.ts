// Fresh public pages: once a reviewer approves a correction, readers see the corrected verdict
// within seconds, on the claim page, the home page, the claimant's page, the embed card and the
// list of corrections, even when those pages were read (and so cached: prerendered pages in
// Next.js's cache, a shared cache in front) just before. Readers look first, so that every
// cache is filled with the old version; the correction must then replace it:
//   - on the app server where the reviewer approved it, at once;
//   - on a second app server on the same database, within 2 seconds (lib/cache/handler.mjs);
//   - through nginx with the shipped recipe (deploy/nginx.conf), within a few seconds.
//
// The claim is new (unique text), so the demo claims the public spec checks stay as they are.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { EDITOR, REVIEWER, formWith, optionValue, signedIn, statusBadge } from "./desk";
import { startNginx, startSecondAppServer, type AppServer } from "./servers";
import type { NginxFront } from "../scripts/nginx-front";

const FIRST = "irreführend";
const CORRECTED = "überwiegend falsch";
/** How long readers may get the old verdict after the approval: on the server that approved
 * it, on another app server, and through nginx: "a few seconds" (it keeps a page 2 s, then
 * answers it once more while it fetches the new one, and this one reader reads five pages one
 * after the other on a busy two-core machine). */
const FRESH_WITHIN_MS = 5_000;
const OTHER_SERVER_WITHIN_MS = 2_000;
const NGINX_WITHIN_MS = 8_000;

let second: AppServer;
let nginx: NginxFront | null = null;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  second = await startSecondAppServer();
  nginx = await startNginx();
});
test.afterAll(async () => {
  await second?.stop();
  await nginx?.stop();
});

/** Reads until the new version shows. An app server fails when a read that began after
 * `deadline` still showed the old one (reads take a while on this machine, and one reader reads
 * one page after the other: a first read that begins late and shows the new version proves
 * nothing wrong). A shared cache may answer its stored copy once more while it fetches the new
 * one (stale-while-revalidate): it fails when the new version has not shown by the deadline. */
async function expectFreshBy(isFresh: () => Promise<boolean>, deadline: number, staleOnce: boolean, message: string): Promise<void> {
  for (;;) {
    const began = Date.now();
    if (await isFresh()) return;
    const late = staleOnce ? Date.now() : began;
    if (late > deadline) throw new Error(`${message}: the old version still showed ${late - deadline} ms after the deadline`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Where readers read: the first app server (relative paths), the second one, nginx. */
function readersBases(): { name: string; base: string; within: number; staleOnce: boolean }[] {
  return [
    { name: "this app server", base: "", within: FRESH_WITHIN_MS, staleOnce: false },
    { name: "another app server", base: second.url, within: OTHER_SERVER_WITHIN_MS, staleOnce: false },
    ...(nginx ? [{ name: "nginx", base: nginx.url, within: NGINX_WITHIN_MS, staleOnce: true }] : []),
  ];
}

/** The verdict the public page at `path` shows for the claim: the claim page's verdict box, the
 * embed card's badge, or the badge of the claim's card in a list. */
async function shownVerdict(reader: Page, path: string, claimText: string, base = ""): Promise<string> {
  const response = await reader.goto(`${base}${path}`);
  expect(response?.status(), path).toBe(200);
  return (await badgeOf(reader, path, claimText).first().innerText()).replace(/\s+/g, " ");
}

/** The claim's verdict badge on the page at `path`: the claim page's verdict box, the embed
 * card's badge, or the badge of the claim's card in a list. */
function badgeOf(reader: Page, path: string, claimText: string): Locator {
  return path.startsWith("/claims/")
    ? reader.locator(".verdict-box .verdict")
    : path.startsWith("/embed/")
      ? reader.locator(".verdict")
      : reader.locator("article.claim-card").filter({ hasText: claimText }).locator(".verdict");
}

/** Whether the page at `path` shows the claim with `verdict` (a list that does not show the
 * claim yet: no). */
async function shows(reader: Page, path: string, claimText: string, base: string, verdict: string): Promise<boolean> {
  const response = await reader.goto(`${base}${path}`);
  expect(response?.status(), path).toBe(200);
  const badge = badgeOf(reader, path, claimText).first();
  if ((await badge.count()) === 0) return false;
  return (await badge.innerText()).includes(verdict);
}

/** The text of the page at `path` (for lists that show the claim without a badge). */
async function mainText(reader: Page, path: string, base = ""): Promise<string> {
  const response = await reader.goto(`${base}${path}`);
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

  // The workspace's tabs (issue 13): evidence, then the verdict.
  await editor.goto(`${claimUrl}?tab=evidence`);
  const addEvidence = formWith(editor, "Beleg hinzufügen");
  const source = addEvidence.getByRole("combobox", { name: "Quelle", exact: true });
  await source.selectOption({ index: 1 });
  await addEvidence.getByLabel("Haltung").selectOption({ label: "Weiterer Zusammenhang" });
  await addEvidence.getByLabel("Auszug").fill(`Ein Auszug für die Frische-Prüfung ${stamp}.`);
  await addEvidence.getByRole("button", { name: "Beleg hinzufügen" }).click();
  await expect(addEvidence.getByRole("status")).toHaveText("Der Beleg ist hinzugefügt.");

  await editor.goto(`${claimUrl}?tab=verdict`);
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
  await expectFreshBy(() => shows(reader, claimPath!, claimText, "", FIRST), Date.now() + FRESH_WITHIN_MS, false, `${claimPath} within ${FRESH_WITHIN_MS} ms`);
  const speakerPath = await reader.locator(".facts").getByRole("link", { name: /Trump/ }).first().getAttribute("href");
  expect(speakerPath).toMatch(/^\/speakers\/[a-z0-9-]+$/);
  const pages = [claimPath!, "/", speakerPath!];
  // The embed card, where the site has one: the same claim read on another path.
  const embedPath = `/embed${claimPath}`;
  if ((await reader.request.get(embedPath)).status() !== 404) pages.push(embedPath);
  // The publication on every front, against the same bounds as the correction below: from when
  // this reader first asks for the page (none of them was ever read before, so no cache holds
  // an older answer; what a slow first render on a loaded machine costs is not staleness).
  for (const { name, base, within, staleOnce } of readersBases()) {
    for (const path of pages) {
      await expectFreshBy(() => shows(reader, path, claimText, base, FIRST), Date.now() + within, staleOnce, `${name}: ${path} within ${within} ms`);
    }
  }
  // The list of corrections, where the site has one: read now, before there is a correction.
  const correctionsPath = (await reader.request.get("/corrections")).status() !== 404 ? "/corrections" : null;
  const correctionNote = `Die Bewertung ist strenger geworden (${stamp}).`;
  if (correctionsPath) {
    for (const { base } of readersBases()) expect(await mainText(reader, correctionsPath, base)).not.toContain(correctionNote);
  }

  // ── The editor proposes a correction; readers still see the approved version ─────────────
  // A correction is proposed in the workspace's Workflow tab.
  await editor.goto(`${claimUrl}?tab=workflow`);
  await expect(statusBadge(editor)).toHaveText("Veröffentlicht");
  const correction = formWith(editor, "Korrektur vorschlagen");
  await correction.getByLabel("Bewertung (korrigiert)").selectOption({ label: CORRECTED });
  await correction.getByLabel("Zusammenfassung (korrigiert)").fill(`Die korrigierte Fassung der Bewertung (${stamp}).`);
  await correction.getByLabel("Öffentliche Korrekturnotiz").fill(correctionNote);
  await correction.getByRole("button", { name: "Korrektur vorschlagen" }).click();
  await expect(statusBadge(editor)).toHaveText("In Prüfung");
  for (const { name, base } of readersBases()) {
    for (const path of pages) expect(await shownVerdict(reader, path, claimText, base), `${name}: ${path}`).toContain(FIRST);
    if (correctionsPath) expect(await mainText(reader, correctionsPath, base)).not.toContain(correctionNote);
  }

  // ── The reviewer approves the correction: every page shows it within seconds ─────────────
  await reviewer.reload();
  await reviewer.getByRole("button", { name: "Freigeben und veröffentlichen" }).click();
  await expect(statusBadge(reviewer)).toHaveText("Korrigiert");
  const approvedAt = Date.now();
  // Each front read at the same time by a reader of its own, each against its bound.
  await Promise.all(
    readersBases().map(async ({ name, base, within, staleOnce }) => {
      const own = await reader.context().newPage();
      const checks: [string, () => Promise<boolean>][] = pages.map((path) => [
        path,
        () => shows(own, path, claimText, base, CORRECTED),
      ]);
      if (correctionsPath) checks.push([correctionsPath, async () => (await mainText(own, correctionsPath, base)).includes(correctionNote)]);
      for (const [path, isFresh] of checks) {
        // A shared cache keeps each page for itself: its bound counts from the approval or from
        // when this reader, who reads the pages one after the other, first asks for the page,
        // whichever is later (on a loaded machine the earlier reads alone can take seconds).
        const from = staleOnce ? Math.max(approvedAt, Date.now()) : approvedAt;
        await expectFreshBy(isFresh, from + within, staleOnce, `${name}: ${path} within ${within} ms`);
      }
      await own.close();
    }),
  );
  await reader.goto(claimPath!);
  await expect(reader.locator("main")).toContainText(`Die korrigierte Fassung der Bewertung (${stamp}).`);
  await expect(reader.locator("main")).toContainText(correctionNote);
});
