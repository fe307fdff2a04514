// "Builds if needed": the production build is redone when any input of it changed since the
// last build (a hash of the sources, stored beside the build).
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const INPUTS = ["app", "components", "lib", "i18n", "messages", "public", "proxy.ts", "next.config.js", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const IGNORED = new Set(["generated", "node_modules", ".next"]);
const STAMP = path.join(".next", "claimbase-build.json");

function addTree(hash: ReturnType<typeof createHash>, p: string): void {
  if (!fs.existsSync(p)) return;
  const stat = fs.statSync(p);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) if (!IGNORED.has(name)) addTree(hash, path.join(p, name));
  } else {
    hash.update(p).update("\0").update(fs.readFileSync(p)).update("\0");
  }
}

export function sourceHash(root = process.cwd()): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) addTree(hash, path.join(root, input));
  return hash.digest("hex");
}

export function buildIsCurrent(root = process.cwd()): boolean {
  try {
    if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) return false;
    const stamp = JSON.parse(fs.readFileSync(path.join(root, STAMP), "utf8")) as { hash?: string };
    return stamp.hash === sourceHash(root);
  } catch {
    return false;
  }
}

export function recordBuild(root = process.cwd()): void {
  fs.writeFileSync(path.join(root, STAMP), JSON.stringify({ hash: sourceHash(root), builtAt: new Date().toISOString() }));
}
