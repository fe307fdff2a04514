// The embedded PostgreSQL server (lib/db/embedded.ts), driven through `npm run db:serve` /
// `db:url` (scripts/db.ts) in child processes: one owner per data folder, a clean stop on
// SIGTERM, data that survives restarts, recovery after kill -9 of the owner alone or of its
// whole process group, and the URL for tools.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { withDatabase } from "../../lib/db/connect";
import {
  DataDirInUseError,
  embeddedPaths,
  findRunningServer,
  LegacyPgliteFolderError,
  startEmbeddedDatabase,
} from "../../lib/db/embedded";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbase-embedded-"));
const paths = embeddedPaths(dataDir);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const script = (command: string) => ["--import", "tsx", "scripts/db.ts", command];
const env = { ...process.env, CLAIMBASE_DATA_DIR: dataDir, DATABASE_URL: "" };

/** `npm run db:serve` in its own process group (so that the group can be killed). */
function serve() {
  const child = spawn(process.execPath, script("serve"), { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const ready = new Promise<{ port: number; pid: number }>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /^ready (\d+) (\d+)$/m.exec(out);
      if (m) resolve({ port: Number(m[1]), pid: Number(m[2]) });
    });
    child.once("exit", (code) => reject(new Error(`exited ${code}: ${err}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, ready, exited, stderr: () => err };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitGone(pid: number) {
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  return !alive(pid);
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function insert(value: string) {
  const running = await findRunningServer(dataDir);
  await sql(running!.url, "CREATE TABLE IF NOT EXISTS t (v text)");
  await sql(running!.url, "INSERT INTO t VALUES ($1)", [value]);
}

const values = async (url: string) => (await sql<{ v: string }>(url, "SELECT v FROM t ORDER BY v")).map((r) => r.v);

describe("the embedded PostgreSQL server", () => {
  it("has one owner per data folder, a private password, a URL for tools, and stops cleanly", async () => {
    const first = serve();
    const { port, pid } = await first.ready;
    await insert("erste Zeile");

    expect(fs.statSync(paths.password).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(paths.cluster, "postmaster.pid"), "utf8").split("\n")[0]).toBe(String(pid));

    // db:url prints the running server's URL, with the generated password.
    const url = spawnSync(process.execPath, script("url"), { env, encoding: "utf8" });
    expect(url.status).toBe(0);
    expect(url.stdout.trim()).toBe(`postgresql://postgres:${fs.readFileSync(paths.password, "utf8").trim()}@127.0.0.1:${port}/claimbase`);
    // The password is required: the server does not trust local connections.
    await expect(sql(`postgresql://postgres:wrong@127.0.0.1:${port}/claimbase`, "SELECT 1")).rejects.toThrow(/password authentication failed/);

    // A second owner is refused with the running instance's pid and port; nothing changes.
    const second = serve();
    await expect(second.ready).rejects.toThrow(new RegExp(`in use by another Claimbase process \\(pid ${first.child.pid}, its database server on 127.0.0.1:${port}`));
    expect(await second.exited).toBe(1);
    await expect(startEmbeddedDatabase({ dataDir })).rejects.toBeInstanceOf(DataDirInUseError);
    expect(alive(pid)).toBe(true);

    // db:backup dumps the running server with the system's pg_dump, or says how to get one.
    const file = path.join(dataDir, "backup.sql");
    const backup = spawnSync(process.execPath, [...script("backup"), file], { env, encoding: "utf8" });
    if (backup.status === 0) {
      const dump = fs.readFileSync(file, "utf8");
      expect(dump).toContain("CREATE TABLE public.t");
      expect(dump).toContain("erste Zeile");
    } else {
      expect(backup.stderr).toContain("pg_dump was not found");
    }

    // Commands use the running instance instead of starting their own.
    expect(await withDatabase({ CLAIMBASE_DATA_DIR: dataDir }, async (u) => values(u))).toEqual(["erste Zeile"]);

    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(alive(pid)).toBe(false);
    expect(fs.existsSync(paths.lock)).toBe(false);
    expect(fs.existsSync(path.join(paths.cluster, "postmaster.pid"))).toBe(false);
    expect(fs.readFileSync(paths.log, "utf8")).toContain("database system is shut down");

    const none = spawnSync(process.execPath, script("url"), { env, encoding: "utf8" });
    expect(none.status).toBe(1);
    expect(none.stderr).toContain("No embedded database server is running");

    // Without its password file the cluster cannot be reached: a clear refusal, nothing started.
    const password = fs.readFileSync(paths.password, "utf8");
    fs.rmSync(paths.password);
    await expect(startEmbeddedDatabase({ dataDir })).rejects.toThrow(/password file .* is missing/);
    expect(fs.existsSync(paths.lock)).toBe(false);
    fs.writeFileSync(paths.password, password, { mode: 0o600 });

    // Restart: the committed row is still there.
    const again = serve();
    await again.ready;
    await insert("zweite Zeile");
    expect(await values((await findRunningServer(dataDir))!.url)).toEqual(["erste Zeile", "zweite Zeile"]);
    again.child.kill("SIGTERM");
    expect(await again.exited).toBe(0);
  });

  it("recovers when the owner alone was killed: the orphaned server is stopped, never two run", async () => {
    const owner = serve();
    const { pid: orphan } = await owner.ready;
    await insert("vor kill -9 des Besitzers");
    owner.child.kill("SIGKILL");
    await owner.exited;
    expect(alive(orphan)).toBe(true); // the server outlives its owner

    const next = serve();
    const { pid } = await next.ready;
    expect(next.stderr()).toContain(`left running by an earlier start (pid ${orphan})`);
    expect(await waitGone(orphan)).toBe(true);
    expect(pid).not.toBe(orphan);
    expect(await values((await findRunningServer(dataDir))!.url)).toContain("vor kill -9 des Besitzers");
    next.child.kill("SIGTERM");
    expect(await next.exited).toBe(0);
  });

  it("recovers from kill -9 of the whole process group (owner and server)", async () => {
    const crashed = serve();
    const { pid } = await crashed.ready;
    await insert("vor dem Absturz");
    process.kill(-crashed.child.pid!, "SIGKILL");
    await crashed.exited;
    expect(await waitGone(pid)).toBe(true);
    expect(fs.existsSync(path.join(paths.cluster, "postmaster.pid"))).toBe(true); // stale

    const db = await startEmbeddedDatabase({ dataDir });
    try {
      expect(await values(db.url)).toContain("vor dem Absturz");
      expect(fs.readFileSync(paths.log, "utf8")).toMatch(/database system was interrupted|not properly shut down/);
    } finally {
      await db.stop();
    }
  });

  it("loses no acknowledged save in the kill -9 drill (two rounds of npm run drill -- kill9)", () => {
    const drill = spawnSync(process.execPath, ["--import", "tsx", "scripts/drill.ts", "kill9", "--rounds", "2"], { encoding: "utf8", timeout: 120_000 });
    // The drill kills the server under its writers: their pool reporting the dropped
    // connections is expected (as the server's shutdown, or as the backend finding its
    // postmaster gone, whichever comes first); nothing else may be on stderr.
    const unexpected = drill.stderr.replace(
      /.*DeprecationWarning.*\n|.*trace-deprecation.*\n|^PostgreSQL pool: terminating connection due to (administrator command|unexpected postmaster exit)\n/gm,
      "",
    );
    expect(unexpected).toBe("");
    expect(drill.status).toBe(0);
    const totals = /2 rounds: (\d+) acknowledged saves, (\d+) missing/.exec(drill.stdout);
    expect(Number(totals?.[1])).toBeGreaterThan(0);
    expect(Number(totals?.[2])).toBe(0);
  }, 150_000);

  it("refuses a data folder of the previous engine (PGlite) and names the upgrade command", async () => {
    const legacy = fs.mkdtempSync(path.join(os.tmpdir(), "claimbase-legacy-"));
    try {
      fs.mkdirSync(path.join(legacy, "pgdata"));
      fs.writeFileSync(path.join(legacy, "pgdata", "PG_VERSION"), "17\n");
      const error = await startEmbeddedDatabase({ dataDir: legacy }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LegacyPgliteFolderError);
      expect((error as Error).message).toContain("npm run db:migrate-embedded");
      expect(fs.existsSync(embeddedPaths(legacy).cluster)).toBe(false);
      expect(fs.existsSync(embeddedPaths(legacy).lock)).toBe(false);
    } finally {
      fs.rmSync(legacy, { recursive: true, force: true });
    }
  });
});
