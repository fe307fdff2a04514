// Check-worthy sentences: those that state something a fact-checker can look up. A sentence
// qualifies by what it contains, not by its topic: numbers, percentages, amounts, dates,
// rankings, comparisons and superlatives, legal or factual status, or a reported past event
// ("X habe Y verloren"). Questions do not qualify.

import type { Doc } from "./context";
import { COMPARISON_WORDS, KONJ_PERFECT_AUX, MONTHS, NOT_SUPERLATIVE_EN, STATUS_WORDS } from "./lexicon";
import { bestQuantity, findQuantities } from "./quantity";
import { TK } from "./text";
import type { ClaimCandidate } from "./types";

const SUPERLATIVE_DE = /^\p{Ll}{2,}[^s\P{Ll}]ste[nrsm]?$|^\p{Ll}{3,}este[nrsm]?$/u;
const NOT_SUPERLATIVE_DE = /(kost|test|rast|last|fast|hust|rost|post|rüst|tröst|list|lust|reist|löst|leist|rist|gast|mist|fest|rest|kiste|ost)e[nrsm]?$|^(erste[nrsm]?|letzte[nrsm]?)$/u;
const PARTICIPLE_HAVE = /^(\p{Ll}*ge\p{Ll}{2,}(t|en)|\p{Ll}{3,}iert|(be|ver|er|ent|zer|über|unter)\p{Ll}{2,}(t|en))$/u;
const PARTICIPLE_BE = /^(\p{Ll}*ge\p{Ll}{2,}(t|en)|\p{Ll}{3,}iert|worden)$/u;
const TIME_NOUNS = new Set(["jahren", "jahrzehnten", "jahrhunderten", "monaten", "wochen", "years", "decades", "months", "weeks", "centuries", "jahrzehnte", "jahre"]);

export function findClaims(doc: Doc): ClaimCandidate[] {
  const { tokens, lang, text } = doc;
  const out: ClaimCandidate[] = [];
  for (const sent of doc.sentences) {
    let words = 0;
    let cue = false;
    let question = false;
    for (let k = sent.first; k < sent.last; k++) {
      const t = tokens[k]!;
      if (t.kind === TK.Punct) {
        if (t.text === "?") question = true;
        if (t.text === "%" || t.text === "€" || t.text === "$" || t.text === "£") cue = true;
        continue;
      }
      if (t.kind === TK.Num) {
        cue = true;
        words++;
        continue;
      }
      words++;
      if (cue) continue;
      const low = t.low;
      if (/\d/.test(low)) cue = true; // G20, 2016er
      else if (COMPARISON_WORDS.has(low)) cue = true;
      else if (STATUS_WORDS.has(low)) cue = true;
      else if (MONTHS.has(low) && t.cap && low.length > 3 && !(lang === "en" && (low === "may" || low === "march"))) cue = true;
      else if (TIME_NOUNS.has(low) && ["seit", "since", "for", "vor", "ago", "over"].includes(tokens[k - 1]?.low ?? "")) cue = true;
      else if ((low === "so" || low === "as") && wieWithin(doc, k)) cue = true;
      else if ((low === "als" || low === "than") && k > sent.first && /er$/.test(tokens[k - 1]!.low) && !tokens[k - 1]!.cap) cue = true;
      else if (lang === "de" && !t.cap && maybeSuperlative(low) && SUPERLATIVE_DE.test(low) && !NOT_SUPERLATIVE_DE.test(low)) cue = true;
      else if (lang === "en" && !t.cap && low.length > 4 && low.endsWith("est") && !NOT_SUPERLATIVE_EN.has(low)) cue = true;
      else if (lang === "de" && KONJ_PERFECT_AUX.has(low) && !t.cap && reportedPastEvent(doc, k, sent.first, sent.last)) cue = true;
    }
    if (question || !cue || words < 4) continue;
    let start = sent.start;
    let end = sent.end;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    const quantity = bestQuantity(findQuantities(tokens, sent.first, sent.last, lang));
    out.push({ text: text.slice(start, end), start, end, quantity });
  }
  return out;
}

/** A cheap test before the superlative pattern: the word ends in -ste, -sten, -ster, -stes, -stem. */
function maybeSuperlative(low: string): boolean {
  const n = low.length;
  if (n < 5) return false;
  const e = low.charCodeAt(n - 1);
  const at = e === 101 /* e */ ? n - 3 : n - 4;
  return low.charCodeAt(at) === 115 /* s */ && low.charCodeAt(at + 1) === 116 /* t */ && low.charCodeAt(at + 2) === 101 /* e */;
}

/** "so gespannt wie", "as large as": an equative comparison within a few words. */
function wieWithin(doc: Doc, k: number): boolean {
  const target = doc.lang === "de" ? "wie" : "as";
  for (let j = k + 2; j <= k + 4 && j < doc.tokens.length; j++) {
    const t = doc.tokens[j]!;
    if (t.kind === TK.Punct) return false;
    if (t.low === target) return true;
  }
  return false;
}

/** Konjunktiv perfect ("habe … verloren", "hätten … ausgehandelt"): a reported past event. */
function reportedPastEvent(doc: Doc, k: number, first: number, last: number): boolean {
  const aux = doc.tokens[k]!.low;
  if (doc.tokens[k - 1]?.low === "ich") return false;
  const re = aux.startsWith("h") ? PARTICIPLE_HAVE : PARTICIPLE_BE;
  for (let j = Math.max(first, k - 3); j < Math.min(last, k + 10); j++) {
    if (j === k) continue;
    const t = doc.tokens[j]!;
    if (t.kind === TK.Word && !t.cap && re.test(t.low)) return true;
  }
  return false;
}
