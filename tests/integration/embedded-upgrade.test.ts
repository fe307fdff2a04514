// Upgrading an install of the previous version: a data folder whose database is PGlite (made
// here exactly as that version made it: PGlite served over pglite-socket, migrated and seeded
// with the demo through one connection) is refused by the new start with the upgrade command,
// carried over by it with the same row count in every table, and left untouched.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSettings } from "../../lib/config";
import { createPrismaClient } from "../../lib/db/client";
import { embeddedPaths, LegacyPgliteFolderError, startEmbeddedDatabase } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrations";
import { UpgradeError, upgradeFromPglite } from "../../lib/db/pglite-upgrade";
import { bootstrap } from "../../lib/seed/bootstrap";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbase-pglite-upgrade-"));
const pgliteDir = embeddedPaths(dataDir).legacyPglite;
const countsBefore = new Map<string, number>();

/** Every file of a folder with its content hash: proof that nothing in it changed. */
function fingerprint(dir: string): string {
  const hash = createHash("sha256");
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true }).sort((a, b) =>
    path.join(a.parentPath, a.name).localeCompare(path.join(b.parentPath, b.name)),
  )) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hash.update(path.relative(dir, file)).update(fs.readFileSync(file));
  }
  return hash.digest("hex");
}

beforeAll(async () => {
  // The previous version's embedded database, made the way it made it.
  const old = await PGlite.create(pgliteDir, { extensions: { pg_trgm, unaccent } });
  const server = new PGLiteSocketServer({ db: old, host: "127.0.0.1", port: 0, maxConnections: 64 });
  await server.start();
  const url = `postgresql://postgres:postgres@127.0.0.1:${server.getServerConn().split(":").pop()}/postgres?sslmode=disable`;
  await applyMigrations(url);
  const db = createPrismaClient(url, 1);
  await bootstrap(db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "old-admin-password", CLAIMBASE_DEMO: "true" }));
  await db.$disconnect();
  const tables = await old.query<{ t: string }>(`SELECT quote_ident(tablename) AS t FROM pg_tables WHERE schemaname = 'public'`);
  for (const { t } of tables.rows) {
    countsBefore.set(t, Number((await old.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`)).rows[0]!.n));
  }
  await server.stop();
  await old.close();
}, 180_000);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("upgrading a PGlite data folder to the embedded PostgreSQL server", () => {
  it("is asked for at start, carries every row over, and leaves the old folder untouched", async () => {
    expect(countsBefore.get('"Claim"')).toBeGreaterThan(0);
    expect(countsBefore.get('"Quote"')).toBeGreaterThan(0);
    const untouched = fingerprint(pgliteDir);

    // The new start refuses to begin with an empty database and names the command.
    const refused = await startEmbeddedDatabase({ dataDir }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LegacyPgliteFolderError);
    expect((refused as Error).message).toContain("npm run db:migrate-embedded");

    const report = await upgradeFromPglite(dataDir);
    expect(report.tables.length).toBe(countsBefore.size);
    for (const { table, before, after } of report.tables) {
      expect({ table, after }).toEqual({ table, after: countsBefore.get(table) });
      expect(before).toBe(after);
    }
    expect(fingerprint(pgliteDir)).toBe(untouched);

    // The next start uses the carried-over data, and it works as the app's database.
    const server = await startEmbeddedDatabase({ dataDir });
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      for (const [table, n] of countsBefore) {
        expect({ table, n: (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n }).toEqual({ table, n });
      }
      // Generated search columns and extensions came along.
      const hits = await client.query(`SELECT id FROM "Claim" WHERE "searchDe" @@ plainto_tsquery('german', 'Herrschaftsgebiet')`);
      expect(hits.rowCount).toBeGreaterThan(0);
      expect((await client.query(`SELECT claimbase_unaccent('Präsident') AS v`)).rows[0].v).toBe("Prasident");
      // Nothing waits: the restored migration history is complete.
      expect(await applyMigrations(server.url)).toEqual([]);
    } finally {
      await client.end();
      await server.stop();
    }

    // Done once: a second run refuses and changes nothing.
    await expect(upgradeFromPglite(dataDir)).rejects.toBeInstanceOf(UpgradeError);
    expect(fingerprint(pgliteDir)).toBe(untouched);
  }, 180_000);
});
