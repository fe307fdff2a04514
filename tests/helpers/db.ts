// A fresh, migrated database for one test file, on the engine this test run is for:
// - a PostgreSQL server provided by tests/global-setup.ts (CLAIMBASE_TEST_ENGINE=postgres):
//   a new database in that server;
// - otherwise an in-memory PGlite served over its socket, as the embedded default is.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient, type Db } from "../../lib/db/client";
import { startScratchDatabase } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrations";

export interface TestDatabase {
  url: string;
  db: Db;
  engine: "postgres" | "pglite";
  stop(): Promise<void>;
}

export async function createEmptyDatabase(): Promise<{ url: string; engine: TestDatabase["engine"]; drop(): Promise<void> }> {
  const serverUrl = inject("pgUrl");
  if (!serverUrl) {
    const scratch = await startScratchDatabase();
    return { url: scratch.url, engine: "pglite", drop: scratch.stop };
  }
  const name = `claimbase_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    engine: "postgres",
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const empty = await createEmptyDatabase();
  await applyMigrations(empty.url);
  const db = createPrismaClient(empty.url, 4);
  return {
    url: empty.url,
    db,
    engine: empty.engine,
    async stop() {
      await db.$disconnect();
      await empty.drop();
    },
  };
}
