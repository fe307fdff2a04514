// The desk's whole way of a claim, with three people in three browsers: a contributor drafts a
// claim from a seed quote; an editor adds evidence, proposes a verdict and submits it; the
// editor cannot approve their own verdict (four eyes); a reviewer rejects it with a note; the
// editor sees the note, revises and resubmits; the reviewer approves and the claim is public.
// Then the editor proposes a correction with a public note, the reviewer approves it, and the
// public page shows the correction.
//
// The claim is new (unique text), so the demo claims the public spec checks stay as they are.
import { expect, test } from "@playwright/test";
import { EDITOR, REVIEWER, formWith, optionValue, signedIn, statusBadge } from "./desk";

const CONTRIBUTOR = "mitarbeit@claimbase.local";

test("a claim goes from a quote to publication and correction, with four eyes", async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const claimText = `Putin bestreitet jede Einmischung in die US-Wahl 2016 (E2E ${stamp})`;

  // ── The contributor drafts a claim from a seed quote ─────────────────────────────────────
  const contributor = await signedIn(browser, CONTRIBUTOR);
  await contributor.goto("/admin/claims/new");
  const quoteId = await optionValue(contributor.getByLabel("Zitate, aus denen die Behauptung stammt"), /: Ich habe das nicht gemacht$/);
  await contributor.goto(`/admin/claims/new?quoteId=${encodeURIComponent(quoteId)}`);
  await expect(contributor.getByText("Aus dem Zitat von")).toBeVisible();
  const text = contributor.getByLabel("Behauptung (neutral formuliert)");
  await expect(text).toHaveValue("Ich habe das nicht gemacht");
  await expect(contributor.getByLabel("Urheber", { exact: true })).not.toHaveValue("");
  await expect(contributor.getByLabel("Quelle (Textstelle 1)")).not.toHaveValue("");
  await text.fill(claimText);
  await contributor.getByRole("button", { name: "Behauptung anlegen" }).click();
  await expect(contributor).toHaveURL(/\/admin\/claims\/[a-z0-9]+$/);
  const claimUrl = new URL(contributor.url()).pathname;
  await expect(contributor.getByRole("heading", { level: 1 })).toHaveText(claimText);
  await expect(statusBadge(contributor)).toHaveText("Entwurf");
  // A contributor does not propose verdicts: the fields (the Verdict tab) are locked with the reason.
  await contributor.goto(`${claimUrl}?tab=verdict`);
  await expect(contributor.getByText("Eine Bewertung schlagen Redaktion und Prüfung vor")).toBeVisible();
  await expect(contributor.locator("#verdict-verdictId")).toBeDisabled();

  // ── The editor adds evidence, proposes a verdict and submits ─────────────────────────────
  const editor = await signedIn(browser, EDITOR);
  await editor.goto(`${claimUrl}?tab=evidence`);
  const addEvidence = formWith(editor, "Beleg hinzufügen");
  const source = addEvidence.getByRole("combobox", { name: "Quelle", exact: true });
  await source.selectOption(await optionValue(source, "Erklärung des US-Sondergesandten"));
  await addEvidence.getByLabel("Haltung").selectOption({ label: "Weiterer Zusammenhang" });
  await addEvidence.getByLabel("Auszug").fill("Mehr als 7,5 Millionen Menschen seien von der Herrschaft des IS befreit worden.");
  await addEvidence.getByLabel("Notiz (öffentlich)").fill("Ordnet die Lage im November 2017 ein.");
  await addEvidence.getByRole("button", { name: "Beleg hinzufügen" }).click();
  await expect(addEvidence.getByRole("status")).toHaveText("Der Beleg ist hinzugefügt.");
  await expect(editor.locator(".evidence-list > li")).toHaveCount(1);

  await editor.goto(`${claimUrl}?tab=verdict`);
  const verdictForm = formWith(editor, "Bewertung speichern");
  await verdictForm.getByLabel("Bewertung", { exact: true }).selectOption({ label: "nicht überprüfbar" });
  await verdictForm.getByLabel("Zusammenfassung").fill("Ob Moskau eingegriffen hat, lässt sich mit diesen Belegen nicht klären.");
  await verdictForm.getByLabel("Analyse (Markdown)").fill("## Worum es geht\n\nPutin bestreitet jede Einmischung.");
  await verdictForm.getByRole("button", { name: "Bewertung speichern" }).click();
  await expect(verdictForm.getByRole("status")).toContainText("Die Bewertung ist gespeichert");
  await expect(editor.getByText("Vorgeschlagen von Katrin Albers")).toBeVisible();

  await editor.getByRole("button", { name: "Zur Prüfung einreichen" }).click();
  await expect(statusBadge(editor)).toHaveText("In Prüfung");

  // Four eyes: the author of the verdict cannot approve it (the next step in the header says why).
  const ownApprove = editor.getByRole("button", { name: "Freigeben und veröffentlichen" });
  await expect(ownApprove).toBeDisabled();
  await expect(editor.locator("#next-approve-reason")).toContainText("Vier-Augen-Prinzip");
  // And while it is in review the evidence cannot change.
  await editor.goto(`${claimUrl}?tab=evidence`);
  await expect(editor.getByText("Während der Prüfung können Belege weder hinzugefügt")).toBeVisible();

  // ── The reviewer rejects with a note ────────────────────────────────────────────────────
  const reviewer = await signedIn(browser, REVIEWER);
  await reviewer.goto("/admin/review");
  await reviewer.getByRole("link", { name: claimText }).click();
  await expect(reviewer).toHaveURL(new RegExp(`${claimUrl}`));
  const reviewNote = `Bitte eine Quelle zur Wahl 2016 ergänzen (${stamp}).`;
  await reviewer.goto(`${claimUrl}?tab=workflow`);
  const reject = formWith(reviewer, "Ablehnen (zurück in die Recherche)");
  await reject.getByLabel("Begründung der Ablehnung").fill(reviewNote);
  await reject.getByRole("button", { name: "Ablehnen (zurück in die Recherche)" }).click();
  await expect(statusBadge(reviewer)).toHaveText("In Recherche");

  // ── The editor sees the note, revises and resubmits ──────────────────────────────────────
  await editor.reload();
  await expect(statusBadge(editor)).toHaveText("In Recherche");
  await editor.goto(`${claimUrl}?tab=discussion`);
  await expect(editor.locator("section").filter({ has: editor.locator("h2#pruefungen") })).toContainText(reviewNote);
  await editor.goto(`${claimUrl}?tab=verdict`);
  const revise = formWith(editor, "Bewertung speichern");
  await revise.getByLabel("Zusammenfassung").fill("Putin bestreitet die Einmischung; belegen oder widerlegen lässt sie sich mit öffentlichen Quellen nicht.");
  await revise.getByRole("button", { name: "Bewertung speichern" }).click();
  await expect(revise.getByRole("status")).toContainText("Die Bewertung ist gespeichert");
  await editor.getByRole("button", { name: "Zur Prüfung einreichen" }).click();
  await expect(statusBadge(editor)).toHaveText("In Prüfung");

  // ── The reviewer approves: the claim is public ───────────────────────────────────────────
  await reviewer.goto(claimUrl);
  await expect(statusBadge(reviewer)).toHaveText("In Prüfung");
  await reviewer.getByRole("button", { name: "Freigeben und veröffentlichen" }).click();
  await expect(statusBadge(reviewer)).toHaveText("Veröffentlicht");
  const publicLink = reviewer.getByRole("link", { name: "öffentliche Seite ansehen" });
  const publicPath = await publicLink.getAttribute("href");
  expect(publicPath).toMatch(/^\/claims\/[a-z0-9-]+$/);

  const reader = await (await browser.newContext()).newPage();
  await reader.goto("/");
  await expect(reader.locator("main")).toContainText(claimText);
  await reader.getByRole("link", { name: claimText }).click();
  await expect(reader).toHaveURL(new RegExp(`${publicPath}$`));
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(claimText);
  await expect(reader.locator("main")).toContainText("nicht überprüfbar");
  await expect(reader.locator("main")).toContainText("belegen oder widerlegen lässt sie sich");
  // Nothing private: not the rejected summary, not the reviewer's note.
  await expect(reader.locator("body")).not.toContainText(reviewNote);
  await expect(reader.locator("body")).not.toContainText("mit diesen Belegen nicht klären");

  // ── The editor proposes a correction; the reviewer approves it ───────────────────────────
  await editor.goto(`${claimUrl}?tab=workflow`);
  await expect(statusBadge(editor)).toHaveText("Veröffentlicht");
  const correctionNote = `Korrigiert am ${new Date().toLocaleDateString("de-DE")}: Die Zusammenfassung nennt jetzt den Bericht der US-Geheimdienste (${stamp}).`;
  const correction = formWith(editor, "Korrektur vorschlagen");
  await expect(correction.getByLabel("Bewertung (korrigiert)")).toHaveValue(await optionValue(correction.getByLabel("Bewertung (korrigiert)"), "nicht überprüfbar"));
  await correction.getByLabel("Zusammenfassung (korrigiert)").fill("Putin bestreitet die Einmischung; US-Geheimdienste kamen 2017 zum gegenteiligen Schluss.");
  await correction.getByLabel("Öffentliche Korrekturnotiz").fill(correctionNote);
  await correction.getByRole("button", { name: "Korrektur vorschlagen" }).click();
  await expect(statusBadge(editor)).toHaveText("In Prüfung");
  // Until it is approved, readers see the published version.
  await reader.reload();
  await expect(reader.locator("main")).not.toContainText(correctionNote);
  await expect(reader.locator("main")).toContainText("belegen oder widerlegen lässt sie sich");

  await reviewer.goto(`${claimUrl}?tab=verdict`);
  await expect(reviewer.locator("section").filter({ has: reviewer.locator("h2#korrekturen") })).toContainText("ausstehend");
  await reviewer.getByRole("button", { name: "Freigeben und veröffentlichen" }).click();
  await expect(statusBadge(reviewer)).toHaveText("Korrigiert");

  await reader.reload();
  await expect(reader.locator("main")).toContainText(correctionNote);
  await expect(reader.locator("main")).toContainText("US-Geheimdienste kamen 2017 zum gegenteiligen Schluss");

  // The history shows every version and compares the last two word by word.
  await editor.goto(`${claimUrl}/history`);
  await expect(editor.getByRole("heading", { level: 1, name: "Versionsgeschichte" })).toBeVisible();
  await expect(editor.locator("table.history-compare")).toBeVisible();
  await expect(editor.locator("table.history-compare ins.diff-ins").first()).toBeVisible();
});
