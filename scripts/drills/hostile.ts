// The values the fuzz drill sends: malformed, oversized and hostile, each in two forms, as a
// form field's bytes and as it goes into a URL (a path segment or a query value, already
// percent-encoded, some of them encodings that decode to no valid UTF-8 at all).
export interface Hostile {
  name: string;
  /** The bytes of a form field. */
  form: Buffer;
  /** The URL form: percent-encoded (or deliberately broken) text. */
  url: string;
}

const KB = 1000;

function text(name: string, value: string, url?: string): Hostile {
  return { name, form: Buffer.from(value, "utf8"), url: url ?? encode(value) };
}

/** encodeURIComponent, but lone surrogates (which it refuses) become the bytes of one. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value.replace(/[\ud800-\udfff]/g, "%ED%A0%80").replace(/[^%A-Za-z0-9\-_.~]/g, (c) => encodeURIComponent(c));
  }
}

export const HOSTILE: readonly Hostile[] = [
  text("empty", ""),
  text("whitespace", " \t \u00a0\u3000 "),
  text("nul", "a\u0000b"),
  text("nul only", "\u0000"),
  text("control chars", "\u0001\u0002\u0007\b\u000b\u000c\u000e\u001b[2J\u007f\u0085\u200b\u2028\u2029\ufeff"),
  text("CRLF injection", "x\r\nSet-Cookie: drill=1\r\n\r\n<b>x</b>"),
  text("100 KB", "x".repeat(100 * KB)),
  text("100 KB of spaces", `a${" ".repeat(100 * KB)}b`),
  text("100 KB of [", "[".repeat(100 * KB)),
  text("Markdown heading, 100 KB of spaces", `# a${" ".repeat(100 * KB)}x`),
  // Issue 11's cases, at sizes every form field takes: a heading with 4,000 spaces took 33 s to
  // render, brackets are quadratic.
  text("Markdown heading, 4,000 spaces", `# a${" ".repeat(4_000)}x`),
  text("10,000 [", "[".repeat(10_000)),
  text("Markdown nesting", `${"> ".repeat(5 * KB)}${"*".repeat(5 * KB)}${"[](".repeat(5 * KB)}`),
  text("100 KB of <", "<".repeat(100 * KB)),
  text("100 KB of quote marks", "\"'`".repeat(33 * KB)),
  text("HTML and script", `<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a><!--`),
  text("8 KB URL-sized", "y".repeat(8 * KB)),
  { name: "invalid UTF-8", form: Buffer.from([0x61, 0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x80, 0x80, 0x62]), url: "a%FF%FE%C3%28%ED%A0%80%F4%90%80%80b" },
  { name: "truncated UTF-8", form: Buffer.from([0x61, 0xe2, 0x82]), url: "a%E2%82" },
  { name: "overlong UTF-8", form: Buffer.from([0xc0, 0xaf, 0xe0, 0x80, 0xaf]), url: "%C0%AF%E0%80%AF" },
  text("lone surrogate", "a\ud800b\udfffc"),
  { name: "bad percent escape", form: Buffer.from("%E0%A4%A"), url: "%E0%A4%A" },
  { name: "lone percent", form: Buffer.from("%"), url: "%" },
  { name: "percent-encoded NUL and slash", form: Buffer.from("%00%2F%2e%2e"), url: "%2500%00%2F..%2F%2e%2e" },
  text("huge number", "1e308"),
  text("huge integer", "99999999999999999999999999999999"),
  text("negative", "-1"),
  text("minus zero", "-0"),
  text("NaN", "NaN"),
  text("Infinity", "Infinity"),
  text("fraction", "1.5"),
  text("hex number", "0x1F"),
  text("impossible date", "2024-02-30"),
  text("zero date", "0000-00-00"),
  text("far date", "275760-09-13"),
  text("SQL", `' OR '1'='1' --; DROP TABLE "Claim"; --`),
  text("LIKE wildcards", "%_%\\%"),
  text("tsquery syntax", "!(a & | b) <-> :* 'c"),
  text("Unicode", "ẞ İ ﬃ 𝕳𝖊𝖑𝖑𝖔 \u202egnp.exe 👩🏽‍💻 Z̸̢̛͇a̷l̶g̵o̷ \u0301"),
  text("path traversal", "../../../../etc/passwd"),
  text("other host", "//evil.example/x"),
  text("javascript URL", "javascript:alert(document.cookie)"),
  text("backslash host", "\\\\evil.example\\x"),
  text("React reference", "$K1"),
  text("React promise reference", "$@0"),
  text("JSON prototype", `{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}`),
  text("JSON array", `["a",["b"],{"c":null}]`),
  text("bad e-mail", `a@${"b".repeat(300)}.de`),
  text("numeric id", "0"),
  text("cuid-like", "clxxxxxxxxxxxxxxxxxxxxxxx"),
];

/** `count` values for a slot, starting at `offset` (so that different slots and people get
 * different ones, and all of them are used across a run). */
export function hostileSample(offset: number, count: number): Hostile[] {
  const n = Math.min(count, HOSTILE.length);
  return Array.from({ length: n }, (_, i) => HOSTILE[(offset + i) % HOSTILE.length]!);
}
