// Every parser that reads user or uploaded input, fed random and adversarial input (fast-check):
// Markdown (notes, analyses), HTML ingestion, the extractor, the public search query, form
// values and the ClaimReview importer. Each must return or refuse with its own error (never
// throw anything else), and stay within a linear time budget. The budget is a ratio, never a
// wall-clock limit: the time of an adversarial input over the time of a benign input of the
// same size, and the growth of an adversarial input's time when its size is multiplied by
// eight (linear work grows 8×, quadratic 64×). The cases of issue 11 are here as
// regressions: "# a" + spaces + "x", runs of "[", <pre> with 40,000+ spaces, NUL in search.
import { readFileSync } from "node:fs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Markdown } from "../../components/Markdown";
import { safeHref } from "../../lib/markdown";
import { htmlToText, ingestFile, ingestPasted, IngestError, MAX_INGEST_BYTES } from "../../lib/ingest";
import { extractArticle } from "../../lib/extract";
import { normalizeSearchInput, parseSearchParams, SEARCH_MAX_PAGE, SEARCH_MAX_QUERY_LENGTH, SEARCH_TYPES } from "../../lib/public/search";
import { plausibleSlug } from "../../lib/public";
import { NUL_MESSAGE, nulFieldErrors, optionalDate, optionalNumber, optionalText, optionalUrl, requiredText, zipRows } from "../../lib/editorial/fields";
import { parseClaimReviewJsonLd } from "../../lib/claimreview";
import { GROWTH, median, timePerCall } from "../helpers/timing";

// ---------------------------------------------------------------------------------------
// Measuring.

/** `unit` repeated to `size` characters, between `prefix` and `suffix`. */
function fill(size: number, unit: string, prefix = "", suffix = ""): string {
  const body = Math.max(0, Math.floor(size) - prefix.length - suffix.length);
  return prefix + unit.repeat(Math.ceil(body / unit.length)).slice(0, body) + suffix;
}

/**
 * Time ratios of an adversarial shape at `size`: against the benign input of the same size,
 * and against GROWTH runs of the shape at 1/GROWTH of the size (1 when the work is linear,
 * GROWTH when it is quadratic). Each ratio is taken from measurements made right after each
 * other, five times, and the median kept: the tests run beside others on a shared machine, and
 * its load changes between seconds, not between neighbouring milliseconds.
 */
function budget(run: (input: string) => unknown, shape: (size: number) => string, benign: (size: number) => string, size: number) {
  const big = shape(size);
  const small = shape(size / GROWTH);
  const plain = benign(size);
  run(small); // warms the code up
  run(plain);
  const vsBenign: number[] = [];
  const growth: number[] = [];
  for (let i = 0; i < 5; i++) {
    const tBig = timePerCall(() => run(big));
    vsBenign.push(tBig / timePerCall(() => run(plain)));
    growth.push(tBig / (GROWTH * timePerCall(() => run(small))));
  }
  return { vsBenign: median(vsBenign), growth: median(growth) };
}

/** Generous factors: a super-linear parser breaks them by far at these sizes. */
const MAX_VS_BENIGN = 20;
const MAX_GROWTH = 3.5;

/** Characters hostile input is made of: markup and Markdown punctuation, quotes, spaces,
 * control characters, and any other character. */
const hostileChar = fc.oneof(
  fc.constantFrom(..."<>/=\"'`*_[](){}!#-+.:;&\\|~ \t\n\r\u0000\u0001\u001b\u007f\u00a0„“”‚‘’»«"),
  fc.string({ minLength: 1, maxLength: 1, unit: "grapheme" }),
  fc.constantFrom("<p>", "</p>", "<pre>", "<div>", "</span>", "<!--", "-->", "<script>", "&amp;", "&#0;", "&#x", "**", "](", "> ", "- ", "1. ", "# "),
);
const hostileString = (maxLength: number) => fc.array(hostileChar, { maxLength }).map((parts) => parts.join(""));

// ---------------------------------------------------------------------------------------
// Markdown.

const renderMarkdown = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

/** What rehype-sanitize's schema may let through (lib/markdown markdownSchema). */
const ALLOWED_TAGS = new Set(["div", "p", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "em", "strong", "code", "pre", "br", "hr", "a"]);

const BENIGN_MARKDOWN = "Ein *Absatz* mit [einem Link](https://example.org/a) und `code`, dazu **Fettes**.\n\n- eins\n- zwei\n\n";

describe("Markdown (notes and analyses on public pages)", () => {
  it("renders any input to safe markup: known elements only, no handlers, only safe links", () => {
    fc.assert(
      fc.property(hostileString(200), (source) => {
        const out = renderMarkdown(source);
        for (const [, tag] of out.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)) expect(ALLOWED_TAGS.has(tag!.toLowerCase()), tag).toBe(true);
        expect(out).not.toMatch(/<[^>]*\son[a-z]+=/i);
        for (const [, href] of out.matchAll(/<a href="([^"]*)"/g)) {
          expect(href).toMatch(/^(https?:|mailto:|\/(?![/\\])|#)/i);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("links exactly what safeHref accepts", () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl(), hostileString(30), fc.constantFrom("javascript:alert(1)", "//x.org", "data:x", "/pfad", "#anker", "mailto:a@b.c")), (target) => {
        const out = renderMarkdown(`[x](<${target.replace(/[<>\n\r\\]/g, "")}>)`);
        if (out.includes("<a ")) expect(safeHref(/href="([^"]*)"/.exec(out)![1]!.replace(/&amp;/g, "&"))).not.toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  const benign = (size: number) => fill(size, BENIGN_MARKDOWN);
  const shapes: Record<string, (size: number) => string> = {
    // Issue 11: 33 s at n = 4,000 with the hand-written parser.
    "heading with a run of spaces": (n) => fill(n, " ", "# a", "x"),
    // Issue 11: closingBracket was quadratic in "[".
    "runs of [": (n) => fill(n, "["),
    "unclosed links": (n) => fill(n, "[a]("),
    "unmatched emphasis": (n) => fill(n, "*a"),
    "underscores": (n) => fill(n, "_a"),
    "backticks": (n) => fill(n, "`a``"),
    "nested block quotes": (n) => fill(n, "> "),
    "nested emphasis per block": (n) => fill(n, "*".repeat(120) + "a" + "*".repeat(120) + "\n\n"),
    "delimiters just under the block limit": (n) => fill(n, "*a".repeat(120) + "\n\n"),
    "list continuation lines": (n) => fill(n, "- a\n  "),
    "angle brackets": (n) => fill(n, "<a "),
    "control characters": (n) => fill(n, "\u0000\u0001\u001b"),
  };
  for (const [name, shape] of Object.entries(shapes)) {
    it(`stays linear: ${name}`, () => {
      const { vsBenign, growth } = budget(renderMarkdown, shape, benign, 16_000);
      expect(vsBenign).toBeLessThan(MAX_VS_BENIGN);
      expect(growth).toBeLessThan(MAX_GROWTH);
    }, 60_000);
  }
});

// ---------------------------------------------------------------------------------------
// HTML ingestion.

const BENIGN_HTML = "<p>Ein Absatz mit <a href='https://example.org'>Link</a> &amp; Entität, <b>fett</b> und <i>kursiv</i>.</p>\n<nav>Menü</nav><!-- k -->";
const page = (body: string) => `<!DOCTYPE html><html><head><title>T</title></head><body>${body}</body></html>`;

function ingestOutcome(run: () => unknown): "ok" | "refused" {
  try {
    run();
    return "ok";
  } catch (error) {
    // Anything but the module's own refusal fails the test.
    if (!(error instanceof IngestError)) throw error;
    expect(error.message.length).toBeGreaterThan(10);
    return "refused";
  }
}

describe("HTML ingestion (uploads and pasted markup)", () => {
  it("reduces any markup to text with the paragraph layout the extractor expects", () => {
    fc.assert(
      fc.property(hostileString(300), (html) => {
        let result: ReturnType<typeof htmlToText> | null = null;
        ingestOutcome(() => (result = htmlToText(html)));
        if (result === null) return;
        const { text, title } = result as ReturnType<typeof htmlToText>;
        expect(text).toBe(text.replace(/^[ \n]+|[ \n]+$/g, ""));
        expect(text).not.toMatch(/\n{3,}| \n|\n |\u00a0/);
        if (title !== null) expect(title).toBe(title.trim());
      }),
      { numRuns: 400 },
    );
  });

  it("accepts or refuses any upload and any pasted text with an IngestError", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom("a.txt", "a.html", "a.htm", "a.pdf", ""), (bytes, name) => {
        ingestOutcome(() => ingestFile(name, bytes));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(hostileString(300), fc.constantFrom("auto", "text", "html") as fc.Arbitrary<"auto" | "text" | "html">, (text, format) => {
        ingestOutcome(() => ingestPasted(text, format));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a <pre> with 40,000 spaces (issue 11: 1.4 s with the regex trimming)", () => {
    expect(htmlToText(`<pre>x${" ".repeat(40_000)}y</pre>`).text).toBe(`x${" ".repeat(40_000)}y`);
    expect(htmlToText(`<pre>x${" ".repeat(40_000)}</pre><p>y</p>`).text).toBe("x\n\ny");
  });

  const benign = (size: number) => page(fill(size, BENIGN_HTML));
  const size = MAX_INGEST_BYTES;
  const shapes: Record<string, (size: number) => string> = {
    // Issue 11: about an hour for 2 MB with the old trailing-space patterns.
    "<pre> with runs of spaces": (n) => fill(n, " ", "<pre>x", "y</pre>"),
    "<pre> with spaces before a paragraph": (n) => fill(n, " ", "<pre>x", "</pre><p>y</p>"),
    "spaces in paragraphs": (n) => fill(n, " \n\t", "<p>x", "y</p>"),
    "stray end tags under the deepest nesting": (n) => fill(n, "</span>", "<div>".repeat(500)),
    "nested forms under the deepest nesting": (n) => fill(n, "<form>", "<div>".repeat(500)),
    "runs of <": (n) => fill(n, "<"),
    "unterminated tags": (n) => fill(n, "<a "),
    "script end look-alikes": (n) => fill(n, "</scrip", "<script>"),
    "comment openers": (n) => fill(n, "<!--"),
    "character reference openers": (n) => fill(n, "&#"),
    "unterminated attribute": (n) => fill(n, "x", '<p title="'),
    "quote marks": (n) => fill(n, "\"'„“"),
    "control characters": (n) => fill(n, "\u0000\u0001\u000b"),
    "list items": (n) => fill(n, "<li>"),
  };
  for (const [name, shape] of Object.entries(shapes)) {
    it(`stays linear up to 2 MB: ${name}`, () => {
      const { vsBenign, growth } = budget((html) => ingestOutcome(() => htmlToText(html)), shape, benign, size);
      expect(vsBenign).toBeLessThan(MAX_VS_BENIGN);
      expect(growth).toBeLessThan(MAX_GROWTH);
    }, 120_000);
  }
});

// ---------------------------------------------------------------------------------------
// The extractor.

const SEED_ARTICLE = readFileSync(new URL("../../data/seed/apec-2017-de.txt", import.meta.url), "utf8");

describe("The extractor (lib/extract)", () => {
  it("returns quotes and claims whose offsets point at their text, for any text", () => {
    fc.assert(
      fc.property(hostileString(400), fc.constantFrom(undefined, "de", "en") as fc.Arbitrary<"de" | "en" | undefined>, (text, language) => {
        const result = extractArticle(text, { language });
        expect(["de", "en"]).toContain(result.language);
        for (const q of result.quotes) {
          expect(q.start).toBeGreaterThanOrEqual(0);
          expect(q.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(q.start, q.end)).toBe(q.text);
        }
      }),
      { numRuns: 300 },
    );
  });

  const benign = (size: number) => fill(size, `${SEED_ARTICLE}\n\n`);
  const shapes: Record<string, (size: number) => string> = {
    // Found here: the sentence splitter rescanned a run of end marks from each of them.
    "runs of periods": (n) => fill(n, "."),
    "runs of end marks and closing quotes": (n) => fill(n, ".!?“»)"),
    "opening quote marks": (n) => fill(n, "„"),
    "unclosed quotes with words": (n) => fill(n, "„Wort "),
    "closing quote marks": (n) => fill(n, "“"),
    "ASCII quote marks": (n) => fill(n, "\"'"),
    "nested quotes": (n) => fill(n, "„a ‚b "),
    "speech verbs without sentences": (n) => fill(n, "sagte er, dass "),
    "capitalised names": (n) => fill(n, "Angela Merkel "),
    "abbreviations": (n) => fill(n, "z. B. "),
    "one long word": (n) => fill(n, "a"),
    "control characters and line breaks": (n) => fill(n, "\u0000\n\u0001"),
  };
  for (const [name, shape] of Object.entries(shapes)) {
    it(`stays linear: ${name}`, () => {
      const { vsBenign, growth } = budget((text) => extractArticle(text), shape, benign, 160_000);
      expect(vsBenign).toBeLessThan(MAX_VS_BENIGN);
      expect(growth).toBeLessThan(MAX_GROWTH);
    }, 60_000);
  }
});

// ---------------------------------------------------------------------------------------
// The public search query.

const FILTERS = ["q", "type", "verdict", "speaker", "topic", "from", "to", "page"] as const;

describe("Public search query (lib/public/search)", () => {
  const paramValue = fc.oneof(hostileString(40), fc.array(hostileString(20), { maxLength: 3 }), fc.constant(undefined));

  it("normalises any query string: filters without control characters, bounded query and page", () => {
    fc.assert(
      fc.property(fc.record(Object.fromEntries(FILTERS.map((k) => [k, paramValue])) as Record<(typeof FILTERS)[number], typeof paramValue>), (params) => {
        const query = normalizeSearchInput(parseSearchParams(params));
        expect(SEARCH_TYPES).toContain(query.type);
        expect(query.q.length).toBeLessThanOrEqual(SEARCH_MAX_QUERY_LENGTH);
        // eslint-disable-next-line no-control-regex
        expect(query.q).not.toMatch(/[\u0000-\u001f\u007f]/);
        for (const key of ["verdict", "speaker", "topic", "from", "to"] as const) {
          const value = query[key];
          // eslint-disable-next-line no-control-regex
          if (value !== null) expect(value).not.toMatch(/[\u0000-\u001f\u007f]/);
        }
        expect(Number.isInteger(query.page) && query.page >= 1 && query.page <= SEARCH_MAX_PAGE).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("ignores a filter with a NUL byte (issue 11: /search?q=x&verdict=%00 answered 500)", () => {
    const params = Object.fromEntries(new URLSearchParams("q=x&verdict=%00&speaker=a%00b&topic=%01&from=2017-01-01%00&to=%00")) as Record<string, string>;
    expect(normalizeSearchInput(parseSearchParams(params))).toEqual({
      q: "x",
      type: "all",
      verdict: null,
      speaker: null,
      topic: null,
      from: null,
      to: null,
      page: 1,
    });
    // Slugs in paths (claims, speakers, topics, oEmbed URLs) follow the same rule.
    expect(plausibleSlug("\u0000")).toBe(false);
    expect(plausibleSlug("trump-putin\u0000")).toBe(false);
    expect(plausibleSlug("trump-putin")).toBe(true);
  });

  it("stays linear on a long query (it reads only the first few kilobytes)", () => {
    const run = (q: string) => normalizeSearchInput(parseSearchParams({ q, speaker: q, verdict: q }));
    const { vsBenign, growth } = budget(run, (n) => fill(n, " \u0000\t"), (n) => fill(n, "Wort "), 1_000_000);
    expect(vsBenign).toBeLessThan(MAX_VS_BENIGN);
    expect(growth).toBeLessThan(MAX_GROWTH);
  });
});

// ---------------------------------------------------------------------------------------
// Form values (every server action: lib/actions/define, lib/editorial/fields).

describe("Form values", () => {
  it("names every field with a NUL, whatever the form, and nothing else", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 10 }), fc.oneof(hostileString(30), fc.array(hostileString(10), { maxLength: 3 }))), (values) => {
        const errors = nulFieldErrors(values);
        const expected = Object.keys(values).filter((k) => [values[k]!].flat().some((v) => v.includes("\u0000")));
        if (expected.length === 0) expect(errors).toBeNull();
        else {
          expect(Object.keys(errors!).sort()).toEqual(expected.sort());
          for (const k of expected) expect(errors![k]).toEqual([NUL_MESSAGE]);
        }
      }),
      { numRuns: 300 },
    );
    // As lib/actions/define formValues gives them: list fields as arrays.
    expect(nulFieldErrors({ text: "Zitat\u0000", roles: ["a", "b\u0000"], title: "ok" })).toEqual({ text: [NUL_MESSAGE], roles: [NUL_MESSAGE] });
    // A field named like an object's own machinery is a field like any other.
    const proto = nulFieldErrors(JSON.parse('{"__proto__": ["\\u0000"], "constructor": "x\\u0000"}'));
    expect(Object.keys(proto ?? {}).sort()).toEqual(["__proto__", "constructor"]);
  });

  it("parses or refuses any value with a ZodError, never an exception", () => {
    const schemas = [requiredText("text", 50), optionalText("text", 50), optionalDate("saidOn"), optionalNumber("position"), optionalUrl("url")];
    fc.assert(
      fc.property(fc.oneof(hostileString(60), fc.constant(undefined), fc.array(fc.string(), { maxLength: 2 })), (value) => {
        for (const schema of schemas) {
          const parsed = schema.safeParse(value);
          if (!parsed.success) expect(parsed.error.issues.every((i) => typeof i.message === "string" && i.message !== "")).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("a", "b", "c"), fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 4 }))), (values) => {
        for (const row of zipRows(values, { x: "a", y: "b" })) expect(Object.values(row).some((v) => v.trim() !== "")).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------------------
// The ClaimReview importer.

const CLAIM_REVIEW = {
  "@context": "https://schema.org",
  "@type": "ClaimReview",
  url: "https://example.org/check",
  claimReviewed: "Eine Behauptung",
  datePublished: "2017-11-11",
  author: { "@type": "Organization", name: "Faktencheck" },
  reviewRating: { "@type": "Rating", ratingValue: "1", bestRating: "5", worstRating: "1", alternateName: "Falsch" },
  itemReviewed: { "@type": "Claim", author: { "@type": "Person", name: "Jemand" }, appearance: [{ "@type": "CreativeWork", url: "https://example.org/a" }] },
};

function importOutcome(json: unknown) {
  const result = parseClaimReviewJsonLd(json);
  if (result.ok) {
    expect(result.reviews.length).toBeGreaterThan(0);
    for (const r of result.reviews) expect(typeof r.claimReviewed).toBe("string");
  } else {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const e of result.errors) expect(typeof e).toBe("string");
  }
  return result;
}

describe("ClaimReview importer (lib/claimreview)", () => {
  it("reads or refuses any JSON value and any text, with messages", () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (json) => void importOutcome(json)), { numRuns: 300 });
    fc.assert(fc.property(hostileString(200), (text) => void importOutcome(text)), { numRuns: 300 });
  });

  it("reads ClaimReviews whose values are replaced by anything", () => {
    const keys = Object.keys(CLAIM_REVIEW) as (keyof typeof CLAIM_REVIEW)[];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), fc.anything({ maxDepth: 4 })), (changes) => {
        importOutcome({ ...CLAIM_REVIEW, ...changes, "@type": "ClaimReview" });
        importOutcome(JSON.stringify({ "@graph": [{ ...CLAIM_REVIEW, ...changes }] }));
      }),
      { numRuns: 300 },
    );
  });

  const benign = (size: number) => JSON.stringify({ "@graph": Array.from({ length: Math.max(1, Math.floor(size / JSON.stringify(CLAIM_REVIEW).length)) }, () => CLAIM_REVIEW) });
  const shapes: Record<string, (size: number) => string> = {
    "deep nesting": (n) => {
      const depth = Math.floor(n / 12);
      return '{"a":'.repeat(depth) + JSON.stringify(CLAIM_REVIEW) + "}".repeat(depth);
    },
    "deep arrays": (n) => "[".repeat(n / 2) + "]".repeat(n / 2),
    "many @id references": (n) =>
      JSON.stringify({ "@graph": Array.from({ length: Math.floor(n / 60) }, (_, i) => ({ "@id": `#n${i % 50}`, "@type": "ClaimReview", reviewRating: { "@id": `#n${(i + 1) % 50}` } })) }),
    "long strings": (n) => JSON.stringify({ ...CLAIM_REVIEW, claimReviewed: fill(n, " \u0000\""), datePublished: fill(n / 4, "2017-") }),
  };
  for (const [name, shape] of Object.entries(shapes)) {
    it(`stays linear: ${name}`, () => {
      const { vsBenign, growth } = budget((text) => importOutcome(text), shape, benign, 1_600_000);
      expect(vsBenign).toBeLessThan(MAX_VS_BENIGN);
      expect(growth).toBeLessThan(MAX_GROWTH);
    }, 60_000);
  }
});
