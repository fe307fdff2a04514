// Loading gold annotations from disk (for the evaluation script and the tests; the extractor
// itself never reads files). A gold file names its text in `document`, relative to itself;
// without it, "x.gold.json" goes with "x.txt".

import fs from "node:fs";
import path from "node:path";
import type { GoldDoc } from "./score";

export interface GoldEntry {
  name: string;
  text: string;
  gold: GoldDoc;
}

export function loadGoldFile(goldPath: string): GoldEntry {
  const gold = JSON.parse(fs.readFileSync(goldPath, "utf8")) as GoldDoc;
  const dir = path.dirname(goldPath);
  const textPath = gold.document ? path.resolve(dir, gold.document) : goldPath.replace(/\.gold\.json$/, ".txt");
  const text = fs.readFileSync(textPath, "utf8");
  return { name: path.basename(textPath), text, gold: { ...gold, speakers: gold.speakers ?? [], quotes: gold.quotes ?? [], claims: gold.claims ?? [] } };
}

export function loadGoldDir(dir: string): GoldEntry[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".gold.json"))
    .sort()
    .map((f) => loadGoldFile(path.join(dir, f)));
}
