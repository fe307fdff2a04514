// `npm run eval:extract` scores the English real-news sets (tests/fixtures/extraction/en-real, the
// evaluation set, and en-train, the tuning set): each set is loaded, scored (en-real with the
// English targets of issue 12) and printed with the plain quotation-mark baseline beside it.
// Runs the script as the CLI does.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const run = (args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "scripts/eval-extract.ts", ...args], { cwd: repoRoot, encoding: "utf8", timeout: 120_000 });

describe("eval:extract --set en-real", () => {
  const r = run(["--set", "en-real", "--print"]);

  it("scores all 41 English articles without a crash", () => {
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/== en-real \(English Wikinews[^\n]*: 41 document\(s\) \(41 en\), 0 crash\(es\)/);
    // Only the chosen set is scored.
    expect(r.stdout).not.toMatch(/== dev|== seed|== de-wikinews/);
  });

  it("prints direct, indirect and combined figures and the quotation-mark baseline", () => {
    expect(r.stdout).toMatch(/^ {2}direct {4}gold {2}173 /m);
    expect(r.stdout).toMatch(/^ {2}indirect {2}gold {2}198 /m);
    expect(r.stdout).toMatch(/^ {2}combined {2}gold {2}371 /m);
    expect(r.stdout).toMatch(/^ {2}baseline {2}every span between quotation marks as a direct quote: pred +\d+ /m);
  });

  it("checks the English targets of issue 12", () => {
    expect(r.stdout).toMatch(/target +direct quote F1 \(overlap\) +[\d.]+% >= +95\.0%/);
    expect(r.stdout).toMatch(/target +speaker accuracy \(all found quotes\) +[\d.]+% >= +88\.0%/);
    expect(r.stdout).toMatch(/target +direct quote F1 \(overlap\) >= baseline/);
  });

  it("names en-real among the sets it accepts", () => {
    const bad = run(["--set", "english"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/seed, dev, en-real, en-train, wikinews/);
  });
});

// The English tuning set (tests/fixtures/extraction/en-train) is scored the same way, but it is
// never gated: rules are developed on it, so a target there would only measure the tuning.
describe("eval:extract --set en-train", () => {
  const r = run(["--set", "en-train"]);

  it("scores all 130 tuning articles, without a crash, and only that set", () => {
    expect(r.stdout).toMatch(/== en-train \(English Wikinews[^\n]*: 130 document\(s\) \(130 en\), 0 crash\(es\)/);
    expect(r.stdout).not.toMatch(/== dev|== seed|== de-wikinews|== en-real/);
  });

  it("prints the figures and the baseline, checks no target and exits 0 without --print", () => {
    expect(r.stdout).toMatch(/^ {2}direct {4}gold {2}393 /m);
    expect(r.stdout).toMatch(/^ {2}indirect {2}gold {2}437 /m);
    expect(r.stdout).toMatch(/^ {2}baseline {2}every span between quotation marks as a direct quote: pred +\d+ /m);
    expect(r.stdout).not.toMatch(/^ {2}target /m);
    expect(r.stdout).toMatch(/en-train is for tuning/);
    expect(r.status, r.stderr).toBe(0);
  });
});
