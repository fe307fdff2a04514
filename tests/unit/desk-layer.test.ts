// Pages and components read only through lib/ (docs/editorial-conventions.md, "The desk
// layer"): no file under app/(desk) or components/ imports the database client (lib/db/*) or
// the generated Prisma client (lib/generated/prisma/*, @prisma/*), not even for a type. Their
// reads and writes are functions of lib/ (lib/editorial/<feature>/queries.ts, commands.ts, ...),
// which is where a query can be found, tested and kept free of N+1.
//
// ALLOWED lists the pages being rewritten elsewhere at the time of this test (issue 13); it only
// shrinks: a file leaves it once it reads through lib/.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SCANNED = ["app/(desk)", "components"];

// (Empty since the lists, the review queue and the overview read through lib/ too.)
const ALLOWED = new Set<string>([]);

/** Every module a source file names: import/export ... from, side-effect imports, import(), require(). */
function moduleSpecifiers(source: string): string[] {
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((m) => m[1]!));
}

/** Whether `specifier`, imported by the file at `file` (relative to the root), is the database
 * client or the generated Prisma client. */
function isDatabaseModule(file: string, specifier: string): boolean {
  if (specifier.startsWith("@prisma/") || specifier === "prisma") return true;
  let target: string;
  if (specifier.startsWith("@/")) target = specifier.slice(2);
  else if (specifier.startsWith(".")) target = path.posix.join(path.posix.dirname(file), specifier);
  else return false;
  target = path.posix.normalize(target);
  return /^lib\/db(\/|$)/.test(target) || /^lib\/generated\/prisma(\/|$)/.test(target);
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(?:[cm]?[jt]sx?)$/.test(entry.name)) out.push(rel);
  }
  return out;
}

describe("the desk layer", () => {
  it("recognises an import of the database or the generated client, however it is written", () => {
    const file = "app/(desk)/admin/things/page.tsx";
    const found = (source: string) => moduleSpecifiers(source).filter((s) => isDatabaseModule(file, s));
    expect(found('import { db } from "@/lib/db/client";')).toEqual(["@/lib/db/client"]);
    expect(found("import type { Role } from '@/lib/generated/prisma/enums';")).toEqual(["@/lib/generated/prisma/enums"]);
    expect(found('import {\n  db,\n  type Db,\n} from "../../../../lib/db/client";')).toEqual(["../../../../lib/db/client"]);
    expect(found('export { db } from "@/lib/db/client";')).toEqual(["@/lib/db/client"]);
    expect(found('const { db } = await import("@/lib/db/client");')).toEqual(["@/lib/db/client"]);
    expect(found('import { PrismaClient } from "@prisma/client";')).toEqual(["@prisma/client"]);
    // Through lib/ is fine; a relative path that does not reach lib/db is not the database.
    expect(found('import { listClaims } from "@/lib/editorial/claims";\nimport { x } from "./db/client";')).toEqual([]);
  });

  it("no page, action or component under app/(desk) or components/ imports the database or the generated client", () => {
    const offenders: string[] = [];
    for (const dir of SCANNED) {
      for (const file of sourceFiles(dir)) {
        if (ALLOWED.has(file)) continue;
        const source = fs.readFileSync(path.join(ROOT, file), "utf8");
        for (const specifier of moduleSpecifiers(source)) {
          if (isDatabaseModule(file, specifier)) offenders.push(`${file}: ${specifier}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it("scans the desk's pages and actions (the walk finds them)", () => {
    const files = SCANNED.flatMap(sourceFiles);
    expect(files).toContain("app/(desk)/admin/claims/actions.ts");
    expect(files).toContain("app/(desk)/admin/claims/[id]/history/page.tsx");
    expect(files).toContain("components/admin/RecordHistory.tsx");
  });

  it("allows only files that exist", () => {
    for (const file of ALLOWED) expect(fs.existsSync(path.join(ROOT, file)), file).toBe(true);
  });
});
