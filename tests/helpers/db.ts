// A fresh, migrated database for one test file, in the server this test run is for
// (tests/global-setup.ts: the embedded PostgreSQL server, or Debian's with
// CLAIMBASE_TEST_ENGINE=postgres).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient, type Db } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrations";
import type { TestEngine } from "../global-setup";

export interface TestDatabase {
  url: string;
  db: Db;
  engine: TestEngine;
  stop(): Promise<void>;
}

async function asAdmin(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: inject("pgUrl") });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

export async function createEmptyDatabase(): Promise<{ url: string; engine: TestEngine; drop(): Promise<void> }> {
  const name = `claimbase_test_${randomBytes(6).toString("hex")}`;
  await asAdmin(`CREATE DATABASE "${name}"`);
  const url = new URL(inject("pgUrl"));
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    engine: inject("engine"),
    drop: () => asAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
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
