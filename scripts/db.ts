// npm run db:migrate | db:migration -- NAME | db:seed [-- --disable-demo-accounts] | db:url | db:serve
//         | db:backup -- [FILE]
//         | db:migrate-embedded (a PGlite data folder of an earlier version to the embedded server)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { loadSettings } from "../lib/config";
import { withDatabase } from "../lib/db/connect";
import {
  embeddedPaths,
  findRunningServer,
  startEmbeddedDatabase,
} from "../lib/db/embedded";
import { applyMigrations, createMigration } from "../lib/db/migrations";

async function main(command: string | undefined, args: string[]): Promise<number | void> {
  const settings = loadSettings();
  switch (command) {
    case "migrate": {
      const applied = await withDatabase(settings, applyMigrations);
      console.log(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join("\n  ")}` : "The database is up to date.");
      return;
    }
    case "migration": {
      const name = args[0];
      if (!name || !/^[a-z0-9_]+$/.test(name)) {
        throw new Error("Usage: npm run db:migration -- NAME   (NAME in lower case, digits and _, e.g. add_topic_colour)");
      }
      const result = await withDatabase(settings, (url) => createMigration(name, url));
      if (!result) console.log("schema.prisma has no changes since the last migration; nothing written.");
      else console.log(`Wrote ${result.dir}/migration.sql\nReview it, then apply it with: npm run db:migrate`);
      return;
    }
    case "seed": {
      const unknown = args.filter((a) => a !== "--disable-demo-accounts");
      if (unknown.length) throw new Error(`Usage: npm run db:seed [-- --disable-demo-accounts]   (unknown: ${unknown.join(" ")})`);
      const { seedDatabase } = await import("../lib/seed/bootstrap");
      await withDatabase(settings, (url) => seedDatabase(url, settings, { disableDemoAccounts: args.includes("--disable-demo-accounts") }));
      return;
    }
    case "url": {
      // For psql, pg_dump and other tools: `psql "$(npm run --silent db:url)"`.
      if (settings.DATABASE_URL) {
        console.log(settings.DATABASE_URL);
        return;
      }
      const running = await findRunningServer(settings.CLAIMBASE_DATA_DIR);
      if (!running) {
        console.error(
          `No embedded database server is running on ${settings.CLAIMBASE_DATA_DIR}. Start one with npm start (or npm run db:serve for the database alone).`,
        );
        return 1;
      }
      console.log(running.url);
      return;
    }
    case "serve": {
      // The embedded server alone, without the app, until Ctrl-C (tools, drills).
      const server = await startEmbeddedDatabase({ dataDir: settings.CLAIMBASE_DATA_DIR, log: (line) => console.error(line) });
      console.log(`ready ${server.port} ${server.pid}`);
      console.error(`The embedded PostgreSQL server runs on 127.0.0.1:${server.port} (pid ${server.pid}). URL: npm run --silent db:url. Stop with Ctrl-C.`);
      await new Promise<void>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
      await server.stop();
      return;
    }
    case "backup": {
      const file = args[0] ?? `claimbase-${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}.sql`;
      return withDatabase(settings, async (url) => backup(url, file));
    }
    case "migrate-embedded": {
      const { upgradeFromPglite } = await import("../lib/db/pglite-upgrade");
      const report = await upgradeFromPglite(settings.CLAIMBASE_DATA_DIR, (line) => console.log(line));
      const width = Math.max(...report.tables.map((t) => t.table.length));
      console.log(`\nRows per table (PGlite → embedded PostgreSQL):`);
      for (const t of report.tables) console.log(`  ${t.table.padEnd(width)}  ${String(t.before).padStart(8)} → ${t.after}`);
      if (report.appliedMigrations.length) console.log(`Applied newer migrations: ${report.appliedMigrations.join(", ")}`);
      console.log(
        `\nAll ${report.tables.length} tables carried over with the same row counts. npm start now uses the embedded PostgreSQL server.\n` +
          `The old PGlite folder ${embeddedPaths(settings.CLAIMBASE_DATA_DIR).legacyPglite} is left as it was; delete it when you are satisfied.`,
      );
      return;
    }
    default:
      throw new Error(
        `Unknown command ${JSON.stringify(command)}. Use migrate, migration NAME, seed, url, serve, backup [FILE] or migrate-embedded.`,
      );
  }
}

/** pg_dump of the database into FILE (plain SQL, restorable with psql into an empty database). */
function backup(url: string, file: string): number {
  const pgDump = findPgDump();
  if (!pgDump) {
    console.error(
      "pg_dump was not found. The embedded server's npm package ships only the server, so backups use the PostgreSQL client tools of the system: " +
        "apt-get install postgresql-client (Debian, Ubuntu), brew install libpq (macOS), or set CLAIMBASE_PG_DUMP to its path.",
    );
    return 1;
  }
  const result = spawnSync(pgDump, ["--no-owner", "--no-privileges", "--file", file, "--dbname", url], { stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) return result.status ?? 1;
  console.log(`Wrote ${file} (${(fs.statSync(file).size / 1024).toFixed(0)} KB). Restore into an empty database with: psql -v ON_ERROR_STOP=1 -f ${file} URL`);
  return 0;
}

function findPgDump(): string | null {
  if (process.env.CLAIMBASE_PG_DUMP) return process.env.CLAIMBASE_PG_DUMP;
  const versions = fs.existsSync("/usr/lib/postgresql") ? fs.readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a)) : [];
  const candidates = [...versions.map((v) => `/usr/lib/postgresql/${v}/bin/pg_dump`), "/opt/homebrew/opt/libpq/bin/pg_dump", "/usr/local/opt/libpq/bin/pg_dump"];
  const found = candidates.find((p) => fs.existsSync(p));
  if (found) return found;
  return spawnSync("pg_dump", ["--version"]).status === 0 ? "pg_dump" : null;
}

main(process.argv[2], process.argv.slice(3)).then(
  // Exit now rather than wait for idle pool timers of the schema engine's connections.
  (code) => process.exit(code ?? 0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
