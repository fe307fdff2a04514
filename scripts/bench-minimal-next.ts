// The framework's own reference for `npm run bench:public`: a minimal Next.js app, built with the
// Next.js of this repository and run with `next start`, serving one prerendered page as large as
// a claim page. Issue 10 sets the claim page's target (Next.js alone, 10 % of a static file's
// requests per second) from such an app ("the framework's own range"); measured in the same run,
// on the same machine and against the same baseline, it tells how much of the claim page's gap is
// the framework's and how much is ours.
//
// The app is written to a temporary folder (nothing of it is in the repository, so it is neither
// typechecked nor linted with the product) whose node_modules is a link to this repository's.
// Its one route is /page/[paragraphs]: a page of that many paragraphs, rendered on its first
// request and then served from Next.js's cache, as a claim page is. Two sizes measured once tell
// how many paragraphs make a page of a given size.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { onCleanup, stopChild } from "./lifecycle";

const require = createRequire(import.meta.url);

const FILES: Record<string, string> = {
  "package.json": JSON.stringify({ name: "claimbase-bench-minimal-next", private: true, type: "module" }),
  // The root "/" lets Turbopack follow the node_modules link out of the folder.
  "next.config.mjs": `export default { poweredByHeader: false, turbopack: { root: "/" } };\n`,
  "app/layout.jsx": `export default function Layout({ children }) {
  return <html lang="de"><body>{children}</body></html>;
}
`,
  "app/page/[paragraphs]/page.jsx": `export const revalidate = false;
export async function generateStaticParams() { return []; }
export default async function Page({ params }) {
  const count = Math.min(5000, Number((await params).paragraphs) || 1);
  const text = "Der Sprecher sagte, die Zahlen seien nicht korrekt, und das Ministerium widersprach am Dienstag.";
  return <main><h1>Minimal</h1>{Array.from({ length: count }, (_, i) => <p key={i}>{i}: {text}</p>)}</main>;
}
`,
};

function getLength(port: number, urlPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: urlPath }, (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => (bytes += chunk.length));
        res.on("end", () => (res.statusCode === 200 ? resolve(bytes) : reject(new Error(`${urlPath} answered ${res.statusCode}`))));
      })
      .on("error", reject);
  });
}

async function waitUntilServing(port: number, deadline: number): Promise<void> {
  for (;;) {
    try {
      await getLength(port, "/page/1");
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`The minimal Next.js app did not answer on port ${port}: ${error}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

export interface MinimalNext {
  pid: number | undefined;
  /** The one page to request, as large as asked (within a paragraph). */
  path: string;
  bytes: number;
}

/** Builds and starts the minimal app on `port`; resolves when its page of about `bytes` bytes
 * is prerendered and cached. Stopped and removed by the benchmark's cleanup. */
export async function startMinimalNext(port: number, bytes: number): Promise<MinimalNext> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbase-bench-minimal-next-"));
  onCleanup("minimal Next.js app folder", () => fs.rmSync(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  fs.symlinkSync(path.resolve("node_modules"), path.join(dir, "node_modules"));
  const nextBin = require.resolve("next/dist/bin/next");
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
  const built = spawnSync(process.execPath, [nextBin, "build"], { cwd: dir, env, encoding: "utf8", timeout: 10 * 60_000 });
  if (built.status !== 0) throw new Error(`The minimal Next.js app did not build:\n${built.stdout}\n${built.stderr}`);
  const server = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: dir,
    env,
    stdio: "ignore",
    detached: true,
  });
  onCleanup("minimal Next.js app", () => stopChild(server, "minimal Next.js app"));
  await waitUntilServing(port, Date.now() + 60_000);
  // The size grows by the same amount with each paragraph.
  const small = await getLength(port, "/page/100");
  const large = await getLength(port, "/page/200");
  const perParagraph = (large - small) / 100;
  const paragraphs = Math.max(1, Math.round(100 + (bytes - small) / perParagraph));
  const page = `/page/${paragraphs}`;
  return { pid: server.pid, path: page, bytes: await getLength(port, page) };
}
