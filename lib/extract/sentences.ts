// Sentence boundaries over the token stream. A period ends a sentence only when whitespace and
// a sentence start follow it and it does not close an abbreviation (z. B., Dr., bzw., U.S.), an
// initial (Donald J. Trump) or a German ordinal number (am 11. November, der 2. Platz).
// Decimals (3,5; 2.4) never reach this code: the tokenizer keeps them inside one number token.

import { ABBREVIATIONS, MONTHS, SENTENCE_STARTERS_DE } from "./lexicon";
import { TK, type Token } from "./text";

export interface Sentence {
  start: number;
  end: number;
  /** Token range [first, last). */
  first: number;
  last: number;
  /** Starts a paragraph. */
  para: boolean;
}

const END_PUNCT = new Set([".", "!", "?", "…"]);
const CLOSING = new Set(["»", "«", "“", "”", "\"", "'", "’", "‘", "›", "‹", ")", "]"]);
const OPENING = new Set(["«", "»", "„", "“", "\"", "'", "‘", "‚", "‹", "›", "(", "[", "–", "—", "-"]);

function startsSentence(t: Token): boolean {
  if (t.kind === TK.Num) return true;
  if (t.kind === TK.Word) return t.cap;
  return OPENING.has(t.text);
}

export function splitSentences(tokens: Token[], lang: "de" | "en"): Sentence[] {
  const out: Sentence[] = [];
  let first = 0;
  let para = true;
  const n = tokens.length;
  const cut = (last: number, nextPara: boolean) => {
    if (last > first) {
      out.push({ start: tokens[first]!.start, end: tokens[last - 1]!.end, first, last, para });
    }
    first = last;
    para = nextPara;
  };
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (i > first && t.breakBefore > 0) {
      // A blank line always ends the sentence; a single line break does unless the line
      // continues in lower case (hard-wrapped text).
      const prev = tokens[i - 1]!;
      if (t.breakBefore === 2 || !(t.kind === TK.Word && !t.cap) || END_PUNCT.has(prev.text)) {
        cut(i, t.breakBefore === 2);
      }
    }
    if (t.kind !== TK.Punct || !END_PUNCT.has(t.text)) continue;
    // Swallow repeated punctuation and closing marks/brackets glued to it: «Das ist gut.»
    let j = i + 1;
    while (j < n && !tokens[j]!.spaceBefore && tokens[j]!.kind === TK.Punct && (END_PUNCT.has(tokens[j]!.text) || CLOSING.has(tokens[j]!.text))) j++;
    // The run [i, j) is glued (no space, so no line break either): every end mark in it would
    // find the same j and the same next token, so when that rules out a cut, the run is done
    // (scanning it again from each of its marks was quadratic: "....." of 10,000 took 2 s).
    if (j >= n) break;
    const next = tokens[j]!;
    if (!next.spaceBefore || !startsSentence(next)) {
      i = j - 1;
      continue;
    }
    if (t.text === "." && !notAbbreviation(tokens, i, next, lang)) continue;
    cut(j, next.breakBefore === 2);
    i = j - 1;
  }
  cut(n, false);
  return out;
}

function notAbbreviation(tokens: Token[], dot: number, next: Token, lang: "de" | "en"): boolean {
  const before = tokens[dot - 1];
  if (!before || before.end !== tokens[dot]!.start) return true;
  if (next.breakBefore > 0) return true;
  if (before.kind === TK.Word) {
    if (before.text.length === 1) return false; // initials, z. B., u. a.
    if (before.text.length <= 5 && before.text.includes(".")) return false; // u.a., d.h., i.d.R.
    if (ABBREVIATIONS.has(before.low)) return false;
    return true;
  }
  if (before.kind === TK.Num) {
    // German ordinals: "am 11. November", "zum 3. Mal". A year (four digits) ends sentences.
    if (lang === "de" && /^\d{1,3}$/.test(before.text)) {
      if (MONTHS.has(next.low)) return false;
      return SENTENCE_STARTERS_DE.has(next.low);
    }
    return true;
  }
  return true;
}
