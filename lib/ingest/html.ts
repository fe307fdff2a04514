// HTML → the article's plain text. htmlparser2 reads the markup (tags, attributes, comments,
// raw-text elements such as <script>, character references, implied end tags); this file only
// decides what of it is the article and how its text is laid out:
//
// - The article: the content of the <article> element with the most text; without one, the
//   <main> element; else the <body> (else everything).
// - Dropped with their content: nav, header, footer, aside, form, script, style, noscript,
//   template, iframe, svg, button, select, textarea (and similar), comments, doctype,
//   processing instructions, CDATA.
// - Paragraphs: block elements (p, div, h1–h6, blockquote, li, tr, ...) end a paragraph, kept as
//   a blank line; <br> is a line break; whitespace elsewhere collapses to one space (inside
//   <pre> it is kept).
// - Character references are decoded by htmlparser2 (the whole HTML5 set; 0x80–0x9F as
//   Windows-1252 and invalid code points as U+FFFD, as browsers do). A no-break space becomes a
//   plain space (quotes and offsets are easier to work with).
//
// Time: htmlparser2 is linear except for the depth of open elements (an end tag searches its
// stack of open elements, and a start tag shifts it). Nesting is therefore capped at
// MAX_HTML_DEPTH (browsers stop nesting at 512 too); deeper markup is refused, so hostile input
// costs at most a constant factor more than a plain page of the same size. Everything done
// here is one pass over the parser's events and one over the pieces they produced.
import { Parser } from "htmlparser2";
import { msg } from "../messages";
import { IngestError } from "./errors";

export interface HtmlText {
  /** The article's text: paragraphs separated by a blank line, no leading or trailing space. */
  text: string;
  /** The first <h1> (anywhere), else the document's <title>; null when neither has text. */
  title: string | null;
  /** Where the text came from. */
  container: "article" | "main" | "body" | "document";
}

/** The deepest nesting of open elements an uploaded page may have. */
export const MAX_HTML_DEPTH = 512;

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
  // Raw text (htmlparser2 does not read markup inside them) or fallback content.
  "script",
  "style",
  "noscript",
  "textarea",
  "title",
  "iframe",
  "xmp",
  "noembed",
  "noframes",
  "plaintext",
]);

/** Dropped elements that stand between paragraphs (the others separate words). */
const BLOCK_DROPPED = new Set(["nav", "header", "footer", "aside", "form", "template", "dialog", "menu", "head"]);

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

// Pieces of output: text, or a break (1 = line, 2 = paragraph).
type Piece = string | 1 | 2;

interface Range {
  from: number;
  to: number;
  /** Characters of text inside. */
  size: number;
}

/** Whitespace runs as one space (a single space, the common case, is not replaced). */
const collapse = (s: string) => s.replace(/ [ \t\n\r\f]+|[\t\n\r\f][ \t\n\r\f]*/g, " ");

// Trimming is done with loops: an anchored regex such as / +$/ backtracks quadratically on a
// long run of spaces that does not reach the anchor (40,000 spaces inside <pre> took 1.4 s).

function trimSpacesEnd(s: string, chars = " "): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1]!)) end--;
  return end === s.length ? s : s.slice(0, end);
}

function trimSpacesStart(s: string): string {
  let start = 0;
  while (start < s.length && s.charCodeAt(start) === 0x20) start++;
  return start === 0 ? s : s.slice(start);
}

/** Sentinel thrown from a parser callback to stop reading markup nested too deeply. */
class TooDeep extends Error {}

export function htmlToText(html: string): HtmlText {
  const pieces: Piece[] = [];
  const sizes: number[] = []; // text characters before each piece (prefix sums)
  let textSize = 0;
  const push = (p: Piece) => {
    sizes.push(textSize);
    pieces.push(p);
    if (typeof p === "string") textSize += p.length;
  };

  // The open elements, as htmlparser2 reports them: every open has its close (implied ones
  // too, and at the end of the input), always of the innermost element, so a plain stack
  // mirrors the parser's.
  const stack: { name: string; article?: Range; main?: Range; body?: Range }[] = [];
  let dropped = 0;
  let pre = 0;
  // The <h1> being read (its text and where it starts in the pieces), and those read.
  let h1: { at: number; raw: string[] } | null = null;
  const headings: { at: number; text: string }[] = [];
  let title: string[] | null = null;
  let titleText: string | null = null;
  const articles: Range[] = [];
  let main: Range | null = null;
  let body: Range | null = null;

  const emitText = (raw: string) => {
    if (h1 !== null) h1.raw.push(raw);
    if (title !== null) title.push(raw);
    if (dropped > 0 || raw === "") return;
    let text = raw.replace(/\u00a0/g, " ");
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
    text = collapse(text);
    if (text) push(text);
  };

  const emitBreak = (name: string) => {
    if (dropped > 0) return;
    if (PARAGRAPH.has(name) || BLOCK_DROPPED.has(name)) push(2);
    else if (LINE.has(name)) push(1);
    else if (SPACE.has(name)) push(" ");
  };

  const oneLine = (parts: string[]) => collapse(parts.join("").replace(/\u00a0/g, " ")).trim();

  const parser = new Parser(
    {
      onopentag(name) {
        emitBreak(name);
        const entry: (typeof stack)[number] = { name };
        if (name === "article") {
          entry.article = { from: pieces.length, to: -1, size: 0 };
          articles.push(entry.article);
        } else if (name === "main" && main === null) {
          main = entry.main = { from: pieces.length, to: -1, size: 0 };
        } else if (name === "body" && body === null) {
          body = entry.body = { from: pieces.length, to: -1, size: 0 };
        }
        if (name === "title" && titleText === null && title === null) title = [];
        if (DROPPED.has(name)) dropped++;
        if (name === "pre") pre++;
        if (name === "h1" && h1 === null) h1 = { at: pieces.length, raw: [] };
        stack.push(entry);
        if (stack.length > MAX_HTML_DEPTH) throw new TooDeep();
      },
      onclosetag(name) {
        const top = stack.pop();
        // htmlparser2 closes the innermost element; anything else would be a bug there.
        if (top === undefined || top.name !== name) return;
        if (name === "h1" && h1 !== null) {
          const text = oneLine(h1.raw);
          if (text) headings.push({ at: h1.at, text });
          h1 = null;
        }
        if (name === "title" && title !== null) {
          const text = oneLine(title);
          titleText = text || null;
          title = null;
        }
        if (name === "pre") pre--;
        if (DROPPED.has(name)) dropped--;
        emitBreak(name);
        for (const r of [top.article, top.main, top.body]) {
          if (r) {
            r.to = pieces.length;
            r.size = textSize - (sizes[r.from] ?? textSize);
          }
        }
      },
      ontext: emitText,
    },
    { decodeEntities: true },
  );
  try {
    parser.end(html);
  } catch (error) {
    if (error instanceof TooDeep) {
      throw new IngestError(msg("msg.ingest.tooDeep", { max: MAX_HTML_DEPTH }));
    }
    throw error;
  }

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

/** Joins pieces[from, to): breaks as "\n" or "\n\n", no space at line ends, one space between
 * words; no space or break at the start or the end. */
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
    const text: string = pending || endsWithSpace ? trimSpacesStart(p) : p;
    if (text === "") continue;
    if (pending && !empty) {
      if (endsWithSpace) out[out.length - 1] = trimSpacesEnd(out[out.length - 1]!);
      out.push(pending === 2 ? "\n\n" : "\n");
    }
    pending = 0;
    out.push(text);
    empty = false;
    endsWithSpace = text.endsWith(" ");
  }
  if (out.length) out[out.length - 1] = trimSpacesEnd(out[out.length - 1]!, " \n");
  return out.join("");
}
