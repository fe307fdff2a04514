// node --import tsx scripts/extract-errors.ts [--split train|dev] [--kind direct|indirect]
//   [--what missed|spurious|speaker] [--class NAME] [--summary] [--context N] [--limit N] [--corpus DIR]
//
// The extractor's errors on the German news corpus (../shared/corpora/de-wikinews-quotes, read
// at run time and never copied into the repository), grouped by error class, to find what to
// fix next. Tune on `train`; the test split is held out and cannot be chosen (corpus.ts refuses
// it). Prints a count per class, then (unless --summary) each error with the text around it:
//
//   missed     a gold quote no prediction of its kind overlaps
//   spurious   a prediction that matches no gold quote of its kind
//   speaker    a matched quote whose predicted speaker is not the gold speaker
//
// The classes are coarse, rule-of-thumb descriptions of where an error sits (a short quote, a
// headline, where the gold speaker stands relative to the quote and where the predicted one, and
// whether the prediction had a cue of its own, …); they describe, they decide nothing.
// Nothing it prints is stored: the corpus's licence lets no text or list derived from it ship.
import path from "node:path";
import { defaultCorpusDir, isCorpusSplit, loadCorpusSplit, type CorpusEntry } from "../lib/extract/corpus";
import { extractArticle } from "../lib/extract/index";
import { matchSpans, mentionMatches, type GoldQuote } from "../lib/extract/score";
import { splitSentences } from "../lib/extract/sentences";
import { tokenize } from "../lib/extract/text";
import type { QuoteCandidate } from "../lib/extract/types";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const split = option("--split") ?? "train";
if (!isCorpusSplit(split)) {
  console.error(`extract-errors: --split must be train or dev${split === "test" ? " (the test split is held out)" : ""}`);
  process.exit(2);
}
const onlyKind = option("--kind");
const onlyWhat = option("--what");
const onlyClass = option("--class");
const context = Number(option("--context") ?? 160);
const limit = Number(option("--limit") ?? 1e9);
const summaryOnly = args.includes("--summary");
const repoRoot = path.resolve(import.meta.dirname, "..");
const entries = loadCorpusSplit(path.resolve(option("--corpus") ?? defaultCorpusDir(repoRoot)), split);
if (!entries) {
  console.error("extract-errors: corpus not found");
  process.exit(2);
}

interface Err {
  what: "missed" | "spurious" | "speaker";
  kind: "direct" | "indirect";
  cls: string;
  doc: string;
  text: string;
  start: number;
  end: number;
  detail: string;
}

const PRONOUN = /^(er|sie|es|ihr|ihm|ihn|wir|man|dieser|diese)$/i;
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

function paragraphOf(text: string, pos: number): [number, number] {
  let a = text.lastIndexOf("\n", pos - 1) + 1;
  let b = text.indexOf("\n", pos);
  if (b < 0) b = text.length;
  return [a, b];
}

/** A line of at most 15 words without a sentence end: a headline or subheading inside the text. */
function inHeadline(text: string, pos: number): boolean {
  const [a, b] = paragraphOf(text, pos);
  const line = text.slice(a, b).trim();
  return words(line) <= 15 && !/[.!?:…]["“”»«']?$/.test(line);
}

function sentenceAround(text: string, s: number, e: number): string {
  const [pa, pb] = paragraphOf(text, s);
  return text.slice(Math.max(pa, s - context), Math.min(pb, e + context));
}

function classifyMissed(e: CorpusEntry, g: GoldQuote, preds: QuoteCandidate[]): string {
  const { text } = e;
  const [s, en] = g.span;
  if (inHeadline(text, s)) return "headline";
  if (preds.some((p) => p.kind !== g.kind && Math.min(p.end, en) - Math.max(p.start, s) > 0)) return "found as other kind";
  if (preds.some((p) => p.kind === g.kind && Math.min(p.end, en) - Math.max(p.start, s) > 0)) return "overlap below half";
  if (g.kind === "direct") {
    const n = words(g.text ?? "");
    if (n <= 3) return "short quote (<= 3 words)";
    const before = text.slice(Math.max(0, s - 3), s);
    if (/['‚‘’]/.test(before)) return "single-quoted";
    return "long quote";
  }
  const t = g.type ?? "";
  if (t === "FreeIndirect" || t === "IndirectFreeIndirect") return t;
  const [pa] = paragraphOf(text, s);
  const lead = text.slice(Math.max(pa, s - 60), s);
  if (/\bzu\s*$/.test(text.slice(en - 3, en)) || /zu\w+en$/.test(text.slice(Math.max(s, en - 20), en))) return "zu-infinitive";
  if (/(dass|daß|ob)\s*$/.test(lead) || /^(dass|daß|ob)\b/.test(text.slice(s - 5, s + 4))) return "dass-clause, cue unknown";
  if (g.speakerSpans?.length === 0) return "no speaker annotated";
  return "other indirect";
}

function classifySpurious(e: CorpusEntry, p: QuoteCandidate): string {
  const { text } = e;
  if (inHeadline(text, p.start)) return "headline";
  const n = words(p.text);
  const reported = e.reported.some((r) => Math.min(r.span[1], p.end) - Math.max(r.span[0], p.start) > 0);
  if (reported) return "on a Reported act";
  if (p.kind === "direct") {
    if (n <= 3) return /^\p{Lu}/u.test(p.text) ? "short, capitalized (name/term?)" : "short, lower case (scare quote?)";
    return "long, not annotated";
  }
  if (!p.speaker) return "no speaker";
  if (p.cue.length === 0) return "no cue (Konjunktiv/continuation)";
  return "with cue";
}

/** Sentence index of a character offset, by the extractor's own sentence splitter. */
function sentenceIndex(text: string): (pos: number) => number {
  const tokens = tokenize(text);
  const sentences = splitSentences(tokens, "de");
  const starts = sentences.map((s) => tokens[s.first]?.start ?? text.length);
  return (pos: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}

function classifySpeaker(e: CorpusEntry, g: GoldQuote, p: QuoteCandidate, sentOf: (pos: number) => number): string {
  const { text } = e;
  const spans = g.speakerSpans ?? [];
  if (spans.length === 0) return "gold has no speaker";
  if (!p.speaker) return "none predicted";
  const gs = spans[0]!;
  const gw = text.slice(gs[0], gs[1]);
  const inside = gs[0] >= g.span[0] && gs[1] <= g.span[1];
  if (inside) return "gold speaker inside the quote";
  const qs = sentOf(g.span[0]);
  const gsent = sentOf(gs[0]);
  const psent = sentOf(p.speaker.start);
  const where = (s: number) => (s === qs ? "same sentence" : s < qs ? `${Math.min(qs - s, 3)}${qs - s >= 3 ? "+" : ""} before` : "after");
  const pron = PRONOUN.test(gw.trim()) ? "pronoun " : "";
  return `gold ${pron}${where(gsent)}, got ${where(psent)}${p.cue.length === 0 ? " (no cue)" : ""}`;
}

const errs: Err[] = [];
for (const e of entries) {
  const sentOf = sentenceIndex(e.text);
  const result = extractArticle(e.text, { language: "de" });
  for (const kind of ["direct", "indirect"] as const) {
    const g = e.gold.quotes.filter((q) => q.kind === kind);
    const p = result.quotes.filter((q) => q.kind === kind);
    const m = matchSpans(g.map((q) => q.span), p.map((q) => [q.start, q.end]));
    const used = new Set(m.values());
    g.forEach((gq, gi) => {
      const pi = m.get(gi);
      if (pi === undefined) {
        errs.push({ what: "missed", kind, cls: classifyMissed(e, gq, result.quotes), doc: e.name, text: gq.text ?? "", start: gq.span[0], end: gq.span[1], detail: `${gq.type}; speaker ${(gq.speakerSpans ?? []).map(([a, b]) => `"${e.text.slice(a, b)}"`).join(" + ") || "(none)"}` });
        return;
      }
      const pq = p[pi]!;
      if (!mentionMatches(pq.speaker, gq.speakerSpans ?? [], e.text)) {
        const gold = (gq.speakerSpans ?? []).map(([a, b]) => `"${e.text.slice(a, b)}"@${a}`).join(" + ") || "(none)";
        const got = pq.speaker ? `"${pq.speaker.text}"@${pq.speaker.start} → ${pq.speaker.name}${pq.cue.length ? "" : " (no cue)"}` : "(none)";
        errs.push({ what: "speaker", kind, cls: classifySpeaker(e, gq, pq, sentOf), doc: e.name, text: gq.text ?? "", start: gq.span[0], end: gq.span[1], detail: `${gq.type}; gold ${gold}, got ${got}` });
      }
    });
    p.forEach((pq, pi) => {
      if (used.has(pi)) return;
      errs.push({ what: "spurious", kind, cls: classifySpurious(e, pq), doc: e.name, text: pq.text, start: pq.start, end: pq.end, detail: `speaker ${pq.speaker ? pq.speaker.text : "(none)"}` });
    });
  }
}

const shown = errs.filter((x) => (!onlyKind || x.kind === onlyKind) && (!onlyWhat || x.what === onlyWhat) && (!onlyClass || x.cls === onlyClass));
const counts = new Map<string, number>();
for (const x of shown) counts.set(`${x.what.padEnd(9)} ${x.kind.padEnd(8)} ${x.cls}`, (counts.get(`${x.what.padEnd(9)} ${x.kind.padEnd(8)} ${x.cls}`) ?? 0) + 1);
console.log(`== de-wikinews ${split}: ${entries.length} documents, ${shown.length} errors`);
for (const [k, n] of [...counts].sort((a, b) => a[0].localeCompare(b[0]) || b[1] - a[1])) console.log(`${String(n).padStart(5)}  ${k}`);
if (!summaryOnly) {
  const byDoc = new Map(entries.map((e) => [e.name, e]));
  for (const x of shown.slice(0, limit)) {
    const e = byDoc.get(x.doc)!;
    const around = sentenceAround(e.text, x.start, x.end).replace(/\s+/g, " ");
    console.log(`\n[${x.what} ${x.kind} | ${x.cls}] ${x.doc} @${x.start}-${x.end} ${x.detail}\n  «${x.text.replace(/\s+/g, " ").slice(0, 200)}»\n  … ${around} …`);
  }
}
