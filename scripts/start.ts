// npm start (production) and npm run dev: one command from a fresh clone to a running app.
//   1. validate the settings (lib/config.ts),
//   2. start the embedded database on the data folder unless DATABASE_URL is set,
//   3. apply migrations, make sure the admin, verdict scale and (on an empty database) the
//      demo data exist,
//   4. build if the sources changed since the last build (production only),
//   5. run Next.js with DATABASE_URL and AUTH_SECRET set, behind the public page cache
//      (lib/launcher/page-cache.ts; production only), until Ctrl-C / SIGTERM, then close the
//      database cleanly.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import type http from "node:http";
import net from "node:net";
import { createRequire } from "node:module";
import { loadSettings, publicUrlOf, SettingsError } from "../lib/config";
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
import { freePort } from "../lib/launcher/free-port";
import { PublicPageCache, UPSTREAM_HOST, createFrontServer } from "../lib/launcher/page-cache";
import { readPublicGeneration } from "../lib/public/generation";
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
  let front: { server: http.Server; cache: PublicPageCache; db: ReturnType<typeof createPrismaClient> } | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (front) {
      front.cache.stop();
      front.server.close();
      front.server.closeAllConnections();
    }
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
    await front?.db.$disconnect().catch(() => undefined);
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
    // The only source of absolute URLs (lib/site.ts); Next.js' own PORT differs behind the page cache.
    CLAIMBASE_PUBLIC_URL: publicUrlOf(settings),
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(settings.PORT),
  };
  // Printed for the start-up measurement (npm run bench:start): everything before Next.js.
  console.log(`Database, migrations and accounts ready in ${((Date.now() - launched) / 1000).toFixed(1)} s.`);
  if (!dev && !buildIsCurrent()) build(env);
  // Data cache entries of earlier runs are keyed by their process (lib/public/cached.ts) and
  // can never be read again.
  fs.rmSync(".next/cache/fetch-cache", { recursive: true, force: true });

  // Next.js answers on a loopback port of its own when the page cache stands in front of it.
  const pageCache = !dev && settings.CLAIMBASE_PAGE_CACHE_SECONDS > 0;
  const nextPort = pageCache ? await freePort() : settings.PORT;
  const nextHost = pageCache ? UPSTREAM_HOST : settings.HOST;
  const nextArgs = [
    ...(nextHost ? ["-H", nextHost] : []),
    "-p",
    String(nextPort),
    // The page cache keeps connections to Next.js open; Next.js would close idle ones after 5 s,
    // sometimes just as the cache sends the next request on one.
    ...(pageCache ? ["--keepAliveTimeout", "120000"] : []),
  ];
  const nextBin = require.resolve("next/dist/bin/next");
  child = spawn(process.execPath, ["--require", require.resolve("./exit-with-parent.cjs"), nextBin, dev ? "dev" : "start", ...nextArgs], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...env, PORT: String(nextPort) },
  });
  child.once("exit", (code) => {
    if (!stopping) {
      console.error(`Next.js exited (code ${code}).`);
      void stop(code ?? 1);
    }
  });
  await waitForPort(nextPort, nextHost && nextHost !== "0.0.0.0" && nextHost !== "::" ? nextHost : "localhost", 120_000);
  if (pageCache) {
    const generationDb = createPrismaClient(url, 1);
    const cache = new PublicPageCache({
      upstreamPort: nextPort,
      ttlMs: settings.CLAIMBASE_PAGE_CACHE_SECONDS * 1000,
      readGeneration: () => readPublicGeneration(generationDb),
    });
    await cache.start();
    const server = createFrontServer(cache);
    front = { server, cache, db: generationDb };
    const listening = await new Promise<Error | null>((resolve) => {
      server.once("error", resolve);
      server.listen(settings.PORT, settings.HOST, () => resolve(null));
    });
    if (listening) {
      console.error(`Cannot listen on port ${settings.PORT}: ${listening.message}. Set PORT to a free port.`);
      await stop(1);
      return;
    }
  }
  const base = `http://localhost:${settings.PORT}`;
  console.log(`\nClaimbase is running at ${base}\n${describeSignIn(report, base)}\nStop with Ctrl-C.\n`);
}

main().catch((error: unknown) => {
  const known = [SettingsError, DataDirInUseError, LegacyPgliteFolderError, EmbeddedDatabaseError];
  if (known.some((kind) => error instanceof kind)) console.error((error as Error).message);
  else console.error(error);
  process.exit(1);
});
