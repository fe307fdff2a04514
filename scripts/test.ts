// npm test: every test there is, in order of speed.
//   1. typecheck (tsc --noEmit over app, lib, scripts and tests)
//   2. unit + integration tests on the embedded PostgreSQL server (a throwaway data folder)
//   3. integration tests on a throwaway cluster of Debian's PostgreSQL server (postgresql package);
//      the tests of the embedded server itself (embedded*.test.ts) run in step 2 only
//   4. end-to-end tests of the production build in Chromium (Playwright), some through nginx
//      with the shipped recipe (deploy/nginx.conf)
// It says exactly what is missing when a tool is not installed. On CI (CI=true) nothing may
// be skipped.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { E2E_DATA_DIR } from "../playwright.config";
import { findPostgresBin } from "../tests/helpers/postgres-cluster";
import { findNginx } from "./nginx-front";

const require = createRequire(import.meta.url);
const ci = process.env.CI === "true" || process.env.CI === "1";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const summary: string[] = [];
let failed = 0;

function step(name: string, args: string[], extraEnv: Record<string, string> = {}, report?: string): void {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (result.status === 0) summary.push(`passed   ${name} (${seconds} s)`);
  else {
    failed++;
    const how = result.signal ? `killed by ${result.signal}` : `exit code ${result.status}`;
    summary.push(`FAILED   ${name} (${seconds} s, ${how})`);
    if (report) summary.push(...failuresOf(report));
  }
}

// The failed tests of a vitest run, from its JSON report, for the summary: CI shows only the
// end of the output, and a failure scrolled away above it is otherwise lost.
function failuresOf(reportFile: string): string[] {
  type Report = { testResults?: { name: string; message?: string; assertionResults?: { status: string; fullName: string; failureMessages?: string[] }[] }[] };
  let report: Report;
  try {
    report = JSON.parse(fs.readFileSync(reportFile, "utf8")) as Report;
  } catch {
    return ["         (no test report: the run stopped before it finished)"];
  }
  const firstLine = (text = "") => text.split("\n").find((line) => line.trim())?.trim().slice(0, 300) ?? "";
  const lines: string[] = [];
  for (const file of report.testResults ?? []) {
    const where = path.relative(process.cwd(), file.name);
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === "failed");
    for (const t of failedTests) lines.push(`         ✗ ${where} › ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
    if (!failedTests.length && file.message) lines.push(`         ✗ ${where}: ${firstLine(file.message)}`);
  }
  return lines.length ? lines : ["         (every test passed: an error outside the tests ended the run, see 'Unhandled' or 'Error' above)"];
}

const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbase-test-"));
const vitestRun = (name: string) => {
  const file = path.join(reportDir, `${name}.json`);
  return { file, args: ["--reporter=default", "--reporter=json", `--outputFile.json=${file}`] };
};

function missing(name: string, what: string): void {
  if (ci) {
    failed++;
    summary.push(`FAILED   ${name}: ${what}`);
  } else summary.push(`SKIPPED  ${name}: ${what}`);
}

const binOf = (pkg: string, file: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
const vitest = binOf("vitest", "vitest.mjs");
const playwright = binOf("@playwright/test", "cli.js");

step("typecheck", [binOf("typescript", "bin/tsc"), "--noEmit", "-p", "."]);
const embeddedRun = vitestRun("embedded");
step("unit and integration tests (embedded PostgreSQL)", [vitest, "run", ...embeddedRun.args], {}, embeddedRun.file);

if (findPostgresBin()) {
  const serverRun = vitestRun("postgres");
  step("integration tests (PostgreSQL server)", [vitest, "run", "tests/integration", "--exclude", "tests/integration/embedded*.test.ts", ...serverRun.args], {
    CLAIMBASE_TEST_ENGINE: "postgres",
  }, serverRun.file);
} else {
  missing("integration tests (PostgreSQL server)", "initdb/pg_ctl not found; install with: apt-get update && apt-get install -y postgresql");
}

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (fs.existsSync(chromium) && !findNginx()) {
  // The browser tests run without it here (the parts through nginx are skipped), never on CI.
  missing("end-to-end tests through nginx (deploy/nginx.conf)", "nginx not found; install with: apt-get update && apt-get install -y nginx (or set NGINX_PATH)");
}
if (fs.existsSync(chromium)) {
  fs.rmSync(E2E_DATA_DIR, { recursive: true, force: true });
  step("end-to-end tests (production build, Chromium)", [playwright, "test"], { CHROMIUM_PATH: chromium });
} else {
  missing("end-to-end tests", `Chromium not found at ${chromium}; install with: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH)`);
}

fs.rmSync(reportDir, { recursive: true, force: true });
console.log(`\n=== summary ===\n${summary.join("\n")}`);
const passed = summary.filter((l) => l.startsWith("passed")).length;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
