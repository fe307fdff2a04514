// Reading a large JSON document in bounded memory: the items of its long arrays one at a time.
//
// A DataFeed of 100,000 ClaimReviews is too large to JSON.parse whole (its objects would take
// many times the file's size). The documents imports meet keep their items in one array: the
// top-level array itself, or the array under one of a few known keys of the top-level object
// (`@graph`, schema.org DataFeed's `dataFeedElement`, a Fact Check Tools response's `claims`,
// `itemListElement`). This scanner follows the document's structure character by character
// (strings, escapes, nesting), cuts out each item of such an array as text and JSON.parses it
// alone; every other member of the top-level object is kept (they are small: `@context`,
// `@type`, `name`, ...) and returned at the end as the `envelope` (a single ClaimReview object,
// for instance, is all envelope). Memory is bounded by the largest item (maxItemChars), not by
// the file; the nesting depth is bounded too (JSON.parse takes super-linear time on deeply
// nested input). Each item is validated by JSON.parse; the few characters between items
// (commas, the envelope's keys) are checked only as far as the structure needs.
export interface JsonItem {
  /** The parsed item, or the reason it could not be parsed. */
  value?: unknown;
  error?: { code: "bad_json" | "item_too_large"; message: string };
  /** The line (1-based) the item starts on. */
  line: number;
  /** The key of the array it came from (null: the top-level array). */
  container: string | null;
  /** Its index in that array. */
  index: number;
}

export interface JsonEnvelope {
  envelope: Record<string, unknown>;
  /** "array" when the document is a top-level array (the envelope is then empty). */
  top: "object" | "array";
}

export class JsonStructureError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = "JsonStructureError";
  }
}

export interface SplitOptions {
  splitKeys: ReadonlySet<string>;
  maxItemChars: number;
  maxDepth: number;
  /** The largest envelope (everything but the split arrays), in characters. */
  maxEnvelopeChars: number;
}

interface Capture {
  kind: "item" | "key" | "member";
  pieces: string[];
  start: number;
  length: number;
  line: number;
  overflow: boolean;
}

const WS = new Set([" ", "\t", "\n", "\r"]);

/** The items of the document's long arrays, then its envelope (always last). */
export async function* splitJson(source: AsyncIterable<string>, options: SplitOptions): AsyncGenerator<JsonItem | JsonEnvelope> {
  let depth = 0;
  let inString = false;
  let escape = false;
  let line = 1;
  let top: "{" | "[" | null = null;
  // In the top-level object: what comes next at depth 1.
  let phase: "key" | "colon" | "value" | "after" = "key";
  let key = "";
  // The array whose elements are items: its depth inside (1: top-level array, 2: under a key).
  let itemDepth: number | null = null;
  let container: string | null = null;
  let index = 0;
  let awaitingItem = false;
  let capture: Capture | null = null;
  const envelope: Record<string, unknown> = {};
  let envelopeChars = 0;

  const start = (kind: Capture["kind"], at: number): void => {
    capture = { kind, pieces: [], start: at, length: 0, line, overflow: false };
  };
  const limitOf = (kind: Capture["kind"]) => (kind === "item" ? options.maxItemChars : kind === "key" ? 10_000 : options.maxEnvelopeChars - envelopeChars);
  /** Adds the capture's text up to `end` of this chunk (it goes on from 0 in the next one). */
  const append = (chunk: string, end: number): void => {
    const c = capture!;
    const piece = chunk.slice(c.start, end);
    c.length += piece.length;
    if (!c.overflow && c.length > limitOf(c.kind)) {
      c.overflow = true;
      c.pieces = [];
    }
    if (!c.overflow) c.pieces.push(piece);
    c.start = 0;
  };
  /** The captured text up to `end`, or null when it grew past its limit. */
  const take = (chunk: string, end: number): string | null => {
    append(chunk, end);
    const c = capture!;
    return c.overflow ? null : c.pieces.join("");
  };

  for await (const chunk of source) {
    const items: (JsonItem | JsonEnvelope)[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      if (inString) {
        if (escape) escape = false;
        else if (ch === "\\") escape = true;
        else if (ch === '"') {
          inString = false;
          if (capture && (capture as Capture).kind === "key") {
            const text = take(chunk, i + 1);
            if (text === null) throw new JsonStructureError("a key longer than 10,000 characters", line);
            key = JSON.parse(text) as string;
            capture = null;
            phase = "colon";
          }
        } else if (ch === "\n") line++;
        continue;
      }
      if (ch === "\n") line++;
      if (WS.has(ch)) continue;

      if (top === null) {
        if (ch === "{") {
          top = "{";
          depth = 1;
          phase = "key";
        } else if (ch === "[") {
          top = "[";
          depth = 1;
          itemDepth = 1;
          container = null;
          index = 0;
          awaitingItem = true;
        } else throw new JsonStructureError("expected a JSON object or array", line);
        continue;
      }
      if (depth === 0) throw new JsonStructureError("text after the end of the JSON document", line);

      // Where a value begins.
      if (itemDepth !== null && depth === itemDepth && awaitingItem && ch !== "]") {
        if (ch === ",") throw new JsonStructureError("an empty element in an array", line);
        start("item", i);
        awaitingItem = false;
      } else if (top === "{" && depth === 1 && phase === "value" && capture === null) {
        if (options.splitKeys.has(key) && ch === "[") {
          depth = 2;
          itemDepth = 2;
          container = key;
          index = 0;
          awaitingItem = true;
          phase = "after";
          continue;
        }
        start("member", i);
      }

      switch (ch) {
        case '"':
          inString = true;
          if (top === "{" && depth === 1 && capture === null) {
            if (phase !== "key") throw new JsonStructureError("expected a comma or a colon", line);
            start("key", i);
          }
          break;
        case "{":
        case "[":
          if (++depth > options.maxDepth) throw new JsonStructureError(`nested deeper than ${options.maxDepth} levels`, line);
          break;
        case ",":
        case "]":
        case "}": {
          if (ch !== "," && capture === null && depth === 1 && top === "{" && phase === "colon") throw new JsonStructureError("a key without a value", line);
          // The end of an item.
          if (itemDepth !== null && depth === itemDepth && (ch === "," || ch === "]")) {
            const c = capture as Capture | null;
            if (c && c.kind === "item") {
              const text = take(chunk, i);
              const item: JsonItem = { line: c.line, container, index: index++ };
              if (text === null) item.error = { code: "item_too_large", message: String(options.maxItemChars) };
              else {
                try {
                  item.value = JSON.parse(text) as unknown;
                } catch (error) {
                  item.error = { code: "bad_json", message: error instanceof Error ? error.message : String(error) };
                }
              }
              items.push(item);
              capture = null;
            } else if (ch === ",") throw new JsonStructureError("an empty element in an array", line);
            if (ch === ",") {
              awaitingItem = true;
              break;
            }
            // The array closes.
            itemDepth = null;
            depth--;
            break;
          }
          // The end of a member of the top-level object.
          if (top === "{" && depth === 1) {
            const c = capture as Capture | null;
            if (c && c.kind === "member") {
              const text = take(chunk, i);
              if (text === null) throw new JsonStructureError(`the members beside the items are larger than ${options.maxEnvelopeChars} characters`, c.line);
              try {
                envelope[key] = JSON.parse(text) as unknown;
              } catch (error) {
                throw new JsonStructureError(error instanceof Error ? error.message : String(error), c.line);
              }
              envelopeChars += text.length;
              capture = null;
            }
            if (ch === ",") {
              phase = "key";
              break;
            }
            if (ch === "]") throw new JsonStructureError("a ] where a } belongs", line);
            depth = 0;
            break;
          }
          if (ch !== ",") depth--;
          break;
        }
        case ":":
          if (top === "{" && depth === 1) {
            if (phase !== "colon") throw new JsonStructureError("a colon out of place", line);
            phase = "value";
          }
          break;
        default:
          break;
      }
    }
    // A capture that goes on in the next chunk.
    if (capture) append(chunk, chunk.length);
    yield* items;
  }
  if (top === null) throw new JsonStructureError("the document is empty", line);
  if (depth !== 0 || inString) throw new JsonStructureError("the document ends before its last bracket is closed", line);
  yield { envelope, top: top === "{" ? "object" : "array" };
}
