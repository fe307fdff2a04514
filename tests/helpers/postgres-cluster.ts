// A throwaway PostgreSQL server (Debian's postgresql package) on a free loopback port, for the
// integration tests' second engine. As root, the server runs as the `postgres` user.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../lib/launcher/free-port";

export class PostgresNotInstalledError extends Error {
  constructor() {
    super(
      "PostgreSQL server binaries (initdb, pg_ctl) were not found in /usr/lib/postgresql/*/bin or CLAIMBASE_PG_BIN. " +
        "Install them with: apt-get update && apt-get install -y postgresql",
    );
  }
}

export function findPostgresBin(): string | null {
  const candidates = process.env.CLAIMBASE_PG_BIN
    ? [process.env.CLAIMBASE_PG_BIN]
    : fs.existsSync("/usr/lib/postgresql")
      ? fs
          .readdirSync("/usr/lib/postgresql")
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : [];
  return candidates.find((dir) => fs.existsSync(path.join(dir, "initdb")) && fs.existsSync(path.join(dir, "pg_ctl"))) ?? null;
}


export async function startPostgresCluster(): Promise<{ url: string; version: string; stop(): void }> {
  const bin = findPostgresBin();
  if (!bin) throw new PostgresNotInstalledError();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "claimbase-pg-"));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, cmd), ...args]] : [path.join(bin, cmd), args];
    return execFileSync(file, argv, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  };
  if (asRoot) {
    fs.chmodSync(root, 0o755);
    execFileSync("chown", ["postgres:postgres", root]);
  }
  const data = path.join(root, "data");
  const port = await freePort();
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]);
  run("pg_ctl", [
    "-D", data, "-l", path.join(root, "server.log"), "-w", "-o",
    `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    "start",
  ]);
  const version = run("pg_ctl", ["--version"]).trim();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    version,
    stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
