// The seed article against its hand annotation, scored by the same module as
// `npm run eval:extract`, and the command-line interface on the seed and on bad input.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadGoldDir, loadGoldFile } from "../../lib/extract/goldset";
import { extractArticle } from "../../lib/extract/index";
import { checkTargets, scoreDocument, summarize } from "../../lib/extract/score";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const seedGold = path.resolve(repoRoot, "../shared/seed/apec-2017-de.gold.json");
const seedText = path.resolve(repoRoot, "../shared/seed/apec-2017-de.txt");

describe("development set", () => {
  it("meets its target (direct quote F1 overlap >= 0.9) in German and in English", () => {
    const docs = loadGoldDir(path.join(repoRoot, "tests/fixtures/extraction/dev"));
    expect(docs.length).toBeGreaterThanOrEqual(20);
    const scores = docs.map((d) => scoreDocument(d.name, d.text, d.gold, extractArticle(d.text)));
    const summary = summarize(scores);
    expect(summary.direct.overlap.f1).toBeGreaterThanOrEqual(0.9);
    for (const t of checkTargets("dev", summary)) expect(t.ok, t.label).toBe(true);
    for (const language of ["de", "en"]) {
      const own = summarize(scores.filter((_, i) => docs[i]!.gold.language === language));
      expect(own.direct.overlap.f1, language).toBeGreaterThanOrEqual(0.85);
    }
  });
});

describe("seed article", () => {
  const seed = loadGoldFile(seedGold);
  const result = extractArticle(seed.text);

  it("meets the targets (direct F1 overlap >= 0.95, speaker accuracy >= 0.9, claim recall >= 0.75)", () => {
    const summary = summarize([scoreDocument(seed.name, seed.text, seed.gold, result)]);
    expect(summary.direct.overlap.f1).toBeGreaterThanOrEqual(0.95);
    expect(summary.combined.speakerAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(summary.direct.speakerAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(summary.claimRecall).toBeGreaterThanOrEqual(0.75);
    for (const t of checkTargets("seed", summary)) expect(t.ok, t.label).toBe(true);
  });

  it("is German, with exact offsets for every item", () => {
    expect(result.language).toBe("de");
    for (const q of result.quotes) expect(seed.text.slice(q.start, q.end)).toBe(q.text);
    for (const c of result.claims) expect(seed.text.slice(c.start, c.end)).toBe(c.text);
  });

  it("attributes the nested quote to Putin, reported by Trump", () => {
    const inner = result.quotes.find((q) => q.text === "Ich habe das nicht gemacht");
    expect(inner?.speaker?.name).toMatch(/Putin/);
    expect(inner?.reportedBy?.name).toMatch(/Trump/);
  });

  it("matches known speakers by alias when they are given", () => {
    const known = seed.gold.speakers.map((s) => ({ id: s.id, name: s.name, aliases: s.aliases ?? [] }));
    const r = extractArticle(seed.text, { knownSpeakers: known });
    const q7 = r.quotes.find((q) => q.text.startsWith("Alles, was mit dem sogenannten"));
    expect(q7?.speaker).toMatchObject({ name: "Wladimir Putin", speakerId: "putin" });
    const summary = summarize([scoreDocument(seed.name, seed.text, seed.gold, r)]);
    expect(summary.combined.speakerAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});

describe("extract CLI", () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/extract.ts", ...args], { cwd: repoRoot, encoding: "utf8", timeout: 60_000 });

  it("prints one JSON object for the seed", () => {
    const r = run(["--lang", "auto", seedText]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as { language: string; quotes: { kind: string; text: string; start: number; end: number }[]; claims: unknown[] };
    expect(out.language).toBe("de");
    const text = fs.readFileSync(seedText, "utf8");
    expect(out.quotes.length).toBeGreaterThanOrEqual(7);
    for (const q of out.quotes) expect(text.slice(q.start, q.end)).toBe(q.text);
    expect(out.claims.length).toBeGreaterThan(0);
  });

  it("fails cleanly on a missing file, a binary file, invalid UTF-8 and a bad flag", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "extract-cli-"));
    try {
      const bin = path.join(dir, "a.bin");
      fs.writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
      const latin1 = path.join(dir, "b.txt");
      fs.writeFileSync(latin1, Buffer.from([0x47, 0x72, 0xfc, 0xdf, 0x65]));
      for (const args of [[path.join(dir, "missing.txt")], [bin], [latin1], ["--lang", "fr", seedText], ["--bogus", seedText], []]) {
        const r = run(args);
        expect(r.status, args.join(" ")).not.toBe(0);
        expect(r.stdout).toBe("");
        expect(r.stderr).toMatch(/^extract: /);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
