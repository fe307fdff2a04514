// Carrying a data folder of the previous embedded engine (PGlite, in <data>/pgdata) over to the
// embedded PostgreSQL server: npm run db:migrate-embedded (scripts/db.ts).
//
//   1. copy the PGlite folder to a scratch folder and open the copy (opening a PGlite folder
//      writes to it; the original stays untouched, whatever happens),
//   2. dump it with PGlite's own pg_dump (@electric-sql/pglite-tools, plain SQL with INSERTs),
//   3. restore the dump into a new database of the embedded server, in one transaction,
//   4. compare the row count of every table on both sides,
//   5. only then make the restored database the app's database, apply newer migrations, and
//      leave a marker so that the next start no longer asks for the upgrade.
// Nothing of the old folder is deleted; the user removes it when satisfied.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { EMBEDDED_DATABASE, embeddedPaths, startEmbeddedDatabase } from "./embedded";
import { applyMigrations } from "./migrations";

export interface TableCount {
  table: string;
  before: number;
  after: number;
}

export interface UpgradeReport {
  tables: TableCount[];
  appliedMigrations: string[];
  dumpBytes: number;
}

export class UpgradeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UpgradeError";
  }
}

const COUNT_TABLES = `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;

export function hasPgliteFolder(dataDir: string): boolean {
  return fs.existsSync(path.join(embeddedPaths(dataDir).legacyPglite, "PG_VERSION"));
}

export async function upgradeFromPglite(dataDir: string, log: (line: string) => void = () => undefined): Promise<UpgradeReport> {
  const paths = embeddedPaths(dataDir);
  if (!hasPgliteFolder(dataDir)) throw new UpgradeError(`There is no PGlite database in ${paths.legacyPglite}: nothing to carry over.`);
  if (fs.existsSync(paths.pgliteUpgraded)) {
    throw new UpgradeError(`The PGlite database in ${paths.legacyPglite} was carried over already (${paths.pgliteUpgraded}).`);
  }

  // Loaded here only: nothing else in Claimbase uses PGlite.
  const [{ PGlite }, { pg_trgm }, { unaccent }, { pgDump }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
    import("@electric-sql/pglite/contrib/unaccent"),
    import("@electric-sql/pglite-tools/pg_dump"),
  ]);

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "claimbase-pglite-copy-"));
  const server = await startEmbeddedDatabase({ dataDir, log, allowPgliteFolder: true });
  try {
    log(`Copying ${paths.legacyPglite} to a scratch folder and opening the copy…`);
    fs.cpSync(paths.legacyPglite, path.join(scratch, "pgdata"), { recursive: true });
    const old = await PGlite.create(path.join(scratch, "pgdata"), { extensions: { pg_trgm, unaccent } });
    let dump: string;
    const before = new Map<string, number>();
    try {
      for (const [table, n] of await countRows((sql) => old.query<Row>(sql))) before.set(table, n);
      log(`Dumping ${before.size} tables with PGlite's pg_dump…`);
      const file = await pgDump({ pg: old, args: ["--no-owner", "--no-privileges"] });
      dump = await file.text();
    } finally {
      await old.close();
    }

    const target = await adminClient(server.urlFor("postgres"));
    const importDb = `${EMBEDDED_DATABASE}_pglite_import`;
    try {
      const appTables = await countTables(server.url);
      if ([...appTables.values()].some((n) => n > 0)) {
        throw new UpgradeError(
          `The embedded server's database "${EMBEDDED_DATABASE}" already holds data; the upgrade would overwrite it. ` +
            `Move ${paths.cluster} away (or start from a new CLAIMBASE_DATA_DIR with the old pgdata folder in it) and run the upgrade again.`,
        );
      }
      await target.query(`DROP DATABASE IF EXISTS ${importDb} WITH (FORCE)`);
      await target.query(`CREATE DATABASE ${importDb}`);
      log(`Restoring ${(dump.length / 1024).toFixed(0)} KB of SQL into the embedded server…`);
      const restore = await adminClient(server.urlFor(importDb));
      try {
        // One simple-protocol query runs as one transaction: all of it or nothing.
        await restore.query(forServer(dump));
      } finally {
        await restore.end();
      }

      const after = await countTables(server.urlFor(importDb));
      const tables = [...new Set([...before.keys(), ...after.keys()])].sort().map((table) => ({
        table,
        before: before.get(table) ?? -1,
        after: after.get(table) ?? -1,
      }));
      const differing = tables.filter((t) => t.before !== t.after);
      if (differing.length) {
        throw new UpgradeError(
          `The restored copy differs from the PGlite database; nothing was changed:\n` +
            differing.map((t) => `  ${t.table}: ${t.before} rows before, ${t.after} after`).join("\n"),
        );
      }

      // Verified: the restored database becomes the app's.
      await target.query(`DROP DATABASE ${EMBEDDED_DATABASE} WITH (FORCE)`);
      await target.query(`ALTER DATABASE ${importDb} RENAME TO ${EMBEDDED_DATABASE}`);
      const appliedMigrations = await applyMigrations(server.url);
      fs.writeFileSync(paths.pgliteUpgraded, `${new Date().toISOString()} carried over from ${paths.legacyPglite}\n`);
      return { tables, appliedMigrations, dumpBytes: dump.length };
    } catch (error) {
      await target.query(`DROP DATABASE IF EXISTS ${importDb} WITH (FORCE)`).catch(() => undefined);
      throw error;
    } finally {
      await target.end();
    }
  } finally {
    await server.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The dump comes from pg_dump 17 (PGlite's); the embedded server is PostgreSQL 15, which does
 * not know the one setting pg_dump 17 adds to every dump.
 */
function forServer(dump: string): string {
  return dump.replace(/^SET transaction_timeout = 0;$/m, "");
}

async function adminClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

type Row = Record<string, unknown>;

/** The row count of every table of the public schema, through any query function. */
async function countRows(query: (sql: string) => Promise<{ rows: Row[] }>): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const { name } of (await query(COUNT_TABLES)).rows) {
    counts.set(String(name), Number((await query(`SELECT count(*) AS n FROM public.${String(name)}`)).rows[0]!.n));
  }
  return counts;
}

async function countTables(url: string): Promise<Map<string, number>> {
  const client = await adminClient(url);
  try {
    return await countRows((sql) => client.query<Row>(sql));
  } finally {
    await client.end();
  }
}
