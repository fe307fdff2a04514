// The German news corpus in the evaluation (lib/extract/corpus.ts, scripts/eval-extract.ts):
// only train and dev can be read, the corpus's annotation is converted to the repository's span
// conventions, speakers given as mentions are scored by mention, and everything works when the
// corpus is not there. The documents here are invented for the test, in the corpus's format.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { quotationMarkBaseline } from "../../lib/extract/baseline";
import { corpusFile, loadCorpusSplit } from "../../lib/extract/corpus";
import { confusion, mentionMatches, scoreDocument, summarize } from "../../lib/extract/score";
import type { ExtractionResult } from "../../lib/extract/types";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corpus-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const TEXT =
  "Die Bürgermeisterin Eva Hahn sagte, die Brücke sei sicher. „Wir prüfen jede Woche“, sagte sie. " +
  "Der Verkehr werde umgeleitet. Der Rat beriet über den Haushalt.";
const at = (words: string): [number, number] => {
  const start = TEXT.indexOf(words);
  if (start < 0) throw new Error(words);
  return [start, start + words.length];
};
const DOC = {
  id: "1 - Brücke",
  title: "Brücke",
  text: TEXT,
  annotations: [
    { type: "Indirect", quote: [at("die Brücke sei sicher")], speaker: [at("Die Bürgermeisterin Eva Hahn")], cue: [at("sagte")], addressee: [], frame: [] },
    { type: "Direct", quote: [at("„Wir prüfen jede Woche“")], speaker: [at("sie")], cue: [at("sagte sie")], addressee: [], frame: [] },
    { type: "IndirectFreeIndirect", quote: [at("Der Verkehr werde umgeleitet.")], speaker: [at("Die Bürgermeisterin Eva Hahn")], cue: [], addressee: [], frame: [] },
    { type: "Reported", quote: [at("Der Rat beriet über den Haushalt.")], speaker: [at("Der Rat")], cue: [], addressee: [], frame: [] },
  ],
};
fs.writeFileSync(path.join(dir, "dev.jsonl"), JSON.stringify(DOC) + "\n");

describe("corpus loader", () => {
  it("reads train and dev only: the held-out test split is refused before any file is opened", () => {
    expect(() => corpusFile(dir, "test")).toThrow(/held out/);
    expect(() => loadCorpusSplit(dir, "test")).toThrow(/held out/);
    expect(() => loadCorpusSplit(dir, "../dev")).toThrow();
    expect(corpusFile(dir, "dev")).toBe(path.join(dir, "dev.jsonl"));
    expect(loadCorpusSplit(dir, "train")).toBeNull(); // not there
    expect(loadCorpusSplit(path.join(dir, "missing"), "dev")).toBeNull();
  });

  it("converts spans to the repository's conventions: no marks, no complementizer, no final period", () => {
    const [entry] = loadCorpusSplit(dir, "dev")!;
    const quotes = entry!.gold.quotes.map((q) => ({ kind: q.kind, type: q.type, text: q.text }));
    expect(quotes).toEqual([
      { kind: "indirect", type: "Indirect", text: "die Brücke sei sicher" },
      { kind: "direct", type: "Direct", text: "Wir prüfen jede Woche" },
      { kind: "indirect", type: "IndirectFreeIndirect", text: "Der Verkehr werde umgeleitet" },
    ]);
    for (const q of entry!.gold.quotes) expect(TEXT.slice(q.span[0], q.span[1])).toBe(q.text);
    expect(entry!.reported.map((r) => r.text)).toEqual(["Der Rat beriet über den Haushalt."]);
  });
});

describe("scoring speakers given as mentions", () => {
  const gold: [number, number][] = [at("Die Bürgermeisterin Eva Hahn")];
  it("a predicted mention that overlaps the gold mention is right", () => {
    const [s, e] = at("Eva Hahn");
    expect(mentionMatches({ name: "Eva Hahn", text: "Eva Hahn", start: s, end: e }, gold, TEXT)).toBe(true);
  });
  it("a mention elsewhere is right by name (full name or surname), a pronoun elsewhere is not", () => {
    const [s, e] = at("sie. ");
    const elsewhere = { start: s, end: e - 2, text: "sie" };
    expect(mentionMatches({ name: "Eva Hahn", ...elsewhere }, gold, TEXT)).toBe(true);
    expect(mentionMatches({ name: "Hahn", ...elsewhere }, gold, TEXT)).toBe(true);
    expect(mentionMatches({ name: "Eva Berg", ...elsewhere }, gold, TEXT)).toBe(false);
    // Gold "sie" at one place, a predicted "sie" at another: the same word, maybe not the same person.
    expect(mentionMatches({ name: "sie", text: "Die", start: 0, end: 3 }, [[s, e - 2]], TEXT)).toBe(false);
  });
  it("no gold speaker is right only when none is predicted", () => {
    expect(mentionMatches(null, [], TEXT)).toBe(true);
    expect(mentionMatches({ name: "Eva Hahn", text: "Die", start: 0, end: 3 }, [], TEXT)).toBe(false);
  });
});

describe("scores, confusion and baseline on a corpus document", () => {
  const [entry] = loadCorpusSplit(dir, "dev")!;
  const span = (words: string) => ({ start: at(words)[0], end: at(words)[1], text: words });
  const result: ExtractionResult = {
    language: "de",
    claims: [],
    quotes: [
      { kind: "direct", ...span("Wir prüfen jede Woche"), speaker: { name: "Eva Hahn", text: "sie", start: at("sie. ")[0], end: at("sie. ")[0] + 3 }, reportedBy: null, cue: [] },
      // The Konjunktiv continuation proposed as direct speech: a confusion, not a miss.
      { kind: "direct", ...span("Der Verkehr werde umgeleitet"), speaker: null, reportedBy: null, cue: [] },
      // On the Reported speech act.
      { kind: "indirect", ...span("Der Rat beriet über den Haushalt"), speaker: null, reportedBy: null, cue: [] },
    ],
  };
  const score = scoreDocument(entry!.name, entry!.text, entry!.gold, result);

  it("counts found, other-kind and missed per gold type", () => {
    const c = confusion([{ score, reported: entry!.reported }]);
    expect(c.rows.get("Direct")).toMatchObject({ gold: 1, found: 1, asOther: 0, missed: 0 });
    expect(c.rows.get("IndirectFreeIndirect")).toMatchObject({ gold: 1, found: 0, asOther: 1, missed: 0 });
    expect(c.rows.get("Indirect")).toMatchObject({ gold: 1, found: 0, asOther: 0, missed: 1 });
    expect(c.spurious.direct).toEqual({ total: 1, onOtherKind: 1, onReported: 0 });
    expect(c.spurious.indirect).toEqual({ total: 1, onOtherKind: 0, onReported: 1 });
    expect(c.reported).toEqual({ gold: 1, byDirect: 0, byIndirect: 1 });
  });

  it("the quotation-mark baseline proposes every span between marks", () => {
    const b = quotationMarkBaseline(TEXT, "de");
    expect(b.quotes.map((q) => q.text)).toEqual(["Wir prüfen jede Woche"]);
    const s = summarize([scoreDocument(entry!.name, TEXT, entry!.gold, b)]);
    expect(s.direct.exact.f1).toBe(1);
    expect(s.indirect.overlap.recall).toBe(0);
  });
});

describe("eval:extract without the corpus", () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/eval-extract.ts", ...args], { cwd: repoRoot, encoding: "utf8", timeout: 60_000 });
  it("says the corpus is missing and still exits 0", () => {
    const r = run(["--set", "wikinews", "--corpus", path.join(dir, "missing")]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/corpus not found/);
  });
  it("refuses the test split", () => {
    const r = run(["--set", "wikinews", "--split", "test", "--corpus", dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/held out/);
    expect(r.stdout).toBe("");
  });
  it("scores a corpus split that is there", () => {
    const r = run(["--set", "wikinews", "--split", "dev", "--corpus", dir, "--print"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/de-wikinews dev .*1 document/);
    expect(r.stdout).toMatch(/IndirectFreeIndirect/);
    expect(r.stdout).toMatch(/baseline/);
  });
});
