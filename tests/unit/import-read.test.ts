// lib/import/read.ts and record.ts: every file shape of issue 14 read into normalised records,
// with the line of each and the reason for each bad one; the limits of hostile input.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readImport, sniffDelimiter, type ReadMeta, type ReadRow } from "../../lib/import/read";
import { normaliseRecord, parseDate, recordKey, urlKey, type ImportRecord } from "../../lib/import/record";
import { splitJson } from "../../lib/import/json-stream";
import { ImportFileError } from "../../lib/import/messages";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/import");
const LIMITS = { maxBytes: 50 * 2 ** 20, maxRows: 10_000, deadline: Date.now() + 600_000, seconds: 600 };

async function read(source: Buffer | string, kind: "external" | "own" = "external", limits = LIMITS) {
  const meta: ReadMeta = { format: null, notes: [] };
  const rows: (ReadRow & { record?: ImportRecord; reason?: string })[] = [];
  // Small chunks: every boundary case of the streaming readers is crossed.
  const bytes = typeof source === "string" ? Buffer.from(source) : source;
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
  }
  for await (const row of readImport(chunks(), { limits }, meta)) {
    if (row.raw) {
      const n = normaliseRecord(row.raw, { kind });
      rows.push(n.ok ? { ...row, record: n.record } : { ...row, reason: n.issue.code });
    } else rows.push({ ...row, reason: row.issue?.code });
  }
  return { meta, rows, records: rows.flatMap((r) => (r.record ? [r.record] : [])) };
}
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

describe("ClaimReview JSON-LD", () => {
  it("reads a single object: claimant, dates, rating text and scale, language, site", async () => {
    const { meta, records, rows } = await read(fixture("claimreview-single.json"));
    expect(meta.format).toBe("claimreview");
    expect(rows).toHaveLength(1);
    expect(records[0]).toMatchObject({
      url: "https://faktencheck-beispiel.de/2017/11/is-gebiet-95-prozent",
      title: "Hat der IS 95 Prozent seines Gebiets verloren?",
      claimText: "Der IS hat 95 Prozent seines Herrschaftsgebiets in Syrien und im Irak verloren.",
      claimantName: "Wladimir Putin",
      claimantKind: "person",
      claimDate: "2017-11-11",
      reviewDate: "2017-11-14T08:30:00.000Z",
      publisherName: "Faktencheck Beispiel",
      publisherSite: "faktencheck-beispiel.de",
      textualRating: "Größtenteils richtig",
      ratingValue: 4,
      bestRating: 5,
      worstRating: 1,
      summary: "Die Zahl stammt von der Anti-IS-Koalition und ist grob bestätigt.",
      language: "de",
    });
  });

  it("reads an array: @type as an array, author as a plain string, itemReviewed as CreativeWork, numeric-only ratings, optional fields missing", async () => {
    const { records } = await read(fixture("claimreview-array.json"));
    expect(records).toHaveLength(3);
    // ["Review","ClaimReview"], author "Example Checks" (a string), a rating with a label only.
    expect(records[0]).toMatchObject({ publisherName: "Example Checks", publisherSite: "checks.example.org", textualRating: "False", ratingValue: null, claimantName: "Viral social media posts", claimantKind: "organization", reviewDate: "2021-03-02" });
    // The older markup: the reviewed item is a CreativeWork whose author is the claimant; numbers as strings, no label.
    expect(records[1]).toMatchObject({ claimantName: "Donald Trump", claimDate: "2019-06-01", textualRating: null, ratingValue: 5, bestRating: 6, worstRating: 1 });
    // No URL, no date, no itemReviewed: still a fact-check (its key is a fingerprint).
    expect(records[2]).toMatchObject({ url: null, reviewDate: null, claimantName: null, ratingValue: 1 });
    expect(recordKey(records[2]!)).toMatch(/^fp:[0-9a-f]{64}$/);
  });

  it("resolves @id references inside an @graph", async () => {
    const { records } = await read(fixture("claimreview-graph.json"));
    expect(records).toEqual([
      expect.objectContaining({ publisherName: "Verificado Ejemplo", publisherSite: "verificado.example", language: "es", textualRating: "Engañoso", claimantName: "Ministro de Ejemplo" }),
    ]);
  });

  it("reads a schema.org DataFeed (dataFeedElement[].item[]), each review with its line, a broken one reported", async () => {
    const { records, rows, meta } = await read(fixture("datafeed.json"));
    expect(meta.format).toBe("claimreview");
    expect(records.map((r) => r.url)).toEqual(["https://feed.example.net/checks/1001", "https://feed.example.net/checks/1002", "https://feed.example.net/checks/1003"]);
    expect(rows.map((r) => r.line)).toEqual([8, 25, 25, 52]);
    // The fourth has no claimReviewed: reported, not dropped silently.
    expect(rows[3]).toMatchObject({ reason: "not_claimreview" });
  });

  it("reads an HTML page's JSON-LD blocks: only ClaimReviews are rows; markup in names is kept as text, never a link to javascript:", async () => {
    const { records, rows, meta } = await read(fixture("page.html"));
    expect(meta.format).toBe("html");
    expect(rows).toHaveLength(1);
    const [r] = records;
    expect(r!.publisherName).toBe("<script>alert('x')</script><img src=x onerror=alert(1)> Hostile Checks");
    // The javascript: URL of the publisher is no site; the site is the review's own host.
    expect(r!.publisherSite).toBe("hostile.example");
    // NUL and the right-to-left override are gone from the claimant's name.
    expect(r!.claimantName).toBe("Anonymous poster");
  });
});

describe("Fact Check Tools claims:search", () => {
  it("reads each claimReview of each claim as one record", async () => {
    const { records, meta } = await read(fixture("factcheck-tools.json"));
    expect(meta.format).toBe("factcheck-tools");
    expect(records).toHaveLength(3);
    expect(records[1]).toMatchObject({
      claimText: "Trump said Putin assured him Russia did not meddle in the election.",
      claimantName: "Donald Trump",
      claimDate: "2017-11-11",
      publisherName: "Beispiel-Prüfstelle",
      publisherSite: "pruefstelle.example.de",
      title: "Trump, Putin und die Wahl",
      reviewDate: "2017-11-13T07:00:00.000Z",
      textualRating: "Teilweise falsch",
      language: "de",
    });
    // A publisher with a site only: the site is its name.
    expect(records[2]).toMatchObject({ publisherName: "truthmeter.example.com", publisherSite: "truthmeter.example.com" });
  });
});

describe("CSV", () => {
  it("reads UTF-8 with a BOM and semicolons: German dates, quoted semicolons and line breaks, bad rows with their line", async () => {
    const { rows, meta } = await read(fixture("checks-semicolon-bom.csv"));
    expect(meta.format).toBe("csv");
    expect(rows.map((r) => [r.line, r.reason ?? "ok"])).toEqual([
      [2, "ok"],
      [3, "ok"],
      [4, "csv_record"],
      [5, "bad_date"],
      [6, "ok"],
      [7, "ok"],
    ]);
    expect(rows[0]!.record).toMatchObject({ claimText: "Die Renten steigen 2024 um 10 %; sagt der Minister", claimDate: "2024-02-01", reviewDate: "2024-02-03", ratingValue: 1 });
    expect(rows[5]!.record!.claimText).toBe("Eine Aussage\nüber zwei Zeilen");
    // The same fact-check with a tracking parameter and a trailing slash: the same key.
    expect(recordKey(rows[4]!.record!)).toBe(recordKey(rows[0]!.record!));
  });

  it("reads commas and no BOM, and tells the delimiter from the header line only", async () => {
    expect(sniffDelimiter('claim,url,"a;b"\n1;2;3;4;5')).toBe(",");
    expect(sniffDelimiter("claim;url;rating\n")).toBe(";");
    const { records } = await read("claim,publisher,rating\nEine Aussage,Prüfer,falsch\n");
    expect(records).toEqual([expect.objectContaining({ claimText: "Eine Aussage", publisherName: "Prüfer", textualRating: "falsch" })]);
  });

  it("names unknown columns and refuses a file without a claim column", async () => {
    const { meta } = await read("claim,publisher,rating,colour\nA,B,C,red\n");
    expect(meta.notes).toEqual([{ code: "unknown_columns", params: { columns: "colour" } }]);
    await expect(read("text2,url\nA,B\n")).rejects.toMatchObject({ code: "csv_header" });
  });
});

describe("hostile input", () => {
  it("refuses bytes that are not UTF-8, an empty file, a file over the size limit, too many rows", async () => {
    await expect(read(Buffer.concat([Buffer.from("claim,publisher,rating\n"), Buffer.from([0xc3, 0x28])]))).rejects.toMatchObject({ code: "not_utf8" });
    await expect(read("  \n ")).rejects.toMatchObject({ code: "empty" });
    await expect(read("claim\n" + "x\n".repeat(1000), "external", { ...LIMITS, maxBytes: 100 })).rejects.toMatchObject({ code: "too_large" });
    await expect(read("claim,publisher,rating\n" + "a,b,c\n".repeat(20), "external", { ...LIMITS, maxRows: 10 })).rejects.toMatchObject({ code: "too_many_rows" });
  });

  it("refuses a JSON-LD block of an HTML page nested past the depth limit, and reads the page's other blocks", async () => {
    const deep = "[".repeat(200_000) + "]".repeat(200_000);
    const page = `<html><script type="application/ld+json">${deep}</script><script type="application/ld+json">{"@type":"ClaimReview","claimReviewed":"A","author":"P","reviewRating":{"alternateName":"falsch"}}</script></html>`;
    const { rows } = await read(page);
    expect(rows.map((r) => r.reason ?? "ok")).toEqual(["bad_json", "ok"]);
  });

  it("refuses JSON nested past the depth limit, and a document that ends early", async () => {
    await expect(read("[".repeat(100_000))).rejects.toBeInstanceOf(ImportFileError);
    await expect(read('{"@graph":[{"@type":"ClaimReview"')).rejects.toMatchObject({ code: "json_structure" });
  });

  it("refuses a row with an over-long field or a URL that is not http(s), and keeps the others", async () => {
    const { rows } = await read(`claim,publisher,rating,url\n${"x".repeat(5_001)},P,falsch,\nA,P,falsch,javascript:alert(1)\nB,P,falsch,https://ok.example/\n`);
    expect(rows.map((r) => r.reason ?? "ok")).toEqual(["too_long", "bad_url", "ok"]);
  });

  it("requires a publisher and a rating of others' fact-checks", () => {
    expect(normaliseRecord({ claimText: "A", textualRating: "falsch" }, { kind: "external" })).toMatchObject({ ok: false, issue: { code: "publisher_missing" } });
    expect(normaliseRecord({ claimText: "A", publisherName: "P" }, { kind: "external" })).toMatchObject({ ok: false, issue: { code: "rating_missing" } });
    expect(normaliseRecord({ claimText: "A", url: "https://p.example/x", ratingValue: "2" }, { kind: "external" })).toMatchObject({ ok: true, record: { publisherName: "p.example" } });
  });
});

describe("dates and keys", () => {
  it("accepts calendar dates, German dates and ISO timestamps; refuses impossible and ambiguous ones", () => {
    expect(parseDate("2017-11-11")).toEqual({ value: "2017-11-11", calendar: true });
    expect(parseDate("1.2.2024")).toEqual({ value: "2024-02-01", calendar: true });
    expect(parseDate("2017-11-11T10:00:00+01:00")).toEqual({ value: "2017-11-11T09:00:00.000Z", calendar: false });
    for (const bad of ["2017-02-30", "11/12/2017", "gestern", "0000-01-01"]) expect(parseDate(bad), bad).toBeNull();
  });

  it("keys URLs by host, path and real parameters", () => {
    expect(urlKey("https://www.Example.org/a/b/?utm_source=x&b=2&a=1#top")).toBe(urlKey("http://example.org/a/b?a=1&b=2"));
    expect(urlKey("https://example.org/a?id=1")).not.toBe(urlKey("https://example.org/a?id=2"));
  });
});

describe("the streaming JSON splitter", () => {
  it("cuts items out of the known arrays whatever the chunk size, keeping strings with brackets intact", async () => {
    const doc = '{"@context":"x","dataFeedElement":[{"s":"a],}\\"b"},\n[1,{"t":"}"}]],"name":"n"}';
    for (const size of [1, 2, 5, 1000]) {
      const chunks = async function* () {
        for (let i = 0; i < doc.length; i += size) yield doc.slice(i, i + size);
      };
      const out = [];
      for await (const x of splitJson(chunks(), { splitKeys: new Set(["dataFeedElement"]), maxItemChars: 1000, maxDepth: 10, maxEnvelopeChars: 1000 })) out.push(x);
      expect(out).toEqual([
        { line: 1, container: "dataFeedElement", index: 0, value: { s: 'a],}"b' } },
        { line: 2, container: "dataFeedElement", index: 1, value: [1, { t: "}" }] },
        { envelope: { "@context": "x", name: "n" }, top: "object" },
      ]);
    }
  });

  it("reports an item over the size limit without holding it", async () => {
    const doc = `[{"a":"${"x".repeat(5000)}"},{"b":1}]`;
    const out = [];
    for await (const x of splitJson((async function* () { yield doc; })(), { splitKeys: new Set(), maxItemChars: 100, maxDepth: 10, maxEnvelopeChars: 100 })) out.push(x);
    expect(out[0]).toMatchObject({ error: { code: "item_too_large" } });
    expect(out[1]).toMatchObject({ value: { b: 1 } });
  });
});

describe("the CSV template", () => {
  it("is docs/import-template.csv, and both its rows import", async () => {
    const { CSV_TEMPLATE } = await import("../../lib/import/template");
    expect(fs.readFileSync(path.resolve(import.meta.dirname, "../../docs/import-template.csv"), "utf8")).toBe(CSV_TEMPLATE);
    const { rows, meta } = await read(`\ufeff${CSV_TEMPLATE}`);
    expect(meta.notes).toEqual([]);
    expect(rows.map((r) => r.reason ?? "ok")).toEqual(["ok", "ok"]);
    expect(rows[0]!.record).toMatchObject({ claimantKind: "person", summary: "Die Erhöhung beträgt 4,57 Prozent.", bestRating: 6 });
    expect(rows[1]!.record).toMatchObject({ claimantKind: "organization", claimDate: "2024-03-04", publisherSite: "checks.example.org" });
  });
});
