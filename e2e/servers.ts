// More of the deployment than the one app server Playwright starts: a second app server on the
// same database (what DATABASE_URL is for), and the shipped nginx recipe (deploy/nginx.conf)
// in front of the first one, as README's "behind a reverse proxy or CDN" describes.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { E2E_DATA_DIR } from "../playwright.config";
import { freePort } from "../lib/launcher/free-port";
import { findNginx, startNginxFront, type NginxFront } from "../scripts/nginx-front";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3999);

/** The URL of the embedded database the first app server runs (npm run db:url). */
export function databaseUrl(): string {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/db.ts", "url"], {
    encoding: "utf8",
    env: { ...process.env, CLAIMBASE_DATA_DIR: E2E_DATA_DIR, DATABASE_URL: "" },
  });
  const url = result.stdout.trim();
  if (result.status !== 0 || !url.startsWith("postgres")) throw new Error(`npm run db:url failed: ${result.stderr}`);
  return url;
}

export interface AppServer {
  url: string;
  stop(): Promise<void>;
}

/** `npm start` once more, on the first server's database: a second app server. */
export async function startSecondAppServer(): Promise<AppServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbase-e2e-second-"));
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl(),
      CLAIMBASE_DATA_DIR: dataDir,
      // Readers of both servers get the same links.
      CLAIMBASE_PUBLIC_URL: `http://localhost:${E2E_PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (c) => (output += String(c)));
  child.stderr?.on("data", (c) => (output += String(c)));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the second app server exited:\n${output}`);
    if (output.includes("Claimbase is running")) break;
    if (Date.now() > deadline) throw new Error(`the second app server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((r) => child.once("exit", r));
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** nginx with deploy/nginx.conf in front of the first app server; null when nginx is not
 * installed here (on CI it must be: .ci/run installs it, and this fails instead). */
export async function startNginx(): Promise<NginxFront | null> {
  if (!findNginx()) {
    if (process.env.CI === "true" || process.env.CI === "1") throw new Error("nginx is not installed; .ci/run installs it (apt-get install -y nginx)");
    return null;
  }
  return startNginxFront([E2E_PORT]);
}
