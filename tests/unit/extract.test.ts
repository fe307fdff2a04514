import { describe, expect, it } from "vitest";
import { detectLanguage, extractArticle, parseNumber, parseQuantity, type ExtractionResult, type QuoteCandidate } from "../../lib/extract/index";
import { splitSentences } from "../../lib/extract/sentences";
import { tokenize } from "../../lib/extract/text";

function direct(r: ExtractionResult): QuoteCandidate[] {
  return r.quotes.filter((q) => q.kind === "direct");
}
function indirect(r: ExtractionResult): QuoteCandidate[] {
  return r.quotes.filter((q) => q.kind === "indirect");
}
function expectOffsets(text: string, r: ExtractionResult) {
  for (const q of r.quotes) {
    expect(text.slice(q.start, q.end)).toBe(q.text);
    if (q.speaker) expect(q.speaker.end).toBeGreaterThan(q.speaker.start);
  }
  for (const c of r.claims) expect(text.slice(c.start, c.end)).toBe(c.text);
}
function quoteWith(r: ExtractionResult, words: string): QuoteCandidate {
  const q = r.quotes.find((x) => x.text === words) ?? r.quotes.find((x) => x.text.includes(words));
  if (!q) throw new Error(`no quote with "${words}" in ${JSON.stringify(r.quotes.map((x) => x.text))}`);
  return q;
}

describe("quotation styles", () => {
  const cases: [string, string][] = [
    ["guillemets « »", "«Wir werden die Steuern nicht erhöhen», sagte Merkel am Montag."],
    ["reversed guillemets » «", "»Wir werden die Steuern nicht erhöhen«, sagte Merkel am Montag."],
    ["German „ “", "„Wir werden die Steuern nicht erhöhen“, sagte Merkel am Montag."],
    ["English “ ”", "“Wir werden die Steuern nicht erhöhen”, sagte Merkel am Montag."],
    ["straight double", "\"Wir werden die Steuern nicht erhöhen\", sagte Merkel am Montag."],
    ["single guillemets ‹ ›", "‹Wir werden die Steuern nicht erhöhen›, sagte Merkel am Montag."],
  ];
  for (const [label, text] of cases) {
    it(label, () => {
      const r = extractArticle(text, { language: "de" });
      const q = direct(r);
      expect(q).toHaveLength(1);
      expect(q[0]!.text).toBe("Wir werden die Steuern nicht erhöhen");
      expect(q[0]!.speaker?.name).toBe("Merkel");
      expectOffsets(text, r);
    });
  }
  it("straight single quotes in English, apostrophes untouched", () => {
    const text = "'We don't have the money for Britain's roads,' the minister's deputy, John Carter, said on Monday.";
    const r = extractArticle(text, { language: "en" });
    const q = direct(r);
    expect(q).toHaveLength(1);
    expect(q[0]!.text).toBe("We don't have the money for Britain's roads");
    expect(q[0]!.speaker?.name).toBe("John Carter");
  });
});

describe("quote structure", () => {
  it("nested quotes: the inner speaker is the person talked about, reported by the outer speaker", () => {
    const text =
      "Donald Trump traf Wladimir Putin in Vietnam. «Jedes Mal, wenn er mich sieht, sagt er «Ich habe das nicht gemacht», und ich glaube ihm», sagte Trump über Putin.";
    const r = extractArticle(text, { language: "de" });
    const outer = quoteWith(r, "Jedes Mal");
    const inner = quoteWith(r, "Ich habe das nicht gemacht");
    expect(outer.speaker?.name).toBe("Donald Trump");
    expect(inner.text).toBe("Ich habe das nicht gemacht");
    expect(inner.speaker?.name).toBe("Wladimir Putin");
    expect(inner.reportedBy?.name).toBe("Donald Trump");
    expectOffsets(text, r);
  });
  it("English nested quotes “ ‘ ’ ”", () => {
    const text = "“She told me, ‘We will never agree to this deal,’ and I believed her,” said Senator Tom Hale.";
    const r = extractArticle(text, { language: "en" });
    expect(quoteWith(r, "She told me").speaker?.name).toBe("Tom Hale");
    expect(quoteWith(r, "We will never agree to this deal").reportedBy?.name).toBe("Tom Hale");
  });
  it("a quote over several sentences is one quote", () => {
    const text = "Die Ministerin Anna Berg sagte: «Wir haben viel erreicht. Aber es reicht nicht. Wir machen weiter.»";
    const r = extractArticle(text, { language: "de" });
    const q = direct(r);
    expect(q).toHaveLength(1);
    expect(q[0]!.text).toBe("Wir haben viel erreicht. Aber es reicht nicht. Wir machen weiter.");
    expect(q[0]!.speaker?.name).toBe("Anna Berg");
  });
  it("a partial quote inside a sentence", () => {
    const text = "Kanzler Olaf Scholz warnte vor einer «Eskalation ohne jedes Maß» in der Region.";
    const r = extractArticle(text, { language: "de" });
    const q = quoteWith(r, "Eskalation");
    expect(q.text).toBe("Eskalation ohne jedes Maß");
    expect(q.speaker?.name).toBe("Olaf Scholz");
  });
  it("a quote interrupted by its speech tag gives two quotes with the same speaker", () => {
    const text = "“We will rebuild,” said Mayor Linda Grant, “and we will do it faster than anyone expects.”";
    const r = extractArticle(text, { language: "en" });
    const q = direct(r);
    expect(q.map((x) => x.text)).toEqual(["We will rebuild", "and we will do it faster than anyone expects."]);
    expect(q.map((x) => x.speaker?.name)).toEqual(["Linda Grant", "Linda Grant"]);
    expectOffsets(text, r);
  });
  it("short scare quotes and names without a speech or naming verb are not quotes", () => {
    const text = "Der sogenannte «Deal» wurde am Montag vorgestellt. Das «Manifest» liegt seit Mai vor. Die Zeitung «Tagesbote» berichtete.";
    expect(direct(extractArticle(text, { language: "de" }))).toHaveLength(0);
  });
  it("a short quote after a naming verb is the namer's wording (issue 12: partial quotes)", () => {
    const text = "Die Partei nennt das Papier ein «Manifest». Die Ministerin kritisierte den Plan als «reines Wunschdenken».";
    const q = direct(extractArticle(text, { language: "de" }));
    expect(q.map((x) => [x.text, x.speaker?.name])).toEqual([
      ["Manifest", "Partei"],
      ["reines Wunschdenken", "Ministerin"],
    ]);
  });
  it("runs over paragraphs when the next paragraph reopens the quote", () => {
    const text = "Anna Berg sagte: «Wir haben viel erreicht.\n\n«Aber es reicht nicht.»";
    const r = extractArticle(text, { language: "de" });
    expect(direct(r).map((q) => q.text)).toEqual(["Wir haben viel erreicht.", "Aber es reicht nicht."]);
  });
});

describe("speakers", () => {
  it("speech verb before the quote, with a colon", () => {
    const text = "Finanzminister Christian Lindner sagte am Dienstag: «Die Schuldenbremse gilt auch in diesem Jahr.»";
    const r = extractArticle(text, { language: "de" });
    expect(direct(r)[0]!.speaker?.name).toBe("Christian Lindner");
  });
  it("English: said before and after, he said", () => {
    const text = "Senator Mark Ellis said: \"The bill is dead.\" Later he added: \"We will try again next year.\"";
    const r = extractArticle(text, { language: "en" });
    expect(quoteWith(r, "The bill is dead").speaker?.name).toBe("Mark Ellis");
    const second = quoteWith(r, "We will try again");
    expect(second.speaker?.name).toBe("Mark Ellis");
    expect(text.slice(second.speaker!.start, second.speaker!.end)).toBe("he");
  });
  it("title and role before the name", () => {
    const text = "«Das ist eine Provokation», sagte Kremlsprecher Dmitri Peskow der Agentur Interfax.";
    const r = extractArticle(text, { language: "de" });
    const s = direct(r)[0]!.speaker!;
    expect(s.name).toBe("Dmitri Peskow");
    expect(text.slice(s.start, s.end)).toBe("Dmitri Peskow");
  });
  it("separable speech verbs: wies … zurück, fügte … hinzu, räumte … ein", () => {
    const text =
      "Außenministerin Annalena Baerbock war in Kiew. Die Ministerin wies die Vorwürfe am Abend zurück. «Wir liefern, was wir zugesagt haben.» Der Botschafter Oleksij Makeiev fügte später hinzu: «Jede Lieferung zählt für uns.» Makeiev räumte Fehler ein: «Wir waren zu langsam in diesem Jahr.»";
    const r = extractArticle(text, { language: "de" });
    expect(quoteWith(r, "Wir liefern").speaker?.name).toBe("Annalena Baerbock");
    expect(quoteWith(r, "Jede Lieferung").speaker?.name).toBe("Oleksij Makeiev");
    expect(quoteWith(r, "zu langsam").speaker?.name).toBe("Oleksij Makeiev");
  });
  it("\"sagte … ab\" (cancelled) is not a speech verb", () => {
    const text = "Die Regierung sagte das Treffen am Freitag ab. Es gab keinen neuen Termin für das Gespräch.";
    const r = extractArticle(text, { language: "de" });
    expect(r.quotes).toHaveLength(0);
  });
  it("pronouns resolve to the nearest compatible person (gender)", () => {
    const text =
      "Bundeskanzlerin Angela Merkel traf Präsident Emmanuel Macron in Paris. «Europa muss zusammenstehen», sagte sie. «Wir sind bereit, mehr zu tun», sagte er.";
    const r = extractArticle(text, { language: "de" });
    const a = quoteWith(r, "Europa muss");
    const b = quoteWith(r, "Wir sind bereit");
    expect(a.speaker?.name).toBe("Angela Merkel");
    expect(text.slice(a.speaker!.start, a.speaker!.end)).toBe("sie");
    expect(b.speaker?.name).toBe("Emmanuel Macron");
  });
  it("role nouns resolve to the person named with that role", () => {
    const text =
      "Kremlchef Wladimir Putin empfing am Montag den Präsidenten Chinas. Danach sprach Außenminister Sergej Lawrow. «Wir lassen uns nicht erpressen», sagte der Kremlchef.";
    const r = extractArticle(text, { language: "de" });
    const q = quoteWith(r, "erpressen");
    expect(q.speaker?.name).toBe("Wladimir Putin");
    expect(text.slice(q.speaker!.start, q.speaker!.end)).toBe("der Kremlchef");
  });
  it("English role noun: the president", () => {
    const text = "President Joe Biden met Chancellor Olaf Scholz in Berlin on Friday. \"Our alliance is stronger than ever,\" the president said.";
    const r = extractArticle(text, { language: "en" });
    expect(quoteWith(r, "alliance").speaker?.name).toBe("Joe Biden");
  });
  it("a quote that continues without a new speech verb keeps the speaker", () => {
    const text =
      "«Wir brauchen mehr Geld für die Schulen», sagte die Bildungsministerin Karin Prien. «Die Gebäude sind in einem schlechten Zustand. Das wissen alle.»\n\nDie Opposition reagierte zurückhaltend.";
    const r = extractArticle(text, { language: "de" });
    expect(quoteWith(r, "Gebäude").speaker?.name).toBe("Karin Prien");
  });
  it("known speakers match by alias and carry their id", () => {
    const text = "«Das ist nicht wahr», sagte der Kremlchef am Abend in Moskau.";
    const r = extractArticle(text, {
      language: "de",
      knownSpeakers: [{ id: "putin", name: "Wladimir Putin", aliases: ["Putin", "Kremlchef", "Vladimir Putin"] }],
    });
    const s = direct(r)[0]!.speaker!;
    expect(s.name).toBe("Wladimir Putin");
    expect(s.speakerId).toBe("putin");
  });
  it("known speakers match by surname", () => {
    const text = "\"We have no plans to raise taxes,\" Sunak said.";
    const r = extractArticle(text, { language: "en", knownSpeakers: [{ id: "s1", name: "Rishi Sunak", aliases: [] }] });
    expect(direct(r)[0]!.speaker).toMatchObject({ name: "Rishi Sunak", speakerId: "s1" });
  });
});

describe("speaker mentions and cues (what the review screen shows)", () => {
  const text =
    "Kremlsprecher Dmitri Peskow traf am Montag Journalisten. Er wies zurück, dass Moskau Truppen verlegt habe. " +
    "Die Gespräche seien konstruktiv gewesen. «Wir bleiben im Dialog», sagte der Kremlsprecher. Laut Polizei blieb es ruhig.";
  const r = extractArticle(text, { language: "de" });
  const at = (words: string) => quoteWith(r, words);
  const cues = (q: QuoteCandidate) => q.cue.map((c) => text.slice(c.start, c.end));

  it("the mention next to the cue and the person it refers to: „Er“ → Dmitri Peskow", () => {
    const q = at("Moskau Truppen verlegt habe");
    expect(q.speaker).toMatchObject({ text: "Er", name: "Dmitri Peskow" });
    expect(at("Wir bleiben im Dialog").speaker).toMatchObject({ text: "der Kremlsprecher", name: "Dmitri Peskow" });
    for (const x of r.quotes) if (x.speaker) expect(text.slice(x.speaker.start, x.speaker.end)).toBe(x.speaker.text);
  });

  it("cue spans: the speech verb with its separated particle, a frame word; none for a continuation", () => {
    expect(cues(at("Moskau Truppen verlegt habe"))).toEqual(["wies", "zurück"]);
    expect(cues(at("Wir bleiben im Dialog"))).toEqual(["sagte"]);
    expect(cues(at("blieb es ruhig"))).toEqual(["Laut"]);
    const continued = at("Die Gespräche seien konstruktiv gewesen");
    expect(continued.speaker?.name).toBe("Dmitri Peskow");
    expect(continued.cue).toEqual([]);
  });

  it("English: pointed out, according to", () => {
    const en = "Mayor Linda Grant pointed out that the budget was balanced. The deficit fell, according to the city council.";
    const re = extractArticle(en, { language: "en" });
    const c = (q: QuoteCandidate) => q.cue.map((x) => en.slice(x.start, x.end));
    expect(c(re.quotes.find((q) => q.text.startsWith("the budget"))!)).toEqual(["pointed", "out"]);
    expect(c(re.quotes.find((q) => q.text.startsWith("The deficit"))!)).toEqual(["according to"]);
  });
});

describe("indirect speech", () => {
  it("German Konjunktiv I after the speech tag", () => {
    const text = "Die Lage sei ernst, sagte Innenministerin Nancy Faeser am Mittwoch in Berlin.";
    const r = extractArticle(text, { language: "de" });
    const q = indirect(r);
    expect(q).toHaveLength(1);
    expect(q[0]!.text).toBe("Die Lage sei ernst");
    expect(q[0]!.speaker?.name).toBe("Nancy Faeser");
  });
  it("German dass-clause after a separable speech verb", () => {
    const text = "Der Minister Boris Pistorius wies zurück, dass die Bundeswehr zu wenig Munition habe.";
    const q = indirect(extractArticle(text, { language: "de" }));
    expect(q[0]!.text).toBe("die Bundeswehr zu wenig Munition habe");
    expect(q[0]!.speaker?.name).toBe("Boris Pistorius");
  });
  it("German zufolge and a Konjunktiv sentence continuing the speaker", () => {
    const text =
      "Dem Statistischen Bundesamt zufolge sind die Preise im März um 2,2 Prozent gestiegen. Die Regierungssprecherin Christiane Hoffmann sagte, die Inflation sei damit gesunken. Der Trend werde sich fortsetzen.";
    const r = extractArticle(text, { language: "de" });
    const q = indirect(r);
    expect(q.map((x) => x.text)).toEqual([
      "sind die Preise im März um 2,2 Prozent gestiegen",
      "die Inflation sei damit gesunken",
      "Der Trend werde sich fortsetzen",
    ]);
    expect(q[1]!.speaker?.name).toBe("Christiane Hoffmann");
    expect(q[2]!.speaker?.name).toBe("Christiane Hoffmann");
  });
  it("English said that / according to / tail tag", () => {
    const text =
      "Finance Minister Sarah Cole said that the deficit would fall next year. According to the central bank, inflation has peaked. Growth will return in the spring, she told reporters.";
    const r = extractArticle(text, { language: "en" });
    const q = indirect(r);
    expect(q.map((x) => x.text)).toEqual([
      "the deficit would fall next year",
      "inflation has peaked",
      "Growth will return in the spring",
    ]);
    expect(q[0]!.speaker?.name).toBe("Sarah Cole");
    expect(q[2]!.speaker?.name).toBe("Sarah Cole");
  });
  it("an apposition is not indirect speech", () => {
    const text = "Der Fraktionschef der Grünen, Jonas Albrecht, sprach von einem schwarzen Tag für die Stadt.";
    expect(indirect(extractArticle(text, { language: "de" }))).toHaveLength(0);
  });
});

describe("claims and quantities", () => {
  it.each([
    ["95 Prozent", "de", 95, "percent"],
    ["3,5 Millionen Euro", "de", 3_500_000, "EUR"],
    ["$2.4 billion", "en", 2_400_000_000, "USD"],
    ["1.200 Menschen", "de", 1200, "people"],
    ["12 percent", "en", 12, "percent"],
    ["1,200 people", "en", 1200, "people"],
    ["40 per cent", "en", 40, "percent"],
    ["€ 300", "de", 300, "EUR"],
    ["4,5 Mrd. Euro", "de", 4_500_000_000, "EUR"],
  ] as const)("%s", (phrase, lang, value, unit) => {
    expect(parseQuantity(phrase, lang)).toEqual({ value, unit });
  });
  it("number formats depend on the language", () => {
    expect(parseNumber("1.200", "de")).toBe(1200);
    expect(parseNumber("1.200", "en")).toBe(1.2);
    expect(parseNumber("3,5", "de")).toBe(3.5);
    expect(parseNumber("1,200", "en")).toBe(1200);
    expect(parseNumber("1.234.567,5", "de")).toBe(1234567.5);
  });
  it("check-worthy sentences, with the quantity", () => {
    const text =
      "Der IS hat 95 Prozent seines Gebiets verloren. Es war ein schöner Tag in der Stadt. Der Fluss ist der längste des Landes. Die Arbeitslosigkeit ist höher als im Vorjahr. Der Verein muss sich als ausländischer Agent registrieren lassen.";
    const r = extractArticle(text, { language: "de" });
    expect(r.claims.map((c) => c.text)).toEqual([
      "Der IS hat 95 Prozent seines Gebiets verloren.",
      "Der Fluss ist der längste des Landes.",
      "Die Arbeitslosigkeit ist höher als im Vorjahr.",
      "Der Verein muss sich als ausländischer Agent registrieren lassen.",
    ]);
    expect(r.claims[0]!.quantity).toEqual({ value: 95, unit: "percent" });
    expectOffsets(text, r);
  });
  it("English claims", () => {
    const text = "Unemployment fell to 3.9 percent in May, the lowest level since 2001. It was a sunny day. Is this a record?";
    const r = extractArticle(text, { language: "en" });
    expect(r.claims).toHaveLength(1);
    expect(r.claims[0]!.quantity).toEqual({ value: 3.9, unit: "percent" });
  });
});

describe("sentences and language", () => {
  it("does not split at abbreviations, ordinals, dates and decimals", () => {
    const text = "Prof. Dr. Klaus Meier sagte z. B. am 11. November, die Zahl sei um 3,5 bzw. ca. 4 Prozent gestiegen, u. a. in Nr. 12. Danach ging er.";
    const tokens = tokenize(text);
    const s = splitSentences(tokens, "de");
    expect(s.map((x) => text.slice(x.start, x.end))).toEqual([
      "Prof. Dr. Klaus Meier sagte z. B. am 11. November, die Zahl sei um 3,5 bzw. ca. 4 Prozent gestiegen, u. a. in Nr. 12.",
      "Danach ging er.",
    ]);
  });
  it("detects German and English", () => {
    expect(detectLanguage("Die Regierung hat am Montag erklärt, dass sie die Steuern nicht erhöhen wird.")).toBe("de");
    expect(detectLanguage("The government said on Monday that it would not raise taxes.")).toBe("en");
  });
});

describe("robustness", () => {
  it("unbalanced quotation marks neither throw nor hang, and offsets stay exact", () => {
    const text = "«Das ist » falsch„ sagte er. “Open ' never \" closed «« »» ‹ › ‚ ‘ ’ — und dann: »Ende".repeat(2000);
    // (Its time against news text of the same size: tests/unit/extract-fuzz.test.ts.)
    const r = extractArticle(text, { language: "de" });
    expectOffsets(text, r);
  });
  it("empty and odd input", () => {
    for (const text of ["", " ", "\n\n", "«", "\"", "...", "1.", "a".repeat(10000)]) {
      const r = extractArticle(text);
      expect(r.quotes).toEqual(expect.any(Array));
      expectOffsets(text, r);
    }
  });
  // Regression: ’ can open a quote (Swedish ’…’, a mistyped ‘ in English) but had no entry in
  // the table of closing marks, so such text threw a TypeError and the article could not be
  // ingested.
  it("’ as an opening mark is a quote, not a crash", () => {
    const de = "’Wir werden nicht nachgeben’, sagte Anna Berg am Montag.";
    const r1 = extractArticle(de, { language: "de" });
    expect(direct(r1).map((q) => q.text)).toEqual(["Wir werden nicht nachgeben"]);
    expect(direct(r1)[0]!.speaker?.name).toBe("Anna Berg");
    expectOffsets(de, r1);
    const en = "The senator said: ’We will not give in to this pressure’ and left the room.";
    const r2 = extractArticle(en, { language: "en" });
    expect(direct(r2).map((q) => q.text)).toEqual(["We will not give in to this pressure"]);
    expectOffsets(en, r2);
  });
  it("every quotation mark, in every flanking context, as opener and closer", () => {
    const marks = ["\"", "'", "«", "»", "‹", "›", "„", "“", "”", "‚", "‘", "’"];
    const contexts = (a: string, b: string) => [
      `${a}Wort${b}`, `${a} Wort ${b}`, `(${a}Wort${b})`, `x${a}y${b}z`, `${a}${b}`, `${a}${a}Wort${b}${b}`,
      `Er sagte: ${a}Wir kommen.${b} Dann ${b}ging${a} er.`, `${a}a\n\n${a}b${b}`, `${a}’90s${b}`,
    ];
    for (const a of marks) {
      for (const b of marks) {
        for (const text of contexts(a, b)) {
          for (const language of ["de", "en"] as const) {
            expectOffsets(text, extractArticle(text, { language }));
          }
        }
      }
    }
  });
  it("offsets are JavaScript string offsets even with astral characters", () => {
    const text = "😀😀 «Wir schaffen das, ganz sicher», sagte Angela Merkel. Sie nannte 95 Prozent.";
    const r = extractArticle(text, { language: "de" });
    expectOffsets(text, r);
    expect(direct(r)[0]!.start).toBe(text.indexOf("Wir"));
  });
});
