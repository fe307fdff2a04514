// HTML → the article's plain text, without dependencies and in linear time (one pass over the
// markup, one over the pieces it produced). What it keeps and drops:
//
// - The article: the content of the <article> element with the most text; without one, the
//   <main> element; else the <body> (else everything).
// - Dropped with their content: nav, header, footer, aside, form, script, style, noscript,
//   template, iframe, svg, button, select, textarea (and similar), comments, doctype,
//   processing instructions, CDATA.
// - Paragraphs: block elements (p, div, h1–h6, blockquote, li, tr, ...) end a paragraph, kept as
//   a blank line; <br> is a line break; whitespace elsewhere collapses to one space (inside
//   <pre> it is kept).
// - Character references: named (HTML 4 set and common HTML5 names), decimal and hexadecimal;
//   invalid code points become U+FFFD, 0x80–0x9F are read as Windows-1252 as browsers do. A
//   no-break space becomes a plain space (quotes and offsets are easier to work with).
//
// Not a full HTML5 parser: it does not implement the adoption agency or implied end tags
// beyond "an end tag closes everything opened after its start tag". For article text that is
// enough, and it can never take more than linear time on hostile input.
import { NAMED_ENTITIES } from "./entities";

export interface HtmlText {
  /** The article's text: paragraphs separated by a blank line, no leading or trailing space. */
  text: string;
  /** The first <h1> (anywhere), else the document's <title>; null when neither has text. */
  title: string | null;
  /** Where the text came from. */
  container: "article" | "main" | "body" | "document";
}

const ENTITIES = new Map<string, number>(Object.entries(NAMED_ENTITIES));

/** Elements dropped with everything inside them. */
const DROPPED = new Set([
  "nav",
  "header",
  "footer",
  "aside",
  "form",
  "template",
  "button",
  "select",
  "datalist",
  "svg",
  "math",
  "canvas",
  "object",
  "video",
  "audio",
  "picture",
  "map",
  "dialog",
  "menu",
  "head",
]);

/** Dropped elements that stand between paragraphs (the others separate words). */
const BLOCK_DROPPED = new Set(["nav", "header", "footer", "aside", "form", "template", "dialog", "menu", "head"]);

/** Elements whose content is raw text up to their end tag; all of them are dropped (title is read). */
const RAW_TEXT = new Set(["script", "style", "noscript", "textarea", "title", "iframe", "xmp", "noembed", "noframes", "plaintext"]);

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"]);

/** Elements that make a paragraph (blank line before and after). */
const PARAGRAPH = new Set([
  "p",
  "div",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "ul",
  "ol",
  "dl",
  "table",
  "figure",
  "figcaption",
  "pre",
  "hr",
  "section",
  "article",
  "main",
  "address",
  "details",
  "summary",
  "center",
  "body",
  "html",
  "fieldset",
  "caption",
  "hgroup",
]);

/** Elements that start a new line. */
const LINE = new Set(["br", "li", "tr", "dt", "dd", "option", "thead", "tbody", "tfoot"]);

/** Elements that separate words (a table cell, an image's alt-less gap). */
const SPACE = new Set(["td", "th", "img", "input", "wbr"]);

const WINDOWS_1252: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02c6,
  0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c,
  0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc, 0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a,
  0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

function codePointText(code: number): string {
  if (code >= 0x80 && code <= 0x9f && WINDOWS_1252[code] !== undefined) return String.fromCodePoint(WINDOWS_1252[code]);
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
  return String.fromCodePoint(code);
}

const REFERENCE = /&(?:#(\d{1,8});?|#[xX]([0-9a-fA-F]{1,7});?|([A-Za-z][A-Za-z0-9]{1,31});)/g;

/** Decodes character references (named, decimal, hexadecimal). */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(REFERENCE, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined) return codePointText(Number.parseInt(dec, 10));
    if (hex !== undefined) return codePointText(Number.parseInt(hex, 16));
    const code = name === undefined ? undefined : ENTITIES.get(name);
    return code === undefined ? whole : String.fromCodePoint(code);
  });
}

const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isTagNameEnd = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x2f || c === 0x3e;

// Pieces of output: text, or a break (1 = line, 2 = paragraph).
type Piece = string | 1 | 2;

interface Range {
  from: number;
  to: number;
  /** Characters of text inside. */
  size: number;
}

/**
 * The index just after the end tag `</name ...>` that closes a raw-text element opened before
 * `from`, or html.length when there is none. Case-insensitive; visits each character once.
 */
function rawTextEnd(html: string, from: number, name: string): { contentEnd: number; after: number } {
  let i = from;
  for (;;) {
    const lt = html.indexOf("</", i);
    if (lt < 0) return { contentEnd: html.length, after: html.length };
    const candidate = html.slice(lt + 2, lt + 2 + name.length);
    if (candidate.toLowerCase() === name && (lt + 2 + name.length >= html.length || isTagNameEnd(html.charCodeAt(lt + 2 + name.length)))) {
      const gt = html.indexOf(">", lt + 2 + name.length);
      return { contentEnd: lt, after: gt < 0 ? html.length : gt + 1 };
    }
    i = lt + 2;
  }
}

/**
 * The end of a tag starting at `from` (just after its name): the index after `>`, skipping
 * quoted attribute values; and whether it ends with `/>`.
 */
function tagEnd(html: string, from: number): { after: number; selfClosing: boolean } {
  let quote = 0;
  for (let i = from; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) {
      // A quote opens an attribute value only after `=` (possibly with spaces).
      let j = i - 1;
      while (j >= from && (html.charCodeAt(j) === 0x20 || html.charCodeAt(j) === 0x09 || html.charCodeAt(j) === 0x0a)) j--;
      if (j >= from && html.charCodeAt(j) === 0x3d) quote = c;
    } else if (c === 0x3e) {
      return { after: i + 1, selfClosing: html.charCodeAt(i - 1) === 0x2f };
    }
  }
  return { after: html.length, selfClosing: false };
}

export function htmlToText(html: string): HtmlText {
  const pieces: Piece[] = [];
  const sizes: number[] = []; // text characters before each piece (prefix sums)
  let textSize = 0;
  const push = (p: Piece) => {
    sizes.push(textSize);
    pieces.push(p);
    if (typeof p === "string") textSize += p.length;
  };

  // Open elements (names), with a count per name so an end tag can tell in O(1) whether its
  // element is open at all; popping is paid for by the push.
  const stack: { name: string; article?: Range; main?: Range; body?: Range }[] = [];
  const open = new Map<string, number>();
  let dropped = 0;
  let pre = 0;
  // The <h1> being read (its raw text and where it starts in the pieces), and those read.
  let h1: { at: number; raw: string[] } | null = null;
  const headings: { at: number; text: string }[] = [];
  let titleText: string | null = null;
  const articles: Range[] = [];
  let main: Range | null = null;
  let body: Range | null = null;

  const emitText = (raw: string) => {
    if (h1 !== null) h1.raw.push(raw);
    if (dropped > 0 || raw === "") return;
    let text = decodeEntities(raw).replace(/\u00a0/g, " ");
    if (pre > 0) {
      text = text.replace(/\r\n?/g, "\n");
      // Line breaks inside <pre> are kept as breaks, the rest as it is.
      const lines = text.split("\n");
      lines.forEach((line, i) => {
        if (i > 0) push(1);
        if (line) push(line);
      });
      return;
    }
    text = text.replace(/[ \t\n\r\f]+/g, " ");
    if (text) push(text);
  };

  const emitBreak = (name: string) => {
    if (dropped > 0) return;
    if (PARAGRAPH.has(name) || BLOCK_DROPPED.has(name)) push(2);
    else if (LINE.has(name)) push(1);
    else if (SPACE.has(name)) push(" ");
  };

  const close = (name: string) => {
    // Pop everything opened after the element `name` (implied end tags), then the element.
    while (stack.length) {
      const top = stack.pop()!;
      open.set(top.name, (open.get(top.name) ?? 1) - 1);
      if (top.name === "h1" && h1 !== null) {
        const text = decodeEntities(h1.raw.join("")).replace(/[\s\u00a0]+/g, " ").trim();
        if (text) headings.push({ at: h1.at, text });
        h1 = null;
      }
      if (top.name === "pre") pre--;
      if (DROPPED.has(top.name)) dropped--;
      emitBreak(top.name);
      const end = pieces.length;
      for (const r of [top.article, top.main, top.body]) {
        if (r) {
          r.to = end;
          r.size = textSize - (sizes[r.from] ?? textSize);
        }
      }
      if (top.name === name) return;
    }
  };

  let i = 0;
  let textStart = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf("<", i);
    if (lt < 0) break;
    const next = html.charCodeAt(lt + 1);
    // Comments, doctype, CDATA, processing instructions, bogus comments.
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      emitText(html.slice(textStart, lt));
      let after: number;
      if (html.startsWith("<!--", lt)) {
        const endAt = html.indexOf("-->", lt + 4);
        after = endAt < 0 ? n : endAt + 3;
      } else if (html.startsWith("<![CDATA[", lt)) {
        const endAt = html.indexOf("]]>", lt + 9);
        after = endAt < 0 ? n : endAt + 3;
      } else {
        const endAt = html.indexOf(">", lt + 2);
        after = endAt < 0 ? n : endAt + 1;
      }
      i = textStart = after;
      continue;
    }
    const isEnd = next === 0x2f; /* / */
    const nameStart = isEnd ? lt + 2 : lt + 1;
    if (!isAsciiLetter(html.charCodeAt(nameStart))) {
      // Not a tag: "<" is text ("a < b", "</ >").
      i = lt + 1;
      continue;
    }
    let nameEnd = nameStart;
    while (nameEnd < n && !isTagNameEnd(html.charCodeAt(nameEnd))) nameEnd++;
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    emitText(html.slice(textStart, lt));
    const { after, selfClosing } = tagEnd(html, nameEnd);
    i = textStart = after;

    if (isEnd) {
      if ((open.get(name) ?? 0) > 0) close(name);
      else if (name === "br") emitBreak("br"); // </br> is a <br> in browsers
      else if (name === "p") {
        // </p> without <p> is an empty paragraph in browsers.
        emitBreak("p");
      }
      continue;
    }

    if (RAW_TEXT.has(name)) {
      if (selfClosing) continue;
      const { contentEnd, after: rawAfter } = rawTextEnd(html, after, name);
      if (name === "title" && titleText === null) {
        const t = decodeEntities(html.slice(after, contentEnd)).replace(/[\s\u00a0]+/g, " ").trim();
        if (t) titleText = t;
      }
      // script, style, noscript, ... are dropped; textarea and iframe too (forms, embeds).
      i = textStart = rawAfter;
      continue;
    }

    emitBreak(name);
    if (VOID.has(name) || selfClosing) continue;

    const entry: (typeof stack)[number] = { name };
    if (name === "article") {
      entry.article = { from: pieces.length, to: -1, size: 0 };
      articles.push(entry.article);
    } else if (name === "main" && main === null) {
      main = entry.main = { from: pieces.length, to: -1, size: 0 };
    } else if (name === "body" && body === null) {
      body = entry.body = { from: pieces.length, to: -1, size: 0 };
    }
    if (DROPPED.has(name)) dropped++;
    if (name === "pre") pre++;
    if (name === "h1" && h1 === null) h1 = { at: pieces.length, raw: [] };
    stack.push(entry);
    open.set(name, (open.get(name) ?? 0) + 1);
  }
  emitText(html.slice(textStart, n));
  // Whatever is still open ends with the document.
  while (stack.length) close(stack[stack.length - 1]!.name);

  const finish = (r: Range) => (r.to < 0 ? { ...r, to: pieces.length, size: textSize - (sizes[r.from] ?? textSize) } : r);
  const outer = main ? finish(main) : body ? finish(body) : { from: 0, to: pieces.length, size: textSize };
  // The largest <article>, unless it is a teaser beside the story (less than a third of the
  // text around it).
  const largest = articles.map(finish).reduce<Range | null>((a, b) => (a === null || b.size > a.size ? b : a), null);
  const best = largest && largest.size * 3 >= outer.size ? largest : null;
  let range: Range = { from: 0, to: pieces.length, size: textSize };
  let container: HtmlText["container"] = "document";
  const candidates: [HtmlText["container"], Range | null][] = [
    ["article", best],
    ["main", main && finish(main)],
    ["body", body && finish(body)],
  ];
  for (const [kind, r] of candidates) {
    if (r && render(pieces, r.from, r.to).trim() !== "") {
      range = r;
      container = kind;
      break;
    }
  }
  // The article's own heading, else the first one anywhere, else the document's title.
  const heading = headings.find((h) => h.at >= range.from && h.at < range.to) ?? headings[0];
  return { text: render(pieces, range.from, range.to), title: heading?.text ?? titleText, container };
}

/** Joins pieces[from, to): breaks as "\n" or "\n\n", no space at line ends, one space between words. */
function render(pieces: readonly Piece[], from: number, to: number): string {
  const out: string[] = [];
  let pending = 0;
  let endsWithSpace = true; // at the start, leading spaces are dropped
  let empty = true;
  for (let k = from; k < to; k++) {
    const p = pieces[k]!;
    if (p === 1 || p === 2) {
      if (p > pending) pending = p;
      continue;
    }
    const text: string = pending || endsWithSpace ? p.replace(/^ +/, "") : p;
    if (text === "") continue;
    if (pending && !empty) {
      if (endsWithSpace) out[out.length - 1] = out[out.length - 1]!.replace(/ +$/, "");
      out.push(pending === 2 ? "\n\n" : "\n");
    }
    pending = 0;
    out.push(text);
    empty = false;
    endsWithSpace = text.endsWith(" ");
  }
  return out.join("").replace(/[ \n]+$/, "");
}
