// npm run bench:start -- [--runs 3]
//
// How long `npm start` takes (the production build must be current: a first run builds it and
// is not counted), on a fresh data folder (initdb, migrations, demo data) and on an existing
// one, measured from the launcher's start to two of its lines:
//   "Database, migrations and accounts ready"  (everything before Next.js),
//   "Claimbase is running"                       (Next.js answers).
// Prints the median and the range of each over --runs runs.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../lib/launcher/free-port";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 3;

interface Timing {
  database: number;
  running: number;
}

async function start(dataDir: string): Promise<Timing> {
  const port = await freePort();
  const began = Date.now();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "start.ts")], {
    env: { ...process.env, CLAIMBASE_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: "", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let database = 0;
  const running = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 15 minutes:\n${out}`)), 900_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      if (!database && out.includes("Database, migrations and accounts ready")) database = Date.now() - began;
      if (out.includes("Claimbase is running")) {
        clearTimeout(timer);
        resolve(Date.now() - began);
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.once("exit", (code) => reject(new Error(`npm start exited (${code}):\n${out}`)));
  });
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
  return { database, running };
}

function describe(label: string, values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return `${label.padEnd(44)} median ${s(sorted[Math.floor(sorted.length / 2)]!)}  (${s(sorted[0]!)}–${s(sorted.at(-1)!)})`;
}

async function main() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "claimbase-bench-start-"));
  fs.chmodSync(root, 0o755); // as root, the server's user must pass through it
  try {
    console.log("Warm-up start (builds the app when the sources changed; not counted)…");
    await start(path.join(root, "warm-up"));
    const fresh: Timing[] = [];
    const existing: Timing[] = [];
    for (let i = 0; i < runs; i++) {
      const dir = path.join(root, `run-${i}`);
      fresh.push(await start(dir));
      existing.push(await start(dir));
      console.log(`run ${i + 1}/${runs}: fresh ${fresh.at(-1)!.database} / ${fresh.at(-1)!.running} ms, existing ${existing.at(-1)!.database} / ${existing.at(-1)!.running} ms`);
    }
    console.log(`\nnpm start, ${runs} runs each (${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}):`);
    console.log(describe("fresh folder: database + migrations + demo", fresh.map((t) => t.database)));
    console.log(describe("fresh folder: until Next.js answers", fresh.map((t) => t.running)));
    console.log(describe("existing folder: database + migrations", existing.map((t) => t.database)));
    console.log(describe("existing folder: until Next.js answers", existing.map((t) => t.running)));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
