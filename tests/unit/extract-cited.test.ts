// The citation construction ("X zitiert Y mit den Worten „…“", "Y wird von X zitiert"): the
// person quoted speaks, the outlet that quotes them reports it (reportedBy), and a second quote on
// the same span has the outlet as its speaker, as the German news corpus annotates it twice
// (docs/extraction.md, round 8). Every sentence here is invented.
import { describe, expect, it } from "vitest";
import { extractArticle, type QuoteCandidate } from "../../lib/extract/index";

function directQuotes(text: string): QuoteCandidate[] {
  return extractArticle(text, { language: "de" }).quotes.filter((q) => q.kind === "direct");
}

/** Speaker and reporter of each direct quote, as the text names them. */
function who(text: string): { text: string; speaker: string | null; reportedBy: string | null; cue: string }[] {
  return directQuotes(text).map((q) => ({
    text: q.text,
    speaker: q.speaker?.text ?? null,
    reportedBy: q.reportedBy?.text ?? null,
    cue: q.cue.map((c) => text.slice(c.start, c.end)).join(" "),
  }));
}

/** The two quotes of one cited span: the person with the outlet as reporter, then the outlet. */
function cited(words: string, person: string, outlet: string, cue: string) {
  return [
    { text: words, speaker: person, reportedBy: outlet, cue },
    { text: words, speaker: outlet, reportedBy: null, cue },
  ];
}

describe("German citation construction: the person quoted and the outlet that quotes them", () => {
  it("active, tag after the quote: '„…“, zitiert nordkurier.de Polizeisprecher Jan Ebert'", () => {
    const text = "Die Demonstration blieb friedlich. „Das ist eine Größenordnung, die wir selten sehen“, zitiert nordkurier.de Polizeisprecher Jan Ebert. Am Abend löste sich die Menge auf.";
    expect(who(text)).toEqual(cited("Das ist eine Größenordnung, die wir selten sehen", "Jan Ebert", "nordkurier.de", "zitiert"));
    // Both quotes cover exactly the same span.
    const [a, b] = directQuotes(text);
    expect([b!.start, b!.end]).toEqual([a!.start, a!.end]);
  });

  it("active with 'mit den Worten': 'Ein Radiosender zitierte Albrecht mit den Worten: „…“'", () => {
    const text =
      "Regierungschef Jonas Albrecht bot seinen Rücktritt an. Ein Radiosender zitierte Albrecht mit den Worten: „Wenn ich das Hindernis bin, gehe ich.“ Die Opposition reagierte zurückhaltend.";
    expect(who(text)).toEqual(cited("Wenn ich das Hindernis bin, gehe ich.", "Albrecht", "Ein Radiosender", "zitierte"));
  });

  it("active with an accusative object: 'Die Abendpost zitiert den Prediger mit den Worten „…“'", () => {
    const text = "Auf der Kundgebung sprach ein Prediger. Die Abendpost zitiert den Prediger mit den Worten „Wir werden niemals aufgeben.“ Danach zog die Menge weiter.";
    expect(who(text)).toEqual(cited("Wir werden niemals aufgeben.", "den Prediger", "Die Abendpost", "zitiert"));
  });

  it("passive with 'von': 'Mia Krug wird von der „Abendpost“ mit den Worten zitiert: „…“'", () => {
    const text = "Die Sprecherin der Grünen, Mia Krug, wird von der „Abendpost“ mit den Worten zitiert: „Der Bürgermeister ist angeschlagen.“";
    expect(who(text)).toEqual(cited("Der Bürgermeister ist angeschlagen.", "Mia Krug", "der „Abendpost“", "zitiert"));
  });

  it("passive with 'im': '„…“, wird der Trainer im Fachblatt „Kicker Weekly“ zitiert'", () => {
    const text = "Trainer Paul Ott verteidigte seine Elf. „Die Schuld liegt allein bei uns“, wird der Trainer im Fachblatt „Kicker Weekly“ zitiert.";
    expect(who(text)).toEqual(cited("Die Schuld liegt allein bei uns", "der Trainer", "Fachblatt „Kicker Weekly“", "zitiert"));
  });

  it("passive with 'in' before the auxiliary: 'In der Mitteilung … wird Berg wie folgt zitiert: „…“'", () => {
    const text = "Der Start der Rakete misslang. In der Mitteilung auf der Seite des Konzerns wird Anna Berg wie folgt zitiert: „Ich hoffe, der nächste Start gelingt.“";
    expect(who(text)).toEqual(cited("Ich hoffe, der nächste Start gelingt.", "Anna Berg", "Mitteilung", "zitiert"));
  });

  it("'…, wie X von Y zitiert wird': the one quoted stands before the outlet", () => {
    const text =
      "Schiedsrichter Tom Kessel legte ein Geständnis ab. Der Betreuer habe Geld verteilt, „um uns zu vergnügen, was wir auch taten“, wie Kessel von Spiegel-Online zitiert wird.";
    expect(who(text)).toEqual(cited("um uns zu vergnügen, was wir auch taten", "Kessel", "Spiegel-Online", "zitiert"));
  });

  it("no outlet named: one quote, the person as speaker, no reporter", () => {
    expect(who("Verteidigungsminister Leon Vale sprach in Tokio. „Wir bleiben, solange man uns braucht“, wird Vale zitiert.")).toEqual([
      { text: "Wir bleiben, solange man uns braucht", speaker: "Vale", reportedBy: null, cue: "zitiert" },
    ]);
    // "man" names no outlet.
    expect(who("Ein Team wurde ausgewiesen. „Wir sind unwillkommene Zeugen“, zitierte man Yolanda Ruiz vom Sender Canal Uno.")).toEqual([
      { text: "Wir sind unwillkommene Zeugen", speaker: "Yolanda Ruiz", reportedBy: null, cue: "zitierte" },
    ]);
    // No person named: the outlet alone speaks.
    expect(who("Der Diktator wurde beerdigt. „Ich zähle auf meine Anhänger“, zitiert CNN.")).toEqual([
      { text: "Ich zähle auf meine Anhänger", speaker: "CNN", reportedBy: null, cue: "zitiert" },
    ]);
  });

  it("other speech verbs are unchanged: one quote", () => {
    expect(who("„Wir machen weiter“, sagte Anna Berg der „Abendpost“.")).toHaveLength(1);
    expect(who("Die Abendpost berichtete, Anna Berg habe gesagt: „Wir machen weiter.“")).toHaveLength(1);
  });
});
