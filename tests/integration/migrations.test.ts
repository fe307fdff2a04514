// The migrations folder is the truth for every database; schema.prisma is the truth for the
// code. This proves they agree (no drift), that migrations apply once and are recorded where
// `prisma migrate deploy` records them, and that `db:migration` writes the next one.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, createMigration, diffSchemas, listMigrationDirs, MIGRATIONS_DIR, SCHEMA_PATH } from "../../lib/db/migrations";
import { createEmptyDatabase } from "../helpers/db";

type Empty = Awaited<ReturnType<typeof createEmptyDatabase>>;

// Indexes only a migration can create, because schema.prisma cannot declare an index on an
// expression: the trigram indexes of the public search on claimbase_unaccent(...) (migration
// *_search_unaccent, used by lib/public/search). The drift check requires them to exist and
// leaves them out of the comparison. Keep this list short and explicit.
const HAND_WRITTEN_INDEXES = [
  // The search vocabulary, a materialized view (prisma/migrations/*_search_words).
  "SearchWord_word_key",
  "SearchWord_word_trgm_idx",
  "Claim_text_unaccent_trgm_idx",
  "Quote_text_unaccent_trgm_idx",
  "Speaker_name_unaccent_trgm_idx",
  "SpeakerAlias_alias_unaccent_trgm_idx",
  // Exact name matching of imported claimants (prisma/migrations/*_external_fact_checks).
  "Speaker_name_folded_idx",
  "SpeakerAlias_alias_folded_idx",
  // The aliases holding a search's words (prisma/migrations/*_alias_words).
  "SpeakerAlias_alias_words_idx",
  // Partial indexes of the public lists and the search (prisma/migrations/*_scale_indexes).
  "Claim_public_publishedAt_idx",
  "Claim_public_claimant_publishedAt_idx",
  "PublishedQuote_saidOn_idx",
  "Correction_published_idx",
  // The evidence of a claim's history, by the claim its create revision names (prisma/migrations/*_revision_evidence_claim).
  "Revision_evidence_claim_idx",
  // Counting a topic's public claims and the published corrections (prisma/migrations/*_public_counts).
  "Claim_public_id_idx",
  "Correction_published_claim_idx",
];
const isIndex = (name: string) => (line: string) =>
  line.startsWith(`index CREATE INDEX "${name}" `) || line.startsWith(`index CREATE UNIQUE INDEX "${name}" `);
const isHandWrittenIndex = (line: string) => HAND_WRITTEN_INDEXES.some((name) => isIndex(name)(line));

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The shape of the public schema, as text lines that can be compared. */
async function describeSchema(url: string): Promise<string[]> {
  const columns = await query<{ line: string }>(
    url,
    `SELECT format('column %s.%s %s null=%s default=%s', c.table_name, c.column_name,
              CASE WHEN c.data_type = 'USER-DEFINED' THEN c.udt_name ELSE c.data_type END,
              c.is_nullable, coalesce(c.column_default, '-')) AS line
       FROM information_schema.columns c
      WHERE c.table_schema = 'public' AND c.table_name <> '_prisma_migrations'`,
  );
  const indexes = await query<{ line: string }>(
    url,
    `SELECT 'index ' || indexdef AS line FROM pg_indexes
      WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  const constraints = await query<{ line: string }>(
    url,
    `SELECT format('constraint %s %s %s', cl.relname, co.conname, pg_get_constraintdef(co.oid)) AS line
       FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid
       JOIN pg_namespace n ON n.oid = cl.relnamespace
      WHERE n.nspname = 'public' AND cl.relname <> '_prisma_migrations' AND co.contype IN ('p','f','u','c')`,
  );
  const enums = await query<{ line: string }>(
    url,
    `SELECT format('enum %s %s', t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)) AS line
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
  );
  return [...columns, ...indexes, ...constraints, ...enums].map((r) => r.line).sort();
}

describe("migrations", () => {
  let migrated: Empty;
  let fromSchema: Empty;

  beforeAll(async () => {
    [migrated, fromSchema] = await Promise.all([createEmptyDatabase(), createEmptyDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([migrated?.drop(), fromSchema?.drop()]);
  });

  it("applies every migration once and records it in _prisma_migrations", async () => {
    const names = listMigrationDirs();
    expect(names.length).toBeGreaterThan(0);
    expect(await applyMigrations(migrated.url)).toEqual(names);
    expect(await applyMigrations(migrated.url)).toEqual([]);
    const rows = await query<{ migration_name: string; finished_at: Date | null; checksum: string }>(
      migrated.url,
      `SELECT migration_name, finished_at, checksum FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("leaves the database exactly as schema.prisma describes it (no drift)", async () => {
    // The reference: what Prisma would create from schema.prisma on an empty database.
    const schema = fs.readFileSync(SCHEMA_PATH, "utf8");
    const sql = await diffSchemas(null, schema, fromSchema.url);
    await query(fromSchema.url, `CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE EXTENSION IF NOT EXISTS unaccent; ${sql}`);
    const [actual, expected] = await Promise.all([describeSchema(migrated.url), describeSchema(fromSchema.url)]);
    expect(actual.length).toBeGreaterThan(100);
    for (const name of HAND_WRITTEN_INDEXES) {
      expect(actual.some(isIndex(name)), name).toBe(true);
    }
    expect(actual.filter((line) => !isHandWrittenIndex(line))).toEqual(expected);
  });

  it("starts the app's sessions without parallel workers (serial plans are faster for its short queries)", async () => {
    // A session opened after migrating, as the app's pool is: the role's default for this database.
    const [row] = await query<{ max_parallel_workers_per_gather: string }>(migrated.url, "SHOW max_parallel_workers_per_gather");
    expect(row?.max_parallel_workers_per_gather).toBe("0");
    // Only in this database: another database on the same server keeps the server's default.
    const [other] = await query<{ max_parallel_workers_per_gather: string }>(fromSchema.url, "SHOW max_parallel_workers_per_gather");
    expect(other?.max_parallel_workers_per_gather).not.toBe("0");
  });

  it("has no schema change waiting for a migration", async () => {
    const dirs = listMigrationDirs();
    const snapshot = fs.readFileSync(path.join(MIGRATIONS_DIR, dirs[dirs.length - 1]!, "datamodel.snapshot"), "utf8");
    const pending = await diffSchemas(snapshot, fs.readFileSync(SCHEMA_PATH, "utf8"), fromSchema.url);
    expect(pending).toMatch(/empty migration/i);
  });

  it("generates German and English full-text columns from public text only", async () => {
    await query(
      migrated.url,
      `INSERT INTO "Claim" (id, slug, text, "researchNotes", "updatedAt")
       VALUES ('c1', 'c1', 'Der IS hat 95 Prozent seines Herrschaftsgebietes verloren', 'geheimnotiz', now())`,
    );
    const hits = await query<{ id: string }>(
      migrated.url,
      `SELECT id FROM "Claim" WHERE "searchDe" @@ plainto_tsquery('german', 'Herrschaftsgebiet')`,
    );
    expect(hits.map((h) => h.id)).toEqual(["c1"]);
    const leaks = await query(migrated.url, `SELECT id FROM "Claim" WHERE "searchDe" @@ plainto_tsquery('german', 'geheimnotiz')`);
    expect(leaks).toEqual([]);
    const similar = await query<{ id: string }>(
      migrated.url,
      `SELECT id FROM "Claim" WHERE similarity(text, 'Herschaftsgebiet verlohren') > 0.1`,
    );
    expect(similar.map((h) => h.id)).toEqual(["c1"]);
  });

  it("writes the next migration from a schema change, and it applies", async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "claimbase-migrations-"));
    try {
      fs.cpSync(MIGRATIONS_DIR, path.join(tmp, "migrations"), { recursive: true });
      const changed = fs
        .readFileSync(SCHEMA_PATH, "utf8")
        .replace("model Topic {\n", "model Topic {\n  colour        String?\n");
      fs.writeFileSync(path.join(tmp, "schema.prisma"), changed);
      const options = { migrationsDir: path.join(tmp, "migrations"), schemaPath: path.join(tmp, "schema.prisma") };
      const created = await createMigration("add_topic_colour", fromSchema.url, options);
      expect(created?.sql).toContain(`ALTER TABLE "Topic" ADD COLUMN     "colour" TEXT`);
      expect(fs.existsSync(path.join(created!.dir, "datamodel.snapshot"))).toBe(true);
      expect(await applyMigrations(migrated.url, options.migrationsDir)).toEqual([path.basename(created!.dir)]);
      const cols = await query(migrated.url, `SELECT 1 FROM information_schema.columns WHERE table_name='Topic' AND column_name='colour'`);
      expect(cols).toHaveLength(1);
      expect(await createMigration("again", fromSchema.url, options)).toBeNull();
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
