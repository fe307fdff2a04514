// npm run bench:extract -- [--runs 31] [--tsx]
//
// How fast is the extractor, and does its time grow linearly with the input?
//   1. a 5,000-word article (seed and dev texts, German and English, concatenated to length):
//      median, p90 and best of N runs;
//   2. inputs of 10k, 100k and 1M characters: time per run, per 1,000 characters, the ratio of
//      the per-character cost of each size to the smallest (≈1 or below means linear), and the
//      throughput at 1 MB (target: ≥ 5 MB/s, median);
//   3. adversarial input of 1 MB: unbalanced quotation marks of every style in one paragraph,
//      openers only, one repeated character, periods, no punctuation — each with its time per
//      character as a multiple of news text of the same size (tests/unit/extract-fuzz.test.ts
//      asserts that ratio).
// Every measurement first runs the extractor until the JIT has settled (steady state, as in a
// long-running server), then takes the median. The load average is printed because the machine
// is shared: other work on it slows every figure. Nothing here asserts a time. Pure Node.
//
// Which code it measures: by default the extractor as the app runs it. The desk extracts inside
// the Next.js server, from a build that bundles lib/extract into one module; run through tsx
// (as `npm run …` scripts and the extractor's command line are), every module is compiled on its
// own and imported bindings are reached through the module system, 5–10 % slower here
// (docs/extraction.md, "Speed"). So this script bundles itself with esbuild into one ES module in
// a temporary folder and runs that with plain Node; --tsx measures the tsx form instead.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { extractArticle } from "../lib/extract/index";

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const RUNS = Math.max(3, Number(option("--runs")) || 31);
/** Set in the bundled copy, which runs from a temporary folder. */
const BUNDLED_ROOT = option("--root");
const repoRoot = BUNDLED_ROOT ?? path.resolve(import.meta.dirname, "..");

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

/**
 * Warm up until a run costs what the previous one did (at most 2 s), then time `runs` runs: wall
 * time, and the CPU time the process used (user + system), which other work on a shared machine
 * inflates much less than the wall time.
 */
function time(text: string, runs: number): { median: number; p90: number; best: number; cpu: number } {
  const until = performance.now() + 2000;
  let prev = Infinity;
  for (let i = 0; i < 50 && performance.now() < until; i++) {
    const a = performance.now();
    extractArticle(text);
    const d = performance.now() - a;
    if (i >= 3 && d > prev * 0.9) break;
    prev = d;
  }
  const t: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const a = performance.now();
    extractArticle(text);
    t.push(performance.now() - a);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  t.sort((x, y) => x - y);
  cpu.sort((x, y) => x - y);
  return { median: t[Math.floor(t.length / 2)]!, p90: t[Math.floor(t.length * 0.9)]!, best: t[0]!, cpu: cpu[Math.floor(cpu.length / 2)]! };
}

/** Bundles this script and runs the bundle with plain Node (see the top of the file). */
async function runBundled(): Promise<number> {
  const { build } = await import("esbuild");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbase-bench-extract-"));
  try {
    const outfile = path.join(dir, "bench-extract.mjs");
    await build({ entryPoints: [path.join(repoRoot, "scripts/bench-extract.ts")], bundle: true, format: "esm", platform: "node", outfile, external: ["esbuild"], logLevel: "warning" });
    const run = spawnSync(process.execPath, [outfile, "--root", repoRoot, "--runs", String(RUNS)], { stdio: "inherit" });
    return run.status ?? 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function measure(form: string): void {
  const ms = (x: number) => x.toFixed(2).padStart(8) + " ms";
  const base = corpus();
  const load = () => os.loadavg().map((x) => x.toFixed(2)).join(" ");

  console.log(`node ${process.version}, ${os.cpus().length} cores, load average ${load()}, ${RUNS} runs per measurement; ${form}`);
  const article = ofWords(base, 5000);
  const a = time(article, RUNS);
  console.log(`\n5,000-word article (${words(article)} words, ${article.length} chars): median ${ms(a.median)}  p90 ${ms(a.p90)}  best ${ms(a.best)}  (target: median < 50 ms)`);

  console.log("\nScaling (median):");
  let first = 0;
  let mb = 0;
  let mbCpu = 0;
  for (const size of [10_000, 100_000, 1_000_000]) {
    const text = ofChars(base, size);
    const r = time(text, size >= 1_000_000 ? Math.max(7, Math.floor(RUNS / 3)) : RUNS);
    const perK = r.median / (size / 1000);
    if (!first) first = perK;
    if (size === 1_000_000) {
      mb = r.median;
      mbCpu = r.cpu;
    }
    console.log(`  ${String(size).padStart(9)} chars  ${ms(r.median)}  best ${ms(r.best)}  cpu ${ms(r.cpu)}  ${perK.toFixed(4)} ms per 1k chars  ratio to 10k: ${(perK / first).toFixed(2)}`);
  }
  console.log(`  throughput at 1 MB: ${(1000 / mb).toFixed(1)} MB/s wall, ${(1000 / mbCpu).toFixed(1)} MB/s of CPU time (medians; target: ≥ 5 MB/s)`);

  console.log("\nAdversarial input, 1 MB each (median, and the time per character as a multiple of news text):");
  const marks = ["«", "»", "„", "“", "”", "\"", "'", "‹", "›", "‚", "‘", "’"];
  let unbalanced = "";
  for (let i = 0; unbalanced.length < 1_000_000; i++) {
    unbalanced += `${marks[i % marks.length]}Wort${i % 7 === 0 ? "," : ""} sagte er ${marks[(i * 5) % marks.length]}und ${i % 11 === 0 ? "Er " : ""}`;
  }
  const cases: [string, string][] = [
    ["unbalanced quotation marks, one paragraph", unbalanced.slice(0, 1_000_000)],
    ["openers only («)", "«Wort ".repeat(200_000).slice(0, 1_000_000)],
    ["a single character", "a".repeat(1_000_000)],
    ["periods and spaces", ". ".repeat(500_000)],
    ["text without punctuation", "Trump sagte er sie Putin Kremlchef ".repeat(30_000).slice(0, 1_000_000)],
  ];
  for (const [label, text] of cases) {
    const r = time(text, 5);
    console.log(`  ${label.padEnd(42)} ${ms(r.median)}  ${(r.median / mb).toFixed(2)}× news text`);
  }
  console.log(`\nload average at the end: ${load()}`);
}

if (BUNDLED_ROOT) measure("the extractor bundled into one ES module, as the app runs it");
else if (args.includes("--tsx")) measure("the extractor through tsx (--tsx), as the command line runs it");
else process.exitCode = await runBundled();
