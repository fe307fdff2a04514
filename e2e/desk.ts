// What the browser tests of the newsroom share: the demo accounts, signing in, and finding the
// desk's forms and their choices.
import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import { E2E_DEMO_PASSWORD } from "../playwright.config";

/**
 * The demo accounts' password in the browser tests: playwright.config.ts starts the app with
 * CLAIMBASE_DEMO_PASSWORD set to it (elsewhere each demo account has its own generated one).
 */
export const DEMO_PASSWORD = E2E_DEMO_PASSWORD;
export const EDITOR = "redaktion@claimbase.local";
export const REVIEWER = "pruefung@claimbase.local";

/** Signs `page` in through the sign-in form; the newsroom opens. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("E-Mail").fill(email);
  await page.getByLabel("Passwort", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page).toHaveURL(/\/admin/);
}

/** A page in a browser context of its own, signed in as `email`. */
export async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: "de-DE" })).newPage();
  await signIn(page, email);
  return page;
}

/** The form that has a button labelled `button`. */
export function formWith(page: Page, button: string): Locator {
  return page.locator("form").filter({ has: page.getByRole("button", { name: button, exact: true }) });
}

/** The value of the option of `select` whose label contains `text`. */
export async function optionValue(select: Locator, text: string | RegExp): Promise<string> {
  const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
  if (!value) throw new Error(`no option "${String(text)}"`);
  return value;
}

/** The claim's workflow status on its desk page. */
export const statusBadge = (page: Page): Locator => page.locator(".claim-meta .status-badge");
