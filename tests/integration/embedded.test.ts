// The embedded database: one process per data folder, a clean stop on SIGTERM, and data that
// survives a restart.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { DataDirInUseError, startEmbeddedDatabase } from "../../lib/db/embedded";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbase-embedded-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function startChild(insert?: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/embedded-child.ts", dataDir, ...(insert ? [insert] : [])], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const firstLine = new Promise<string>((resolve) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("\n")) resolve(out.split("\n")[0]!);
    });
    child.once("exit", () => resolve(out.trim()));
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, firstLine, exited };
}

async function rows(port: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres` });
  await client.connect();
  const result = await client.query<{ v: string }>("SELECT v FROM t ORDER BY v");
  await client.end();
  return result.rows.map((r) => r.v);
}

describe("embedded database", () => {
  it("refuses a second process on the same folder, stops cleanly, and keeps the data", async () => {
    const first = startChild("erste Zeile");
    const ready = await first.firstLine;
    expect(ready).toMatch(/^ready \d+$/);

    // A second process on the same folder gets a clear error and leaves the folder alone.
    const second = startChild();
    expect(await second.firstLine).toMatch(/in use by another Claimbase process \(pid \d+, serving on port \d+/);
    expect(await second.exited).toBe(3);
    // And so does this process.
    await expect(startEmbeddedDatabase({ dataDir })).rejects.toBeInstanceOf(DataDirInUseError);
    expect(await rows(ready.split(" ")[1]!)).toEqual(["erste Zeile"]);

    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, "claimbase.lock"))).toBe(false);

    // Restart: the committed row is still there.
    const again = startChild("zweite Zeile");
    const port = (await again.firstLine).split(" ")[1]!;
    expect(await rows(port)).toEqual(["erste Zeile", "zweite Zeile"]);
    again.child.kill("SIGTERM");
    expect(await again.exited).toBe(0);
  });

  it("reopens a folder whose process was killed without a clean stop", async () => {
    const killed = startChild("vor dem Absturz");
    expect(await killed.firstLine).toMatch(/^ready/);
    killed.child.kill("SIGKILL");
    await killed.exited;
    expect(fs.existsSync(path.join(dataDir, "claimbase.lock"))).toBe(true); // stale lock left behind

    const db = await startEmbeddedDatabase({ dataDir });
    try {
      expect(await rows(String(db.port))).toContain("vor dem Absturz");
    } finally {
      await db.stop();
    }
  });
});
