// Consistency of the extractor's development set (tests/fixtures/extraction/dev, built by
// tests/fixtures/extraction/build-dev.py) and of the seed annotation it follows
// (../shared/seed/apec-2017-de.gold.json). The conventions are in tests/fixtures/extraction/README.md.
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";

interface GoldSpeaker {
  id: string;
  name: string;
  aliases: string[];
  role: string;
  wikidata: string | null;
}

interface GoldQuote {
  id: string;
  kind: "direct" | "indirect";
  text: string;
  span: [number, number];
  speaker: string;
  reportedBy: string | null;
  note: string | null;
}

interface GoldClaim {
  id: string;
  text: string;
  span: [number, number];
  claimant: string;
  quantity: ({ value: number; unit: string | null } & Record<string, unknown>) | null;
  note: string | null;
}

interface Gold {
  document: string;
  language: "de" | "en";
  dateline: string;
  about: string;
  speakers: GoldSpeaker[];
  quotes: GoldQuote[];
  claims: GoldClaim[];
}

const root = path.resolve(import.meta.dirname, "../..");
const devDir = path.join(root, "tests/fixtures/extraction/dev");
// The seed lives in ../shared/seed beside the repository; data/seed holds the copy the app loads
// (identical), used when the repository is checked out on its own.
const seedDir = [path.resolve(root, "../shared/seed"), path.join(root, "data/seed")].find((d) =>
  fs.existsSync(path.join(d, "apec-2017-de.gold.json")),
);

const goldFiles: string[] = [
  ...fs
    .readdirSync(devDir)
    .filter((f) => f.endsWith(".gold.json"))
    .sort()
    .map((f) => path.join(devDir, f)),
  ...(seedDir ? [path.join(seedDir, "apec-2017-de.gold.json")] : []),
];

/** "de" or "en" from a file name such as 03-de-tunnel.gold.json or apec-2017-de.gold.json. */
function languageOfName(file: string): string | null {
  const m = /(?:^|-)(de|en)(?:-|$)/.exec(path.basename(file).replace(/\.gold\.json$|\.txt$/, ""));
  return m?.[1] ?? null;
}

function load(file: string): { gold: Gold; text: string | null } {
  const gold = JSON.parse(fs.readFileSync(file, "utf8")) as Gold;
  const doc = path.join(path.dirname(file), gold.document);
  return { gold, text: fs.existsSync(doc) ? fs.readFileSync(doc, "utf8") : null };
}

describe("extraction development set", () => {
  it("finds the seed annotation", () => {
    expect(seedDir, "../shared/seed or data/seed must hold apec-2017-de.gold.json").toBeDefined();
  });

  it("has at least 10 German and 10 English documents", () => {
    const dev = goldFiles.filter((f) => path.dirname(f) === devDir);
    const langs = dev.map((f) => (JSON.parse(fs.readFileSync(f, "utf8")) as Gold).language);
    expect(langs.filter((l) => l === "de").length).toBeGreaterThanOrEqual(10);
    expect(langs.filter((l) => l === "en").length).toBeGreaterThanOrEqual(10);
  });

  it("has a gold file for every text and a text for every gold file", () => {
    const files = fs.readdirSync(devDir);
    const texts = files.filter((f) => f.endsWith(".txt")).map((f) => f.replace(/\.txt$/, ""));
    const golds = files.filter((f) => f.endsWith(".gold.json")).map((f) => f.replace(/\.gold\.json$/, ""));
    expect(texts.sort()).toEqual(golds.sort());
  });

  for (const file of goldFiles) {
    const name = path.relative(path.resolve(root, ".."), file);

    describe(name, () => {
      const { gold, text } = load(file);

      it("names an existing document whose language matches the file name", () => {
        expect(text, `${gold.document} is missing`).not.toBeNull();
        expect(gold.document).toBe(path.basename(file).replace(/\.gold\.json$/, ".txt"));
        expect(["de", "en"]).toContain(gold.language);
        expect(languageOfName(file)).toBe(gold.language);
      });

      it("has unique ids", () => {
        const speakerIds = gold.speakers.map((s) => s.id);
        expect(new Set(speakerIds).size).toBe(speakerIds.length);
        const itemIds = [...gold.quotes, ...gold.claims].map((q) => q.id);
        expect(new Set(itemIds).size).toBe(itemIds.length);
      });

      it("refers only to listed speakers (or the article itself)", () => {
        const ids = new Set([...gold.speakers.map((s) => s.id), "article"]);
        for (const q of gold.quotes) {
          expect(ids.has(q.speaker), `${q.id} speaker ${q.speaker}`).toBe(true);
          if (q.reportedBy !== null) expect(ids.has(q.reportedBy), `${q.id} reportedBy ${q.reportedBy}`).toBe(true);
          expect(q.reportedBy, `${q.id} is reported by its own speaker`).not.toBe(q.speaker);
        }
        for (const c of gold.claims) expect(ids.has(c.claimant), `${c.id} claimant ${c.claimant}`).toBe(true);
      });

      it("has spans inside the text whose slice is the annotated text", () => {
        const t = text ?? "";
        for (const item of [...gold.quotes, ...gold.claims]) {
          const [start, end] = item.span;
          expect(Number.isInteger(start) && Number.isInteger(end), `${item.id} integer offsets`).toBe(true);
          expect(start, `${item.id} start`).toBeGreaterThanOrEqual(0);
          expect(end, `${item.id} end`).toBeGreaterThan(start);
          expect(end, `${item.id} end`).toBeLessThanOrEqual(t.length);
          expect(t.slice(start, end), item.id).toBe(item.text);
          expect(item.text.trim(), `${item.id} has no outer whitespace`).toBe(item.text);
        }
      });

      it("has well-formed quotes and quantities", () => {
        for (const q of gold.quotes) expect(["direct", "indirect"], q.id).toContain(q.kind);
        for (const c of gold.claims) {
          if (c.quantity === null) continue;
          expect(typeof c.quantity.value, `${c.id} quantity.value`).toBe("number");
          expect(Number.isFinite(c.quantity.value), `${c.id} quantity.value`).toBe(true);
        }
      });

      it("spans direct quotes without their quotation marks", () => {
        const t = text ?? "";
        const openers = "„“«»‹›‚‘\"'";
        for (const q of gold.quotes.filter((x) => x.kind === "direct")) {
          expect(openers, `${q.id} is preceded by an opening mark`).toContain(t[q.span[0] - 1] ?? "");
          expect(openers + "”’", `${q.id} does not start with a mark`).not.toContain(q.text[0] ?? "");
        }
      });
    });
  }
});
