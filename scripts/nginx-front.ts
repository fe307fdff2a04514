// Runs the shipped nginx recipe (deploy/nginx.conf) in front of app servers, as a user would
// after copying it to /etc/nginx/conf.d, for the end-to-end tests and the benchmark
// (npm run bench:public -- --front nginx). Only what a test cannot use is changed: the listening
// address, the app servers' ports and the folders (a throwaway one instead of /var/cache).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort } from "../lib/launcher/free-port";

export const NGINX_RECIPE = path.resolve(import.meta.dirname, "../deploy/nginx.conf");

/** Debian's nginx binary, or null when it is not installed. */
export function findNginx(): string | null {
  for (const candidate of [process.env.NGINX_PATH, "/usr/sbin/nginx", "/usr/bin/nginx"]) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** deploy/nginx.conf with the lines marked ADJUST set for this machine. */
export function adjustRecipe(recipe: string, options: { listen: string; upstreams: string[]; cacheDir: string }): string {
  const replaced = (text: string, pattern: RegExp, by: string) => {
    if (!pattern.test(text)) throw new Error(`deploy/nginx.conf: no line matches ${pattern}`);
    return text.replace(pattern, by);
  };
  let conf = replaced(recipe, /proxy_cache_path \/var\/cache\/nginx\/claimbase /, `proxy_cache_path ${options.cacheDir} `);
  conf = replaced(conf, /^(\s*)server 127\.0\.0\.1:3000;.*$/m, options.upstreams.map((u) => `$1server ${u};`).join("\n"));
  conf = replaced(conf, /^(\s*)listen 80;.*$/m, `$1listen ${options.listen};`);
  return conf;
}

export interface NginxFront {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The path under which `staticDir` is served (startNginxFront). */
export const NGINX_STATIC_PATH = "/bench-static/";

/** Starts nginx with the recipe in front of the given app ports; resolves once it answers.
 * `staticDir`: also serve that folder's files at NGINX_STATIC_PATH, straight from disk (the
 * benchmark's measure of what nginx itself does with a file). */
export async function startNginxFront(appPorts: number[], options: { port?: number; staticDir?: string } = {}): Promise<NginxFront> {
  const nginx = findNginx();
  if (!nginx) throw new Error("nginx is not installed (apt-get install -y nginx, or set NGINX_PATH)");
  const port = options.port ?? (await freePort());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbase-nginx-"));
  // As root, nginx's workers run as nobody: they must be able to write the cache and temp files.
  fs.chmodSync(dir, 0o777);
  for (const sub of ["cache", "tmp"]) fs.mkdirSync(path.join(dir, sub), { mode: 0o777 });
  let site = adjustRecipe(fs.readFileSync(NGINX_RECIPE, "utf8"), {
    listen: `127.0.0.1:${port}`,
    upstreams: appPorts.map((p) => `127.0.0.1:${p}`),
    cacheDir: path.join(dir, "cache"),
  });
  if (options.staticDir) {
    const at = site.indexOf("\n    location / {");
    if (at < 0) throw new Error("deploy/nginx.conf: no `location /` block");
    site = `${site.slice(0, at)}\n    location ^~ ${NGINX_STATIC_PATH} { alias ${options.staticDir}/; }${site.slice(at)}`;
  }
  fs.writeFileSync(path.join(dir, "claimbase.conf"), site);
  const tmp = path.join(dir, "tmp");
  fs.writeFileSync(
    path.join(dir, "nginx.conf"),
    [
      // Debian's /etc/nginx/nginx.conf as installed, but for the folders and the access log.
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      "worker_processes auto;",
      "events { worker_connections 768; }",
      "http {",
      "  sendfile on;",
      "  tcp_nopush on;",
      "  types_hash_max_size 2048;",
      "  access_log off;",
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((k) => `  ${k}_temp_path ${tmp}/${k};`),
      `  include ${dir}/claimbase.conf;`,
      "}",
      "",
    ].join("\n"),
  );
  const test = spawnSync(nginx, ["-t", "-p", dir, "-c", path.join(dir, "nginx.conf")], { encoding: "utf8" });
  if (test.status !== 0) throw new Error(`nginx -t failed:\n${test.stderr}`);
  const child: ChildProcess = spawn(nginx, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += String(chunk)));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => (socket.destroy(), resolve(false)));
    });
    if (open) break;
    if (Date.now() > deadline) throw new Error(`nginx did not open port ${port}: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGQUIT");
        await new Promise((r) => child.once("exit", r));
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
