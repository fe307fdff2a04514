// npm run bench:extract -- [--runs 31]
//
// How fast is the extractor, and does its time grow linearly with the input?
//   1. a 5,000-word article (seed and dev texts, German and English, concatenated to length):
//      median, p90 and best of N runs;
//   2. inputs of 10k, 100k and 1M characters: time per run and per 1,000 characters, and the
//      ratio of the per-character cost of each size to the smallest (≈1 means linear);
//   3. adversarial input: 1 MB of text with unbalanced quotation marks of every style, one
//      long paragraph with no line breaks, and 1 MB of a single repeated character.
// Nothing here asserts a time; it measures and prints. Pure Node, no network.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { extractArticle } from "../lib/extract/index";

const repoRoot = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const runsArg = args.indexOf("--runs");
const RUNS = runsArg >= 0 ? Math.max(3, Number(args[runsArg + 1]) || 31) : 31;

function corpus(): string {
  const parts: string[] = [fs.readFileSync(path.resolve(repoRoot, "../shared/seed/apec-2017-de.txt"), "utf8")];
  const dev = path.resolve(repoRoot, "tests/fixtures/extraction/dev");
  if (fs.existsSync(dev)) {
    for (const f of fs.readdirSync(dev).sort()) if (f.endsWith(".txt")) parts.push(fs.readFileSync(path.join(dev, f), "utf8"));
  }
  return parts.join("\n\n");
}

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

function ofWords(base: string, n: number): string {
  const out: string[] = [];
  let count = 0;
  while (count < n) {
    for (const para of base.split(/\n\s*\n/)) {
      out.push(para);
      count += words(para);
      if (count >= n) break;
    }
  }
  return out.join("\n\n");
}

function ofChars(base: string, n: number): string {
  let s = base;
  while (s.length < n) s += "\n\n" + base;
  return s.slice(0, n);
}

function time(text: string, runs: number): { median: number; p90: number; best: number } {
  extractArticle(text); // warm-up (JIT)
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = performance.now();
    extractArticle(text);
    t.push(performance.now() - a);
  }
  t.sort((x, y) => x - y);
  return { median: t[Math.floor(t.length / 2)]!, p90: t[Math.floor(t.length * 0.9)]!, best: t[0]! };
}

const ms = (x: number) => x.toFixed(2).padStart(8) + " ms";
const base = corpus();

console.log(`node ${process.version}, ${RUNS} runs per measurement`);
const article = ofWords(base, 5000);
const a = time(article, RUNS);
console.log(`\n5,000-word article (${words(article)} words, ${article.length} chars): median ${ms(a.median)}  p90 ${ms(a.p90)}  best ${ms(a.best)}  (target: median < 50 ms)`);

console.log("\nScaling (median):");
let first = 0;
for (const size of [10_000, 100_000, 1_000_000]) {
  const text = ofChars(base, size);
  const r = time(text, size >= 1_000_000 ? Math.max(5, Math.floor(RUNS / 4)) : RUNS);
  const perK = r.median / (size / 1000);
  if (!first) first = perK;
  console.log(`  ${String(size).padStart(9)} chars  ${ms(r.median)}  ${perK.toFixed(4)} ms per 1k chars  ratio to 10k: ${(perK / first).toFixed(2)}`);
}

console.log("\nAdversarial input (median):");
const marks = ["«", "»", "„", "“", "”", "\"", "'", "‹", "›", "‚", "‘", "’"];
let unbalanced = "";
for (let i = 0; unbalanced.length < 1_000_000; i++) {
  unbalanced += `${marks[i % marks.length]}Wort${i % 7 === 0 ? "," : ""} sagte er ${marks[(i * 5) % marks.length]}und ${i % 11 === 0 ? "Er " : ""}`;
}
const cases: [string, string][] = [
  ["1 MB unbalanced quotation marks, one paragraph", unbalanced.slice(0, 1_000_000)],
  ["1 MB of openers only («)", "«Wort ".repeat(200_000).slice(0, 1_000_000)],
  ["1 MB of a single character", "a".repeat(1_000_000)],
  ["1 MB of periods and spaces", ". ".repeat(500_000)],
  ["1 MB text without punctuation", "Trump sagte er sie Putin Kremlchef ".repeat(30_000).slice(0, 1_000_000)],
];
for (const [label, text] of cases) {
  const r = time(text, 5);
  console.log(`  ${label.padEnd(48)} ${ms(r.median)}  (target: well under 1000 ms)`);
}
