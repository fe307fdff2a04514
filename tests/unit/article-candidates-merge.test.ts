// The desk gets a cited quote once: the extractor's two proposals on the same span (the person
// with the outlet as reportedBy, and the outlet as speaker) become one candidate
// (lib/editorial/articles/rules.ts mergeCitedQuotes, applied by clean()).
import { describe, expect, it } from "vitest";
import { clean, mergeCitedQuotes } from "../../lib/editorial/articles/rules";
import { extractArticle, type ExtractionResult, type QuoteCandidate } from "../../lib/extract/index";

const TEXT = "Ein Radiosender zitierte Albrecht mit den Worten: „Wenn ich das Hindernis bin, gehe ich.“";
const words = "Wenn ich das Hindernis bin, gehe ich.";
const start = TEXT.indexOf(words);
const span = { start, end: start + words.length, text: words };
const mention = (name: string, speakerId: string | null = null) => {
  const s = TEXT.indexOf(name);
  return { name, text: name, start: s, end: s + name.length, speakerId };
};
const person = mention("Albrecht");
const outlet = mention("Ein Radiosender");
const quote = (speaker: QuoteCandidate["speaker"], reportedBy: QuoteCandidate["reportedBy"]): QuoteCandidate => ({
  kind: "direct", ...span, speaker, reportedBy, cue: [{ start: 16, end: 24 }],
});
const result = (quotes: QuoteCandidate[]): ExtractionResult => ({ language: "de", quotes, claims: [] });

describe("mergeCitedQuotes: one candidate per cited quote", () => {
  it("the person with the outlet as reportedBy, in either order", () => {
    for (const quotes of [[quote(person, outlet), quote(outlet, null)], [quote(outlet, null), quote(person, outlet)]]) {
      const { items } = clean(TEXT, result(quotes), new Set());
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ speakerName: "Albrecht", reportedByName: "Ein Radiosender", start: span.start, end: span.end });
    }
  });

  it("keeps the outlet's known-speaker id when only its own candidate had it", () => {
    const { items } = clean(TEXT, result([quote(person, { ...outlet, speakerId: null }), quote({ ...outlet, speakerId: "s-radio" }, null)]), new Set(["s-radio"]));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ speakerName: "Albrecht", reportedById: "s-radio" });
  });

  it("leaves alone two speakers of the same span that do not report each other, and other spans", () => {
    const other = mention("Albrecht");
    const { items: twoSpeakers } = clean(TEXT, result([quote(outlet, null), quote(other, null)]), new Set());
    expect(twoSpeakers).toHaveLength(2);
    const shorter = { ...quote(outlet, null), start: span.start, end: span.start + 4, text: "Wenn" };
    const { items: twoSpans } = clean(TEXT, result([quote(person, outlet), shorter]), new Set());
    expect(twoSpans).toHaveLength(2);
    expect(mergeCitedQuotes([])).toEqual([]);
  });

  it("the extractor's own output for the citation construction becomes one candidate", () => {
    const r = extractArticle(`Regierungschef Jonas Albrecht bot seinen Rücktritt an. ${TEXT}`, { language: "de" });
    expect(r.quotes.filter((q) => q.kind === "direct")).toHaveLength(2);
    const { items } = clean(`Regierungschef Jonas Albrecht bot seinen Rücktritt an. ${TEXT}`, r, new Set());
    const quotes = items.filter((c) => c.kind === "quote" && c.speechKind === "direct");
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({ text: words, reportedByName: "Radiosender" });
    expect(quotes[0]!.speakerName).toMatch(/Albrecht$/);
  });
});
