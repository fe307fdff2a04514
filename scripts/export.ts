// npm run export -- KIND [--format csv|jsonl] [--output FILE]: the public data as CSV or JSON
// Lines (lib/export; the same files as the desk's /admin/export), on standard output or into
// FILE. KIND: claims, quotes or speakers. Only public fields, read through lib/public in keyset
// pages: memory does not grow with the data.
//
//   npm run export -- claims --format csv > claims.csv
//   npm run export -- quotes --format jsonl --output quotes.jsonl
//   npm run export -- claims --spreadsheet     CSV with a BOM and formulas escaped, for Excel
//
// Works against DATABASE_URL when set, else the embedded server (the running one of npm start,
// or one started for the export), like npm run import. Progress goes to standard error.
import fs from "node:fs";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { loadSettings } from "../lib/config";
import { withDatabase } from "../lib/db/connect";
import { createPrismaClient } from "../lib/db/client";
import { EXPORT_FORMATS, EXPORT_KINDS, exportChunks, type ExportFormat, type ExportKind } from "../lib/export";

const USAGE = "Usage: npm run export -- claims|quotes|speakers [--format csv|jsonl] [--output FILE] [--spreadsheet]";

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string", default: "csv" },
      output: { type: "string", short: "o" },
      spreadsheet: { type: "boolean", default: false },
    },
  });
  const kind = positionals[0];
  if (!kind || positionals.length > 1 || !EXPORT_KINDS.includes(kind as ExportKind)) throw new UsageError(USAGE);
  if (!EXPORT_FORMATS.includes(values.format as ExportFormat)) throw new UsageError(`--format is one of: ${EXPORT_FORMATS.join(", ")}`);
  const settings = loadSettings();

  return withDatabase(settings, async (url) => {
    const db = createPrismaClient(url, 2);
    const out = values.output ? fs.createWriteStream(values.output) : process.stdout;
    let bytes = 0;
    let lastShown = Date.now();
    const started = Date.now();
    try {
      for await (const chunk of exportChunks(kind as ExportKind, values.format as ExportFormat, { client: db, spreadsheet: values.spreadsheet })) {
        bytes += Buffer.byteLength(chunk);
        // Backpressure: wait while the reader (a pipe, a file) is behind.
        if (!out.write(chunk)) await once(out, "drain");
        if (Date.now() - lastShown > 2_000) {
          lastShown = Date.now();
          process.stderr.write(`${(bytes / 2 ** 20).toFixed(1)} MB …\n`);
        }
      }
      if (out !== process.stdout) {
        out.end();
        await once(out, "finish");
      }
      process.stderr.write(`Export ${kind} (${values.format}): ${(bytes / 2 ** 20).toFixed(2)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
      return 0;
    } finally {
      await db.$disconnect();
    }
  });
}

// A reader that went away (`| head`) ends the export quietly.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof UsageError ? error.message : error);
    process.exit(1);
  },
);
