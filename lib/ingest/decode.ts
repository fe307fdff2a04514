// From what an editor pasted or uploaded to the article's text: size and type checks on the
// bytes, strict UTF-8 decoding, HTML reduced to the article's main text. Every refusal is an
// IngestError with a message that says what is wrong and what to do (catalogue msg.ingest.*).
import { msg, type Message, type MessageValue } from "../messages";
import { IngestError } from "./errors";
import { htmlToText } from "./html";

export { IngestError };

/** The most an upload or a pasted text may have, in bytes (UTF-8). */
export const MAX_INGEST_BYTES = 2_000_000;

export type IngestFormat = "text" | "html";

export interface IngestedText {
  format: IngestFormat;
  /** What was given, decoded (HTML markup kept): Article.rawContent. */
  raw: string;
  /** The text offsets refer to: Article.text, later the Source's snapshot. */
  text: string;
  /** From the HTML (<h1>, else <title>), or the first line of a plain text. */
  title: string | null;
}

/** A size too large for an upload (`name`: the file's) or a pasted text. */
export function tooLarge(bytes: number, name: MessageValue | null): IngestError {
  const sizes = { size: bytes / 1_000_000, max: MAX_INGEST_BYTES / 1_000_000 };
  return new IngestError(name === null ? msg("msg.ingest.pastedTooLarge", sizes) : msg("msg.ingest.fileTooLarge", { name, ...sizes }));
}

type BinaryKind = "pdf" | "zip" | "doc" | "png" | "jpeg" | "gif" | "gzip" | "rtf" | "utf16" | "nul" | "control";

/** Known binary formats by their first bytes. */
const SIGNATURES: [number[], BinaryKind][] = [
  [[0x25, 0x50, 0x44, 0x46], "pdf"],
  [[0x50, 0x4b, 0x03, 0x04], "zip"],
  [[0xd0, 0xcf, 0x11, 0xe0], "doc"],
  [[0x89, 0x50, 0x4e, 0x47], "png"],
  [[0xff, 0xd8, 0xff], "jpeg"],
  [[0x47, 0x49, 0x46, 0x38], "gif"],
  [[0x1f, 0x8b], "gzip"],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], "rtf"],
];

/** Why the bytes are not a text file, or null. */
function binaryReason(bytes: Uint8Array): BinaryKind | null {
  for (const [signature, what] of SIGNATURES) {
    if (signature.every((b, i) => bytes[i] === b)) return what;
  }
  // UTF-16 text has NUL bytes too; it is not UTF-8 either.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return "utf16";
  }
  let control = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0) return "nul";
    // Control characters other than tab, line feed, form feed and carriage return.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) control++;
  }
  if (control > 8 && control * 100 > bytes.length) return "control";
  return null;
}

/** HTML by its look: a doctype, an <html>/<body> tag, or markup with closing tags from the start. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2000).trimStart().toLowerCase();
  if (/^(<!doctype html|<html[\s>]|<\?xml)/.test(head)) return true;
  return head.startsWith("<") && /<\/(p|div|article|body|main|section|span|h[1-6]|a)>/.test(text.slice(0, 200_000).toLowerCase());
}

function normalise(text: string): string {
  return text.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n");
}

function finish(format: IngestFormat, raw: string, empty: Message): IngestedText {
  if (format === "html") {
    const { text, title } = htmlToText(raw);
    if (text.trim() === "") throw new IngestError(msg("msg.ingest.noHtmlText"));
    return { format, raw, text, title };
  }
  // Plain text: stored as given (line breaks as LF), without blank lines around it.
  const text = raw.replace(/^\s*\n/, "").trimEnd();
  if (text.trim() === "") throw new IngestError(empty);
  const firstLine = text.trim().split("\n", 1)[0]!.trim();
  return { format, raw, text, title: firstLine.length <= 300 ? firstLine : `${firstLine.slice(0, 299)}…` };
}

const EXTENSIONS: Record<string, IngestFormat> = { txt: "text", text: "text", html: "html", htm: "html", xhtml: "html" };

/** An uploaded .txt or .html file: its bytes must be UTF-8 text, at most MAX_INGEST_BYTES. */
export function ingestFile(filename: string, bytes: Uint8Array): IngestedText {
  const given = filename.trim();
  const name: MessageValue = given || msg("msg.ingest.unnamed");
  const extension = /\.([a-z0-9]+)$/i.exec(given)?.[1]?.toLowerCase() ?? "";
  const format = EXTENSIONS[extension];
  if (!format) throw new IngestError(msg("msg.ingest.wrongExtension", { name }));
  if (bytes.length === 0) throw new IngestError(msg("msg.ingest.emptyFile", { name }));
  if (bytes.length > MAX_INGEST_BYTES) throw tooLarge(bytes.length, name);
  const binary = binaryReason(bytes);
  if (binary) throw new IngestError(msg("msg.ingest.notText", { name, what: msg(`msg.ingest.binary.${binary}`) }));
  let decoded: string;
  try {
    decoded = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new IngestError(msg("msg.ingest.notUtf8", { name }));
  }
  const raw = normalise(decoded);
  return finish(format, raw, msg("msg.ingest.blankFile", { name }));
}

/** A pasted text; `format` "auto" takes it for HTML when it looks like markup. */
export function ingestPasted(text: string, format: IngestFormat | "auto" = "auto"): IngestedText {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_INGEST_BYTES) throw tooLarge(bytes, null);
  if (text.includes("\u0000")) throw new IngestError(msg("msg.ingest.pastedNul"));
  const raw = normalise(text);
  if (raw.trim() === "") throw new IngestError(msg("msg.ingest.empty"));
  return finish(format === "auto" ? (looksLikeHtml(raw) ? "html" : "text") : format, raw, msg("msg.ingest.empty"));
}
