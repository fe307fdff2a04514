// npm run --silent extract -- [--lang de|en|auto] FILE
//
// Prints the extraction of one text file as a single JSON object on stdout:
// {"language", "quotes": [...], "claims": [...]} (see lib/extract/types.ts). Offsets are in
// JavaScript string units of the file's decoded UTF-8 text (a byte-order mark, if any, is kept
// as a character so offsets match what other tools read). Errors go to stderr with a non-zero
// exit and nothing on stdout.
import fs from "node:fs";
import { extractArticle } from "../lib/extract/index";

function fail(message: string, code = 1): never {
  process.stderr.write(`extract: ${message}\n`);
  process.exit(code);
}

const usage = "usage: npm run --silent extract -- [--lang de|en|auto] FILE";
const args = process.argv.slice(2);
let lang: "de" | "en" | "auto" = "auto";
let file: string | null = null;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === "--lang" || a.startsWith("--lang=")) {
    const v = a === "--lang" ? args[++i] : a.slice("--lang=".length);
    if (v !== "de" && v !== "en" && v !== "auto") fail(`--lang must be de, en or auto (got ${v === undefined ? "nothing" : JSON.stringify(v)})\n${usage}`, 2);
    lang = v;
  } else if (a === "-h" || a === "--help") {
    process.stderr.write(usage + "\n");
    process.exit(0);
  } else if (a === "--") {
    continue;
  } else if (a.startsWith("-") && a !== "-") {
    fail(`unknown option ${a}\n${usage}`, 2);
  } else if (file === null) {
    file = a;
  } else {
    fail(`only one FILE, got ${JSON.stringify(file)} and ${JSON.stringify(a)}\n${usage}`, 2);
  }
}
if (file === null) fail(`no FILE given\n${usage}`, 2);

let bytes: Buffer;
try {
  bytes = file === "-" ? fs.readFileSync(0) : fs.readFileSync(file);
} catch (e) {
  const err = e as NodeJS.ErrnoException;
  if (err.code === "ENOENT") fail(`${file}: no such file`);
  if (err.code === "EISDIR") fail(`${file}: is a directory`);
  fail(`${file}: cannot read (${err.code ?? err.message})`);
}
if (bytes.includes(0)) fail(`${file}: binary file (contains NUL bytes), expected UTF-8 text`);
let text: string;
try {
  text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
} catch {
  fail(`${file}: not valid UTF-8 text`);
}

const result = extractArticle(text, { language: lang });
process.stdout.write(JSON.stringify(result) + "\n");
