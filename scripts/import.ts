// npm run import -- FILE [options]: imports fact-checks from a file, like the desk's import
// (/admin/import) and with the same rules (lib/import): the file is read into a preview, the
// preview is printed, and only then, once confirmed, anything is written.
//
//   FILE                 ClaimReview JSON-LD (object, array, @graph, DataFeed), an HTML page with
//                        JSON-LD, a Fact Check Tools claims:search response, or CSV (docs/import.md);
//                        "-" reads standard input
//   --own                our own verdicts (a back catalogue) instead of others' fact-checks
//   --format F           claimreview | factcheck-tools | csv | html (default: from the content)
//   --as EMAIL           the account the import is made as (default: CLAIMBASE_ADMIN_EMAIL)
//   --yes                confirm without asking
//   --dry-run            the preview only; nothing is kept
//   --all-or-nothing     write nothing if any row is bad or refused
//   --create-speakers    make every unmatched claimant a new speaker
//   --confirm-by EMAIL   --own: the admin who confirms (four eyes: not the --as account).
//                        Without it the preview stays for an admin to confirm in the desk.
//
// It speaks English (the desk speaks the reader's language; its messages come from the same
// catalogues, messages/en.json here).
//
// Works against DATABASE_URL when set, else the embedded server (the running one of npm start,
// or one started for the import), like npm run db:seed. Public pages show the import within
// a minute (the cache's time limit; the command cannot reach the app's cache).
import fs from "node:fs";
import readline from "node:readline/promises";
import { parseArgs } from "node:util";
import { loadSettings } from "../lib/config";
import { withDatabase } from "../lib/db/connect";
import { createPrismaClient, type Db } from "../lib/db/client";
import { can } from "../lib/auth/permissions";
import { DomainError } from "../lib/editorial/errors";
import { contentText } from "../lib/content-text";
import type { Message } from "../lib/messages";
import {
  ACTION_ORDER,
  IMPORT_FORMATS,
  cancelImport,
  confirmImport,
  createImportBatch,
  getImportBatch,
  previewRows,
  readIntoBatch,
  unknownClaimants,
  importPlainText,
  type ImportActor,
  type ImportFormat,
} from "../lib/import";

/** A Message of the domain in the command's language. */
const english = (m: Message) => contentText("en", m);
const number = (n: number) => n.toLocaleString("en-GB");

const USAGE =
  "Usage: npm run import -- FILE [--own] [--format claimreview|factcheck-tools|csv|html] [--as EMAIL] [--yes] [--dry-run] [--all-or-nothing] [--create-speakers] [--confirm-by EMAIL]";

const ACTION_WORDS: Record<string, string> = {
  create: "new",
  update: "updated",
  unchanged: "already there",
  duplicate: "twice in the file",
  invalid: "invalid",
};

class UsageError extends Error {}

function progressPrinter(label: string) {
  const tty = process.stderr.isTTY;
  let lastShown = 0;
  return {
    update(done: number, total?: number) {
      const now = Date.now();
      if (now - lastShown < (tty ? 200 : 5_000)) return;
      lastShown = now;
      const text = total ? `${label}: ${number(done)} of ${number(total)} (${Math.floor((done / total) * 100)} %)` : `${label}: ${number(done)}`;
      if (tty) process.stderr.write(`\r${text}   `);
      else process.stderr.write(`${text}\n`);
    },
    end() {
      if (tty) process.stderr.write("\n");
    },
  };
}

async function account(db: Db, email: string): Promise<ImportActor & { email: string }> {
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, role: true, active: true, email: true } });
  if (!user || !user.active) throw new UsageError(`No active account ${email}.`);
  return { id: user.id, role: user.role, email: user.email };
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      own: { type: "boolean", default: false },
      format: { type: "string" },
      as: { type: "string" },
      yes: { type: "boolean", default: false },
      "dry-run": { type: "boolean", default: false },
      "all-or-nothing": { type: "boolean", default: false },
      "create-speakers": { type: "boolean", default: false },
      "confirm-by": { type: "string" },
    },
  });
  const path = positionals[0];
  if (!path || positionals.length > 1) throw new UsageError(USAGE);
  if (values.format && !IMPORT_FORMATS.includes(values.format as ImportFormat)) throw new UsageError(`--format is one of: ${IMPORT_FORMATS.join(", ")}`);
  if (path !== "-" && !fs.existsSync(path)) throw new UsageError(`No file ${path}.`);
  const settings = loadSettings();

  return withDatabase(settings, async (url) => {
    const db = createPrismaClient(url, 4);
    try {
      const actor = await account(db, values.as ?? settings.CLAIMBASE_ADMIN_EMAIL);
      if (!can(actor.role, "import.run")) throw new UsageError(`${actor.email} (${actor.role}) may not import: admins and editors may.`);
      const kind = values.own ? "own" : "external";
      const { id } = await createImportBatch(actor, { kind, filename: path === "-" ? "stdin" : path.split("/").pop(), format: (values.format as ImportFormat) ?? null }, db);

      const size = path === "-" ? null : fs.statSync(path).size;
      const reading = progressPrinter("Read");
      const source = path === "-" ? process.stdin : fs.createReadStream(path);
      const started = Date.now();
      const summary = await readIntoBatch(id, source, { onProgress: (n) => reading.update(n) }, db);
      reading.end();
      const batch = (await getImportBatch(id, db))!;
      if (summary.status === "failed") {
        console.error(`Not imported: ${batch.error ? importPlainText(batch.error, english) : "the file cannot be read."}`);
        return 1;
      }
      console.log(
        `${batch.filename ?? "File"} (${batch.format}${size !== null ? `, ${(size / 2 ** 20).toFixed(1)} MB` : ""}): ${number(batch.total)} entries read in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      );
      for (const action of ACTION_ORDER) if (summary.counts[action]) console.log(`  ${ACTION_WORDS[action]}: ${number(summary.counts[action])}`);
      for (const note of batch.notes) console.log(`  Note: ${importPlainText(note, english)}`);
      const bad = await previewRows(id, { action: "invalid", pageSize: 20 }, db);
      for (const row of bad.rows) console.log(`  Line ${row.line}: ${row.message ? importPlainText(row.message, english) : ""}`);
      if (bad.total > bad.rows.length) console.log(`  … and ${number(bad.total - bad.rows.length)} more invalid entries (all of them in the desk: /admin/import/${id}).`);
      const unknown = await unknownClaimants(id, 10, db);
      if (unknown.length) {
        console.log(`  Claimants without a matching speaker${values["create-speakers"] ? " (will be created)" : " (stay names; --create-speakers creates them)"}:`);
        for (const u of unknown) console.log(`    ${u.name} (${u.rows})`);
      }

      if (values["dry-run"]) {
        await cancelImport(actor, { batchId: id, version: batch.version }, db);
        console.log("Dry run: nothing was written.");
        return 0;
      }
      if (summary.counts.create + summary.counts.update === 0) {
        await cancelImport(actor, { batchId: id, version: batch.version }, db);
        console.log("Nothing to import.");
        return summary.counts.invalid ? 1 : 0;
      }
      let confirmer: ImportActor = actor;
      if (kind === "own") {
        if (!values["confirm-by"]) {
          console.log(`Our own verdicts are published when an administrator (not ${actor.email}) confirms them: in the desk at /admin/import/${id} or with --confirm-by.`);
          return 0;
        }
        confirmer = await account(db, values["confirm-by"]);
      }
      if (!values.yes) {
        if (!process.stdin.isTTY || path === "-") {
          console.log(`Not confirmed (--yes is missing). The preview stays in the desk: /admin/import/${id}`);
          return 0;
        }
        const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
        const answer = await rl.question("Import? [y/N] ");
        rl.close();
        if (!/^(j|ja|y|yes)$/i.test(answer.trim())) {
          console.log(`Not imported. The preview stays in the desk: /admin/import/${id}`);
          return 0;
        }
      }
      const writing = progressPrinter("Written");
      const writeStart = Date.now();
      const result = await confirmImport(
        confirmer,
        { batchId: id, version: batch.version, allOrNothing: values["all-or-nothing"], createSpeakers: values["create-speakers"] ? "all" : "none" },
        db,
        { onProgress: (done, total) => writing.update(done, total) },
      );
      writing.end();
      console.log(`${english(result.message)} (${((Date.now() - writeStart) / 1000).toFixed(1)} s)`);
      return result.failed ? 2 : 0;
    } finally {
      await db.$disconnect();
    }
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof DomainError) console.error(english(error.detail));
    else if (error instanceof UsageError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);
