// Accounts in the browser: the admin creates a reviewer account, finds it in the list, issues a
// one-time reset code (shown once), and the new user sets a password with it on
// /reset-password and signs in.
import { expect, test } from "@playwright/test";
import { signIn } from "./desk";

const ADMIN_EMAIL = process.env.E2E_ADMIN_EMAIL ?? "admin@claimbase.local";
const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD ?? "e2e-admin-password";

test("the admin creates a reviewer, issues a reset code, and the reviewer sets a password and signs in", async ({ page }) => {
  const email = `pruefer-${Date.now()}@example.org`;
  const name = "Paula Prüferin";
  const newPassword = "paulas-neues-passwort";

  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect(page).toHaveURL(/\/admin$/);

  // Create the account with a generated password (shown once in the success message).
  await page.goto("/admin/users/new");
  // A <select> chosen before hydration would be reset to its default by React.
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("E-Mail").fill(email.toUpperCase());
  await page.getByLabel("Rolle").selectOption({ label: "Prüfung" });
  await page.getByLabel("Passwort erzeugen").check();
  await page.getByRole("button", { name: "Konto anlegen" }).click();
  const created = page.getByRole("status").filter({ hasText: "angelegt" });
  await expect(created).toContainText(`Konto für ${name} (${email}) angelegt.`);
  await expect(created).toContainText(/Anfangspasswort .*: [A-Za-z0-9]{20}$/);

  // It is in the list, found by its address, with its role.
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(email);
  await expect(row).toContainText("Prüfung");
  await expect(row).toContainText("aktiv");
  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  // Issue a reset code: confirmed, then shown once.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Rücksetz-Code erzeugen" }).click();
  const issued = page.getByRole("status").filter({ hasText: "Rücksetz-Code für" });
  await expect(issued).toContainText(email);
  const code = (await issued.textContent())?.match(/[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/)?.[0];
  expect(code).toBeTruthy();
  await expect(page.getByRole("table", { name: "Zuletzt ausgegebene Codes" })).toContainText("offen");

  // Sign out; the new user sets a password with the code.
  await page.goto("/admin");
  await page.getByRole("button", { name: "Abmelden" }).click();
  await expect(page).toHaveURL(/\/$/);

  await page.goto("/signin");
  await page.getByRole("link", { name: /Rücksetz-Code/ }).click();
  await expect(page).toHaveURL(/\/reset-password$/);
  await page.getByLabel("E-Mail").fill(email);
  await page.getByLabel("Rücksetz-Code").fill(code!.toLowerCase());
  await page.locator("#newPassword").fill(newPassword);
  await page.locator("#newPasswordRepeat").fill(newPassword);
  await page.getByRole("button", { name: "Passwort setzen" }).click();
  await expect(page).toHaveURL(/\/signin\?reset=1$/);
  await expect(page.getByRole("status").filter({ hasText: "neues Passwort ist gesetzt" })).toBeVisible();

  await signIn(page, email, newPassword);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.locator("main")).toContainText(`Angemeldet als ${name} (Prüfung)`);

  // The code was single-use.
  await page.getByRole("button", { name: "Abmelden" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/reset-password");
  await page.getByLabel("E-Mail").fill(email);
  await page.getByLabel("Rücksetz-Code").fill(code!);
  await page.locator("#newPassword").fill("noch-ein-passwort-1");
  await page.locator("#newPasswordRepeat").fill("noch-ein-passwort-1");
  await page.getByRole("button", { name: "Passwort setzen" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("bereits verwendet");
});
