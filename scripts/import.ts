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
  type ImportActor,
  type ImportFormat,
} from "../lib/import";

const USAGE =
  "Usage: npm run import -- FILE [--own] [--format claimreview|factcheck-tools|csv|html] [--as EMAIL] [--yes] [--dry-run] [--all-or-nothing] [--create-speakers] [--confirm-by EMAIL]";

const ACTION_WORDS: Record<string, string> = {
  create: "neu",
  update: "aktualisiert",
  unchanged: "schon vorhanden",
  duplicate: "doppelt in der Datei",
  invalid: "fehlerhaft",
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
      const text = total ? `${label}: ${done.toLocaleString("de-DE")} von ${total.toLocaleString("de-DE")} (${Math.floor((done / total) * 100)} %)` : `${label}: ${done.toLocaleString("de-DE")}`;
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
      const reading = progressPrinter("Gelesen");
      const source = path === "-" ? process.stdin : fs.createReadStream(path);
      const started = Date.now();
      const summary = await readIntoBatch(id, source, { onProgress: (n) => reading.update(n) }, db);
      reading.end();
      const batch = (await getImportBatch(id, db))!;
      if (summary.status === "failed") {
        console.error(`Nicht importiert: ${batch.error}`);
        return 1;
      }
      console.log(
        `${batch.filename ?? "Datei"} (${batch.format}${size !== null ? `, ${(size / 2 ** 20).toFixed(1)} MB` : ""}): ${batch.total.toLocaleString("de-DE")} Einträge in ${((Date.now() - started) / 1000).toFixed(1)} s gelesen.`,
      );
      for (const action of ACTION_ORDER) if (summary.counts[action]) console.log(`  ${ACTION_WORDS[action]}: ${summary.counts[action].toLocaleString("de-DE")}`);
      for (const note of batch.notes) console.log(`  Hinweis: ${note}`);
      const bad = await previewRows(id, { action: "invalid", pageSize: 20 }, db);
      for (const row of bad.rows) console.log(`  Zeile ${row.line}: ${row.message}`);
      if (bad.total > bad.rows.length) console.log(`  … und ${bad.total - bad.rows.length} weitere fehlerhafte Einträge (alle im Desk: /admin/import/${id}).`);
      const unknown = await unknownClaimants(id, 10, db);
      if (unknown.length) {
        console.log(`  Urheber ohne passenden Sprecher${values["create-speakers"] ? " (werden angelegt)" : " (bleiben Namen; --create-speakers legt sie an)"}:`);
        for (const u of unknown) console.log(`    ${u.name} (${u.rows})`);
      }

      if (values["dry-run"]) {
        await cancelImport(actor, { batchId: id, version: batch.version }, db);
        console.log("Probelauf: nichts wurde geschrieben.");
        return 0;
      }
      if (summary.counts.create + summary.counts.update === 0) {
        await cancelImport(actor, { batchId: id, version: batch.version }, db);
        console.log("Nichts zu importieren.");
        return summary.counts.invalid ? 1 : 0;
      }
      let confirmer: ImportActor = actor;
      if (kind === "own") {
        if (!values["confirm-by"]) {
          console.log(`Eigene Bewertungen werden veröffentlicht, wenn eine Administratorin oder ein Administrator (nicht ${actor.email}) bestätigt: im Desk unter /admin/import/${id} oder mit --confirm-by.`);
          return 0;
        }
        confirmer = await account(db, values["confirm-by"]);
      }
      if (!values.yes) {
        if (!process.stdin.isTTY || path === "-") {
          console.log(`Nicht bestätigt (--yes fehlt). Die Vorschau bleibt im Desk: /admin/import/${id}`);
          return 0;
        }
        const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
        const answer = await rl.question("Importieren? [j/N] ");
        rl.close();
        if (!/^(j|ja|y|yes)$/i.test(answer.trim())) {
          console.log(`Nicht importiert. Die Vorschau bleibt im Desk: /admin/import/${id}`);
          return 0;
        }
      }
      const writing = progressPrinter("Geschrieben");
      const writeStart = Date.now();
      const result = await confirmImport(
        confirmer,
        { batchId: id, version: batch.version, allOrNothing: values["all-or-nothing"], createSpeakers: values["create-speakers"] ? "all" : "none" },
        db,
        { onProgress: (done, total) => writing.update(done, total) },
      );
      writing.end();
      console.log(`${result.message} (${((Date.now() - writeStart) / 1000).toFixed(1)} s)`);
      return result.failed ? 2 : 0;
    } finally {
      await db.$disconnect();
    }
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof DomainError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);
