// Markdown for analyses, evidence notes and correction notes, read by the unified ecosystem
// (react-markdown: remark-parse/micromark, remark-rehype, rehype-sanitize). This file holds
// only the product's rules; components/Markdown renders with them:
//
// - What shows: paragraphs, headings, bullet and numbered lists, block quotes, *emphasis*,
//   **strong**, `code` (and code blocks), line breaks, rules and [links](https://...). Anything
//   else the Markdown makes (an image becomes its alt text) is unwrapped to its text by the
//   sanitize schema.
// - Raw HTML in the input stays text (`<script>` is shown as the characters "<script>"): the
//   writers are contributors, and nothing they type becomes markup.
// - Only http(s), mailto, fragment and site-relative link targets become links (safeHref);
//   anything else (javascript:, data:, //other.host, ...) is the link's text alone.
// - Headings are shifted so that the highest level used becomes h3: the text sits under the
//   page's h1 and a section's h2.
import type { Options as SanitizeSchema } from "rehype-sanitize";

/** The link target when it is safe to link to, otherwise null. */
export function safeHref(raw: string): string | null {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex
  const href = raw.trim().replace(/[\u0000-\u001f\u007f\s]/g, "");
  if (href === "") return null;
  if (href.startsWith("/") && !href.startsWith("//") && !href.startsWith("/\\")) return href;
  if (href.startsWith("#")) return href;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(href)?.[1]?.toLowerCase();
  if (scheme === "http" || scheme === "https") {
    try {
      return new URL(href).toString();
    } catch {
      return null;
    }
  }
  if (scheme === "mailto") return href;
  return null;
}

/** Whether a (safe) link leaves the site: such links get rel="noopener noreferrer nofollow". */
export function isExternalHref(href: string): boolean {
  return /^(https?:|mailto:)/i.test(href);
}

export type HeadingLevel = 3 | 4 | 5 | 6;

/**
 * The elements and attributes that may reach the page. Elements not listed are replaced by
 * their content; attributes not listed are dropped; hrefs keep only these schemes (safeHref is
 * applied on top, see components/Markdown).
 */
export const markdownSchema: SanitizeSchema = {
  tagNames: ["p", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "em", "strong", "code", "pre", "br", "hr", "a", "img"],
  attributes: { a: ["href"], ol: [["start", /^\d{1,9}$/]], img: ["alt"] },
  protocols: { href: ["http", "https", "mailto"] },
  allowComments: false,
  allowDoctypes: false,
};

// Minimal shapes of the syntax trees (mdast and hast) for the two plugins below.
interface TreeNode {
  type: string;
  depth?: number;
  value?: string;
  children?: TreeNode[];
}

/** Every node of a tree, without recursion (deeply nested input must not exhaust the stack). */
function* walk(root: TreeNode): Generator<TreeNode> {
  const todo: TreeNode[] = [root];
  while (todo.length) {
    const node = todo.pop()!;
    yield node;
    if (node.children) for (let i = node.children.length - 1; i >= 0; i--) todo.push(node.children[i]!);
  }
}

/** remark plugin: the smallest heading depth used becomes `top`, the others follow in order. */
export function remarkShiftHeadings(options: { top?: HeadingLevel } = {}) {
  const top = options.top ?? 3;
  return (tree: TreeNode) => {
    const headings = [...walk(tree)].filter((n) => n.type === "heading" && typeof n.depth === "number");
    if (!headings.length) return;
    const min = Math.min(...headings.map((h) => h.depth!));
    for (const h of headings) h.depth = Math.min(6, top + (h.depth! - min));
  };
}

/** rehype plugin: raw HTML from the Markdown becomes text (rehype-sanitize would drop it). */
export function rehypeRawAsText() {
  return (tree: TreeNode) => {
    for (const node of walk(tree)) {
      if (node.type === "raw") node.type = "text";
    }
  };
}

// ---------------------------------------------------------------------------------------
// A time budget. micromark (the parser under remark) takes super-linear time on some shapes:
// a paragraph of many emphasis or bracket delimiters that never match ("*a*a*a…", "[[[…",
// "[a](" repeated) is quadratic in their number, and so is deep nesting ("> > > …"), which
// also exhausts the call stack. Notes and analyses are written by contributors and rendered
// on public pages, so before parsing, each block (lines between blank lines) that has more
// delimiters or deeper nesting than any real text has is escaped: every ASCII punctuation
// character gets a backslash, and the block shows as its literal text. That bounds micromark's
// work per block, and so the whole rendering stays linear in the length of the source.

/** Markdown delimiter characters one block may have before it is shown as literal text. */
export const MAX_BLOCK_DELIMITERS = 256;
/** Nesting (block quotes, list levels, indentation) a line may have before its block is literal. */
export const MAX_BLOCK_NESTING = 12;

const isDelimiter = (c: number) =>
  c === 0x2a /* * */ ||
  c === 0x5f /* _ */ ||
  c === 0x5b /* [ */ ||
  c === 0x5d /* ] */ ||
  c === 0x28 /* ( */ ||
  c === 0x29 /* ) */ ||
  c === 0x3c /* < */ ||
  c === 0x3e /* > */ ||
  c === 0x21 /* ! */ ||
  c === 0x60 /* ` */ ||
  c === 0x7e /* ~ */ ||
  c === 0x23 /* # */ ||
  c === 0x2d /* - */ ||
  c === 0x2b /* + */ ||
  c === 0x3d /* = */ ||
  c === 0x7c /* | */ ||
  c === 0x26 /* & */ ||
  c === 0x5c; /* \ */

/** How deeply a line nests: its indentation (two columns a level) and its leading `>` and
 * list markers. */
function lineNesting(line: string): number {
  let depth = 0;
  let columns = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === " ") columns++;
    else if (c === "\t") columns += 4;
    else if (c === ">") depth++;
    else if ((c === "-" || c === "*" || c === "+") && (line[i + 1] === " " || line[i + 1] === "\t")) depth++;
    else if (c >= "0" && c <= "9") {
      let j = i;
      while (j < line.length && line[j]! >= "0" && line[j]! <= "9") j++;
      if ((line[j] === "." || line[j] === ")") && (line[j + 1] === " " || line[j + 1] === "\t")) {
        depth++;
        i = j;
      } else break;
    } else break;
  }
  return depth + Math.floor(columns / 2);
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** The source with every block that would cost micromark super-linear time made literal. */
export function defuseMarkdown(source: string): string {
  const lines = source.split(/\r\n?|\n/);
  const out: string[] = [];
  let block: string[] = [];
  let delimiters = 0;
  let nesting = 0;
  const flush = () => {
    const literal = delimiters > MAX_BLOCK_DELIMITERS || nesting > MAX_BLOCK_NESTING;
    for (const line of block) out.push(literal ? line.trimStart().replace(ASCII_PUNCTUATION, "\\$&") : line);
    block = [];
    delimiters = 0;
    nesting = 0;
  };
  for (const line of lines) {
    if (line.trim() === "") {
      flush();
      out.push(line);
      continue;
    }
    block.push(line);
    for (let i = 0; i < line.length; i++) if (isDelimiter(line.charCodeAt(i))) delimiters++;
    nesting = Math.max(nesting, lineNesting(line));
  }
  flush();
  return out.join("\n");
}
