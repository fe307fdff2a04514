// The embedded database: PGlite (PostgreSQL compiled to wasm) on a local data folder, served
// over the PostgreSQL wire protocol on a loopback port so that the app, migrations, seed and
// tests all connect with an ordinary postgresql:// URL. Only one process may open a PGlite data
// folder, so the folder is guarded by a lock file that names the process holding it.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedDatabase {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

interface LockInfo {
  pid: number;
  port: number | null;
  startedAt: string;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The database folder ${dataDir} is in use by another Claimbase process (pid ${holder.pid}` +
        (holder.port ? `, serving on port ${holder.port}` : "") +
        `, since ${holder.startedAt}). Only one process may open it: stop that process first, ` +
        `or point CLAIMBASE_DATA_DIR at another folder.`,
    );
    this.name = "DataDirInUseError";
  }
}

const LOCK_FILE = "claimbase.lock";

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Reads the lock of a data folder; null when nobody (alive) holds it. */
export function readDataDirLock(dataDir: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), "utf8")) as LockInfo;
    return processIsAlive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

function acquireLock(dataDir: string): (port: number) => void {
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // "wx": fails when the file exists, so two processes cannot both take the lock.
      const fd = fs.openSync(lockPath, "wx");
      const info: LockInfo = { pid: process.pid, port: null, startedAt: new Date().toISOString() };
      fs.writeSync(fd, JSON.stringify(info));
      fs.closeSync(fd);
      return (port) => fs.writeFileSync(lockPath, JSON.stringify({ ...info, port }));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // Held by a live process, this one included (a folder must not be opened twice).
      const holder = readDataDirLock(dataDir);
      if (holder) throw new DataDirInUseError(dataDir, holder);
      // A stale lock from a process that died: PGlite's files were fsynced at each commit,
      // so the folder is safe to reopen.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the database folder ${dataDir}.`);
}

async function serve(db: PGlite): Promise<{ port: number; url: string; server: PGLiteSocketServer }> {
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: 0,
    // The default of 1 kills any pool larger than one connection.
    maxConnections: 64,
  });
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  return { port, url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`, server };
}

const extensions = { pg_trgm, unaccent };

/** A throwaway in-memory PGlite, served like the embedded one (schema diffs, tests). */
export async function startScratchDatabase(): Promise<{ url: string; stop(): Promise<void> }> {
  const db = await PGlite.create({ extensions });
  const { url, server } = await serve(db);
  return {
    url,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

export async function startEmbeddedDatabase(options: { dataDir: string }): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const recordPort = acquireLock(dataDir);
  const lockPath = path.join(dataDir, LOCK_FILE);
  let db: PGlite | undefined;
  try {
    db = await PGlite.create(path.join(dataDir, "pgdata"), { extensions });
    const { port, url, server } = await serve(db);
    recordPort(port);
    const pglite = db;
    let stopped = false;
    return {
      url,
      port,
      dataDir,
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.stop();
        await pglite.close();
        fs.rmSync(lockPath, { force: true });
      },
    };
  } catch (error) {
    await db?.close().catch(() => {});
    fs.rmSync(lockPath, { force: true });
    throw error;
  }
}
