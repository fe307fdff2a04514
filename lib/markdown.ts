// A small, safe Markdown subset for analyses and notes: paragraphs, headings, bullet and
// numbered lists, block quotes, *emphasis*, **strong**, `code` and [links](https://...).
//
// It parses into a tree of plain objects and never produces HTML strings: components/Markdown
// renders the tree with React, which escapes every text. Raw HTML in the input stays text
// (`<script>` is shown as the characters "<script>"), and only http(s), mailto and
// site-relative link targets become links; anything else (javascript:, data:, ...) is text.

export type Inline =
  | { type: "text"; value: string }
  | { type: "em"; children: Inline[] }
  | { type: "strong"; children: Inline[] }
  | { type: "code"; value: string }
  | { type: "link"; href: string; children: Inline[] };

export type Block =
  | { type: "paragraph"; children: Inline[] }
  | { type: "heading"; level: 3 | 4 | 5 | 6; children: Inline[] }
  | { type: "list"; ordered: boolean; items: Inline[][] }
  | { type: "blockquote"; children: Inline[] };

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

const ESCAPABLE = /[\\`*_[\]()#+\-.!>]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

function pushText(out: Inline[], value: string) {
  if (value === "") return;
  const last = out[out.length - 1];
  if (last?.type === "text") last.value += value;
  else out.push({ type: "text", value });
}

/** Index of the `]` that closes the `[` at `open`, honouring nesting and escapes. */
function closingBracket(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === "[") depth++;
    else if (c === "]" && --depth === 0) return i;
  }
  return -1;
}

/** Index of the closing `delimiter` for emphasis opened at `from`, or -1. */
function closingDelimiter(s: string, delimiter: string, from: number): number {
  let i = from;
  while (i < s.length) {
    const j = s.indexOf(delimiter, i);
    if (j === -1) return -1;
    const before = s[j - 1] ?? "";
    const after = s[j + delimiter.length] ?? "";
    const escaped = before === "\\";
    const rightFlanking = before !== "" && !/\s/.test(before);
    // `_` does not close inside a word (snake_case).
    const wordInside = delimiter[0] === "_" && WORD_CHAR.test(after);
    // A single `*` must not be the first half of `**`.
    const doubled = delimiter === "*" && after === "*";
    if (!escaped && rightFlanking && !wordInside && !doubled && j > from) return j;
    i = j + delimiter.length;
  }
  return -1;
}

export function parseInline(s: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  if (depth > 8) {
    pushText(out, s);
    return out;
  }
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    const next = s[i + 1] ?? "";

    if (c === "\\" && ESCAPABLE.test(next)) {
      pushText(out, next);
      i += 2;
      continue;
    }

    if (c === "`") {
      const j = s.indexOf("`", i + 1);
      if (j > i + 1) {
        out.push({ type: "code", value: s.slice(i + 1, j) });
        i = j + 1;
        continue;
      }
    }

    if ((c === "*" || c === "_") && next === c && s[i + 2] !== undefined && !/\s/.test(s[i + 2]!)) {
      const delimiter = c + c;
      const j = closingDelimiter(s, delimiter, i + 2);
      if (j !== -1) {
        out.push({ type: "strong", children: parseInline(s.slice(i + 2, j), depth + 1) });
        i = j + 2;
        continue;
      }
    }

    if ((c === "*" || c === "_") && next !== "" && !/\s/.test(next) && next !== c) {
      const leftOk = c === "*" || !WORD_CHAR.test(s[i - 1] ?? "");
      const j = leftOk ? closingDelimiter(s, c, i + 1) : -1;
      if (j !== -1) {
        out.push({ type: "em", children: parseInline(s.slice(i + 1, j), depth + 1) });
        i = j + 1;
        continue;
      }
    }

    if (c === "[") {
      const close = closingBracket(s, i);
      if (close !== -1 && s[close + 1] === "(") {
        const end = s.indexOf(")", close + 2);
        if (end !== -1) {
          const label = s.slice(i + 1, close);
          const href = safeHref(s.slice(close + 2, end));
          const children = parseInline(label, depth + 1);
          if (href) out.push({ type: "link", href, children });
          else for (const child of children) child.type === "text" ? pushText(out, child.value) : out.push(child);
          i = end + 1;
          continue;
        }
      }
    }

    pushText(out, c);
    i++;
  }
  return out;
}

const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;

/**
 * Parses the Markdown subset. Headings are shifted so that the highest level used becomes
 * `topHeadingLevel` (default h3: the text sits under the page's h1 and a section's h2), and
 * the levels below it follow without gaps in the outline's direction.
 */
export function parseMarkdown(source: string, options: { topHeadingLevel?: 3 | 4 | 5 | 6 } = {}): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  // The number of "#" of each heading, shifted into `level` at the end.
  const hashes = new Map<Block, number>();
  let paragraph: string[] = [];
  let quote: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;

  const flush = () => {
    if (paragraph.length) blocks.push({ type: "paragraph", children: parseInline(paragraph.join(" ")) });
    if (quote.length) blocks.push({ type: "blockquote", children: parseInline(quote.join(" ")) });
    if (list) blocks.push({ type: "list", ordered: list.ordered, items: list.items.map((item) => parseInline(item)) });
    paragraph = [];
    quote = [];
    list = null;
  };

  for (const line of lines) {
    if (line.trim() === "") {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      const block: Block = { type: "heading", level: 3, children: parseInline(heading[2] ?? "") };
      hashes.set(block, heading[1]!.length);
      blocks.push(block);
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      const ordered = Boolean(numbered);
      const text = (bullet ?? numbered)![1] ?? "";
      if (!list || list.ordered !== ordered) {
        flush();
        list = { ordered, items: [] };
      }
      list.items.push(text.trim());
      continue;
    }
    const quoted = QUOTE.exec(line);
    if (quoted) {
      if (!quote.length) flush();
      quote.push((quoted[1] ?? "").trim());
      continue;
    }
    // A continuation line: belongs to the open list item, quote or paragraph.
    const open = list as { ordered: boolean; items: string[] } | null;
    if (open && open.items.length) {
      open.items[open.items.length - 1] += ` ${line.trim()}`;
    } else if (quote.length) {
      quote.push(line.trim());
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();

  // Shift headings: the smallest "#" count used maps to the top level.
  const top = options.topHeadingLevel ?? 3;
  if (hashes.size) {
    const min = Math.min(...hashes.values());
    for (const [b, n] of hashes) {
      if (b.type === "heading") b.level = Math.min(6, top + (n - min)) as 3 | 4 | 5 | 6;
    }
  }
  return blocks;
}

/** Plain text of a Markdown string (for meta descriptions and the like). */
export function markdownToPlainText(source: string): string {
  const text = (nodes: Inline[]): string =>
    nodes.map((n) => (n.type === "text" || n.type === "code" ? n.value : text(n.children))).join("");
  return parseMarkdown(source)
    .map((b) => (b.type === "list" ? b.items.map(text).join(" ") : text(b.children)))
    .join(" ");
}
