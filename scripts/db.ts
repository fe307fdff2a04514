// npm run db:migrate | db:migration -- NAME | db:seed
import { loadSettings, SettingsError } from "../lib/config";
import { withDatabase } from "../lib/db/connect";
import { applyMigrations, createMigration } from "../lib/db/migrations";

async function main(command: string | undefined, args: string[]) {
  switch (command) {
    case "migrate": {
      const settings = loadSettings();
      const applied = await withDatabase(settings, applyMigrations);
      console.log(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join("\n  ")}` : "The database is up to date.");
      return;
    }
    case "migration": {
      const name = args[0];
      if (!name || !/^[a-z0-9_]+$/.test(name)) {
        throw new Error("Usage: npm run db:migration -- NAME   (NAME in lower case, digits and _, e.g. add_topic_colour)");
      }
      const result = await createMigration(name);
      if (!result) console.log("schema.prisma has no changes since the last migration; nothing written.");
      else console.log(`Wrote ${result.dir}/migration.sql\nReview it, then apply it with: npm run db:migrate`);
      return;
    }
    case "seed": {
      const settings = loadSettings();
      const { seedDatabase } = await import("../lib/seed/bootstrap");
      await withDatabase(settings, (url) => seedDatabase(url, settings));
      return;
    }
    default:
      throw new Error(`Unknown command ${JSON.stringify(command)}. Use migrate, migration NAME or seed.`);
  }
}

main(process.argv[2], process.argv.slice(3)).then(
  // Exit now rather than wait for idle pool timers of the schema engine's connections.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof SettingsError || error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
