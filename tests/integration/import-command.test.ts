// npm run import -- FILE against DATABASE_URL: the preview printed, written only with --yes,
// nothing with --dry-run, a clear message and exit code 1 for a file that cannot be read.
import { spawnSync } from "node:child_process";
import path from "node:path";
import fs from "node:fs";
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { bootstrap } from "../../lib/seed/bootstrap";
import { loadSettings } from "../../lib/config";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURES = path.join(ROOT, "tests/fixtures/import");
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await bootstrap(t.db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));
});
afterAll(async () => {
  await t?.stop();
});

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/import.ts"), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: t.url, CLAIMBASE_ADMIN_EMAIL: "admin@claimbase.local" },
    encoding: "utf8",
    input: "",
    timeout: 120_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe("npm run import", () => {
  it("--dry-run prints the preview and writes nothing", () => {
    const { code, out } = run(path.join(FIXTURES, "datafeed.json"), "--dry-run");
    expect(code).toBe(0);
    expect(out).toContain("4 entries read");
    expect(out).toMatch(/new: 3/);
    expect(out).toMatch(/Line 52: No readable fact-check: /);
    expect(out).toContain("Dry run: nothing was written.");
  });

  it("without --yes and without a terminal it keeps the preview for the desk; with --yes it writes", async () => {
    const kept = run(path.join(FIXTURES, "factcheck-tools.json"));
    expect(kept.code).toBe(0);
    expect(kept.out).toMatch(/Not confirmed \(--yes is missing\)\. The preview stays in the desk: \/admin\/import\/\S+/);
    expect(await t.db.externalFactCheck.count()).toBe(0);

    const written = run(path.join(FIXTURES, "factcheck-tools.json"), "--yes");
    expect(written.code).toBe(0);
    expect(written.out).toContain("Import finished: 3 created, 0 updated");
    expect(await t.db.externalFactCheck.count()).toBe(3);
    // Again: nothing to do.
    const again = run(path.join(FIXTURES, "factcheck-tools.json"), "--yes");
    expect(again.out).toMatch(/already there: 3/);
    expect(again.out).toContain("Nothing to import.");
    expect(await t.db.externalFactCheck.count()).toBe(3);
  });

  it("refuses a file that cannot be read, with the reason and exit code 1", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "claimbase-import-")), "bad.csv");
    fs.writeFileSync(file, Buffer.concat([Buffer.from("claim,publisher,rating\n"), Buffer.from([0xff, 0xfe])]));
    const { code, err } = run(file, "--yes");
    expect(code).toBe(1);
    expect(err).toContain("Not imported: The file is not encoded in UTF-8");
    expect(run("/nonexistent.csv").err).toContain("No file /nonexistent.csv.");
  });
});
