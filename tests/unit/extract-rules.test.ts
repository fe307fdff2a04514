// One test per rule added for real news (issue 12, quality on the German news corpus). Every
// sentence here is invented; none is taken from a corpus.
import { describe, expect, it } from "vitest";
import { extractArticle, type ExtractionResult, type QuoteCandidate } from "../../lib/extract/index";
import { findQuoteSpans } from "../../lib/extract/quotes";

function direct(r: ExtractionResult): QuoteCandidate[] {
  return r.quotes.filter((q) => q.kind === "direct");
}
function directTexts(text: string, language: "de" | "en" = "de"): string[] {
  return direct(extractArticle(text, { language })).map((q) => q.text);
}

describe("quote or name: words in quotation marks that name something", () => {
  it("two apostrophes are one mark: one span, not two nested ones", () => {
    const text = "Die Echse ''Varanus pellucidus'' lebt auf Inseln. Er sagte: ''Wir kommen wieder.''";
    const spans = findQuoteSpans(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["Varanus pellucidus", "Wir kommen wieder."]);
    const r = extractArticle(text, { language: "de" });
    expect(direct(r).map((q) => q.text)).toEqual(["Wir kommen wieder."]);
    expect(direct(r)[0]!.speaker?.text).toBe("Er");
  });

  it("a species name or Latin term is no quote, even in a sentence that reports someone", () => {
    expect(directTexts("Die Forscherin sagte, der Käfer „Carabus lindenensis“ sei in den Wäldern selten geworden.")).toEqual([]);
    // The same shape with German words is someone's wording.
    expect(directTexts("Die Forscherin nannte den Fund „Wunderbar gelungen“.")).toEqual(["Wunderbar gelungen"]);
  });

  it("another name after a colon (kurz:, etwa:, auf Deutsch:) or Capitalized Words after a colon are names", () => {
    expect(directTexts("Die Firma heißt Nordwerk Energie AG (kurz: „NEAG“) und sitzt in Kellbach.")).toEqual([]);
    expect(directTexts("Das Festival heißt „Luz de Invierno“ (auf Deutsch: „Winterlicht“) und beginnt im März.")).toEqual([]);
    expect(directTexts("Das neue Album der Band erschien im Mai: „Graue Tage am Fluss“. Die Kritik lobte es.")).toEqual([]);
    // After a colon, a sentence or lower-case words are said.
    expect(directTexts("Der Trainer sagte: „Wir haben verdient gewonnen.“")).toEqual(["Wir haben verdient gewonnen."]);
    expect(directTexts("Die Ministerin blieb hart: „keinen Cent mehr“ für das Projekt.")).toEqual(["keinen Cent mehr"]);
  });

  it("a term given or coined is no quote: so genannt, genannt, nennt man, passive without agent", () => {
    expect(directTexts("Die Stadt baut einen so genannten „Klimawald“ am Ufer, sagte der Bürgermeister.")).toEqual([]);
    expect(directTexts("Das Gerät, genannt „Nordlicht 2“, wird im Herbst ausgeliefert.")).toEqual([]);
    expect(directTexts("Den Kurssturz nennt man einen „Crash“. Er kam über Nacht.")).toEqual([]);
    expect(directTexts("Der Wind, der als „Kellbacher Föhn“ bezeichnet wird, weht im Frühjahr.")).toEqual([]);
    // With an agent, the characterisation is someone's words.
    expect(directTexts("Der Plan wurde von Kritikern als „teurer Irrweg“ bezeichnet.")).toEqual(["teurer Irrweg"]);
  });

  it("a name in the subject's place of a speech verb names the speaker; it is not said", () => {
    const text = "Wie „Nordheim Aktuell“ berichtet, wurde die Brücke gesperrt. „Radio Kellbach“ berichtete am Abend, die Sperrung sei aufgehoben.";
    const r = extractArticle(text, { language: "de" });
    expect(direct(r)).toEqual([]);
    const ind = r.quotes.find((q) => q.kind === "indirect" && q.text.includes("Sperrung sei aufgehoben"));
    expect(ind?.speaker?.text).toContain("Radio Kellbach");
    // A characterisation before the verb stays a quote: "Von einer „…“ sprach X".
    expect(directTexts("Von einer „gezielten Kampagne“ sprach der Abgeordnete am Montag.")).toEqual(["gezielten Kampagne"]);
  });
});
