// The German news quotation corpus (Petersen-Frey & Biemann, LREC-COLING 2024; German Wikinews,
// CC BY-NC-SA 4.0), read at evaluation time from ../shared/corpora/de-wikinews-quotes beside
// the repository. Nothing from it is copied into the repository: its licence allows development
// and evaluation only, and its test split is held out for independent measurement, so only
// `train` and `dev` can be loaded (anything else is refused before a file is opened).
//
// The corpus annotates a speaker as a mention in the text (a name, a role noun or a pronoun),
// not as a resolved person, so its gold quotes carry speaker spans instead of speaker ids, and
// score.ts judges the predicted speaker by its mention (or by its name, see score.ts).
//
// Conversion to the repository's conventions (tests/fixtures/extraction/README.md), so that
// exact matches mean the same thing in every set; the overlap rule is not affected by any of it:
// - Direct: one gold quote per quoted segment (an interrupted quote is two items here), without
//   the quotation marks and the whitespace inside them (the corpus includes the marks).
// - Indirect, FreeIndirect, IndirectFreeIndirect → indirect speech: one gold item spanning its
//   segments (a frame that interrupts the clause stays inside, as in the repository's sets),
//   without a leading complementizer (dass, daß, ob) and without final punctuation.
// - Reported (a speech act without its content) has no counterpart and is not scored; it is
//   kept for the confusion summary only.

import fs from "node:fs";
import path from "node:path";
import type { GoldDoc, GoldQuote } from "./score";

export const CORPUS_SPLITS = ["train", "dev"] as const;
export type CorpusSplit = (typeof CORPUS_SPLITS)[number];

export type CorpusType = "Direct" | "Indirect" | "FreeIndirect" | "IndirectFreeIndirect" | "Reported";
export const CORPUS_TYPES: CorpusType[] = ["Direct", "Indirect", "FreeIndirect", "IndirectFreeIndirect", "Reported"];

interface RawAnnotation {
  type: string;
  medium?: string;
  isNested?: boolean;
  hasNested?: boolean;
  quote: [number, number][];
  speaker: [number, number][];
  cue: [number, number][];
}

interface RawDocument {
  id: string;
  title?: string;
  text: string;
  annotations: RawAnnotation[];
}

export interface CorpusEntry {
  name: string;
  text: string;
  gold: GoldDoc;
  /** Reported speech acts (not scored; for the confusion summary). */
  reported: GoldQuote[];
}

/** Where the corpus is expected: ../shared/corpora/de-wikinews-quotes beside the repository. */
export function defaultCorpusDir(repoRoot: string): string {
  return path.resolve(repoRoot, "../shared/corpora/de-wikinews-quotes");
}

export function isCorpusSplit(split: string): split is CorpusSplit {
  return (CORPUS_SPLITS as readonly string[]).includes(split);
}

/** The file of a split, or null when the corpus is not there. Refuses every split but train and dev. */
export function corpusFile(dir: string, split: string): string | null {
  if (!isCorpusSplit(split)) {
    throw new Error(`the corpus split "${split}" is not available: only ${CORPUS_SPLITS.join(" and ")} may be read (the test split is held out)`);
  }
  const file = path.join(dir, `${split}.jsonl`);
  return fs.existsSync(file) ? file : null;
}

const MARK_CHARS = "\"'«»‹›„“”‚‘’";
const SPACE = /\s/u;
const COMPLEMENTIZER = /^(dass|daß|ob)\s+/iu;

function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && SPACE.test(text[start]!)) start++;
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  return [start, end];
}

/** A direct quote's segment without its marks: „Wir kommen.“ → Wir kommen. */
function directSpan(text: string, s: number, e: number): [number, number] {
  let [start, end] = trimSpan(text, s, e);
  if (start < end && MARK_CHARS.includes(text[start]!)) start++;
  if (end > start && MARK_CHARS.includes(text[end - 1]!)) end--;
  return trimSpan(text, start, end);
}

/** An indirect clause without a leading complementizer and final punctuation. */
function indirectSpan(text: string, s: number, e: number): [number, number] {
  let [start, end] = trimSpan(text, s, e);
  const head = COMPLEMENTIZER.exec(text.slice(start, Math.min(end, start + 8)));
  if (head && start + head[0].length < end) start += head[0].length;
  while (end > start && ".!?;:,".includes(text[end - 1]!)) end--;
  return trimSpan(text, start, end);
}

function convert(raw: RawDocument): CorpusEntry {
  const { text } = raw;
  const quotes: GoldQuote[] = [];
  const reported: GoldQuote[] = [];
  for (const a of raw.annotations) {
    const segments = [...a.quote].filter(([s, e]) => e > s).sort((x, y) => x[0] - y[0]);
    if (segments.length === 0) continue;
    const speakerSpans = a.speaker.filter(([s, e]) => e > s).map(([s, e]) => [s, e] as [number, number]);
    const base = { speaker: null, speakerSpans, type: a.type };
    if (a.type === "Direct") {
      for (const [s, e] of segments) {
        const span = directSpan(text, s, e);
        if (span[1] > span[0]) quotes.push({ ...base, kind: "direct", span, text: text.slice(span[0], span[1]) });
      }
    } else if (a.type === "Indirect" || a.type === "FreeIndirect" || a.type === "IndirectFreeIndirect") {
      const span = indirectSpan(text, segments[0]![0], segments[segments.length - 1]![1]);
      if (span[1] > span[0]) quotes.push({ ...base, kind: "indirect", span, text: text.slice(span[0], span[1]) });
    } else if (a.type === "Reported") {
      const span = trimSpan(text, segments[0]![0], segments[segments.length - 1]![1]);
      reported.push({ ...base, kind: "indirect", span, text: text.slice(span[0], span[1]) });
    }
  }
  return { name: raw.id, text, gold: { language: "de", speakers: [], quotes, claims: [] }, reported };
}

/**
 * The documents of one split, converted; an empty list when the corpus is not there. A line
 * that is not a document of the expected shape stops the load with its line number.
 */
export function loadCorpusSplit(dir: string, split: string): CorpusEntry[] | null {
  const file = corpusFile(dir, split);
  if (!file) return null;
  const out: CorpusEntry[] = [];
  const lines = fs.readFileSync(file, "utf8").split("\n");
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const raw = JSON.parse(line) as RawDocument;
    if (typeof raw.text !== "string" || !Array.isArray(raw.annotations)) throw new Error(`${file}:${i + 1}: not a corpus document`);
    out.push(convert(raw));
  });
  return out;
}
