// The desk in English and in German (issue 13): an account switched to English under "My
// account" sees every desk page in English, with no German word of the interface left outside
// the content (claims, quotes, notes, names keep their own language and are marked as content:
// `lang`, `translate="no"`); the German desk stays German; the sign-in follows the browser; a
// new account's first sign-in takes the browser's language. Each desk page read in a language is
// also checked with axe-core: no serious or critical violation, in German and in English.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { describeViolations, seriousViolations } from "./axe";
import { signIn } from "./desk";

const ADMIN_EMAIL = process.env.E2E_ADMIN_EMAIL ?? "admin@claimbase.local";
const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD ?? "e2e-admin-password";

/** Words of the German interface that an English page must not show (whole words). */
const GERMAN = [
  "Speichern",
  "Behauptung",
  "Behauptungen",
  "Zitat",
  "Zitate",
  "Quelle",
  "Quellen",
  "Sprecher",
  "Entwurf",
  "Bitte",
  "Abbrechen",
  "Löschen",
  "Prüfung",
  "Zurück",
  "Suche",
  "Bewertung",
  "Belege",
  "Zuständig",
  "Verlauf",
  "Änderungen",
  "Anmelden",
  "keine",
  "alle",
];

/** Words of the English interface that a German page must not show. */
const ENGLISH = ["Save", "Claim", "Claims", "Quote", "Quotes", "Source", "Sources", "Speaker", "Speakers", "Draft", "Please", "Delete", "Review", "Back", "Search", "Evidence", "Sign in", "none"];

/**
 * The page's interface text in `lang`: its text nodes and labelling attributes, without the
 * content (an element in another language, `translate="no"`), form values, and the options that
 * name records (their value is a record's id).
 */
async function interfaceText(page: Page, lang: "de" | "en"): Promise<string> {
  return page.evaluate((lang) => {
    const content = `[lang]:not([lang^="${lang}"]), [translate="no"], textarea, script, style, noscript, template`;
    const isRecordOption = (el: Element | null) => el instanceof HTMLOptionElement && /^c[a-z0-9]{20,}$/.test(el.value);
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(content) || isRecordOption(parent)) continue;
      texts.push(node.textContent ?? "");
    }
    for (const el of document.body.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
      if (el.closest(content)) continue;
      for (const name of ["aria-label", "title", "placeholder", "alt"]) texts.push(el.getAttribute(name) ?? "");
    }
    texts.push(document.title);
    return texts.join("\n");
  }, lang);
}

/** The words of `words` in `text` (whole words: "der" inside a record's id "cm3der0…" is
 * none), each with a little of what surrounds it. */
function found(text: string, words: string[]): string[] {
  return words.flatMap((word) => {
    const match = new RegExp(`(^|[^\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, "u").exec(text);
    return match ? [`${word}: …${text.slice(Math.max(0, match.index - 40), match.index + word.length + 40).replace(/\s+/g, " ")}…`] : [];
  });
}

/** Opens `path` and checks that its interface is in `lang` only. */
async function expectPageIn(page: Page, path: string, lang: "de" | "en"): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect(page.locator("html"), path).toHaveAttribute("lang", lang);
  const text = await interfaceText(page, lang);
  expect(text.length, path).toBeGreaterThan(100); // the page was read, not empty
  expect(found(text, lang === "en" ? GERMAN : ENGLISH), `${path} in ${lang}`).toEqual([]);
  const violations = await seriousViolations(page);
  expect(violations, describeViolations(`${path} (${lang})`, violations)).toEqual([]);
}

/** The first link into `prefix` on the page at `list` (a record of the demo data). */
async function firstRecord(page: Page, list: string, prefix: string): Promise<string> {
  await page.goto(list);
  // Read until the list is there: a desk page streams its content after its loading state.
  const recordHref = async () => {
    const hrefs = await page.locator(`main a[href^="${prefix}"]`).evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    return hrefs.find((h) => new RegExp(`^${prefix}[a-z0-9]{20,}$`).test(h)) ?? null;
  };
  await expect.poll(recordHref, { message: `a record linked from ${list}`, timeout: 15_000 }).not.toBeNull();
  return (await recordHref())!;
}

/** Chooses the desk's language on "My account" (the page, and the desk, reload in it). */
async function chooseLanguage(page: Page, option: string, button: string, lang: "de" | "en"): Promise<void> {
  await page.goto("/admin/account");
  await page.waitForLoadState("networkidle");
  await page.locator("select#locale").selectOption({ label: option });
  await page.getByRole("button", { name: button }).click();
  await expect(page).toHaveURL(/\/admin\/account\?language=1$/);
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
}

const LISTS = [
  "/admin",
  "/admin/claims",
  "/admin/claims?status=in_review",
  "/admin/review",
  "/admin/quotes",
  "/admin/speakers",
  "/admin/sources",
  "/admin/articles",
  "/admin/external-checks",
  "/admin/import",
  "/admin/export",
  "/admin/topics",
  "/admin/verdicts",
  "/admin/users",
  "/admin/audit?log=security",
  "/admin/audit?log=changes",
  "/admin/account",
  "/admin/claims/new",
  "/admin/quotes/new",
  "/admin/speakers/new",
  "/admin/sources/new",
  "/admin/articles/new",
  "/admin/users/new",
  "/admin/does-not-exist",
];

/** Every desk page: the lists and forms, and one record of each kind from the demo data. */
async function deskPages(page: Page): Promise<string[]> {
  const claim = await firstRecord(page, "/admin/claims?status=published", "/admin/claims/");
  const reviewed = await firstRecord(page, "/admin/claims?status=in_review", "/admin/claims/");
  return [
    ...LISTS.filter((p) => p !== "/admin/does-not-exist"),
    claim,
    reviewed,
    `${claim}/history`,
    await firstRecord(page, "/admin/quotes", "/admin/quotes/"),
    await firstRecord(page, "/admin/speakers", "/admin/speakers/"),
    await firstRecord(page, "/admin/sources", "/admin/sources/"),
    await firstRecord(page, "/admin/articles", "/admin/articles/"),
    await firstRecord(page, "/admin/users", "/admin/users/"),
    await firstRecord(page, "/admin/topics", "/admin/topics/"),
    await firstRecord(page, "/admin/verdicts", "/admin/verdicts/"),
  ];
}

async function germanBrowser(browser: Browser): Promise<Page> {
  return (await browser.newContext({ locale: "de-DE" })).newPage();
}

test("an account switched to English sees every desk page in English, and its messages too", async ({ browser }) => {
  test.setTimeout(240_000);
  const page = await germanBrowser(browser);
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await chooseLanguage(page, "English (Englisch)", "Sprache speichern", "en");
  try {
    await expect(page.getByRole("heading", { level: 1, name: "My account" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "The language is saved." })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Claims" })).toBeVisible();

    for (const path of await deskPages(page)) await expectPageIn(page, path, "en");
    // A URL that names nothing answers with the desk's not-found page, in English too.
    await page.goto("/admin/does-not-exist");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    expect(found(await interfaceText(page, "en"), GERMAN)).toEqual([]);

    // What the domain says comes in English: a refused form (validation), a workflow step's reason.
    await page.goto("/admin/claims/new");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Claim (neutrally worded)").fill("A test claim that is never saved.");
    await page.getByLabel("Value", { exact: true }).fill("many");
    await page.getByRole("button", { name: "Create claim" }).click();
    // The form's status names the refusal, the field its reason (Next.js's route announcer is an
    // alert too, hence the form's own).
    await expect(page.locator("form [role=alert].form-status")).toContainText("Please check the marked fields.");
    await expect(page.locator("main")).toContainText("Value: a number with at most 14 digits");
    expect(found(await interfaceText(page, "en"), GERMAN)).toEqual([]);

    const reviewed = await firstRecord(page, "/admin/claims?status=in_review", "/admin/claims/");
    await page.goto(`${reviewed}?tab=workflow`);
    await expect(page.getByRole("heading", { level: 2, name: "Workflow" })).toBeVisible();
    await expect(page.locator(".claim-meta .status-badge")).toHaveText("In review");
  } finally {
    // The account goes back to German: the other browser tests read the German desk.
    await chooseLanguage(page, "Deutsch (German)", "Save language", "de");
  }
  await expectPageIn(page, "/admin/claims", "de");
});

test("the German desk stays German", async ({ browser }) => {
  test.setTimeout(240_000);
  const page = await germanBrowser(browser);
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect(page.getByRole("navigation", { name: "Redaktion" }).getByRole("link", { name: "Behauptungen" })).toBeVisible();
  for (const path of await deskPages(page)) await expectPageIn(page, path, "de");
});

test("the sign-in speaks the browser's language, and a new account's first sign-in keeps it for the desk", async ({ browser }) => {
  const english = await (await browser.newContext({ locale: "en-GB" })).newPage();
  for (const path of ["/signin", "/reset-password"]) await expectPageIn(english, path, "en");
  await expectPageIn(await germanBrowser(browser), "/signin", "de");

  // A new account, created on the (German) desk, signs in for the first time from an English browser.
  const admin = await germanBrowser(browser);
  await signIn(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.goto("/admin/users/new");
  await admin.waitForLoadState("networkidle");
  const email = `english-${Date.now()}@example.org`;
  const password = "an-english-password-1";
  await admin.getByLabel("Name").fill("Erin English");
  await admin.getByLabel("E-Mail").fill(email);
  await admin.getByLabel("Rolle").selectOption({ label: "Mitarbeit" });
  await admin.getByLabel("Anfangspasswort").fill(password);
  await admin.getByRole("button", { name: "Konto anlegen" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "angelegt" })).toBeVisible();

  await english.goto("/signin");
  await english.getByLabel("E-mail").fill(email);
  await english.getByLabel("Password", { exact: true }).fill(password);
  await english.getByRole("button", { name: "Sign in" }).click();
  await expect(english).toHaveURL(/\/admin/);
  await expectPageIn(english, "/admin/claims", "en");
  // The language is the account's now, not the browser's: a German browser gets the English desk.
  const sameAccount = await germanBrowser(browser);
  await signIn(sameAccount, email, password);
  await expect(sameAccount.locator("html")).toHaveAttribute("lang", "en");
});
