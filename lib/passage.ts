// A passage [start, end) of a source's stored text, shown with some of the text around it.
// Offsets are JavaScript string offsets (UTF-16 code units), `end` exclusive, as stored in
// QuoteAppearance, ClaimPassage and Evidence.

export interface PassageInContext {
  /** Text before the passage (inside the window). */
  before: string;
  /** The passage itself, exactly text.slice(start, end). */
  passage: string;
  /** Text after the passage (inside the window). */
  after: string;
  /** True when the window starts after the beginning of the text (show an ellipsis). */
  truncatedStart: boolean;
  /** True when the window ends before the end of the text (show an ellipsis). */
  truncatedEnd: boolean;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

const WHITESPACE = /\s/;

/**
 * The passage text.slice(start, end) with up to `radius` characters of context on each side.
 * The window is trimmed to whole words where a word boundary lies within the context (so it
 * does not begin or end mid-word), never splits a surrogate pair, and collapses the
 * whitespace at its edges. Returns null when the offsets do not describe a passage of the
 * text (not integers, negative, start > end, or end beyond the text).
 */
export function passageInContext(text: string, start: number, end: number, radius = 200): PassageInContext | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return null;
  if (start < 0 || end < start || end > text.length) return null;
  const r = Number.isFinite(radius) && radius > 0 ? Math.floor(radius) : 0;

  let from = Math.max(0, start - r);
  let to = Math.min(text.length, end + r);

  // Do not begin or end inside a word: move the cut to the nearest whitespace inside the
  // context (never into the passage). When the whole context is one word, keep the cut.
  if (from > 0 && !WHITESPACE.test(text[from - 1] ?? "")) {
    let i = from;
    while (i < start && !WHITESPACE.test(text[i] ?? "")) i++;
    if (i < start) from = i;
  }
  if (to < text.length && !WHITESPACE.test(text[to] ?? "")) {
    let i = to;
    while (i > end && !WHITESPACE.test(text[i - 1] ?? "")) i--;
    if (i > end) to = i;
  }
  // Never split a surrogate pair at the window's edges.
  if (from > 0 && from < start && isLowSurrogate(text.charCodeAt(from))) from++;
  if (to < text.length && to > end && isHighSurrogate(text.charCodeAt(to - 1))) to--;

  return {
    before: text.slice(from, start).replace(/^\s+/, ""),
    passage: text.slice(start, end),
    after: text.slice(end, to).replace(/\s+$/, ""),
    truncatedStart: from > 0,
    truncatedEnd: to < text.length,
  };
}
