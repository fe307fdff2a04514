// The gate in front of Next.js's server actions (called by proxy.ts for every form post). Next.js
// decodes an action request before any code of the app runs, and answers 500 to whatever it
// cannot decode: a body that is no multipart or cut off, arguments that are no JSON or nested
// 20,000 deep, a reference to a part that is not there, a body over the limit, a missing or odd
// Content-Type, a cross-origin post (its CSRF check), an action posted to a page that has none.
// The fuzz drill found 469 such 500s (docs/drills.md). Nothing of the app ran and nothing
// changed, but the answer is wrong and fills the log. This gate checks the same things first,
// with the same parser Next.js uses for the body (busboy), and answers with a 4xx that says
// what is wrong. A post it lets through is one Next.js can decode; the action itself then
// checks the session, the permission and the form (lib/actions/define.ts).
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
// busboy as Next.js bundles it, the parser Next.js reads action bodies with: the same version,
// so a body this gate lets through is one Next.js can read.
import busboy from "next/dist/compiled/busboy";
import { ACTION_BODY_LIMIT_BYTES } from "./action-limits.mjs";

export interface Refusal {
  status: 400 | 403 | 404 | 413 | 415;
  reason: string;
}

/** The pages that have server actions: the desk, sign-in and password reset (app/(desk),
 * app/(auth)). Every other page takes no form posts. */
const ACTION_PAGES = /^\/(?:admin|signin|reset-password)(?:\/|$)/;

/** Deeper than any argument the app's forms send (a form and the previous state), far below
 * what overflows React's decoder. */
const MAX_JSON_DEPTH = 64;
/** Next.js refuses longer argument lists (SERVER_ACTION_ARGS_LIMIT), with a 500. */
const MAX_ARGUMENTS = 1000;

/** Whether Next.js takes a request for a server action: a POST with the Next-Action header (a
 * call from the page's JavaScript), or a multipart POST (a form sent without JavaScript). */
export function isActionRequest(method: string, headers: Headers): boolean {
  if (method !== "POST") return false;
  return headers.has("next-action") || (headers.get("content-type") ?? "").startsWith("multipart/form-data");
}

/**
 * Why Next.js could not take this action request, or null when it can. `body` is the request's
 * body as far as it was read (at most one byte over the limit: next.config.js
 * proxyClientMaxBodySize).
 */
export async function refuseActionRequest(request: { method: string; pathname: string; headers: Headers; body: Uint8Array }): Promise<Refusal | null> {
  const { headers, body } = request;
  const fetchAction = headers.has("next-action");
  if (fetchAction && !ACTION_PAGES.test(request.pathname)) return { status: 404, reason: "this page has no forms" };

  const origin = headers.get("origin");
  if (origin !== null && !sameOrigin(origin, headers)) return { status: 403, reason: "a form of this site is posted from this site only (Origin)" };

  const length = headers.get("content-length");
  if ((length !== null && Number(length) > ACTION_BODY_LIMIT_BYTES) || body.byteLength > ACTION_BODY_LIMIT_BYTES) {
    return { status: 413, reason: `the form is larger than ${ACTION_BODY_LIMIT_BYTES / 2 ** 20} MB` };
  }

  const contentType = headers.get("content-type") ?? "";
  if (contentType.startsWith("multipart/form-data")) {
    const parts = await readMultipart(contentType, body);
    if (typeof parts === "string") return { status: 400, reason: parts };
    if (!fetchAction) return null; // a form sent without JavaScript: its fields are plain text
    const root = parts.get("0");
    if (root === undefined) return { status: 400, reason: "the arguments part is missing" };
    const chunks = new Set([...parts.keys()].filter((name) => /^\d+$/.test(name)).map(Number));
    for (const [name, text] of parts) {
      if (!/^\d+$/.test(name)) continue;
      const problem = replyProblem(text, chunks, name === "0");
      if (problem) return { status: 400, reason: problem };
    }
    return null;
  }
  if (!fetchAction) return null; // not a form post at all: Next.js passes it to the page
  if (/^text\/plain(?:;|$)/i.test(contentType)) {
    const problem = replyProblem(new TextDecoder().decode(body), new Set(), true);
    return problem ? { status: 400, reason: problem } : null;
  }
  return { status: 415, reason: "a form is sent as multipart/form-data (or text/plain from the page's script)" };
}

/** Whether Origin names this site, as Next.js's CSRF check sees it: the host of the first
 * X-Forwarded-Host (which reaches the app from a trusted proxy only) or else of Host. */
function sameOrigin(origin: string, headers: Headers): boolean {
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return host !== "" && host === (forwarded || headers.get("host"));
}

/** The text parts of a multipart body by name (files are read and dropped), or why it is none. */
async function readMultipart(contentType: string, body: Uint8Array): Promise<Map<string, string> | string> {
  // RFC 2046: a boundary of 1 to 70 characters. busboy takes longer ones, but no client sends them.
  const boundary = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))\s*(?:;|$)/i.exec(contentType);
  if (!boundary) return "the multipart Content-Type has no valid boundary";
  const parts = new Map<string, string>();
  let problem: string | null = null;
  try {
    const parser = busboy({ headers: { "content-type": contentType }, defParamCharset: "utf8", limits: { fieldSize: ACTION_BODY_LIMIT_BYTES } });
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated) problem = "a field is larger than the limit";
      parts.set(name, value);
    });
    parser.on("file", (_name, stream) => stream.resume());
    await pipeline(Readable.from([Buffer.from(body.buffer, body.byteOffset, body.byteLength)]), parser);
  } catch (error) {
    return `the multipart body cannot be read (${error instanceof Error ? error.message : "malformed"})`;
  }
  return problem ?? parts;
}

/**
 * What React's reply decoder would fail on in one part of a server action's arguments (JSON
 * with `$`-references to other parts), or null. `root`: the arguments themselves, a list.
 */
export function replyProblem(text: string, chunks: ReadonlySet<number>, root: boolean): string | null {
  if (jsonDepth(text) > MAX_JSON_DEPTH) return `the arguments are nested deeper than ${MAX_JSON_DEPTH}`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "the arguments are no JSON";
  }
  if (root && !Array.isArray(value)) return "the arguments are no list";
  if (root && (value as unknown[]).length > MAX_ARGUMENTS) return "too many arguments";
  // Every reference to another part must find it: React waits for a part that never comes
  // and then fails the whole request.
  const stack: unknown[] = [value];
  while (stack.length) {
    const item = stack.pop();
    if (typeof item === "string") {
      const id = referencedPart(item);
      if (id !== null && !chunks.has(id)) return "the arguments refer to a part that is not there";
    } else if (Array.isArray(item)) stack.push(...item);
    else if (item && typeof item === "object") stack.push(...Object.values(item));
  }
  return null;
}

/**
 * The part a string of React's reply format refers to: `$@1f` (a promise), `$Q1f` (a Map),
 * `$W1f` (a Set), `$i1f` (an iterator), `$h1f` (a server reference), `$1f` or `$1f:a:b` (a
 * value in another part); ids in hexadecimal. Other `$` strings (`$$` escaped text, `$K` form
 * data, `$D` a date, `$u` undefined …) refer to no part.
 */
function referencedPart(value: string): number | null {
  const m = /^\$(?:[@QWih])?([0-9a-f]+)(?::|$)/.exec(value);
  return m ? parseInt(m[1]!, 16) : null;
}

/** The deepest nesting of [ and { outside strings, read in one pass. */
function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) max = Math.max(max, ++depth);
    else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return max;
}
