// A throwaway Claimbase for a drill, as a newsroom would run it, on loopback only:
//   1. a temporary data folder with the embedded PostgreSQL server (as npm start runs it) or,
//      with engine "postgres", a throwaway server of Debian's postgresql package (like the
//      integration tests);
//   2. migrations, then bootstrap with the demo data (admin, verdict scale, demo newsroom and
//      its three accounts); the admin and demo passwords are set for this instance, so the
//      drill can sign in;
//   3. the production build (built first when the sources changed since the last build,
//      lib/launcher/build.ts), started by npm start's launcher (scripts/start.ts, with its
//      preloads) on a free loopback port against that database.
// Everything is registered with lifecycle.ts and stopped with the drill. The launcher's output
// goes to a log file in the data folder (the last lines are printed when something fails).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { loadSettings } from "../../lib/config";
import { createPrismaClient, type Db } from "../../lib/db/client";
import { startEmbeddedDatabase } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrations";
import type { Role } from "../../lib/generated/prisma/enums";
import { buildIsCurrent, recordBuild } from "../../lib/launcher/build";
import { freePort } from "../../lib/launcher/free-port";
import { DEMO_USERS } from "../../lib/seed/demo";
import { bootstrap } from "../../lib/seed/bootstrap";
import { onCleanup, onFailureReport, stopChild } from "../lifecycle";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, "../..");
/** Ports people run the app and the browser tests on. */
const AVOID_PORTS = (port: number) => (port >= 3000 && port <= 3100) || (port >= 3996 && port <= 3999);

export interface Account {
  role: Role;
  email: string;
  password: string;
}

export interface Instance {
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  databaseUrl: string;
  /** A connection of the drill's own, to look up ids and versions (never to write content). */
  db: Db;
  /** One account per role: the admin and the three demo accounts. */
  accounts: Record<Role, Account>;
  /** The Next.js server process (the one listening on the port), found under the launcher. */
  serverPid: number | null;
  /** Resident memory of the Next.js server process, from /proc; null when it is gone. */
  rss(): number | null;
  /** Whether the launcher and Next.js still run. */
  alive(): boolean;
  /** The last lines the launcher and Next.js printed. */
  logTail(lines?: number): string;
  logFile: string;
}

export interface InstanceOptions {
  label: string;
  engine: "embedded" | "postgres";
  /** CLAIMBASE_TRUSTED_PROXIES of the app (default: nobody). */
  trustedProxies?: string;
  /** Keep the data folder (and the log) after the drill. */
  keep?: boolean;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function step<T>(label: string, fn: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await fn();
  console.log(`  ${label.padEnd(56)} ${seconds(performance.now() - started).padStart(8)}`);
  return result;
}

function build(env: NodeJS.ProcessEnv): void {
  console.log("  Building the app (the sources changed since the last build)…");
  for (const args of [[path.join(ROOT, "scripts/generate.mjs")], [require.resolve("next/dist/bin/next"), "build"]]) {
    const result = spawnSync(process.execPath, args, { stdio: "inherit", env, cwd: ROOT, timeout: 30 * 60_000 });
    if (result.status !== 0) throw new Error("The build failed (see above).");
  }
  recordBuild(ROOT);
}

function get(port: number, urlPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path: urlPath, headers: { "accept-language": "de" } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.setTimeout(60_000, () => req.destroy(new Error(`GET ${urlPath} timed out`)));
    req.on("error", reject);
  });
}

/** The ids of a process's children (Linux /proc). */
function childrenOf(pid: number): number[] {
  const ids: number[] = [];
  try {
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      const list = fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      if (list) ids.push(...list.split(/\s+/).map(Number));
    }
  } catch {
    // gone, or no /proc
  }
  return ids;
}

function descendantsOf(pid: number): number[] {
  const all: number[] = [];
  const queue = [pid];
  while (queue.length) {
    for (const child of childrenOf(queue.shift()!)) {
      all.push(child);
      queue.push(child);
    }
  }
  return all;
}

/** The inodes of sockets listening on `port` (/proc/net/tcp and tcp6). */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = fs.readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address is HEXIP:HEXPORT; state 0A is LISTEN; column 9 the inode.
      if (cols.length > 9 && cols[3] === "0A" && parseInt(cols[1]!.split(":")[1]!, 16) === port) inodes.add(cols[9]!);
    }
  }
  return inodes;
}

/** The process under `root` that listens on `port`: the Next.js server. */
function findServerPid(root: number, port: number): number | null {
  const inodes = listeningInodes(port);
  for (const pid of [root, ...descendantsOf(root)]) {
    try {
      for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
        const target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
        const m = /^socket:\[(\d+)\]$/.exec(target);
        if (m && inodes.has(m[1]!)) return pid;
      }
    } catch {
      // not ours to read, or gone
    }
  }
  return null;
}

/** Resident set size of a process in bytes (VmRSS of /proc/PID/status), or null. */
export function rssOf(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export async function startInstance(options: InstanceOptions): Promise<Instance> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `claimbase-drill-${options.label}-`));
  // The embedded server may run as the user postgres (when the drill runs as root): it must be
  // able to enter the folder.
  fs.chmodSync(dataDir, 0o755);
  if (options.keep) console.log(`  data folder (kept): ${dataDir}`);
  else onCleanup("data folder", () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const logFile = path.join(dataDir, "server.log");

  // 1. The database.
  let url: string;
  if (options.engine === "postgres") {
    const { startPostgresCluster } = await import("../../tests/helpers/postgres-cluster");
    const cluster = await step("start a throwaway PostgreSQL server", () => startPostgresCluster());
    onCleanup("PostgreSQL server", () => cluster.stop());
    url = cluster.url;
  } else {
    const embedded = await step("start the embedded PostgreSQL server", () => startEmbeddedDatabase({ dataDir: path.join(dataDir, "db") }));
    onCleanup("embedded PostgreSQL server", () => embedded.stop());
    url = embedded.url;
  }

  // 2. Schema and accounts.
  await step("apply migrations", () => applyMigrations(url));
  const db = createPrismaClient(url, 4);
  onCleanup("database connection", () => db.$disconnect());
  const adminPassword = `drill-admin-${randomBytes(9).toString("base64url")}`;
  const demoPassword = `drill-demo-${randomBytes(9).toString("base64url")}`;
  const settingsEnv = {
    CLAIMBASE_DEMO: "true",
    CLAIMBASE_DEMO_PASSWORD: demoPassword,
    CLAIMBASE_ADMIN_PASSWORD: adminPassword,
    CLAIMBASE_ADMIN_EMAIL: "admin@claimbase.local",
  };
  const settings = loadSettings(settingsEnv);
  const report = await step("bootstrap (admin, verdict scale, demo newsroom)", () => bootstrap(db, settings));
  if (!report.demoLoaded) throw new Error("The demo data was not loaded into the fresh database.");
  const accounts = {
    admin: { role: "admin", email: settings.CLAIMBASE_ADMIN_EMAIL, password: adminPassword },
    ...Object.fromEntries(DEMO_USERS.map((u) => [u.role, { role: u.role, email: u.email, password: demoPassword }])),
  } as Record<Role, Account>;

  // 3. The app, as npm start runs it.
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
  if (!buildIsCurrent(ROOT)) await step("build", () => build(env));
  else console.log("  the build is current");
  const port = await freePort(AVOID_PORTS);
  const logStream = fs.openSync(logFile, "a");
  let tail = "";
  const app: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/start.ts")], {
    cwd: ROOT,
    env: {
      ...env,
      ...settingsEnv,
      DATABASE_URL: url,
      AUTH_SECRET: randomBytes(32).toString("base64"),
      PORT: String(port),
      HOST: "127.0.0.1",
      CLAIMBASE_PUBLIC_URL: `http://127.0.0.1:${port}`,
      CLAIMBASE_DATA_DIR: path.join(dataDir, "app"),
      CLAIMBASE_TRUSTED_PROXIES: options.trustedProxies ?? "",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const keep = (chunk: Buffer) => {
    fs.writeSync(logStream, chunk);
    tail = (tail + chunk.toString()).slice(-64_000);
  };
  app.stdout!.on("data", keep);
  app.stderr!.on("data", keep);
  onCleanup("app (npm start)", async () => {
    await stopChild(app, "the app");
    fs.closeSync(logStream);
  });
  const logTail = (lines = 40) => tail.split("\n").slice(-lines).join("\n");
  onFailureReport(() => `The app's last lines (${logFile}):\n${logTail(30)}`);
  await step(`npm start on 127.0.0.1:${port}`, async () => {
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (app.exitCode !== null) throw new Error(`The app exited (code ${app.exitCode}):\n${logTail()}`);
      const status = await get(port, "/").catch(() => 0);
      if (status === 200) return;
      if (Date.now() > deadline) throw new Error(`No answer on 127.0.0.1:${port} within 180 s:\n${logTail()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  });
  const serverPid = findServerPid(app.pid!, port);
  if (serverPid === null) console.log("  (the Next.js server process was not found in /proc: no memory figures)");

  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    databaseUrl: url,
    db,
    accounts,
    serverPid,
    rss: () => rssOf(serverPid),
    alive: () => app.exitCode === null && app.signalCode === null,
    logTail,
    logFile,
  };
}
