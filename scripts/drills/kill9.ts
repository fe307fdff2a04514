// npm run drill -- kill9 [--rounds 20] [--writers 4]
//
// Durability drill of the embedded PostgreSQL server, as a crash would test it:
//   1. a throwaway data folder, migrated and bootstrapped (admin, verdict scale);
//   2. each round: the embedded server is started by `npm run db:serve` in a process group of
//      its own; writers save claims through the domain layer (createClaim, then updateClaim
//      with the version they hold) and note every save that was acknowledged; at a random
//      moment the whole process group (launcher and PostgreSQL) gets SIGKILL;
//   3. the server is started again (crash recovery from the write-ahead log) and every
//      acknowledged save is looked for: the claim, its text and version, its revision.
// Prints one line per round and the totals; exits 1 when any acknowledged save is missing.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadSettings } from "../../lib/config";
import { createPrismaClient, type Db } from "../../lib/db/client";
import { findRunningServer } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrations";
import { createClaim, updateClaim } from "../../lib/editorial/claims";
import { bootstrap } from "../../lib/seed/bootstrap";
import { parseOptions } from "../lifecycle";

const OPTIONS = {
  rounds: { default: 20, min: 1, max: 10_000 },
  writers: { default: 4, min: 1, max: 64 },
} as const;

/** `npm run db:serve` on the folder, in its own process group; resolves when it is ready. */
function serve(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "..", "db.ts"), "serve"], {
    env: { ...process.env, CLAIMBASE_DATA_DIR: dataDir, DATABASE_URL: "" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  child.stderr!.on("data", (c: Buffer) => (err += c.toString()));
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      if (/^ready \d+ \d+$/m.test(out)) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`db:serve exited (${code}): ${err}`)));
  });
}

async function connect(dataDir: string): Promise<Db> {
  const running = await findRunningServer(dataDir);
  if (!running) throw new Error("The server does not answer");
  return createPrismaClient(running.url, 8);
}

interface Acknowledged {
  id: string;
  version: number;
  text: string;
}

export async function run(argv: string[]): Promise<number> {
  const options = parseOptions(argv, OPTIONS);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbase-drill-"));
  const settings = loadSettings({ CLAIMBASE_DEMO: "false", CLAIMBASE_ADMIN_PASSWORD: "drill-admin-password" });
  let child: ChildProcess | undefined;
  try {
    child = await serve(dataDir);
    let db = await connect(dataDir);
    await applyMigrations((await findRunningServer(dataDir))!.url);
    await bootstrap(db, settings);
    const admin = await db.user.findUniqueOrThrow({ where: { email: settings.CLAIMBASE_ADMIN_EMAIL } });
    const actor = { id: admin.id, name: admin.name, email: admin.email, role: admin.role };
    await db.$disconnect();
    child.kill("SIGTERM");
    await new Promise((r) => child!.once("exit", r));

    console.log(`kill -9 drill: ${options.rounds} rounds, ${options.writers} writers, data folder ${dataDir}\n`);
    console.log("round  acknowledged  killed after  recovery  missing");
    let totalAcknowledged = 0;
    let totalMissing = 0;
    const recoveries: number[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      child = await serve(dataDir);
      db = await connect(dataDir);
      const acknowledged = new Map<string, Acknowledged>();
      let crashed = false;
      const writer = async (w: number) => {
        let n = 0;
        let current: Acknowledged | undefined;
        while (!crashed) {
          try {
            const text = `Runde ${round}, Schreiber ${w}, Speicherung ${++n}`;
            if (!current || n % 3 === 0) {
              const { id } = await createClaim(actor, { text }, db);
              current = { id, version: 1, text };
            } else {
              await updateClaim(actor, { claimId: current.id, version: current.version, text }, db);
              current = { id: current.id, version: current.version + 1, text };
            }
            acknowledged.set(current.id, current);
          } catch {
            return; // the server is gone: whatever was not acknowledged may or may not be stored
          }
        }
      };
      const writing = Promise.all(Array.from({ length: options.writers }, (_, w) => writer(w + 1)));
      const delay = 300 + Math.floor(Math.random() * 2200);
      await new Promise((r) => setTimeout(r, delay));
      process.kill(-child.pid!, "SIGKILL");
      crashed = true;
      await writing;
      await db.$disconnect().catch(() => undefined);

      const restarted = Date.now();
      child = await serve(dataDir);
      const recovery = Date.now() - restarted;
      recoveries.push(recovery);
      db = await connect(dataDir);
      let missing = 0;
      const ids = [...acknowledged.keys()];
      const stored = new Map((await db.claim.findMany({ where: { id: { in: ids } }, select: { id: true, version: true, text: true } })).map((c) => [c.id, c]));
      const revisions = await db.revision.groupBy({ by: ["entityId"], where: { entityType: "Claim", entityId: { in: ids } }, _count: true });
      const revisionCount = new Map(revisions.map((r) => [r.entityId, r._count]));
      for (const ack of acknowledged.values()) {
        const row = stored.get(ack.id);
        // A later save may have landed without its acknowledgement reaching the writer.
        const ok =
          row && (row.version > ack.version || (row.version === ack.version && row.text === ack.text)) && (revisionCount.get(ack.id) ?? 0) >= ack.version;
        if (!ok) missing++;
      }
      const saves = [...acknowledged.values()].reduce((sum, a) => sum + a.version, 0);
      totalAcknowledged += saves;
      totalMissing += missing;
      console.log(
        `${String(round).padStart(5)}  ${String(saves).padStart(12)}  ${`${delay} ms`.padStart(12)}  ${`${recovery} ms`.padStart(8)}  ${String(missing).padStart(7)}`,
      );
      await db.$disconnect();
      child.kill("SIGTERM");
      await new Promise((r) => child!.once("exit", r));
      child = undefined;
    }
    recoveries.sort((a, b) => a - b);
    console.log(
      `\n${options.rounds} rounds: ${totalAcknowledged} acknowledged saves, ${totalMissing} missing after kill -9 and restart. ` +
        `Restart after the crash: median ${recoveries[Math.floor(recoveries.length / 2)]} ms (${recoveries[0]}–${recoveries.at(-1)} ms).`,
    );
    return totalMissing === 0 ? 0 : 1;
  } finally {
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child!.once("exit", r));
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
