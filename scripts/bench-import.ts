// npm run bench:import -- [--rows 100000] [--format datafeed|csv] [--keep]
//
// Imports a generated file of --rows fact-checks (a schema.org DataFeed of ClaimReviews, or a
// CSV) into a throwaway embedded PostgreSQL server, the way the desk and `npm run import` do:
// read into the preview, confirm, write; then the same file again (everything "unchanged": the
// import is idempotent). Prints the file size, the time of each step and the process's peak
// memory (RSS and JS heap, sampled every 50 ms), to show that memory stays bounded however
// large the file: rows are streamed and handled 500 at a time. No figure is asserted.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createPrismaClient } from "../lib/db/client";
import { startEmbeddedDatabase } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrations";
import { bootstrap } from "../lib/seed/bootstrap";
import { loadSettings } from "../lib/config";
import { confirmImport, importFile } from "../lib/import";

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { rows: { type: "string", default: "100000" }, format: { type: "string", default: "datafeed" }, keep: { type: "boolean", default: false } },
});
const ROWS = Number(values.rows);
if (!Number.isInteger(ROWS) || ROWS < 1 || ROWS > 250_000) throw new Error("--rows: 1 to 250000");
const FORMAT = values.format === "csv" ? "csv" : "datafeed";

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** Peak RSS and heap while `work` runs. */
async function measured<T>(label: string, work: () => Promise<T>): Promise<T> {
  let rss = process.memoryUsage().rss;
  let heap = process.memoryUsage().heapUsed;
  const startRss = rss;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 50);
  const began = Date.now();
  try {
    return await work();
  } finally {
    clearInterval(timer);
    const s = (Date.now() - began) / 1000;
    console.log(`${label.padEnd(34)} ${s.toFixed(1).padStart(7)} s   ${Math.round(ROWS / s).toString().padStart(6)} rows/s   peak RSS ${mib(rss)} (start ${mib(startRss)}), peak heap ${mib(heap)}`);
  }
}

/** The file, written row by row (the generator holds one row at a time too). */
async function generate(file: string): Promise<void> {
  const out = fs.createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r())));
  const speakers = ["Wladimir Putin", "Donald Trump", "Erika Beispiel", "Viral social media posts", "Max Mustermann"];
  if (FORMAT === "csv") {
    await write("\ufeffurl;claim;claimant;claim_date;publisher;review_date;rating;rating_value;best_rating;worst_rating;language\n");
    for (let i = 0; i < ROWS; i++) {
      await write(
        `https://checks.example.org/${i};"Behauptung Nummer ${i}: die Zahl ${i * 7} stimmt; angeblich.";${speakers[i % speakers.length]};2024-01-${String((i % 28) + 1).padStart(2, "0")};Beispiel-Prüfstelle;2024-02-${String((i % 28) + 1).padStart(2, "0")};${i % 2 ? "falsch" : "richtig"};${(i % 5) + 1};5;1;de\n`,
      );
    }
  } else {
    await write('{"@context":"https://schema.org","@type":"DataFeed","name":"Benchmark feed","dateModified":"2024-03-01T00:00:00Z","dataFeedElement":[\n');
    for (let i = 0; i < ROWS; i++) {
      const review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        url: `https://checks.example.org/${i}`,
        claimReviewed: `Claim number ${i}: the figure ${i * 7} is right.`,
        datePublished: `2024-02-${String((i % 28) + 1).padStart(2, "0")}`,
        author: { "@type": "Organization", name: "Example Checks", url: "https://checks.example.org" },
        reviewRating: { "@type": "Rating", alternateName: i % 2 ? "False" : "True", ratingValue: (i % 5) + 1, bestRating: 5, worstRating: 1 },
        itemReviewed: { "@type": "Claim", author: { "@type": "Person", name: speakers[i % speakers.length] }, datePublished: "2024-01-15" },
      };
      await write(`${i ? ",\n" : ""}{"@type":"DataFeedItem","dateCreated":"2024-02-01T00:00:00Z","item":[${JSON.stringify(review)}]}`);
    }
    await write("\n]}\n");
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbase-bench-import-"));
  fs.chmodSync(dir, 0o755); // as root, the server's user must pass through it
  const file = path.join(dir, FORMAT === "csv" ? "checks.csv" : "feed.json");
  const server = await startEmbeddedDatabase({ dataDir: path.join(dir, "pg"), settings: ["fsync=off", "synchronous_commit=off", "full_page_writes=off"] });
  const db = createPrismaClient(server.url, 4);
  try {
    await applyMigrations(server.url);
    await bootstrap(db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "bench-admin-password-123", CLAIMBASE_DEMO: "true", CLAIMBASE_DATA_DIR: dir }));
    const admin = await db.user.findFirstOrThrow({ where: { role: "admin" } });
    const actor = { id: admin.id, role: admin.role };
    await measured("generate the file", () => generate(file));
    console.log(`File: ${FORMAT}, ${ROWS.toLocaleString("en")} rows, ${mib(fs.statSync(file).size)} (Node ${process.version}, ${os.cpus().length} cores)`);

    const first = await measured("read into the preview", () => importFile(actor, { kind: "external", filename: path.basename(file) }, fs.createReadStream(file), {}, db));
    console.log(`  preview: ${JSON.stringify(first.counts)}`);
    const result = await measured("confirm and write", () => confirmImport(actor, { batchId: first.id, version: 1, createSpeakers: "all" }, db));
    console.log(`  ${result.message}`);
    const again = await measured("the same file again: preview", () => importFile(actor, { kind: "external", filename: path.basename(file) }, fs.createReadStream(file), {}, db));
    console.log(`  preview: ${JSON.stringify(again.counts)}`);
    console.log(`External fact-checks in the database: ${(await db.externalFactCheck.count()).toLocaleString("en")}`);
  } finally {
    await db.$disconnect();
    await server.stop();
    if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
    else console.log(`Kept ${dir}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
