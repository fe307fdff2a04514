// End-to-end tests of the production build, started by the real launcher (scripts/start.ts)
// on a fresh data folder, in Debian's Chromium (Playwright's own browser download does not
// work offline). scripts/test.ts wipes the data folder before a run.
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3999);
// E2E_DATA_DIR lets a second run use its own data folder (and so its own embedded database).
// By default a folder under the system's temporary folder, one per checkout: as root, the
// embedded server runs as the user postgres, who may not be able to enter the checkout.
export const E2E_DATA_DIR =
  process.env.E2E_DATA_DIR ||
  path.join(os.tmpdir(), `claimbase-e2e-${createHash("sha256").update(process.cwd()).digest("hex").slice(0, 8)}`);

/** The password the demo accounts are created with for the browser tests (CLAIMBASE_DEMO_PASSWORD). */
export const E2E_DEMO_PASSWORD = process.env.E2E_DEMO_PASSWORD || "e2e-demo-password";

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    // A German browser: the public site sends browsers that prefer English to /en (proxy.ts),
    // and Chromium's own default is en-US. e2e/i18n.spec.ts tests the English side.
    locale: "de-DE",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "node --import tsx scripts/start.ts",
    url: `http://localhost:${port}/`,
    // The first run builds the app.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      PORT: String(port),
      CLAIMBASE_DATA_DIR: E2E_DATA_DIR,
      CLAIMBASE_ADMIN_EMAIL: process.env.E2E_ADMIN_EMAIL ?? "admin@claimbase.local",
      CLAIMBASE_ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD ?? "e2e-admin-password",
      CLAIMBASE_DEMO: "true",
      // The demo accounts' password for the tests to sign in with (e2e/desk.ts); without it each
      // would get its own generated one, printed once.
      CLAIMBASE_DEMO_PASSWORD: E2E_DEMO_PASSWORD,
      DATABASE_URL: "",
      // nginx on this machine (e2e/servers.ts) is a proxy the app may believe.
      CLAIMBASE_TRUSTED_PROXIES: "127.0.0.1,::1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
