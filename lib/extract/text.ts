// Characters and tokens. One hand-written pass over the text: no regular expression runs over
// the whole input, so the cost is linear and there is nothing to backtrack.

export const TK = { Word: 0, Num: 1, Punct: 2 } as const;
export type TK = (typeof TK)[keyof typeof TK];

export interface Token {
  start: number;
  end: number;
  text: string;
  low: string;
  kind: TK;
  /** First character is an upper-case letter. */
  cap: boolean;
  /** Whitespace separates this token from the previous one. */
  spaceBefore: boolean;
  /** A line break separates this token from the previous one (2 = blank line, a paragraph). */
  breakBefore: 0 | 1 | 2;
}

const LETTER = /[\p{L}\p{M}]/u;
const UPPER = /\p{Lu}/u;
const SPACE = /\s/u;

export function isLetterCode(c: number, ch: string): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c === 0xad) return true; // soft hyphen inside a word
  return LETTER.test(ch);
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isSpaceChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c === 32 || c === 10 || c === 9 || c === 13) return true;
  return c > 127 && SPACE.test(ch);
}

export function isLetterChar(ch: string | undefined): boolean {
  return ch !== undefined && isLetterCode(ch.charCodeAt(0), ch);
}

export function isUpperChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(ch);
}

function isWordCode(c: number, ch: string): boolean {
  return isDigitCode(c) || isLetterCode(c, ch);
}

/** isWordCode at text[i], making the one-character string only outside ASCII. */
function isWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return isWordCode(c, text[i]!);
}

function isUpperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** Characters that join two word parts: "US-Wahl", "al-Assad", "don't", "Putin’s". */
function isJoiner(c: number): boolean {
  return c === 45 /* - */ || c === 39 /* ' */ || c === 0x2019 /* ’ */ || c === 0x2010 || c === 0x2011;
}

/**
 * Split the text into words, numbers and single punctuation characters. A number keeps its
 * thousands and decimal separators ("1.200", "3,5", "2.4"); a word keeps inner hyphens and
 * apostrophes.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let space = false;
  let breaks = 0;
  while (i < n) {
    const ch = text[i]!;
    const c = text.charCodeAt(i);
    if (c === 10) {
      breaks++;
      space = true;
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || (c > 127 && SPACE.test(ch))) {
      space = true;
      i++;
      continue;
    }
    const start = i;
    let kind: TK;
    if (isDigitCode(c)) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isDigitCode(d)) i++;
        else if ((d === 46 || d === 44) && i + 1 < n && isDigitCode(text.charCodeAt(i + 1))) i += 2;
        else break;
      }
      kind = TK.Num;
      // "2016er", "3D", "10km": a number glued to letters is a word.
      if (i < n && isLetterCode(text.charCodeAt(i), text[i]!)) {
        kind = TK.Word;
        while (i < n && isWordAt(text, i)) i++;
      }
    } else if (isLetterCode(c, ch)) {
      i++;
      for (;;) {
        while (i < n && isWordAt(text, i)) i++;
        if (i + 1 < n && isJoiner(text.charCodeAt(i)) && isWordAt(text, i + 1)) {
          i++;
          continue;
        }
        // A period between letters with a lower-case letter after it is inside a name or an
        // address: "ver.di", "nordheim.de", "u.a" ("Ende.Der", a missing space, stays apart).
        if (i + 1 < n && text.charCodeAt(i) === 46 && isLowerAscii(text.charCodeAt(i + 1)) && isLetterCode(text.charCodeAt(i - 1), text[i - 1]!)) {
          i++;
          continue;
        }
        // An ampersand between capital letters is inside a name: "PG&E", "AT&T", "S&P".
        if (i + 1 < n && text.charCodeAt(i) === 38 && isUpperAscii(text.charCodeAt(i - 1)) && isUpperAscii(text.charCodeAt(i + 1))) {
          i++;
          continue;
        }
        break;
      }
      kind = TK.Word;
    } else {
      // One code unit per punctuation token; a surrogate pair stays together, and so does a
      // doubled apostrophe (''), which quotes.ts reads as one quotation mark.
      i += (c >= 0xd800 && c <= 0xdbff && i + 1 < n) || (c === 39 && text.charCodeAt(i + 1) === 39) ? 2 : 1;
      kind = TK.Punct;
    }
    const t = text.slice(start, i);
    tokens.push({
      start,
      end: i,
      text: t,
      low: hasUpperOrNonAscii(text, start, i) ? t.toLowerCase() : t,
      kind,
      cap: kind === TK.Word && (isUpperChar(t[0]) || particleName(t)),
      spaceBefore: space,
      breakBefore: breaks >= 2 ? 2 : breaks === 1 ? 1 : 0,
    });
    space = false;
    breaks = 0;
  }
  return tokens;
}

/** Arabic name particles written in lower case and joined by a hyphen: "al-Assad", "el-Sisi", "bin-Salman". */
const HYPHEN_PARTICLES = new Set(["al", "el", "ad", "ar", "as", "at", "az", "an", "ash", "bin", "ibn", "abu", "ben", "bint", "ould"]);

/** A lower-case name particle, a hyphen and a capitalized name: the word is a name ("el-Sisi"). */
function particleName(t: string): boolean {
  const h = t.indexOf("-");
  if (h < 2 || h > 4 || h + 1 >= t.length) return false;
  return isUpperChar(t[h + 1]) && HYPHEN_PARTICLES.has(t.slice(0, h));
}

/** Whether lower-casing can change [a, b): most tokens are lower-case ASCII and keep their string. */
function hasUpperOrNonAscii(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128 || (c >= 65 && c <= 90)) return true;
  }
  return false;
}

/** Index of the first token whose start is >= pos (binary search). */
export function tokenAt(tokens: Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
