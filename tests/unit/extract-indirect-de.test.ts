// Round 9 of issue 12: rules for German indirect speech and its speakers, found on the German
// news corpus's train split. Every sentence here is invented; none is taken from a corpus.
import { describe, expect, it } from "vitest";
import { extractArticle, type QuoteCandidate } from "../../lib/extract/index";

function indirect(text: string): QuoteCandidate[] {
  return extractArticle(text, { language: "de" }).quotes.filter((q) => q.kind === "indirect");
}
function pairs(text: string): [string, string | null][] {
  return indirect(text).map((q) => [q.text, q.speaker ? text.slice(q.speaker.start, q.speaker.end) : null]);
}

describe("German indirect speech: round 9", () => {
  it("an agentless tag takes the document it stands in as its source (in/im + a document noun)", () => {
    expect(pairs("In einer Erklärung des Vereins wurde verkündet, dass die Mitglieder den Vorstand abwählen wollen.")).toEqual([
      ["die Mitglieder den Vorstand abwählen wollen", "Erklärung"],
    ]);
    expect(pairs("So wird in einer Pressemitteilung der Kammer gefordert, dass die Stadt handeln müsse.")).toEqual([
      ["die Stadt handeln müsse", "Pressemitteilung"],
    ]);
    expect(pairs("Im Gutachten heißt es, die Brücke sei marode.")).toEqual([["die Brücke sei marode", "Gutachten"]]);
    // No document: the passive names nobody, as before.
    expect(pairs("Im Rathaus wurde verkündet, dass die Mitglieder den Vorstand abwählen wollen.")).toEqual([
      ["die Mitglieder den Vorstand abwählen wollen", null],
    ]);
  });

  it("„Wie X berichtet, …“: a name the mentions do not know is the subject between „wie“ and the verb", () => {
    expect(pairs("Wie nordheim-news.de berichtet, ist die Brücke gesperrt worden.")).toEqual([["ist die Brücke gesperrt worden", "nordheim-news.de"]]);
    expect(pairs("Wie „radio eins“ meldet, sperrten die Behörden die Straße.")).toEqual([["sperrten die Behörden die Straße", "„radio eins“"]]);
    // No subject: nobody.
    expect(pairs("Wie bereits berichtet, ist die Brücke gesperrt worden.")).toEqual([["ist die Brücke gesperrt worden", null]]);
  });

  it("a relative clause with „soll“ or „würde“ and no Konjunktiv I in its sentence reports nobody", () => {
    const text = "Der Minister sagte, er sei zufrieden. Geplant sind Hallen, die sich selbst tragen würden. Der Sprecher betonte, die Lage sei ernst. Gebaut werden Brücken, die bis 2030 fertig sein sollen.";
    expect(pairs(text)).toEqual([
      ["er sei zufrieden", "Der Minister"],
      ["die Lage sei ernst", "Der Sprecher"],
    ]);
    // With a Konjunktiv I the sentence still continues the report.
    expect(pairs("Der Sprecher betonte, die Lage sei ernst. Es gebe Pläne, die bis 2030 umgesetzt werden sollen.").map((p) => p[0])).toEqual([
      "die Lage sei ernst",
      "Es gebe Pläne, die bis 2030 umgesetzt werden sollen",
    ]);
  });

  it("a tail tag after a reported clause that has a speech verb of its own", () => {
    expect(pairs("Der Verein meldete einen Ausfall. Man habe den Fehler im Netz festgestellt, so der Betreiber.")).toEqual([
      ["Man habe den Fehler im Netz festgestellt", "der Betreiber"],
    ]);
    // "Wie X erklärte, …" is still a head tag.
    expect(pairs("Wie der Minister erklärte, sei die Lage ernst.")).toEqual([["sei die Lage ernst", "der Minister"]]);
  });

  it("tail tags „so“ + verb + subject and auxiliary + subject + participle", () => {
    expect(pairs("Der Verein meldete einen Ausfall. Die Reise käme einer Folter gleich, so bestätigt das Gericht.")).toEqual([
      ["Die Reise käme einer Folter gleich", "Gericht"],
    ]);
    expect(pairs("Der Verein meldete einen Ausfall. Die Lage sei ernst, hatte die Ministerin damals gesagt.")).toEqual([
      ["Die Lage sei ernst", "die Ministerin"],
    ]);
  });

  it("after a speech verb and a comma, a subject and a verb in „-e“ is a Konjunktiv I the lexicon does not list", () => {
    expect(pairs("Am Montag meldete der Sender, Feldmann rechne mit einer Verhandlung.")).toEqual([["Feldmann rechne mit einer Verhandlung", "Sender"]]);
    expect(pairs("Der Minister sagte, er vermute einen Fehler.")).toEqual([["er vermute einen Fehler", "Der Minister"]]);
    // An adjective before a noun is no verb.
    expect(pairs("Am Montag meldete der Sender, Feldmann neue Schuhe.")).toEqual([]);
  });

  it("a tag that ends the sentence: „…, wie X berichtete.“ and „…, das teilte X mit.“", () => {
    expect(pairs("Der Polizei gelang es am Dienstag, einen Schmuggler zu fassen, wie die Agentur Nordpress gestern berichtete.")).toEqual([
      ["Der Polizei gelang es am Dienstag, einen Schmuggler zu fassen", "Agentur Nordpress"],
    ]);
    expect(pairs("Seit dem 19. Juni ist die Kamera des Teleskops ausgefallen, das teilte das Institut mit.")).toEqual([
      ["Seit dem 19. Juni ist die Kamera des Teleskops ausgefallen", "Institut"],
    ]);
    // "wie" comparing reports nothing.
    expect(pairs("Die Preise stiegen so schnell, wie man es erwartet hatte.")).toEqual([]);
  });

  it("„Laut nordblog.de …“: a web address after „laut“ is the source, and the report is all that follows", () => {
    expect(pairs("Laut nordblog.de veröffentlichte das Ministerium kürzlich einen Bericht.")).toEqual([
      ["veröffentlichte das Ministerium kürzlich einen Bericht", "nordblog.de"],
    ]);
  });

  it("a name with its apposition or relative clause before the speech verb is its subject, not reported words", () => {
    expect(pairs("Mara Lenz, die Sprecherin der Feuerwehr, sagte gegenüber der Agentur Nordpress, dass mindestens 30 Häuser zerstört worden seien.")).toEqual([
      ["mindestens 30 Häuser zerstört worden seien", "die Sprecherin"],
    ]);
    expect(pairs("Carter, der als Beobachter im Land war, sagte Reportern, dass die Wahl fair gewesen sei.")).toEqual([
      ["die Wahl fair gewesen sei", "Carter"],
    ]);
  });

  it("one noun phrase set off by a comma before the verb is the subject („Der Präsident der Region, Mara Lenz, wies … zurück“)", () => {
    expect(pairs("Der Präsident der Region, Mara Lenz, wies jedoch die Darstellung zurück, die Gäste seien gezwungen worden.")).toEqual([
      ["die Gäste seien gezwungen worden", "Mara Lenz"],
    ]);
    expect(pairs("Der Vizekanzler Paul Adler (SPD), hat seinen Rücktritt von seinen Ämtern verkündet. Er werde im Bundestag bleiben.")).toEqual([
      ["Er werde im Bundestag bleiben", "Paul Adler"],
    ]);
  });

  it("„nach“ with a noun phrase of its own is a preposition of the noun before it, no source („die Forderung nach mehr Rechten“)", () => {
    expect(pairs("Die Rebellen beharren auf der Forderung nach mehr Autonomie und Respekt.")).toEqual([]);
    expect(pairs("Die Vermietung des Turms wird aller Voraussicht nach einem Jahr schwierig werden.")).toEqual([]);
    // A postposition still is one.
    expect(pairs("Seiner Meinung nach sei die Lage ernst.")).toEqual([["sei die Lage ernst", "Seiner Meinung"]]);
  });

  it("an adjective or participle in front of the verb is no subject („Besorgt äußerte sich Mara Lenz …“)", () => {
    expect(pairs("Besorgt äußerte sich Mara Lenz über die Zunahme der Gewalt. Auch gebe es Berichte über Entführungen.")).toEqual([
      ["Auch gebe es Berichte über Entführungen", "Mara Lenz"],
    ]);
  });

  it("„Dies geht aus X hervor.“ attributes the sentence before to X", () => {
    expect(pairs("Der Konzern plant eine Umwandlung in eine neue Rechtsform. Dies geht aus einer Pressemitteilung des Konzerns hervor.")).toEqual([
      ["Der Konzern plant eine Umwandlung in eine neue Rechtsform", "Pressemitteilung"],
    ]);
  });

  it("„…, nach denen X sei“ reports what the phrase before says, like „wonach“", () => {
    const text = "Der Verband verwies auf Studien der Klinik, nach denen die Therapie oft wirksam sei.";
    const q = indirect(text);
    expect(q.map((x) => x.text)).toEqual(["die Therapie oft wirksam sei"]);
    expect(text.slice(q[0]!.speaker!.start, q[0]!.speaker!.end)).toBe("denen");
    // Without a Konjunktiv, "nach denen" reports nothing.
    expect(indirect("Es gab drei Anschläge, nach denen die Polizei die Grenze schloss.")).toEqual([]);
  });

  it("„heißt es“ right after a report carries that report's source", () => {
    expect(pairs("Die Partei lehnt strengere Regeln ab. Sie sagte, die Lage sei klar. Als Begründung heißt es, die Gesetze seien ausreichend.")).toEqual([
      ["die Lage sei klar", "Sie"],
      ["die Gesetze seien ausreichend", "Sie"],
    ]);
  });

  it("„wurde bekannt, dass …“ / „nachdem bekannt geworden war, dass …“ reports news without a source", () => {
    const text = "Im April wurde dann bekannt, dass der Minister zurücktritt. Zuvor war schon bekannt geworden, dass das Virus sich ausbreitet.";
    const q = indirect(text);
    expect(q.map((x) => [x.text, x.speaker, x.cue.map((c) => text.slice(c.start, c.end))])).toEqual([
      ["der Minister zurücktritt", null, ["bekannt"]],
      ["das Virus sich ausbreitet", null, ["bekannt"]],
    ]);
    // "bekannt" without "werden" ("Der Mann ist bekannt dafür, dass …") reports nothing.
    expect(indirect("Der Mann ist als Sammler bekannt, dass er Briefmarken liebt.")).toEqual([]);
  });

  it("„angenommen“ is a verb of assumption: „Es wird angenommen, dass …“", () => {
    const text = "Es wird angenommen, dass der Sprengsatz ferngezündet wurde. Der Antrag wurde angenommen.";
    const q = indirect(text);
    expect(q.map((x) => [x.text, x.speaker, x.cue.map((c) => text.slice(c.start, c.end))])).toEqual([
      ["der Sprengsatz ferngezündet wurde", null, ["angenommen"]],
    ]);
  });

  it("„entscheiden“ reports a decision's content: „Das Gericht hatte entschieden, dass …“", () => {
    expect(pairs("Am Montag entschied das Gericht, dass die Stadt den Bau stoppen muss.")).toEqual([
      ["die Stadt den Bau stoppen muss", "Gericht"],
    ]);
  });

  it("„beschließen“ reports a resolution's content: „Der Rat beschloss, … einzurichten“", () => {
    expect(pairs("Der Stadtrat beschloss, eine Flugverbotszone einzurichten.")).toEqual([["eine Flugverbotszone einzurichten", "Der Stadtrat"]]);
    expect(pairs("Der Stadtrat hat beschlossen, dass eine Flugverbotszone eingerichtet wird.")).toEqual([
      ["eine Flugverbotszone eingerichtet wird", "Der Stadtrat"],
    ]);
  });

  it("„erinnern“ as a speech verb: „Die Ministerin erinnerte daran, dass …“", () => {
    expect(pairs("Die Ministerin erinnerte daran, dass die Frist im Mai endet.")).toEqual([["die Frist im Mai endet", "Die Ministerin"]]);
  });

  it("„bedauern“ as a speech verb: its subject is the source („Für die Stadtwerke bedauerte der Verband, dass …“)", () => {
    expect(pairs("Der Minister lobte den Plan. Für die Stadtwerke bedauerte der Verband, dass sich die Regierung auf die Seite der Konzerne gestellt habe.")).toEqual([
      ["sich die Regierung auf die Seite der Konzerne gestellt habe", "Verband"],
    ]);
  });

  it("„befürworten“ and „errechnen“ report their dass-clause", () => {
    expect(pairs("80 Prozent der Befragten befürworteten, dass die Einkünfte offengelegt werden.")).toEqual([
      ["die Einkünfte offengelegt werden", "80 Prozent der Befragten"],
    ]);
    expect(pairs("Die Forscher errechneten, dass die Kosten um ein Drittel steigen.")).toEqual([["die Kosten um ein Drittel steigen", "Die Forscher"]]);
  });

  it("an adverbial clause in front („Da …, geht man davon aus, dass …“) is no content of a tail tag", () => {
    expect(pairs("Da der Rat die Finanzhoheit hat, geht man davon aus, dass der Plan scheitert.")).toEqual([["der Plan scheitert", "man"]]);
  });

  it("the plural „geben … bekannt“ is the separable speech verb too", () => {
    expect(pairs("Die Stadtwerke geben in einer Mitteilung bekannt, dass sie die Preise senken wollen.")).toEqual([
      ["sie die Preise senken wollen", "Die Stadtwerke"],
    ]);
  });

  it("„bekannt gegeben“ / „bekannt geben“ written apart is a speech verb", () => {
    expect(pairs("Der Verein hat nun in einer Stellungnahme bekannt gegeben, dass er aufgelöst wird.")).toEqual([["er aufgelöst wird", "Der Verein"]]);
    expect(pairs("Die Ministerin will heute vor dem Parlament bekannt geben, dass die Truppen abziehen.")).toEqual([
      ["die Truppen abziehen", "Die Ministerin"],
    ]);
  });
});
