// Signing in to the newsroom: the admin area is closed to anonymous visitors, a wrong
// password is refused with a clear message, the admin gets in and out again.
import { expect, test } from "@playwright/test";

const ADMIN_EMAIL = process.env.E2E_ADMIN_EMAIL ?? "admin@claimbase.local";
const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD ?? "e2e-admin-password";

test("anonymous visitors of /admin are sent to the sign-in page", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=(\/|%2F)admin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Anmelden" })).toBeVisible();
});

test("a wrong password shows an error and does not sign in", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("E-Mail").fill(ADMIN_EMAIL);
  await page.getByLabel("Passwort").fill("definitely-not-the-password");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveText("E-Mail oder Passwort ist falsch.");
  await expect(page).toHaveURL(/\/signin/);
  // The e-mail stays filled in; the password does not.
  await expect(page.getByLabel("E-Mail")).toHaveValue(ADMIN_EMAIL);
  await expect(page.getByLabel("Passwort")).toHaveValue("");

  // An unknown account gets the very same message.
  await page.getByLabel("E-Mail").fill("nobody@example.org");
  await page.getByLabel("Passwort").fill("whatever-password");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveText("E-Mail oder Passwort ist falsch.");

  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin/);
});

test("the admin signs in, sees the newsroom page and signs out", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin/);
  // E-mail addresses are matched case-insensitively.
  await page.getByLabel("E-Mail").fill(ADMIN_EMAIL.toUpperCase());
  await page.getByLabel("Passwort").fill(ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Anmelden" }).click();

  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Redaktion" })).toBeVisible();
  await expect(page.locator("main")).toContainText(/Angemeldet als .+ \(Admin\)/);
  const table = page.getByRole("table");
  await expect(table).toContainText("Veröffentlicht");
  await expect(table).toContainText("Entwurf");

  // Signed in, the sign-in page sends on to the newsroom.
  await page.goto("/signin");
  await expect(page).toHaveURL(/\/admin$/);

  await page.getByRole("button", { name: "Abmelden" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin/);
});
