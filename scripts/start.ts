// npm start (production) and npm run dev: one command from a fresh clone to a running app.
//   1. validate the settings (lib/config.ts),
//   2. start the embedded database on the data folder unless DATABASE_URL is set,
//   3. apply migrations, make sure the admin, verdict scale and (on an empty database) the
//      demo data exist,
//   4. build if the sources changed since the last build (production only),
//   5. run Next.js with DATABASE_URL and AUTH_SECRET set, until Ctrl-C / SIGTERM, then close
//      the database cleanly. Nothing stands between readers and Next.js: public pages are
//      prerendered and cached by Next.js itself (docs/caching.md).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";
import { createRequire } from "node:module";
import { loadSettings, publicUrlOf, SettingsError, trustedProxiesOf } from "../lib/config";
import { createPrismaClient } from "../lib/db/client";
import {
  DataDirInUseError,
  EmbeddedDatabaseError,
  LegacyPgliteFolderError,
  startEmbeddedDatabase,
  type EmbeddedDatabase,
} from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrations";
import { authSecretFor } from "../lib/launcher/auth-secret";
import { buildIsCurrent, recordBuild } from "../lib/launcher/build";
import { bootstrap, describeSignIn } from "../lib/seed/bootstrap";

const require = createRequire(import.meta.url);
const dev = process.argv.includes("--dev");

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}


function waitForPort(port: number, host: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(port, host);
      socket.once("connect", () => {
        socket.destroy();
        resolve();
      });
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`Next.js did not open port ${port}`));
        else setTimeout(attempt, 200);
      });
    };
    attempt();
  });
}

function build(env: NodeJS.ProcessEnv): void {
  console.log("Building the app (first start, or the sources changed)…");
  for (const args of [[require.resolve("../scripts/generate.mjs")], [require.resolve("next/dist/bin/next"), "build"]]) {
    const result = spawnSync(process.execPath, args, { stdio: "inherit", env });
    if (result.status !== 0) throw new Error("The build failed (see above).");
  }
  recordBuild();
}

async function main(): Promise<void> {
  const launched = Date.now();
  const settings = loadSettings();
  const dataDir = settings.CLAIMBASE_DATA_DIR;
  const authSecret = authSecretFor(dataDir, settings.AUTH_SECRET);

  let embedded: EmbeddedDatabase | undefined;
  let child: ChildProcess | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          child?.kill("SIGKILL");
          resolve();
        }, 10_000);
        child?.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    if (embedded) {
      await embedded.stop();
      console.log("Database closed.");
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  let url: string;
  if (settings.DATABASE_URL) {
    url = settings.DATABASE_URL;
    console.log(`Database: PostgreSQL at ${redact(url)}`);
  } else {
    const started = Date.now();
    embedded = await startEmbeddedDatabase({ dataDir, log: (line) => console.log(line) });
    url = embedded.url;
    console.log(
      `Database: embedded PostgreSQL server in ${embedded.dataDir}, on 127.0.0.1:${embedded.port} ` +
        `(pid ${embedded.pid}; ready in ${((Date.now() - started) / 1000).toFixed(1)} s; URL: npm run --silent db:url)`,
    );
  }

  const applied = await applyMigrations(url);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  const db = createPrismaClient(url, 2);
  const report = await bootstrap(db, settings).finally(() => db.$disconnect());
  if (report.demoLoaded) console.log("Loaded the demo data (CLAIMBASE_DEMO=false starts an empty newsroom).");

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url,
    AUTH_SECRET: authSecret,
    AUTH_TRUST_HOST: "true",
    // The only source of absolute URLs (lib/site.ts).
    CLAIMBASE_PUBLIC_URL: publicUrlOf(settings),
    // Read by scripts/trusted-proxies.cjs, in one checked form.
    CLAIMBASE_TRUSTED_PROXIES: trustedProxiesOf(settings),
    CLAIMBASE_LISTEN_HOST: settings.HOST ?? "",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(settings.PORT),
  };
  // Printed for the start-up measurement (npm run bench:start): everything before Next.js.
  console.log(`Database, migrations and accounts ready in ${((Date.now() - launched) / 1000).toFixed(1)} s.`);
  if (!dev && !buildIsCurrent()) build(env);

  const nextArgs = ["-p", String(settings.PORT)];
  const nextBin = require.resolve("next/dist/bin/next");
  // Preloads: Next.js ends with its launcher; X-Forwarded-* are believed only from the proxies
  // in CLAIMBASE_TRUSTED_PROXIES (scripts/trusted-proxies.cjs); a request no URL can be made of
  // gets a 400 (scripts/malformed-requests.cjs; before trusted-proxies.cjs in this list, so
  // that it checks the request after the cleaning); it listens on HOST
  // (scripts/listen-host.cjs says why not with -H); Strict-Transport-Security when the public
  // URL is https (scripts/strict-transport.cjs).
  const preloads = ["./exit-with-parent.cjs", "./malformed-requests.cjs", "./trusted-proxies.cjs", "./listen-host.cjs", "./strict-transport.cjs"].flatMap((file) => [
    "--require",
    require.resolve(file),
  ]);
  child = spawn(process.execPath, [...preloads, nextBin, dev ? "dev" : "start", ...nextArgs], {
    stdio: ["ignore", "inherit", "inherit"],
    env,
  });
  child.once("exit", (code) => {
    if (!stopping) {
      console.error(`Next.js exited (code ${code}).`);
      void stop(code ?? 1);
    }
  });
  const host = settings.HOST && settings.HOST !== "0.0.0.0" && settings.HOST !== "::" ? settings.HOST : "localhost";
  await waitForPort(settings.PORT, host, 120_000);
  const base = `http://localhost:${settings.PORT}`;
  console.log(`\nClaimbase is running at ${base}\n${describeSignIn(report, base)}\nStop with Ctrl-C.\n`);
}

main().catch((error: unknown) => {
  const known = [SettingsError, DataDirInUseError, LegacyPgliteFolderError, EmbeddedDatabaseError];
  if (known.some((kind) => error instanceof kind)) console.error((error as Error).message);
  else console.error(error);
  process.exit(1);
});
