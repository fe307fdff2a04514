// Quotation marks: which mark opens, which closes, and which pairs belong together.
//
// The same character plays different parts in different styles: “ opens in English and
// closes in German („…“); » opens in German books (»…«) and closes in Swiss and French text
// («…»); ' is a quotation mark and an apostrophe. Each mark is classified by what is on its
// left and right (like Markdown's flanking rules), then matched with a stack. A closer only
// looks a few entries down the stack, and a paragraph break empties it, so unbalanced marks
// cost O(1) each and the whole pass is linear.

import { isLetterChar, isSpaceChar } from "./text";

export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark (or of the paragraph end when a quote runs on). */
  close: number;
  /** The quoted words without the marks and surrounding whitespace. */
  start: number;
  end: number;
  /** Index of the enclosing quote in the result, -1 at top level. */
  parent: number;
  /** True when the closing mark is the real mark (false for a paragraph that runs on). */
  closed: boolean;
}

/**
 * The marks. "''" (two apostrophes) is one mark: typewriter text writes a double quotation mark
 * that way, and wiki markup writes italics (names, titles, Latin terms); either way it pairs only
 * with itself, and the words between are judged like any other quote (attribution.ts).
 */
type Mark = "\"" | "'" | "''" | "«" | "»" | "‹" | "›" | "„" | "“" | "”" | "‚" | "‘" | "’";

/**
 * For each mark, the characters that may close it when it opened a quote. Every mark has an
 * entry (the type makes the compiler check it): any mark can open in some context — ’ opens
 * Swedish and Finnish quotes (’…’) and turns up as a mistyped ‘ in English — and a mark
 * without an entry once made the extractor throw on such text.
 */
const CLOSERS: Record<Mark, string> = {
  "„": "“”\"",
  "“": "”\"“",
  "\"": "\"”“",
  "”": "”\"",
  "«": "»",
  "»": "«",
  "‹": "›",
  "›": "‹",
  "‚": "‘’'",
  "‘": "’'",
  "’": "’'",
  "'": "'’",
  "''": "''",
};

const OPEN_CONTEXT = "([{–—-/:;,+";
const CLOSE_CONTEXT = ".,;:!?)]}–—-/…";

function isMark(ch: string | undefined): ch is Mark {
  return ch !== undefined && ch.length === 1 && isMarkCode(ch.charCodeAt(0));
}

/** Whether a token's text is one of the quotation marks ("''" included). */
export function isQuotationMark(text: string): boolean {
  return text === "''" || isMark(text);
}

/** The same test on a code unit, without making a string (the scan runs over every character). */
function isMarkCode(c: number): boolean {
  if (c < 0x80) return c === 34 || c === 39;
  return c === 0xab || c === 0xbb || (c >= 0x2018 && c <= 0x201e && c !== 0x201b && c !== 0x201f) || c === 0x2039 || c === 0x203a;
}

interface Opener {
  pos: number;
  ch: Mark;
  /** Length of the mark: 2 for "''", else 1. */
  width: number;
  /** Index of the opener below this one when it was pushed (for nesting). */
  below: number;
  id: number;
}

const STACK_LOOKDOWN = 3;
const STACK_MAX = 24;

export function findQuoteSpans(text: string): QuoteSpan[] {
  const n = text.length;
  const found: { open: number; width: number; close: number; closed: boolean; openerId: number; parentOpenerId: number }[] = [];
  let stack: Opener[] = [];
  let nextId = 0;
  // A quote left open at a paragraph end, kept in case the next paragraph reopens it (the
  // convention for quotes that run over several paragraphs).
  let runOn: { opener: Opener; paraEnd: number } | null = null;
  let lineStart = true;
  let lastNonSpace = -1;
  let newlines = 0;

  const canClose = (ch: string): boolean => {
    for (let k = stack.length - 1, d = 0; k >= 0 && d < STACK_LOOKDOWN; k--, d++) {
      if (CLOSERS[stack[k]!.ch].includes(ch)) return true;
    }
    return false;
  };

  const close = (ch: string, pos: number): boolean => {
    for (let k = stack.length - 1, d = 0; k >= 0 && d < STACK_LOOKDOWN; k--, d++) {
      const o = stack[k]!;
      if (!CLOSERS[o.ch].includes(ch)) continue;
      stack.length = k;
      const parent = stack.length > 0 ? stack[stack.length - 1]!.id : -1;
      found.push({ open: o.pos, width: o.width, close: pos, closed: true, openerId: o.id, parentOpenerId: parent });
      return true;
    }
    return false;
  };

  const push = (ch: Mark, pos: number, width = 1) => {
    if (stack.length >= STACK_MAX) stack = stack.slice(stack.length - STACK_MAX + 1);
    stack.push({ pos, ch, width, below: stack.length > 0 ? stack[stack.length - 1]!.id : -1, id: nextId++ });
  };

  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      newlines++;
      if (newlines >= 2 && stack.length > 0) {
        runOn = stack.length === 1 ? { opener: stack[0]!, paraEnd: lastNonSpace + 1 } : null;
        stack = [];
      }
      lineStart = true;
      continue;
    }
    if (c === 32 || c === 9 || c === 13) continue;
    if (!isMarkCode(c)) {
      if (c < 0x80 || !isSpaceChar(text[i])) {
        lastNonSpace = i;
        newlines = 0;
        lineStart = false;
        runOn = null;
      }
      continue;
    }
    // Two apostrophes are one mark (see Mark).
    const double = c === 39 && text.charCodeAt(i + 1) === 39;
    const ch = (double ? "''" : text[i]) as Mark;
    const w = double ? 2 : 1;
    const prev = i > 0 ? text[i - 1] : undefined;
    const next = i + w < n ? text[i + w] : undefined;
    const prevSpace = prev === undefined || isSpaceChar(prev);
    const nextSpace = next === undefined || isSpaceChar(next);
    const left = !nextSpace && (prevSpace || OPEN_CONTEXT.includes(prev!) || isMark(prev));
    const right = !prevSpace && (nextSpace || CLOSE_CONTEXT.includes(next!) || isMark(next));

    if (runOn && lineStart && left && runOn.opener.ch === ch) {
      found.push({ open: runOn.opener.pos, width: runOn.opener.width, close: runOn.paraEnd, closed: false, openerId: runOn.opener.id, parentOpenerId: -1 });
    }
    runOn = null;
    lineStart = false;
    lastNonSpace = i;
    newlines = 0;

    if (double) {
      // Like a straight double quote, but it pairs only with another "''".
      i++;
      lastNonSpace = i;
      if (left && !right) push(ch, i - 1, 2);
      else if (right && !left) close(ch, i - 1);
      else if (left && right) {
        if (!close(ch, i - 1)) push(ch, i - 1, 2);
      }
      continue;
    }
    switch (ch) {
      case "„":
      case "‚":
        if (!nextSpace) push(ch, i);
        break;
      case "“":
      case "‘":
        if (right && canClose(ch)) close(ch, i);
        else if (left && !isLetterChar(prev)) push(ch, i);
        else if (right) close(ch, i);
        break;
      case "”":
        if (right || (!left && !nextSpace)) {
          if (!close(ch, i) && left) push(ch, i);
        } else if (left) push(ch, i);
        break;
      case "’":
        if (isLetterChar(prev) && isLetterChar(next)) break; // apostrophe: don’t
        if (prevSpace && /\d/.test(next ?? "")) break; // elision: ’90s
        if (right && canClose(ch)) close(ch, i);
        else if (left && !isLetterChar(prev)) push(ch, i);
        break;
      case "\"":
        // (A mark between a space and ".", ",", "?" … opens nothing: it closes a quote that ends
        // with an inner quote and a stray space, "'… die?' ".)
        if (left && !right && prevSpace && CLOSE_CONTEXT.includes(next!) && canClose(ch)) close(ch, i);
        else if (left && !right) push(ch, i);
        else if (right && !left) close(ch, i);
        else if (left && right) {
          if (canClose(ch)) close(ch, i);
          else push(ch, i);
        }
        break;
      case "'": {
        if ((isLetterChar(prev) || /\d/.test(prev ?? "")) && isLetterChar(next)) break; // don't, rock'n'roll
        if (left && !right) {
          if (/\d/.test(next ?? "")) break; // '90s
          push(ch, i);
        } else if (right && canClose(ch)) close(ch, i);
        break;
      }
      default: {
        // « » ‹ ›: direction from the flanks; between two words the stack decides.
        if (left && !right) push(ch, i);
        else if (right && !left) close(ch, i);
        else if (left && right) {
          if (canClose(ch)) close(ch, i);
          else push(ch, i);
        }
      }
    }
  }

  found.sort((a, b) => a.open - b.open || b.close - a.close);
  const byOpener = new Map<number, number>();
  const spans: QuoteSpan[] = [];
  for (const f of found) {
    let start = f.open + f.width;
    let end = f.close;
    while (start < end && isSpaceChar(text[start])) start++;
    while (end > start && isSpaceChar(text[end - 1])) end--;
    if (end <= start) continue;
    byOpener.set(f.openerId, spans.length);
    spans.push({ open: f.open, close: f.close, start, end, parent: f.parentOpenerId, closed: f.closed });
  }
  for (const s of spans) {
    const p = s.parent >= 0 ? byOpener.get(s.parent) : undefined;
    s.parent = p !== undefined && spans[p]!.open < s.open && spans[p]!.close > s.close ? p : -1;
  }
  return spans;
}
