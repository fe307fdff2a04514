// Offline migrations in Prisma's own folder format (prisma/migrations/<timestamp>_<name>/
// migration.sql, recorded in _prisma_migrations), driven by the wasm schema engine.
//
// Writing a migration needs "the schema as the migrations leave it". Prisma derives that by
// replaying migrations on a shadow database; we keep it instead as a snapshot beside each
// migration (datamodel.snapshot, ignored by `prisma migrate deploy`) and diff the latest
// snapshot against the current schema.prisma. The drift test (tests/integration/migrations)
// proves that the migrations really produce that schema.
import fs from "node:fs";
import path from "node:path";
import type { MigrationList } from "./schema-engine";
import { startScratchDatabase } from "./embedded";
import { NO_FILTERS, openSchemaEngine, schemaTarget } from "./schema-engine";

export const PRISMA_DIR = path.resolve(process.cwd(), "prisma");
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
export const SNAPSHOT_FILE = "datamodel.snapshot";

export function listMigrationDirs(migrationsDir = MIGRATIONS_DIR): string[] {
  if (!fs.existsSync(migrationsDir)) return [];
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(migrationsDir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort();
}

export function readMigrationList(migrationsDir = MIGRATIONS_DIR): MigrationList {
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: listMigrationDirs(migrationsDir).map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/** Applies every migration not yet recorded in _prisma_migrations; returns their names. */
export async function applyMigrations(
  connectionString: string,
  migrationsDir = MIGRATIONS_DIR,
): Promise<string[]> {
  const { engine, close } = await openSchemaEngine(connectionString);
  try {
    const result = await engine.applyMigrations({
      migrationsList: readMigrationList(migrationsDir),
      filters: NO_FILTERS,
    });
    return result.appliedMigrationNames;
  } finally {
    await close();
  }
}

/** SQL that turns the schema `from` (or an empty database) into the schema `to`. */
export async function diffSchemas(from: string | null, to: string): Promise<string> {
  // A diff of two schema files reads no table, but the engine insists on a connection:
  // give it a throwaway in-memory database.
  const scratch = await startScratchDatabase();
  const { engine, close } = await openSchemaEngine(scratch.url, [["schema.prisma", to]]);
  try {
    const result = await engine.diff({
      from: from === null ? { tag: "empty" } : schemaTarget([["from.prisma", from]]),
      to: schemaTarget([["schema.prisma", to]]),
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return result.stdout ?? "";
  } finally {
    await close();
    await scratch.stop();
  }
}

export function latestSnapshot(migrationsDir = MIGRATIONS_DIR): string | null {
  const dirs = listMigrationDirs(migrationsDir);
  for (const name of dirs.reverse()) {
    const p = path.join(migrationsDir, name, SNAPSHOT_FILE);
    if (fs.existsSync(p)) return fs.readFileSync(p, "utf8");
  }
  return null;
}

const EMPTY_DIFF = /^\s*(--[^\n]*\n\s*)*$/;

export function isEmptyMigration(sql: string): boolean {
  return EMPTY_DIFF.test(sql) || sql.includes("This is an empty migration.");
}

/**
 * Writes prisma/migrations/<UTC timestamp>_<name>/ with the SQL that takes the last
 * migrated schema to the current schema.prisma, and the new snapshot. Returns null when
 * there is nothing to migrate.
 */
export async function createMigration(
  name: string,
  options: { migrationsDir?: string; schemaPath?: string; now?: Date } = {},
): Promise<{ dir: string; sql: string } | null> {
  const migrationsDir = options.migrationsDir ?? MIGRATIONS_DIR;
  const schema = fs.readFileSync(options.schemaPath ?? SCHEMA_PATH, "utf8");
  const sql = await diffSchemas(latestSnapshot(migrationsDir), schema);
  if (isEmptyMigration(sql)) return null;
  const stamp = (options.now ?? new Date()).toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  fs.writeFileSync(path.join(dir, SNAPSHOT_FILE), schema);
  const lock = path.join(migrationsDir, "migration_lock.toml");
  if (!fs.existsSync(lock)) {
    fs.writeFileSync(
      lock,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  return { dir, sql };
}
