// Run as a separate process by tests/integration/embedded.test.ts: opens the embedded database
// on argv[2], optionally writes a row, reports "ready <port>", and stops cleanly on SIGTERM.
import pg from "pg";
import { startEmbeddedDatabase } from "../../lib/db/embedded";

const [dataDir, insert] = process.argv.slice(2);
try {
  const db = await startEmbeddedDatabase({ dataDir: dataDir! });
  if (insert) {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query("CREATE TABLE IF NOT EXISTS t (v text)");
    await client.query("INSERT INTO t VALUES ($1)", [insert]);
    await client.end();
  }
  process.on("SIGTERM", () => {
    void db.stop().then(() => process.exit(0));
  });
  console.log(`ready ${db.port}`);
} catch (error) {
  console.log(`error ${(error as Error).message}`);
  process.exit(3);
}
