// Who said it. A direct quote's speaker comes from its own speech tag ("…», sagte Trump",
// "Trump said: “…”", "«…», so der Minister"), else from a speech verb elsewhere in its
// sentence, else from the reported speech its sentence is part of, else from the previous
// sentence (a quote that continues without a new speech verb), else from the nearest salient
// person. Indirect speech is found from the speech tag (tail ", sagte X", head "X sagte, dass",
// frames "X zufolge", "according to X") and, in German, from Konjunktiv forms, which mark a
// sentence as reported even without a tag; such a sentence continues the last speaker.
//
// Every search here is bounded to a few tokens around a verb or quote, or to one sentence, so
// the whole step is linear in the length of the text.

import type { Doc, Mention, Person } from "./context";
import { isQuotationMark, type QuoteSpan } from "./quotes";
import { CAP_STOP, DE_PARTICLES, KONJ1, KONJ2, roleOf } from "./lexicon";
import { PREPOSITIONS_DE, anaphoricTagDe, citedPhraseDe, citingPhraseDe, clauseSubjectDe, impersonalDe, isDeterminerDe, nounPhraseDe, passiveAgentDe, relativeSubjectDe, sentenceSubjectDe, subjectPhraseDe, type Phrase } from "./np";
import { TK, tokenAt, type Token } from "./text";
import { particleOf } from "./speech";
import { ADDRESSEE_VERBS_EN, AUTHORED_NOUNS_EN, AUX_EN, RELATIVE_EN, accordingAfterOpenerEn, accordingToEn, frontedParticipleEn, phraseEn, plainVerbAfterTagEn, accordingToQualifiesClause, clauseEndEn, finiteEn, clauseSubjectEn, hasFiniteEn, passiveAgentEn, reportedClauseEn, subjectAfterEn, subjectBeforeEn, tailTagEn } from "./english";
import type { QuoteCandidate, Span, SpeakerMention } from "./types";

export interface Attr {
  mention: Mention;
  person: Person | null;
  /** The token of the cue that attributes the words (speech verb, "laut", "zufolge", …), if any. */
  cue?: number;
}

interface QInfo {
  span: number;
  openTok: number;
  closeTok: number;
  parent: QInfo | null;
  attr: Attr | null;
  own: boolean;
  /** The tokens of the quote's own speech tag, when it has one. */
  tagLo: number;
  tagHi: number;
}

const SKIP_AFTER = new Set(["es", "auch", "dann", "später", "zudem", "nun", "noch", "dazu", "daraufhin", "weiter", "außerdem", "ebenfalls", "in", "im", "laut", "bei", "am", "also", "later", "then", "again", "on", "yesterday", "today", "recently", "previously", "zuvor", "damals", "jetzt", "heute", "gestern", "sichtlich", "wörtlich", "demnach", "dabei", "einmal", "erneut", "bereits", "schon"]);
/** English words that start a new clause after a quote ("…," while X noted …). */
const CLAUSE_LINK_EN = new Set(["while", "and", "but", "as", "after", "before", "when", "because", "although", "though", "since", "if", "whereas", "or", "so", "which", "who"]);
const SENT_PUNCT = new Set([".", "!", "?", ";", "…"]);
const CONJ_THAT = new Set(["dass", "daß", "ob", "that", "whether"]);

// ---------------------------------------------------------------------------------------------
// Quote or name? Words between quotation marks are a quote when someone said them, and a name
// or title when they name a newspaper, a book, a programme or a law. A tag ("…“, sagte X"), a
// colon or a sentence inside the marks make a quote; a title noun in front ("die Zeitung „…“",
// "unter dem Motto „…“"), an acronym after it ("„…“ (CEP)") or foreign function words make a
// name; between the two, short words are a quote when they read like someone's wording (a
// lower-case adjective or verb: „grobe handwerkliche Fehler“, „leichtsinnig“) or follow a
// naming verb ("nannte das Angebot „ein Almosen“", "kritisierte den Entwurf als „Kahlschlag
// mit Ansage“"), and a name when they are Capitalized Words only ("die „Nordheimer Rundschau“").

/** Nouns that introduce a name or title in quotation marks (matched as the end of a compound: "Fachzeitschrift", "Krimiserie"). */
const TITLE_NOUN_DE = /(titel|motto|namen|name|begriff|typs?|rubrik|bereich|kategorie|film|films|serie|sendung|buch|buches|roman|lied|liedes|song|songs|album|albums|single|zeitung|zeitschrift|magazin|magazins|blatt|blattes|sender|senders|agentur|gruppe|band|partei|verein|vereins|organisation|bündnis|bündnisses|gesetz|gesetzes|preis|preises|programm|programms|projekt|projekts|aktion|kampagne|operation|modell|modells|schiff|schiffes|hubschrauber|satellit|satelliten|haltestelle|haltestellen|gaststätte|restaurant|hotel|club|musical|oper|stück|stücks|ausstellung|festival|turnier|slogan|überschrift|schlagzeile|website|webseite|site|blog|portal|plattform|ausgabe|kolumne|studie|initiative|bewegung|stiftung|verband|verbandes|unternehmen|firma|marke|produkt|software|spiel|spiels|show|tour|kongress|konferenz|mission|sonde|rakete|flugzeug|maschine|station|schriftzug|aufschrift|enzyklika|dekret|abkommen|strategie|paket|konzept|gemälde|skulptur|simulation|sorte|app|version|verfahren|reihe|gedicht|theaterstück|fernsehsendung|nachrichtensendung|talkshow|netzwerk|fraktion|liste|koalition|allianz|komitee|ausschuss|wettbewerb|plan|plans|bezeichnung|codename|codenamen|spitzname|spitznamen|kurzname|beiname|schlagwort|stichwort|yacht|jacht|fähre|boot|zug|stamm|stammes|modelle|gesellschaft|thema|themas|prädikat|status|aktionstag|aktionstages|player|gerät|gerätes|fahrzeug|marke|typ|sorte|kampagne)(e?s)?$/;
const TITLE_NOUN_EN = new Set(["newspaper", "magazine", "book", "film", "movie", "song", "album", "programme", "program", "show", "series", "campaign", "report", "study", "act", "bill", "law", "plan", "project", "initiative", "app", "titled", "entitled", "headline", "slogan", "motto", "named", "dubbed", "nicknamed"]);
const FUNCTION_WORDS = new Set(
  `und oder der die das des dem den ein eine einer einem einen eines für von vom im in am an auf zum zur mit bei über unter nach aus zu gegen
ohne um vor a an the of and or for to at on in by de la le les du des et el los las y del da do di il mit`.split(/\s+/),
);
/** Function words of English, French, Spanish, Italian: in German text they mark a foreign title ("The Silent Harbour", "Le Petit Chemin"). */
const FOREIGN_FUNCTION_DE = new Set(["a", "the", "of", "and", "for", "at", "on", "with", "is", "it", "le", "la", "les", "du", "et", "pour", "el", "los", "las", "y", "del", "il", "della", "dello", "dos", "do", "cum", "sine", "sub", "quo", "vel", "ex"]);
/** Of those, the ones that are foreign even capitalized ("And Then There Were None", "La Ville Blanche"; not "Du"). */
const LATIN_PREP = new Set(["pro", "ad", "per", "de", "post", "ante", "inter", "contra"]);
const FOREIGN_CAP_DE = new Set(["the", "a", "and", "of", "for", "with", "la", "le", "les", "el", "los", "las", "il", "della"]);
/** Verbs that name or characterise something: their quoted complement is someone's wording. */
const NAMING_VERBS = new Set(
  `nannte nannten nennt nennen genannt bezeichnete bezeichneten bezeichnet bezeichnen sprach sprachen spricht sprechen gesprochen
warf warfen wirft vorgeworfen kritisierte kritisierten kritisiert lobte lobten lobt wertete werteten wertet beschrieb beschrieben beschreibt
würdigte würdigten würdigt gewürdigt attestierte attestierten attestiert bescheinigte bescheinigten bescheinigt unterstellte unterstellten unterstellt
called calling calls call described describes describing termed dubbed labeled labelled branded`.split(/\s+/),
);
/**
 * Words before a colon that give another name, not someone's words: "(kurz: „…“)", "(etwa:
 * „…“)", "auf Deutsch: „…“", "übersetzt: „…“".
 */
const RENAMING_DE = new Set(["kurz", "etwa", "deutsch", "englisch", "engl", "dt", "übersetzt", "wörtlich", "abgekürzt", "alias", "sprich", "english", "short"]);
/** "so genannte „…“", "sogenannten „…“": a term the writer distances himself from, not a quote. */
const SO_CALLED_DE = /^(so)?genannte[nmrs]?$/;
/** Latin endings of the second word of a species name or a Latin term ("Klebsiella pneumoniae", "Homo sapiens"). */
const LATIN_END = /(us|um|ae|is|ii|orum|arum|ensis|oides|ium|ica|ina|ata|ana|ans|ens)$/;
/** Naming verbs that characterise something ("called the layoffs „…“") but report no clause. */
const NAMING_ONLY = new Set(["called", "calls", "call", "calling", "nannte", "nannten", "nennt", "genannt"]);
/** German verbs that judge or classify something "als …" ("als „sehr hoch“ eingestuft", "feierte … als „…“"). */
const JUDGING_DE = new Set(
  `eingestuft stufte stuften stuft einstufen betrachtet betrachtete betrachteten betrachten angesehen sieht sah sahen sehen hält hielt
hielten gehalten halten eingeschätzt schätzte schätzten schätzt dargestellt feierte feierten feiert gefeiert verurteilte verurteilten
verurteilt begrüßte begrüßten begrüßt empfand empfanden empfindet empfunden`.split(/\s+/),
);

/** A judging verb in the sentence, outside the quote, within the quote's window (see JUDGING_DE). */
function judgingIn(tokens: Token[], first: number, last: number, openTok: number, closeTok: number): boolean {
  for (let k = Math.max(first, openTok - QUOTE_CONTEXT); k < Math.min(last, closeTok + QUOTE_CONTEXT); k++) {
    if ((k < openTok || k > closeTok) && tokens[k]!.kind === TK.Word && JUDGING_DE.has(tokens[k]!.low)) return true;
  }
  return false;
}

/** A Konjunktiv outside the quote near it: the sentence is reported speech. */
function reportedSentence(doc: Doc, first: number, last: number, openTok: number, closeTok: number): boolean {
  const from = Math.max(first, openTok - QUOTE_CONTEXT);
  const to = Math.min(last, closeTok + QUOTE_CONTEXT);
  for (let k = from; k < to; k++) {
    if (k >= openTok && k <= closeTok) continue;
    const t = doc.tokens[k]!;
    if (t.kind === TK.Word && !t.cap && (KONJ1.has(t.low) || KONJ2.has(t.low))) return true;
  }
  return false;
}

/** A Konjunktiv I verb outside the quote, in the same clause (see reportedSentence). */
function konj1Near(doc: Doc, first: number, last: number, openTok: number, closeTok: number): boolean {
  const from = Math.max(first, openTok - 12);
  const to = Math.min(last, closeTok + 12);
  for (let k = from; k < to; k++) {
    if (k >= openTok && k <= closeTok) continue;
    const t = doc.tokens[k]!;
    if (t.kind === TK.Word && !t.cap && KONJ1.has(t.low) && sameClause(doc.tokens, k, k < openTok ? openTok : closeTok)) return true;
  }
  return false;
}

/** Tokens before and after a quote that are searched for a speech or naming verb. */
const QUOTE_CONTEXT = 40;
const INDEF_DE = new Set(["ein", "eine", "einen", "einem", "einer", "eines", "a", "an"]);
const DEF_DE = new Set(["der", "die", "das", "den", "dem", "des", "im", "am", "vom", "zum", "zur", "beim", "ins", "the"]);

function isQuote(doc: Doc, s: QuoteSpan, tagged: boolean): boolean {
  const { tokens, text, lang } = doc;
  const first = tokenAt(tokens, s.start);
  const last = tokenAt(tokens, s.end);
  const openTok = tokenAt(tokens, s.open);
  const closeTok = s.closed ? tokenAt(tokens, s.close) : last;
  let words = 0;
  let lowerContent = 0;
  let capContent = 0;
  let foreign = 0;
  let latin = false;
  let digits = false;
  for (let k = first; k < last && words < 40; k++) {
    const t = tokens[k]!;
    if (t.kind === TK.Num) {
      words++;
      digits = true;
      continue;
    }
    if (t.kind !== TK.Word) continue;
    words++;
    if (/\d/.test(t.text)) digits = true;
    if (lang === "de" && FOREIGN_FUNCTION_DE.has(t.low) && (!t.cap || FOREIGN_CAP_DE.has(t.low))) foreign++;
    // Latin "pro", "ad", "per", "de" before a lower-case word ("in dubio pro reo", "ad acta",
    // "per se", "de facto"); German "pro Jahr", "per Gesetz" put a noun after them, or an
    // inflected adjective ("pro verkauftem Auto").
    else if (lang === "de" && !t.cap && LATIN_PREP.has(t.low) && k + 1 < last && tokens[k + 1]!.kind === TK.Word && !tokens[k + 1]!.cap && !/e[mnrs]$/.test(tokens[k + 1]!.low)) latin = true;
    if (FUNCTION_WORDS.has(t.low)) continue;
    if (t.cap) capContent++;
    else lowerContent++;
  }
  if (words === 0) return false;
  const inner = text.slice(s.start, s.end);
  if (lang === "de" && isNameOrTerm(doc, first, last, openTok, closeTok, words, lowerContent, inner)) return false;
  const endsSentence = /[.!?…]["'“”»«’]?$/.test(inner);
  const prev = tokens[openTok - 1];
  const prev2 = tokens[openTok - 2];
  const next = tokens[closeTok + 1];
  const colonBefore = prev?.text === ":";
  // Words the text itself uses elsewhere without quotation marks (several words, or a
  // capitalized one) belong to its own vocabulary: the marks set off a name or a term once
  // ("der Anbau der Sorte Amflora … ein Anbaustopp für „Amflora“"), or mention words quoted
  // before ("… auf neue Beine.“ Wie wörtlich „neue Beine“ zu verstehen ist"), not someone's wording.
  if (!tagged && !colonBefore && !endsSentence && words <= 6 && (words >= 2 || tokens[first]!.cap) && usedPlainElsewhere(doc, first, last)) return false;
  // A title noun right before the mark, or before an article: "die Zeitung „…“", "dem Motto „…“".
  const titleNoun = (t: Token | undefined) =>
    t !== undefined && t.kind === TK.Word && (lang === "de" ? t.cap && TITLE_NOUN_DE.test(t.low) : TITLE_NOUN_EN.has(t.low));
  // (A title noun before an article: "der Film „…“", "den Status eines „…“"; not "bietet das Buch eine „…“".)
  const titleBefore = titleNoun(prev) || (prev !== undefined && (DEF_DE.has(prev.low) || prev.low === "eines" || prev.low === "einer") && titleNoun(prev2));
  const acronymAfter = next?.text === "(" && tokens[closeTok + 2] !== undefined && /^[A-ZÄÖÜ][A-ZÄÖÜa-z0-9.-]{1,9}$/.test(tokens[closeTok + 2]!.text) && tokens[closeTok + 3]?.text === ")";
  const inParens = prev?.text === "(";
  const sent = doc.sentences[doc.sentOf[openTok]!]!;
  let speechIn = false;
  let naming = false;
  let namingNear = false; // "warf Lindholm »…« vor", "nannte ihn „…“"
  // Within the sentence, and within a window around the quote: a sentence of unbounded length
  // (no punctuation) must not make each of its quotes cost its whole length.
  const from = Math.max(sent.first, openTok - QUOTE_CONTEXT);
  const to = Math.min(sent.last, closeTok + QUOTE_CONTEXT);
  for (let k = from; k < to; k++) {
    if (k >= openTok && k <= closeTok) continue;
    // A source frame reports someone too, when it is near the quote ("laut Polizei", "Für den Minister ist …").
    if (doc.speech[k] || (lang === "de" && frameCue(tokens, k) && sameClause(tokens, k, k < openTok ? openTok : closeTok))) speechIn = true;
    // English "…, according to a statement": the source frame reports someone too.
    if (lang === "en" && tokens[k]!.low === "according" && tokens[k + 1]?.low === "to") speechIn = true;
    if (tokens[k]!.kind === TK.Word && NAMING_VERBS.has(tokens[k]!.low)) {
      naming = true;
      if (k < openTok && openTok - k <= 6 && sameClause(tokens, k, openTok)) namingNear = true;
    }
  }
  // A sentence in Konjunktiv I reports someone: a short quote in it is that person's wording
  // ("Der Plan bestehe aus „harten“ und „weichen“ Maßnahmen").
  if (lang === "de" && !speechIn && konj1Near(doc, sent.first, sent.last, openTok, closeTok)) speechIn = true;
  // A web address or file name: "example.org", "news.example.com".
  if (words <= 2 && /^[^\s]+\.[a-z]{2,4}$/i.test(inner)) return false;
  // "sagte der „Nordheimer Rundschau“": a name after an article is no quote, whatever verb is near.
  if (lang === "de" && lowerContent === 0 && !endsSentence && prev !== undefined && DEF_DE.has(prev.low)) return false;
  // A few words of another language that end no sentence are a name or a term, tag or not
  // ("wie man sagt, „in dubio pro reo“").
  if (lang === "de" && (foreign > 0 || latin) && !endsSentence && words <= 4) return false;
  // "Anna Franowska of "Have no fear", a charity, told …": capitalized words right after a name
  // and "of" name the body the person belongs to.
  if (lang === "en" && !endsSentence && words <= 5 && prev?.low === "of" && prev2 !== undefined && prev2.kind === TK.Word && prev2.cap && tokens[first]!.cap && /^[,)]$/.test(next?.text ?? "")) return false;
  if (lang === "de") {
    // A German name or title opens with a capital letter: words that open with a lower-case
    // article, preposition or negation are someone's wording ("auf „den Bestand des Staates“",
    // "sieht in dem Gesetz „kein Hindernis für …“"), unless two words after an article set off a
    // term („dem Guten“) or a naming noun stands before them ("das Motto „für alle“").
    const opener = tokens[first]!;
    const lowerOpener = opener.kind === TK.Word && !opener.cap && (FUNCTION_WORDS.has(opener.low) || NEGATION_DE.has(opener.low));
    const named = prev !== undefined && NAMING_NOUN_DE.has(prev.low);
    // (Two words after a preposition joined with its article are a phrase, „zur Kenntnis“, „im Prinzip“.)
    const contraction = ["zum", "zur", "im", "am", "beim", "vom", "ins"].includes(opener.low);
    if (lowerOpener && !named && (words >= 3 || (words === 2 && (contraction || (!DEF_DE.has(opener.low) && !INDEF_DE.has(opener.low)))))) return true;
    // Slogans on banners and in chants: "Parolen wie „…“", "mit der Aufschrift „…“".
    if (sloganBefore(tokens, openTok)) return true;
    // A sentence in parentheses after a name is that person's words: "X („Wir kommen wieder.“)".
    if (inParens && endsSentence && words >= 4) return true;
  }
  if (tagged || colonBefore) return !titleBefore || endsSentence;
  if (titleBefore || acronymAfter || inParens) return false;
  if (lang === "de" && foreign > 0 && !endsSentence) return false;
  if (lang === "en") {
    // English writes everything in lower case: Title Case is a title, a naming verb or a
    // speech verb around a short lower-case quote makes it someone's wording.
    const title = words >= 2 && words <= 8 && capContent >= 1 && lowerContent === 0 && !endsSentence;
    if (title) return false;
    if (words >= 4 || endsSentence) return true;
    return (naming || speechIn) && lowerContent >= 1 && !digits;
  }
  if (endsSentence && (lowerContent >= 1 || words >= 3)) return true;
  if (lowerContent === 0) {
    // Capitalized words only: a name ("die „Nordheimer Rundschau“", „Falke“), unless a naming
    // verb or speech verb gives it as a characterisation: "sprach von einer „Luftnummer“",
    // "als „Vertrauensbruch“", "nannte das Angebot „ein Almosen“".
    // (Digits mark a designation in a few words, „Airbus A380“; in a phrase of six words or
    // more they are part of the wording: "einer „Vernetzung der 5.300 Pass- und …register“".)
    if ((digits && words < 6) || (prev !== undefined && DEF_DE.has(prev.low))) return false;
    const opensWithArticle = INDEF_DE.has(tokens[first]?.low ?? "");
    const characterised = prev !== undefined && (["als", "von", "wie", "für", "durch", "ohne", "gegen"].includes(prev.low) || INDEF_DE.has(prev.low));
    // What someone shouts or chants: "rief laut Zeugen „Nordland zuerst“", "skandierten „Freiheit“".
    let shouted = false;
    for (let k = openTok - 1; k >= sent.first && openTok - k <= 8 && !shouted; k--) {
      const t = tokens[k]!;
      if (t.kind === TK.Punct) break;
      if (SHOUT_DE.has(t.low)) shouted = true;
    }
    if (shouted && words <= 6) return true;
    // "…, war für die Verbände „Wortbruch“.": a view held by the one after "für", right before
    // the marks, that closes the clause ("war für viele „Kassettenkinder“ die Musik" is a term).
    for (let k = openTok - 2; k >= sent.first && openTok - k <= 5; k--) {
      const t = tokens[k]!;
      if (t.kind !== TK.Word) break;
      if (t.low === "für") {
        if (SEIN_DE.has(tokens[k - 1]?.low ?? "") && tokens[k + 1]!.kind === TK.Word && next?.kind === TK.Punct && words <= 6) return true;
        break;
      }
    }
    return words <= 6 && (naming || speechIn) && (characterised || opensWithArticle || namingNear);
  }
  // A few words after an article, with nothing around that reports anyone, are a scare quote
  // or a term ("der „gemeinsame Boden“"), not someone's words.
  // So is a name that opens with a capitalized noun ("die „Woche des offenen Buches“", "des
  // „Preises für gute Nachbarschaft“") when nothing reports anyone.
  const titleLike = tokens[first]!.cap && !FUNCTION_WORDS.has(tokens[first]!.low) && words <= 6;
  // (An article needs a noun: with none in the quote and none after it, "der"/"das" after a
  // comma before the mark is a relative pronoun — "Wasser, das „leicht trübe“ sein soll" — not the quote's article.)
  const relative = prev2?.text === "," && capContent === 0 && !(next?.kind === TK.Word && next.cap);
  const article = prev !== undefined && (DEF_DE.has(prev.low) || INDEF_DE.has(prev.low)) && !relative;
  if ((words <= 3 || titleLike) && !speechIn && !naming && article && !reportedSentence(doc, sent.first, sent.last, openTok, closeTok)) return false;
  // "als „blinder Passagier“ nach England gelangen", "als „kleineres Übel“ unterstützen": a role
  // or term after "als" with no verb that names, judges or reports anything in the sentence.
  if (prev?.low === "als" && !speechIn && !naming && !endsSentence && words <= 4 && !judgingIn(tokens, sent.first, sent.last, openTok, closeTok) && !reportedSentence(doc, sent.first, sent.last, openTok, closeTok)) return false;
  // (Digits mark a designation in a few words, „Airbus A380“; in a longer phrase they are part of the wording.)
  if (words >= 2) return !digits || lowerContent >= 2 || words >= 6;
  // One adjective between an article and its noun, "der „angeblichen“ Verschwörung": the
  // writer's distance from a word, not someone's wording.
  if (words === 1 && prev !== undefined && (DEF_DE.has(prev.low) || INDEF_DE.has(prev.low)) && next?.kind === TK.Word && next.cap && isLowerAdj(tokens[first]) && !naming) return false;
  // One lower-case word: „leichtsinnig“, „überzogen“ in a sentence that reports someone.
  return speechIn || naming || (prev !== undefined && ["als", "für", "wie"].includes(prev.low));
}

/** Word tokens by their text, built once per document (for usedPlainElsewhere). */
const wordIndexCache = new WeakMap<Doc, Map<string, number[]>>();

/**
 * Whether the tokens [first, last) occur elsewhere in the text, not as a quotation of their own
 * (marks right before and after them); inside a longer quote they count ("… auf neue Beine.“
 * Wie wörtlich „neue Beine“ …": the words quoted before, mentioned). At most 64 occurrences of the first word are compared, so a text that repeats
 * one word many times costs no more than a constant per quote.
 */
function usedPlainElsewhere(doc: Doc, first: number, last: number): boolean {
  const { tokens } = doc;
  let index = wordIndexCache.get(doc);
  if (!index) {
    index = new Map();
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (t.kind !== TK.Word) continue;
      const list = index.get(t.text);
      if (list) list.push(k);
      else index.set(t.text, [k]);
    }
    wordIndexCache.set(doc, index);
  }
  const n = last - first;
  if (n <= 0 || tokens[first]!.kind !== TK.Word) return false;
  const list = index.get(tokens[first]!.text) ?? [];
  for (let i = 0; i < list.length && i < 64; i++) {
    const p = list[i]!;
    if (p >= first - 1 && p < last + 1) continue;
    if (p + n > tokens.length) break;
    let same = true;
    for (let j = 1; j < n && same; j++) if (tokens[p + j]!.text !== tokens[first + j]!.text) same = false;
    if (!same) continue;
    if (isQuotationMark(tokens[p - 1]?.text ?? "") && isQuotationMark(tokens[p + n]?.text ?? "")) continue;
    return true;
  }
  return false;
}

/**
 * Words in quotation marks that name something or mark a term, whatever verb is near (German):
 * - a species name or a Latin term: „Felis silvestris“, „Homo sapiens“;
 * - another name after a colon: „(kurz: „KfW“)“, „auf Deutsch: „Fest der Lichter“)“, and any
 *   Capitalized Words after a colon that do not end a sentence (a title, a name: "Das Album
 *   erschien im Mai: „Graue Tage“");
 * - a term someone coined or a name given: "der so genannte „Rettungsschirm“", "genannt
 *   „Rotkehlchen“", "auch „Kleiner Bär“ genannt", "das nennt man eine „Hausse“", "der als
 *   „Nordwind“ bezeichnet wird" (a passive without an agent: nobody said it);
 * - a name that speaks: "Wie „Abendpost Online“ berichtet", "„Radio Nordheim“ meldete",
 *   "schrieb „Die Woche“ in einem Kommentar" — the words name the speaker, they are not said.
 */
function isNameOrTerm(doc: Doc, first: number, last: number, openTok: number, closeTok: number, words: number, lowerContent: number, inner: string): boolean {
  const { tokens } = doc;
  const prev = tokens[openTok - 1];
  const prev2 = tokens[openTok - 2];
  const next = tokens[closeTok + 1];
  const next2 = tokens[closeTok + 2];
  // (A legal form may end in a period: "„Freunde des Waldes e.V.“".)
  if (words <= 12 && LEGAL_FORM_DE.test(inner)) return true;
  // A song: "sang „…“", "„…“ sang er", "in dem er „…“ sang" (its title may end in "…" or "?").
  if (SING_DE.has(next?.low ?? "") || SING_DE.has(prev?.low ?? "") || (prev2 !== undefined && SING_DE.has(prev2.low) && prev?.kind === TK.Word && !prev.cap)) return true;
  const endsSentence = /[.!?…]["'“”»«’]?$/.test(inner);
  if (endsSentence) return false;
  // Part of a compound ("die „Bio“-Kennzeichnung", "„Plan B“-Debatte") or after "namens": a term or a name.
  if (next?.text === "-" && next.start === tokens[closeTok]!.end && tokens[closeTok + 2]?.kind === TK.Word && tokens[closeTok + 2]!.start === next.end) return true;
  if (prev?.low === "namens") return true;
  // A designation of letters and digits: „HD 13189“, „A 380“, „B-52“.
  if (words <= 2 && /^\p{Lu}{1,5}[ -]?\d[\d.-]*$/u.test(inner)) return true;
  // A proverb or maxim named before it: "die alte Weisheit, „…“", "das Sprichwort „…“".
  const maxim = (t: Token | undefined) => t !== undefined && t.cap && /(weisheit|sprichwort|redensart|redewendung|devise|maxime)$/.test(t.low);
  if (maxim(prev) || (prev?.text === "," && maxim(prev2))) return true;
  // A word and a letter or number: „Plan B“, „Modell 3“, „Variante C“.
  if (words === 2 && /^\p{Lu}\p{Ll}+ (\p{Lu}|\d{1,3})$/u.test(inner)) return true;
  // An event with its ordinal: "die 22. „Nordische Filmtage“", "beim „7. Kellbacher Stadtlauf“".
  if (words <= 6 && tokens[first]?.kind === TK.Num && tokens[first + 1]?.text === "." && tokens[first + 2]?.kind === TK.Word) return true;
  if (words <= 6 && prev?.text === "." && prev2?.kind === TK.Num && prev2.end === prev.start && DEF_DE.has(tokens[openTok - 3]?.low ?? "")) return true;
  // The agent of a participle before its noun: "die von „Nordwerk Analyse“ erstellten Zahlen".
  if ((prev?.low === "von" || prev?.low === "vom") && next !== undefined && next.kind === TK.Word && !next.cap && /^\p{L}{3,}(t|en)(e|en|er|es|em)$/u.test(next.low) && next2?.kind === TK.Word && next2.cap) return true;
  // "nennt „Twitter“ und „Facebook“": a bare capitalized word right after "nennen" is mentioned, not said.
  if (words === 1 && lowerContent === 0 && prev !== undefined && /^(nennt|nannte|nennen|nannten)$/.test(prev.low)) return true;
  // "die Bezeichnung für „…“", "der Begriff für „…“": the word itself, a term.
  if (prev?.low === "für" && prev2 !== undefined && prev2.cap && /(bezeichnung|begriff|wort|ausdruck|synonym)$/.test(prev2.low)) return true;
  // "„…“, so lautet der Titel", "der Name lautet „…“": the words are the title or name.
  if (next?.text === "," && next2?.low === "so" && LAUTET_DE.has(tokens[closeTok + 3]?.low ?? "")) {
    const head = tokens[closeTok + 4] && DEF_DE.has(tokens[closeTok + 4]!.low) ? tokens[closeTok + 5] : tokens[closeTok + 4];
    if (head && head.cap && (NAMING_NOUN_DE.has(head.low) || TITLE_NOUN_DE.test(head.low))) return true;
  }
  for (let k = openTok - 1; k >= 0 && openTok - k <= 3; k--) {
    const t = tokens[k]!;
    if (t.kind !== TK.Word) break;
    if (LAUTET_DE.has(t.low)) {
      const head = tokens[k - 1];
      if (head && head.cap && (NAMING_NOUN_DE.has(head.low) || TITLE_NOUN_DE.test(head.low))) return true;
      break;
    }
  }
  // Species names and Latin terms: a capitalized word, then one or two lower-case Latin words.
  if (words >= 2 && words <= 3 && tokens[first]!.cap) {
    let latin = true;
    let n = 0;
    for (let k = first + 1; k < last; k++) {
      const t = tokens[k]!;
      if (t.kind !== TK.Word) continue;
      n++;
      if (t.cap || t.low.length < 5 || !LATIN_END.test(t.low) || FUNCTION_WORDS.has(t.low)) latin = false;
    }
    if (latin && n === words - 1) return true;
  }
  if (prev?.text === ":") {
    if (prev2 && prev2.kind === TK.Word && (RENAMING_DE.has(prev2.low) || (prev2.cap && TITLE_NOUN_DE.test(prev2.low)))) return true;
    if (lowerContent === 0) return true;
  }
  // "(deutsch „…“)", "bedeutet etwa „…“", "etwa „acht bis zehn Stunden“": a translation or an estimate.
  if (prev && prev.kind === TK.Word && !prev.cap && RENAMING_DE.has(prev.low) && prev.low !== "wörtlich") return true;
  // "laut „Abendpost“", "laut einem Bericht von „Radio Nord“": the source's name.
  if (lowerContent === 0 && prev && (prev.low === "laut" || prev.low === "gemäß" || (prev.low === "von" && prev2?.cap === true && (FRAME_HEADS_DE.test(prev2.low) || TITLE_NOUN_DE.test(prev2.low))))) return true;
  // The name of a body, a law or a prize: it opens with the word that says what it is ("das
  // „Gesetz zur Stärkung der Familie“", "die „Aktion Hafen hilft“", "des „Nordland-Preises für
  // Baukunst“", "der „Oberste Rat der Republik“"); see LEGAL_FORM_DE above for a legal form.
  if (words >= 2 && (orgHead(tokens[first]) || (isCapAdj(tokens[first]) && orgHead(tokens[first + 1])))) return true;
  // "das als „…“ bekannte Lager", "ist als „…“ bekannt": a name it goes by.
  if (prev?.low === "als" && next && /^bekannt(e[nmrs]?)?$/.test(next.low)) return true;
  if (prev && prev.kind === TK.Word && SO_CALLED_DE.test(prev.low)) return true;
  if (prev2 && prev2.kind === TK.Word && SO_CALLED_DE.test(prev2.low) && prev && (DEF_DE.has(prev.low) || INDEF_DE.has(prev.low))) return true;
  if (prev && prev.low === "genannt" && tokens[openTok - 2]?.text === ",") return true;
  if (next && next.low === "genannt" && !isPersonObject(doc, openTok)) return true;
  if (prev && (INDEF_DE.has(prev.low) || DEF_DE.has(prev.low)) && prev2 && prev2.low === "man" && /^nenn|^nann/.test(tokens[openTok - 3]?.low ?? "")) return true;
  // "galt als „…“", "gilt als „…“", "hielt man für einen „…“": a reputation, nobody's words.
  if (prev?.low === "als") {
    // (A few adverbs may stand between: "galt schon damals als „…“"; the verb may open the
    // clause, its subject after it: "Galt der Bischof früher als „…“, so …".)
    for (let k = openTok - 2; k >= 0 && openTok - k <= 10; k--) {
      const t = tokens[k]!;
      if (t.kind !== TK.Word) break;
      if (["gilt", "galt", "gelten", "galten", "gelte"].includes(t.low)) return true;
    }
  }
  if (prev && INDEF_DE.has(prev.low) && prev2?.low === "für") {
    let man = false;
    let halten = false;
    for (let k = openTok - 3; k >= 0 && openTok - k <= 7; k--) {
      const t = tokens[k]!;
      if (t.kind === TK.Punct) break;
      if (t.low === "man") man = true;
      if (["hielt", "hält", "halten", "hielten"].includes(t.low)) halten = true;
    }
    if (man && halten) return true;
  }
  if (prev && prev.low === "als" && next && next.low === "bezeichnet" && next2 && ["wird", "werden", "wurde", "wurden"].includes(next2.low) && !agentBefore(doc, openTok)) return true;
  // A name before or after a speech verb, in the subject's place: „…“ berichtet / berichtet „…“ in …
  if (words <= 5 && !/[,;:]/.test(inner)) {
    // Capitalized words, or one word with a digit or a capital inside ("Nutzer42", "PhotoBox").
    const one = tokens[first]!;
    const nameLike = lowerContent === 0 && (words >= 2 || (one.kind === TK.Word && (/\d/.test(one.text) || /\p{Ll}\p{Lu}/u.test(one.text))));
    const v = closeTok + 1;
    // In the subject's place: at the clause start, after "wie" or an article ("als „…“ bezeichnet" is a characterisation).
    const article = prev !== undefined && (DEF_DE.has(prev.low) || INDEF_DE.has(prev.low));
    const clauseStart = prev === undefined || (prev.kind === TK.Punct && prev.text !== ":");
    if (next && doc.speech[v] && (prev?.low === "wie" || (article && prev2?.low === "wie") || ((article || clauseStart) && nameLike))) return true;
    if (nameLike && prev && doc.speech[openTok - 1] && next && next.kind === TK.Word && !next.cap && !NAMING_VERBS.has(prev.low)) return true;
    // "erklärte der neue „Hohe Rat“, …": after the verb, an article (and adjectives), then the name.
    if (nameLike && (article || isLowerAdj(prev)) && words >= 2) {
      let k = openTok - 1;
      while (k > 0 && openTok - k <= 3 && !doc.speech[k] && (isLowerAdj(tokens[k]) || DEF_DE.has(tokens[k]!.low) || INDEF_DE.has(tokens[k]!.low))) k--;
      if (doc.speech[k] && !NAMING_VERBS.has(tokens[k]!.low) && (DEF_DE.has(tokens[k + 1]!.low) || INDEF_DE.has(tokens[k + 1]!.low))) return true;
    }
  }
  return false;
}

/** "nennt ihn „Kleiner Bär“", "wurde sie „die Eiserne“ genannt": a person is named, by someone. */
function isPersonObject(doc: Doc, openTok: number): boolean {
  const p = doc.tokens[openTok - 1];
  return p !== undefined && ["ihn", "sie", "ihm", "ihr", "er"].includes(p.low);
}

/** Words that open the name of a body, a law or a prize ("Gesetz zur …", "Aktion …", "Nordland-Preis"). */
const ORG_HEAD_DE = /^(gesetz|gesetzes|preis|preises|aktion|initiative|bündnis|bündnisses|verband|verbandes|verein|vereins|organisation|stiftung|partei|koalition|allianz|kampagne|bewegung|rat|rates|komitee|ausschuss|ausschusses|kongress|kongresses|konferenz|festival|netzwerk|netzwerks|club|clubs|institut|instituts|zentrum|zentrums|akademie|union|liga|front|gesellschaft|vereinigung|verordnung|abkommen|abkommens)$/;
/** A legal form at the end of a name: e.V., GmbH, AG, Ltd (also in a name styled in lower case, "nordwerk ag"). */
const LEGAL_FORM_DE = /(\be\. ?V\.|\bGmbH\b|\bgGmbH\b|\bAG\b|\bKG\b|\bLtd\b|\bInc\b| (ag|gmbh)$)/;

function orgHead(t: Token | undefined): boolean {
  if (t === undefined || t.kind !== TK.Word || !t.cap) return false;
  const dash = t.low.lastIndexOf("-");
  return ORG_HEAD_DE.test(dash >= 0 ? t.low.slice(dash + 1) : t.low);
}

/** A capitalized adjective that opens a name ("Oberste", "Deutscher", "Neues"). */
function isCapAdj(t: Token | undefined): boolean {
  return t !== undefined && t.kind === TK.Word && t.cap && /(e|er|es|en)$/.test(t.low) && !FUNCTION_WORDS.has(t.low);
}

/** A "von"/"durch" agent before the quote in its clause: "von Kritikern als „…“ bezeichnet". */
function agentBefore(doc: Doc, openTok: number): boolean {
  for (let k = openTok - 1; k >= 0 && openTok - k <= 8; k--) {
    const t = doc.tokens[k]!;
    // "der von der Küste kommt und als „…“ bezeichnet wird": "und als" opens the second verb; a
    // "von" before it belongs to the first.
    if (k === openTok - 2 && (t.low === "und" || t.low === "oder")) return false;
    if (t.kind === TK.Punct && t.text !== "(") return false;
    if (t.low === "von" || t.low === "vom" || t.low === "durch" || t.low === "seitens") return true;
  }
  return false;
}

/** Tokens a and b are at most 20 apart with no comma, semicolon or sentence end between them. */
function sameClause(tokens: Token[], a: number, b: number): boolean {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  if (hi - lo > 20) return false;
  for (let k = lo + 1; k < hi; k++) if (tokens[k]!.kind === TK.Punct && ",;.!?:".includes(tokens[k]!.text)) return false;
  return true;
}

/** A German source frame at token k: "laut", "zufolge", "gemäß", "nach Angaben", "Seiner Meinung nach". */
function frameCue(tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  if (t.kind !== TK.Word) return false;
  if (t.low === "laut" || t.low === "zufolge" || t.low === "gemäß") return true;
  if (t.low === "für" && (k === 0 || tokens[k - 1]!.kind === TK.Punct)) {
    for (let j = k + 1; j < tokens.length && j <= k + 8; j++) {
      if (tokens[j]!.kind === TK.Punct) return false;
      if (SEIN_DE.has(tokens[j]!.low)) return j > k + 1 && tokens[k + 1]!.kind === TK.Word;
    }
    return false;
  }
  if (t.low !== "nach") return false;
  const next = tokens[k + 1];
  const head = next && DEF_DE.has(next.low) ? tokens[k + 2] : next;
  return (head?.cap === true && FRAME_HEADS_DE.test(head.low)) || (tokens[k - 1]?.cap === true && FRAME_HEADS_DE.test(tokens[k - 1]!.low));
}

export function acceptQuotes(doc: Doc): number[] {
  const { tokens, spans } = doc;
  const accepted: number[] = [];
  const ok = new Uint8Array(spans.length);
  for (let q = 0; q < spans.length; q++) {
    const s = spans[q]!;
    if (s.parent >= 0 && !ok[s.parent]) {
      // Inside a rejected (scare) quote: judge it on its own, as top level.
      s.parent = -1;
    }
    const openTok = tokenAt(tokens, s.open);
    const closeTok = s.closed ? tokenAt(tokens, s.close) : -1;
    // English: marks inside someone's words quote what someone else said or wrote ("“She
    // called it ‘a disgrace,’ and I agree,” he said"): a quote, unless a title noun names it.
    // (German news puts terms and names in inner marks as often as words; there the inner
    // quote is judged like any other.)
    const nested = doc.lang === "en" && s.parent >= 0 && !titleBeforeMark(doc, openTok);
    // German: marks inside someone's words quote a third person only when the speaker says so
    // inside the quote ("„Er hat uns erklärt: ‚…‘“", "„… hat mir gesagt, ‚…‘“"); otherwise they
    // set off a term or a name in the speaker's own words ("„… ein bisschen ‚echten‘ Winter“"),
    // whatever reports the outer quote.
    const nestedDe = doc.lang === "de" && s.parent >= 0;
    // Coordinated with the quote before ("„Nackt im Wind“ oder „Allein im Wald“", "als
    // „laut“ und „rücksichtslos“"): the same kind of thing, a name with a name, words with words.
    const coord = coordinatedWith(doc, q, openTok);
    const yes =
      coord >= 0
        ? ok[coord] === 1
        : nested || ((!nestedDe || reportedInside(doc, spans[s.parent]!, openTok)) && isQuote(doc, s, hasAdjacentTag(doc, openTok, closeTok)));
    if (yes) {
      ok[q] = 1;
      accepted.push(q);
    }
  }
  return accepted;
}

/**
 * A speech or naming verb inside the outer quote, in the few tokens before the inner quote's
 * opening mark, or a colon right before it: the outer speaker reports someone's words.
 */
function reportedInside(doc: Doc, outer: QuoteSpan, openTok: number): boolean {
  const { tokens, speech } = doc;
  const lo = tokenAt(tokens, outer.start);
  if (tokens[openTok - 1]?.text === ":") return true;
  for (let k = openTok - 1; k >= lo && openTok - k <= 8; k--) {
    const t = tokens[k]!;
    if (t.kind === TK.Punct && ".!?;".includes(t.text)) return false;
    if (speech[k] === 1 || (t.kind === TK.Word && NAMING_VERBS.has(t.low))) return true;
  }
  return false;
}

/** Verbs of singing: what is sung in quotation marks is a song's title. */
const SING_DE = new Set(["sang", "sangen", "singt", "singen", "gesungen", "sange"]);
/** Verbs of shouting and chanting: their quoted object is what was shouted. */
const SHOUT_DE = new Set(["rief", "riefen", "ruft", "rufen", "schrie", "schrien", "schreit", "brüllte", "brüllten", "skandierte", "skandierten", "skandieren", "skandiert"]);
/** Auxiliaries that open a German tag after a comma: "„…“, wird X zitiert", "„…“, hat sie gesagt". */
const TAG_AUX_DE = new Set(["wird", "wurde", "werden", "wurden", "hat", "hatte", "haben", "hatten", "habe", "ließ", "ließen", "lässt"]);
const LAUTET_DE = new Set(["lautet", "lautete", "lauten", "lauteten", "heißt", "hieß"]);
const NEGATION_DE = new Set(["kein", "keine", "keinen", "keinem", "keiner", "keines", "nicht", "nichts"]);
/** Nouns that introduce a name or title: what follows them in marks is the name, whatever its first word. */
const NAMING_NOUN_DE = new Set(["motto", "titel", "name", "namen", "slogan", "schlagzeile", "überschrift", "stichwort", "schlagwort"]);
const SLOGAN_DE = /(parole|parolen|spruch|sprüche|aufschrift)$/;
/** "Parolen wie (zum Beispiel) „…“", "die Parole „…“", "mit der Aufschrift „…“". */
function sloganBefore(tokens: Token[], openTok: number): boolean {
  for (let k = openTok - 1; k >= 0 && openTok - k <= 4; k--) {
    const t = tokens[k]!;
    if (t.kind !== TK.Word) return false;
    if (t.cap && SLOGAN_DE.test(t.low)) return true;
    if (!["wie", "etwa", "zum", "beispiel", "beispielsweise"].includes(t.low)) return false;
  }
  return false;
}

/** A lower-case adjective ("neue", "sogenannten"). */
function isLowerAdj(t: Token | undefined): boolean {
  return t !== undefined && t.kind === TK.Word && !t.cap && /(e|en|er|es|em)$/.test(t.low) && !FUNCTION_WORDS.has(t.low);
}

/** Whether a quote has a lower-case word that is not a function word. */
function lowerWords(doc: Doc, s: QuoteSpan): boolean {
  const { tokens } = doc;
  for (let k = tokenAt(tokens, s.start), n = 0; k < tokens.length && tokens[k]!.start < s.end && n < 40; k++, n++) {
    const t = tokens[k]!;
    if (t.kind === TK.Word && !t.cap && !FUNCTION_WORDS.has(t.low)) return true;
  }
  return false;
}

/**
 * The index of the quote right before span q when only "und", "oder", "sowie", "bzw." or a comma
 * stand between the two and neither ends a sentence; else -1.
 */
function coordinatedWith(doc: Doc, q: number, openTok: number): number {
  const { spans, tokens, text } = doc;
  if (q === 0) return -1;
  const p = spans[q - 1]!;
  const s = spans[q]!;
  if (!p.closed || p.close >= s.open || p.parent !== s.parent) return -1;
  const ends = (a: number, b: number) => /[.!?…]$/.test(text.slice(a, b));
  if (ends(p.start, p.end) || ends(s.start, s.end)) return -1;
  // Of the same shape: both in lower-case words ("„laut“ und „rücksichtslos“") or both in
  // capitalized words only ("„Nordwind“ oder „Südwind“").
  // (Two that open with a capital letter are of the same kind too: titles in a list, „Nackt im
  // Wind“ oder „Jeder für sich“.)
  const capOpen = (x: QuoteSpan) => tokens[tokenAt(tokens, x.start)]?.cap === true;
  if (lowerWords(doc, p) !== lowerWords(doc, s) && !(doc.lang === "de" && capOpen(p) && capOpen(s))) return -1;
  const closeTok = tokenAt(tokens, p.close);
  const between = openTok - closeTok - 1;
  // (An article may stand before the second: "„den Bestand des Staates“ oder die „Grundlagen …“".)
  const articled = doc.lang === "de" && between >= 2 && (DEF_DE.has(tokens[openTok - 1]!.low) || INDEF_DE.has(tokens[openTok - 1]!.low));
  if (between < 1 || between > (articled ? 3 : 2)) return -1;
  for (let k = closeTok + 1; k < (articled ? openTok - 1 : openTok); k++) {
    const t = tokens[k]!;
    if (!(t.text === "," || ["und", "oder", "sowie", "bzw"].includes(t.low))) return -1;
  }
  return q - 1;
}

/** A title noun right before the opening mark, or before an article before it ("der Film „…“"). */
function titleBeforeMark(doc: Doc, openTok: number): boolean {
  const { tokens, lang } = doc;
  const noun = (t: Token | undefined) => t !== undefined && t.kind === TK.Word && (lang === "de" ? t.cap && TITLE_NOUN_DE.test(t.low) : TITLE_NOUN_EN.has(t.low));
  const prev = tokens[openTok - 1];
  return noun(prev) || (prev !== undefined && DEF_DE.has(prev.low) && noun(tokens[openTok - 2]));
}

function hasAdjacentTag(doc: Doc, openTok: number, closeTok: number): boolean {
  const { tokens, speech } = doc;
  if (closeTok >= 0) {
    let k = closeTok + 1;
    if (tokens[k]?.text === ",") k++;
    for (let d = 0; d < 4 && k + d < tokens.length; d++) {
      const t = tokens[k + d]!;
      if (t.kind === TK.Punct) break;
      // German tags put the verb first ("„…“, sagte X", "„…“, wird X zitiert"): any other word
      // first opens the next sentence ("„…!“ Der Minister sagte, …") or goes on with the
      // quote as a name in the clause ("der „Nordexpress“ kann nur eingeschränkt fahren").
      if (doc.lang === "de" && d === 0 && speech[k] !== 1 && !(k > closeTok + 1 && (TAG_AUX_DE.has(t.low) || t.low === "so"))) break;
      if (speech[k + d] === 1 || (doc.lang === "de" && d === 0 && t.low === "so" && tokens[closeTok + 1]?.text === ",")) return true;
    }
  }
  const before = tokens[openTok - 1];
  if (before && before.text === ":") return true;
  for (let d = 1; d <= 3; d++) {
    const k = openTok - d - (before?.text === "," ? 1 : 0);
    if (k < 0) break;
    if (tokens[k]!.kind === TK.Punct) break;
    if (speech[k] === 1) return true;
  }
  return false;
}

export function markQuotes(doc: Doc, accepted: number[]): void {
  const { tokens, spans } = doc;
  for (const q of accepted) {
    const s = spans[q]!;
    const a = tokenAt(tokens, s.open);
    const b = s.closed ? tokenAt(tokens, s.close) : tokenAt(tokens, s.end);
    doc.markOf[a] = 1;
    if (s.closed) doc.markOf[b] = 1;
    for (let k = a + 1; k < b; k++) doc.quoteOf[k] = q;
  }
}

// ---------------------------------------------------------------------------------------------

function mentionAfter(doc: Doc, v: number, hi: number): Mention | null {
  const { tokens } = doc;
  for (let k = v + 1; k < hi && k <= v + 6; k++) {
    const t = tokens[k]!;
    const mi = doc.mentionAt[k]!;
    if (mi >= 0) {
      const m = doc.mentions[mi]!;
      // "writes Huber's longtime partner Erick Rowan": a possessive only qualifies the subject;
      // "tweeted Mayor of London Sadiq Khan": a place after "of" belongs to the title.
      // "wrote Chief Justice Ana K. Morrow": a title before a name is no speaker of its own.
      if (doc.lang === "en" && m.kind === "role") {
        let n = m.last;
        while (n < hi && n - m.last < 5 && tokens[n]!.kind === TK.Word && tokens[n]!.cap && (doc.mentionAt[n]! < 0 || doc.mentions[doc.mentionAt[n]!]!.kind === "role")) n++;
        if (tokens[n]?.text === "." && n + 1 < hi) n++; // "Ana K. Morrow": the initial's period
        if (n < hi && doc.mentionAt[n]! >= 0 && doc.mentions[doc.mentionAt[n]!]!.kind === "name") {
          k = n - 1;
          continue;
        }
      }
      if (doc.lang === "en" && m.kind !== "first-person" && (/[’']s$/.test(m.surface) || (m.kind === "org" && ["of", "for", "from"].includes(tokens[m.first - 1]?.low ?? "")))) {
        k = m.last - 1;
        continue;
      }
      if (m.kind !== "first-person") return m;
      return null;
    }
    if (t.kind === TK.Punct) {
      if (t.text === "-" || t.text === ".") continue;
      return null;
    }
    if (doc.speech[k] === 1) return null;
    if (t.cap && roleOf(doc.lang, t.low)) continue;
    if (t.kind === TK.Word && !t.cap && (SKIP_AFTER.has(t.low) || ["der", "die", "das", "dem", "den", "des", "the", "a", "an", "ein", "eine", "einer", "einem", "eines"].includes(t.low))) continue;
    if (t.kind === TK.Word && doc.lang === "en" && !t.cap) continue;
    if (t.kind === TK.Word && t.cap && doc.lang === "de" && CAP_STOP.has(t.low)) continue;
    // Anything else (an object noun, a verb) ends the subject slot.
    if (k > v + 2) return null;
  }
  return null;
}

function mentionBefore(doc: Doc, v: number, lo: number): Mention | null {
  const { tokens } = doc;
  let commas = 0;
  for (let k = v - 1; k >= lo && k >= v - 8; k--) {
    const t = tokens[k]!;
    const mi = doc.mentionAt[k]!;
    if (mi >= 0) {
      const m = doc.mentions[mi]!;
      return m.kind === "first-person" ? null : m;
    }
    if (t.kind === TK.Punct) {
      // Apposition: "Der Geschäftsführer des Klinikums, Bernd Auerbach, sagte".
      if (t.text === "," && k === v - 1 && doc.mentionAt[k - 1]! >= 0) {
        const m = doc.mentions[doc.mentionAt[k - 1]!]!;
        if (m.kind === "name") return m;
      }
      // English appositions: "Smith, the minister, said".
      if (t.text === "," && doc.lang === "en" && commas < 2) {
        commas++;
        continue;
      }
      return null;
    }
    if (doc.speech[k] === 1) return null;
    if (t.kind === TK.Word && CONJ_THAT.has(t.low)) return null;
  }
  return null;
}

function subjectOf(doc: Doc, v: number, lo: number, hi: number, prefer: "after" | "before" | "auto"): Mention | null {
  // English: the subject phrase before the verb, read head first, or after an inverted verb (english.ts).
  const a = doc.lang === "en" ? (prefer === "after" ? subjectAfterEn(doc, v, hi) : mentionAfter(doc, v, hi)) : mentionAfter(doc, v, hi);
  const b = doc.lang === "en" ? subjectBeforeEn(doc, v, lo) : mentionBefore(doc, v, lo);
  if (doc.lang === "en") {
    // "… were described by Johnson as …": the agent of a passive speaks.
    const agent = passiveAgentEn(doc, v, hi);
    if (agent) return agent;
    // The subject stands before the verb; after it only when inverted ("…," said Smith), and
    // never after "told" (the addressee: "told MSNBC").
    // (A participle — "…,” saying that …" — has its subject in the clause before it.)
    // ("“…?” asked Tom Reed": in a tag after the quote "asked" has its subject after it.)
    const low = doc.tokens[v]!.low;
    const after = a && (!ADDRESSEE_VERBS_EN.has(low) || (prefer === "after" && (low === "asked" || low === "asks"))) && !/ing$/.test(low) ? a : null;
    if (prefer === "after") return after ?? b;
    return b ?? after;
  }
  if (prefer === "after") return a ?? b;
  if (prefer === "before") return b ?? a;
  if (a && a.first === v + 1 && a.kind === "pronoun") return a;
  if (b && b.last === v) return b;
  if (a && a.first === v + 1) return a;
  return b ?? a;
}

function attrOf(m: Mention | null, cue?: number): Attr | null {
  if (!m) return null;
  return cue === undefined ? { mention: m, person: m.person } : { mention: m, person: m.person, cue };
}

/** The same speaker without a cue: words that continue an earlier report have no cue of their own. */
function carried(a: Attr | null): Attr | null {
  return a && a.cue !== undefined ? { mention: a.mention, person: a.person } : a;
}

const PHRASE_ARTICLES = new Set(["der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "einen", "eines", "the", "a", "an"]);

/** Head nouns of a source phrase whose speaker is its genitive: "Angaben der Polizei" → Polizei. */
const SOURCE_HEADS_DE = new Set([
  "angaben", "angabe", "informationen", "information", "erkenntnissen", "erkenntnisse", "berichten", "bericht", "berichte",
  "aussagen", "aussage", "worten", "ansicht", "auffassung", "meinung", "einschätzung", "einschätzungen", "darstellung",
  "schätzungen", "schätzung", "sicht", "überzeugung", "mitteilung", "stellungnahme", "erklärung", "meldung", "meldungen",
  "ermittlungen", "recherchen", "daten", "zahlen", "untersuchungen", "ergebnissen", "vorwürfen", "äußerungen", "willen",
]);

/**
 * A speaker named by a phrase that is no known person: "die Stadtverwaltung", "Die Anwohner",
 * "Angaben der Polizei". Its mention is the whole phrase; its name drops the article, and for a
 * source phrase ("nach Angaben der Polizei") it is the genitive ("Polizei").
 */
function phraseSpeaker(doc: Doc, np: Phrase): Mention {
  const { tokens, text } = doc;
  let a = np.first;
  let b = np.last;
  while (b > a + 1 && tokens[b - 1]!.kind === TK.Punct && tokens[b - 1]!.text !== ")" && !"“”\"«»".includes(tokens[b - 1]!.text)) b--;
  const surface = text.slice(tokens[a]!.start, tokens[b - 1]!.end);
  let n = a;
  if (PHRASE_ARTICLES.has(tokens[n]!.low)) n++;
  // "Angaben der Polizei", "ersten Angaben": the source, not the report.
  let h = n;
  while (h < b && tokens[h]!.kind === TK.Word && !tokens[h]!.cap) h++;
  if (h < b && SOURCE_HEADS_DE.has(tokens[h]!.low) && h + 1 < b && ["der", "des", "von", "vom"].includes(tokens[h + 1]!.low)) n = h + 2;
  if (n >= b) n = a;
  const name = text.slice(tokens[n]!.start, tokens[b - 1]!.end);
  return {
    first: a, last: b, start: tokens[a]!.start, end: tokens[b - 1]!.end, kind: "org", gender: "n", plural: false,
    person: { name, gender: "n", plural: false, org: true, roles: new Set() },
    surface, salient: false, inQuote: doc.quoteOf[a]! >= 0, sentence: doc.sentOf[a]!,
  };
}

/** The mention that stands for a subject phrase: a name in it, else its role or pronoun, else an organisation in it, else the phrase itself. */
function phraseMention(doc: Doc, np: Phrase): Mention | null {
  let best: Mention | null = null;
  let rank = 9;
  let inMarks = false;
  for (let k = np.first; k < np.last; k++) {
    // Words inside quotation marks in the phrase are a name ("der „Hohe Rat der Stadt“"): a
    // mention in it is part of that name, not the speaker.
    const t = doc.tokens[k]!;
    if (t.kind === TK.Punct && "„“”\"«»".includes(t.text)) inMarks = !inMarks;
    const mi = doc.mentionAt[k]!;
    if (mi < 0 || inMarks) continue;
    const m = doc.mentions[mi]!;
    if (m.kind === "first-person") return null;
    const r = m.kind === "name" ? 0 : m.kind === "role" || m.kind === "pronoun" ? 1 : 2;
    if (r < rank) {
      best = m;
      rank = r;
    }
  }
  return best ?? phraseSpeaker(doc, np);
}

/** The speaker of the speech verb at v: in German the subject phrase by word order, else the nearest mention around the verb. */
function verbSpeaker(doc: Doc, v: number, lo: number, hi: number, prefer: "after" | "before" | "auto"): Mention | null {
  if (doc.lang === "de") {
    if (impersonalDe(doc, v, lo, hi)) return null;
    const rel = relativeSubjectDe(doc, v, lo);
    if (rel >= 0) return anaphor(doc, rel, phraseBefore(doc, rel - 1, Math.max(lo, doc.sentences[doc.sentOf[rel]!]!.first)));
    // A passive with its agent: "Die Stadt wurde vom Verband aufgefordert, …" — the agent speaks.
    const agent = passiveAgentDe(doc, v, lo);
    if (agent) return phraseMention(doc, agent);
  }
  if (doc.lang === "de") {
    const np = subjectPhraseDe(doc, v, lo, hi);
    const cited = citedPhraseDe(doc, v, lo, hi, np);
    if (cited) return phraseMention(doc, cited);
    if (np && (prefer !== "after" || np.first > v)) return phraseMention(doc, np);
  }
  return subjectOf(doc, v, lo, hi, prefer);
}

/**
 * A word that stands for a speaker named before it: a relative pronoun ("ein Zeuge, der
 * behauptet, …"), "wonach" ("Berichte, wonach …"), "demnach" (by that report). The mention is
 * the word itself, as the text has it; the person is the one it refers to (the desk shows
 * „der“ → Zeuge), or nobody when that is unknown.
 */
function anaphor(doc: Doc, k: number, ref: Mention | null): Mention {
  const t = doc.tokens[k]!;
  return {
    first: k, last: k + 1, start: t.start, end: t.end, kind: "pronoun", gender: ref?.gender ?? "u", plural: ref?.plural ?? false,
    person: ref ? ref.person ?? { name: ref.surface, gender: "u", plural: false, org: true, roles: new Set() } : null,
    surface: t.text, salient: false, inQuote: doc.quoteOf[k]! >= 0, sentence: doc.sentOf[k]!,
  };
}

/** A source phrase after a word ("laut Polizei", "so der Minister", "nach Angaben der Polizei"). */
function phraseAfter(doc: Doc, k: number, hi: number): Mention | null {
  if (doc.lang !== "de") return mentionAfter(doc, k, hi);
  const np = nounPhraseDe(doc, k + 1, hi);
  return np ? phraseMention(doc, np) : mentionAfter(doc, k, hi);
}

/** A source phrase that ends right before token `end` ("Ermittlungen der Polizei zufolge"). */
function phraseBefore(doc: Doc, end: number, lo: number): Mention | null {
  if (doc.lang !== "de") return mentionBefore(doc, end, lo);
  let best = -1;
  for (let s = end - 1; s >= lo && s >= end - 20; s--) {
    const np = nounPhraseDe(doc, s, end);
    if (np && np.last === end) best = s;
  }
  return best >= 0 ? phraseMention(doc, { first: best, last: end }) : mentionBefore(doc, end, lo);
}

/** The speech tag right after a closing mark: "», sagte Trump", "," he said", "», so Peskow". */
function tagAfter(doc: Doc, closeTok: number, hi: number): { attr: Attr | null; lo: number; hi: number } | null {
  const { tokens, speech, lang } = doc;
  let k = closeTok + 1;
  while (k < hi && (tokens[k]!.text === "," || tokens[k]!.text === "–" || tokens[k]!.text === "—" || tokens[k]!.text === "(")) k++;
  if (k >= hi) return null;
  const t = tokens[k]!;
  if (doc.markOf[k]) return null;
  const end = Math.min(hi, k + 12);
  if (speech[k] === 1 || speech[k] === 2) return { attr: attrOf(verbSpeaker(doc, k, k, end, "after"), k), lo: k, hi: end };
  if (lang === "de" && t.low === "so" && tokens[closeTok + 1]?.text === ",") {
    const m = phraseAfter(doc, k, end);
    if (m) return { attr: attrOf(m, k), lo: k, hi: end };
  }
  if (t.low === "according" && tokens[k + 1]?.low === "to") {
    const m = lang === "en" ? accordingToEn(doc, k, end).mention : mentionAfter(doc, k + 1, end);
    if (m) return { attr: attrOf(m, k), lo: k, hi: end };
  }
  // "…," he said / the minister told reporters / Smith, the minister, said
  for (let d = 0, commas = 0; d < 8 && k + d < end; d++) {
    const u = tokens[k + d]!;
    if (speech[k + d] === 1 || speech[k + d] === 2) {
      // "„…“, wie Hoyzer von Spiegel-Online zitiert wird": the one quoted stands before the
      // outlet that quotes them.
      const citing = lang === "de" ? citingPhraseDe(doc, k + d) : null;
      const before = citing && citing.first > k + 1 ? citing.first - 1 : k + d;
      const m = lang === "en" ? subjectBeforeEn(doc, k + d, k) : mentionBefore(doc, before, k);
      if (m) return { attr: attrOf(m, k + d), lo: k, hi: end };
      break;
    }
    if (u.kind === TK.Punct) {
      if (u.text === "," && lang === "en" && commas++ < 2) continue;
      break;
    }
    // "…," while Trump noted …: a new clause, not this quote's tag.
    if (lang === "en" && !u.cap && CLAUSE_LINK_EN.has(u.low)) break;
    if (lang === "de" && u.low === "zufolge") {
      const m = mentionBefore(doc, k + d, k);
      if (m) return { attr: attrOf(m, k + d), lo: k, hi: end };
    }
  }
  return null;
}

/**
 * English: the sentence after the one a quote closes, when it opens with the quote's tag (a
 * speech verb among its first words, in the same paragraph, the quote's words ending in . ? or !):
 * its index, else -1.
 */
function nextSentenceTagEn(doc: Doc, closeTok: number): number {
  const { tokens, sentences, sentOf } = doc;
  const s = sentOf[closeTok]!;
  if (s + 1 >= sentences.length || sentences[s]!.last !== closeTok + 1) return -1;
  if (!/[.?!]/.test(tokens[closeTok - 1]?.text ?? "")) return -1;
  const n = sentences[s + 1]!;
  const first = tokens[n.first]!;
  if (n.first !== closeTok + 1 || first.breakBefore > 0 || doc.markOf[n.first]) return -1;
  for (let k = n.first; k < n.last && k - n.first < 4; k++) {
    if (doc.speech[k] === 1) {
      // "“…” Prosecutor Tom Holt said the sentence sent a message.", "“…” Holt said: “…”": a
      // verb with a clause or a quote of its own opens a new report, not the quote's tag.
      if (reportedClauseEn(doc, k, n.last) >= 0) return -1;
      for (let j = k + 1; j < n.last; j++) if (doc.markOf[j] || tokens[j]!.text === ":") return -1;
      return s + 1;
    }
    if (tokens[k]!.kind === TK.Punct) return -1;
  }
  return -1;
}

/** The speech tag before an opening mark: "Trump sagte: «", "Putin: «", "sagt er «". */
function tagBefore(doc: Doc, openTok: number, lo: number): { attr: Attr | null; lo: number; hi: number } | null {
  const { tokens, speech } = doc;
  const hi = openTok;
  if (hi <= lo) return null;
  const lastTok = tokens[hi - 1]!;
  const from = lastTok.text === ":" || lastTok.text === "," ? hi - 1 : hi;
  for (let k = from - 1; k >= lo && k >= from - 24; k--) {
    if (doc.lang === "en") {
      // "commented on the matter — which the BBC noted as unusual — “…”": an aside between dashes
      // or in parentheses is skipped whole.
      const tk = tokens[k]!;
      if (tk.kind === TK.Punct && (tk.text === "—" || tk.text === "–" || tk.text === ")")) {
        const opener = tk.text === ")" ? "(" : tk.text;
        let o = k - 1;
        while (o >= lo && k - o <= 20 && tokens[o]!.text !== opener && !(tokens[o]!.kind === TK.Punct && SENT_PUNCT.has(tokens[o]!.text))) o--;
        if (o >= lo && tokens[o]!.text === opener) {
          k = o;
          continue;
        }
      }
      const rel = objectRelativeSubjectEn(doc, k, openTok);
      if (rel) return { attr: attrOf(rel), lo: k, hi };
    }
    if (speech[k] === 1 || (speech[k] === 2 && lastTok.text === ":")) {
      return { attr: attrOf(verbSpeaker(doc, k, lo, hi, "auto"), k), lo: Math.max(lo, k - 8), hi };
    }
    const t = tokens[k]!;
    if (t.kind === TK.Punct && SENT_PUNCT.has(t.text)) break;
    if (t.kind === TK.Punct && doc.markOf[k]) break;
  }
  if (doc.lang === "en") {
    // "According to Rutgers scholar Kelly Dittmar, “…”": the source of a quote right after the phrase.
    if (lastTok.text === ",") {
      for (let k = hi - 2; k >= lo && hi - k <= 24; k--) {
        const t = tokens[k]!;
        if (t.kind === TK.Punct && (SENT_PUNCT.has(t.text) || doc.markOf[k])) break;
        if (t.low === "according" && tokens[k + 1]?.low === "to") {
          const src = accordingToEn(doc, k, hi);
          if (src.mention && src.last === hi - 1) return { attr: attrOf(src.mention, k), lo: k, hi };
          break;
        }
      }
    }
    // "The palace issued the following statement from the king: “…”": the author of the statement.
    if (lastTok.text === ":") {
      const mi = doc.mentionAt[hi - 2]!;
      const m = mi >= 0 ? doc.mentions[mi]! : null;
      if (m && m.last === hi - 1 && m.kind !== "first-person") {
        let k = m.first - 1;
        while (k > lo && tokens[k]!.kind === TK.Word && ["the", "a", "an", "its", "his", "her", "their"].includes(tokens[k]!.low)) k--;
        if ((tokens[k]?.low === "from" || tokens[k]?.low === "by") && AUTHORED_NOUNS_EN.has(tokens[k - 1]?.low ?? "")) return { attr: attrOf(m), lo: k - 1, hi };
      }
    }
  }
  if (lastTok.text === ":") {
    // "Anna Berg, Präsidentin des Verbands: „…“": a name or role that opens the clause.
    const m = mentionBefore(doc, hi - 1, lo);
    if (m && m.last === hi - 1 && (m.first === lo || tokens[m.first - 1]!.kind === TK.Punct || m.kind === "name")) return { attr: attrOf(m), lo: m.first, hi };
    // Any clause before a colon introduces the quote, whatever its verb: "Keßler beschrieb die
    // Lage mit den Worten: „…“", "Hier sparte die Ministerin nicht mit Kritik: „…“".
    if (doc.lang === "de") {
      let c = hi - 1;
      while (c > lo && hi - c < 30 && !(tokens[c - 1]!.kind === TK.Punct && (SENT_PUNCT.has(tokens[c - 1]!.text) || tokens[c - 1]!.text === ":" || doc.markOf[c - 1]))) c--;
      const np = clauseSubjectDe(doc, c, hi - 1);
      if (np) return { attr: attrOf(phraseMention(doc, np)), lo: c, hi };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

export interface IndirectFound {
  start: number;
  end: number;
  attr: Attr | null;
  /** The cue's token when no speaker was found for it ("Es wurde vermutet, dass …"). */
  cue?: number;
  /** Further reported clauses of the same sentence (English: "said A and that B", "reported that A; that B"). */
  extra?: IndirectFound[];
}

interface Report {
  attr: Attr;
  sentence: number;
}

export function attribute(doc: Doc, accepted: number[]): { quotes: QuoteCandidate[]; indirect: IndirectFound[] } {
  const { tokens, spans, sentences, sentOf } = doc;
  const infos: QInfo[] = [];
  const bySpan = new Map<number, QInfo>();
  for (const q of accepted) {
    const s = spans[q]!;
    const info: QInfo = {
      span: q,
      openTok: tokenAt(tokens, s.open),
      closeTok: s.closed ? tokenAt(tokens, s.close) : -1,
      parent: s.parent >= 0 ? bySpan.get(s.parent) ?? null : null,
      attr: null,
      own: false,
      tagLo: -1,
      tagHi: -1,
    };
    bySpan.set(q, info);
    infos.push(info);
  }

  // Phase 1: each quote's own speech tag.
  let prevTop: QInfo | null = null;
  for (const q of infos) {
    const sOpen = sentOf[q.openTok]!;
    const parentHi = q.parent && q.parent.closeTok >= 0 ? q.parent.closeTok : tokens.length;
    const parentLo = q.parent ? q.parent.openTok + 1 : 0;
    let tag: { attr: Attr | null; lo: number; hi: number } | null = null;
    if (q.closeTok >= 0) {
      const sClose = sentOf[q.closeTok]!;
      const hi = Math.min(parentHi, sentences[sClose]!.last);
      tag = tagAfter(doc, q.closeTok, hi);
    }
    if (!tag || !tag.attr) {
      let lo = Math.max(parentLo, sentences[sOpen]!.first);
      // Interrupted quote: the tag sits between the previous quote and this one.
      if (!q.parent && prevTop && prevTop.closeTok >= lo && prevTop.closeTok < q.openTok) lo = prevTop.closeTok + 1;
      const before = tagBefore(doc, q.openTok, lo);
      if (before && before.attr) tag = before;
    }
    // English "“…?” asked Tom Reed.", "“…!” Macron told the world.": a quote that ends its
    // sentence, with its tag opening the next one.
    if ((!tag || !tag.attr) && doc.lang === "en" && q.closeTok >= 0) {
      const next = nextSentenceTagEn(doc, q.closeTok);
      if (next >= 0) {
        const after = tagAfter(doc, q.closeTok, Math.min(parentHi, sentences[next]!.last));
        if (after && after.attr) tag = after;
      }
    }
    // English: a partial quote after a naming verb in its clause ("Pelosi called the conduct a
    // “…,” according to NBC", "… a “…,” the paper said") is the words of the one who named it;
    // the source after it only carries them.
    if (tag && tag.attr && doc.lang === "en" && !q.parent && tag.lo > q.closeTok && q.closeTok >= 0) {
      const first = sentences[sOpen]!.first;
      for (let k = q.openTok - 1; k >= first && q.openTok - k <= 8; k--) {
        const t = tokens[k]!;
        if (t.kind === TK.Punct || doc.markOf[k]) break;
        if (!t.cap && NAMING_VERBS.has(t.low)) {
          const m = subjectBeforeEn(doc, k, first);
          if (m) tag = { attr: attrOf(m, k), lo: k, hi: q.openTok };
          break;
        }
      }
    }
    if (tag && tag.attr) {
      q.attr = tag.attr;
      q.own = true;
      q.tagLo = tag.lo;
      q.tagHi = tag.hi;
    }
    if (!q.parent) prevTop = q;
  }

  // Phase 2: sentence by sentence, indirect speech and the quotes without a tag of their own.
  const indirect: IndirectFound[] = [];
  let last: Report | null = null;
  let qi = 0;
  const topInfos = infos.filter((q) => !q.parent);
  for (let s = 0; s < sentences.length; s++) {
    const sent = sentences[s]!;
    let verbAttr: Attr | null = null;
    for (let k = sent.first; k < sent.last; k++) {
      if (doc.quoteOf[k]! >= 0 || doc.markOf[k]) continue;
      if (doc.speech[k]! > 0) {
        const m = verbSpeaker(doc, k, sent.first, sent.last, "auto");
        if (m) verbAttr = attrOf(m, k);
      }
    }
    // "Velmer streicht 2.400 Stellen. Das teilte das Unternehmen mit.": the next sentence
    // attributes this one.
    let nextTag: Attr | null = null;
    if (doc.lang === "de" && s + 1 < sentences.length) {
      const v = anaphoricTagDe(doc, s + 1);
      if (v >= 0) nextTag = attrOf(verbSpeaker(doc, v, sentences[s + 1]!.first, sentences[s + 1]!.last, "auto"), v);
      // "Dies geht aus einer Mitteilung des Konzerns hervor.": the document is the source.
      else nextTag = emergesFromDe(doc, s + 1);
    }
    let ind = detectIndirect(doc, s, last);
    if (!ind && nextTag) ind = wholeSentence(doc, s, nextTag);
    // One item per reported sentence, also when several continue one report (the corpus of
    // German news annotates such a run as one passage; docs/extraction.md).
    if (ind) {
      indirect.push(ind);
      if (ind.extra) for (const x of ind.extra) indirect.push(x);
    }
    // Quotes that start in this sentence.
    while (qi < topInfos.length && sentOf[topInfos[qi]!.openTok]! < s) qi++;
    let quoteAttr: Attr | null = null;
    for (let j = qi; j < topInfos.length && sentOf[topInfos[j]!.openTok]! === s; j++) {
      const q = topInfos[j]!;
      if (!q.attr && doc.lang === "en") {
        // English: the verb nearest before the quote in its sentence says whose words they are
        // ("with Scalise calling the investigation “…” and Spano calling the process “…”"); a
        // quote inside reported speech belongs to its reporter; else the clause's subject
        // ("Trump called the investigation a “witch hunt”").
        const near = speechBeforeEn(doc, q.openTok, sent.first);
        q.attr = near ?? (ind?.attr && ind.start <= tokens[q.openTok]!.start + 1 && tokens[q.openTok]!.start <= ind.end + 2 ? ind.attr : null) ?? attrOf(clauseSubjectEn(doc, q.openTok, sent.first));
      }
      if (!q.attr) {
        q.attr =
          verbAttr ??
          ind?.attr ??
          frameAttr(doc, s) ??
          nextTag ??
          subjectOutside(doc, s) ??
          carried(last && s - last.sentence <= 1 ? last.attr : null) ??
          nearestPerson(doc, q.openTok);
      }
      if (q.attr) quoteAttr = q.attr;
      // (A quote without its closing mark runs to the end of its paragraph, English style: the
      // next paragraph's quote continues it.)
      const endTok = q.closeTok >= 0 ? q.closeTok : Math.min(tokens.length - 1, tokenAt(tokens, spans[q.span]!.end) - 1);
      if (q.attr && endTok >= 0) {
        const sc = sentOf[endTok]!;
        if (sc > s) {
          last = { attr: q.attr, sentence: sc };
        }
      }
    }
    const report: Attr | null = quoteAttr ?? ind?.attr ?? verbAttr;
    if (report && (!last || last.sentence <= s)) last = { attr: report, sentence: s };
    else if (report && last) last = { attr: report, sentence: Math.max(last.sentence, s) };
  }

  // English "they": the group that spoke in the last two sentences, else the group that is the
  // subject of a sentence before ("The team collected samples. … If …, they reasoned, …").
  if (doc.lang === "en") resolveTheyEn(doc, infos, indirect);
  if (doc.lang === "en") resolveStatementEn(doc, infos, indirect);

  // Phase 3: nested quotes. A pronoun in a quote inside someone's words refers to someone
  // other than that speaker ("sagt er «Ich habe das nicht gemacht»" in Trump's words about
  // Putin); "ich" is the outer speaker.
  for (const q of infos) {
    if (!q.parent) continue;
    const outer = q.parent.attr?.person ?? null;
    if (!q.attr && doc.lang === "en") q.attr = nestedTagEn(doc, q);
    if (q.attr && q.attr.mention.kind === "first-person") {
      q.attr = outer ? { ...q.attr, person: outer } : null;
    } else if (q.attr && q.attr.mention.kind === "pronoun" && q.attr.mention.inQuote) {
      q.attr = { mention: q.attr.mention, person: otherPerson(doc, q, outer) };
    } else if (!q.attr && doc.lang === "en" && q.parent.attr && q.parent.attr.mention.kind !== "first-person") {
      // English "“… it felt like ‘am I going to die?’ ”": no one named inside the outer quote
      // says the inner words, so they are the outer speaker's own (a thought, a phrase of theirs).
      q.attr = q.parent.attr;
    } else if (!q.attr) {
      q.attr = null;
    }
  }

  const quotes: QuoteCandidate[] = infos.flatMap((q) => {
    const s = spans[q.span]!;
    // “We will win,” he said: the comma belongs to the sentence around the quote, not to it.
    let end = s.end;
    while (end > s.start + 1 && (doc.text[end - 1] === "," || /\s/.test(doc.text[end - 1]!))) end--;
    const quote: QuoteCandidate = {
      kind: "direct",
      text: doc.text.slice(s.start, end),
      start: s.start,
      end,
      speaker: speakerOf(q.attr),
      reportedBy: q.parent ? speakerOf(q.parent.attr) : null,
      cue: cueOf(doc, q.attr),
    };
    const citing = citingParty(doc, q.attr);
    if (!citing) return [quote];
    // "Ein Fernsehsender zitierte Papandreou mit den Worten: „…“": the person quoted speaks, the
    // outlet reports it; and, as the German news corpus annotates it, the outlet is a source of
    // the same words too: a second quote on the same span (the desk merges the two again,
    // lib/editorial/articles/rules.ts mergeCitedQuotes).
    const outlet = speakerOf(attrOf(citing));
    return [{ ...quote, reportedBy: outlet }, { ...quote, speaker: outlet, reportedBy: null }];
  });
  return { quotes, indirect };
}

/**
 * The one who quotes, when a direct quote's cue is a form of "zitieren" and its clause names both
 * the person quoted (the quote's speaker) and an outlet, document or medium that quotes them
 * (np.ts citingPhraseDe); else null.
 */
function citingParty(doc: Doc, a: Attr | null): Mention | null {
  if (doc.lang !== "de" || !a || a.cue === undefined || a.mention.kind === "first-person") return null;
  const np = citingPhraseDe(doc, a.cue);
  if (!np || (a.mention.first < np.last && np.first < a.mention.last)) return null;
  return phraseMention(doc, np);
}

/** A group, an organisation or a plural phrase speaks (not a person, not a pronoun). */
function isGroup(a: Attr | null): boolean {
  return a !== null && a.mention.kind !== "pronoun" && a.person !== null && (a.person.org || a.person.plural || a.mention.plural);
}

function isTheyUnresolved(a: Attr | null): boolean {
  return a !== null && ((a.mention.kind === "pronoun" && (a.mention.plural || a.mention.gender === "n") && !a.person) || itsSpokesperson(a));
}

/** "it" as a speaker: a body, never a person; also "its spokesman", who speaks for it. */
function isIt(a: Attr | null): boolean {
  return a !== null && ((a.mention.kind === "pronoun" && !a.mention.plural && a.mention.gender === "n") || itsSpokesperson(a));
}

const BODY_SPOKESPERSON_EN = /^(an?|the) (company|firm|ministry|department|agency|airline|club|team|hospital|university|campaign|embassy|organi[sz]ation|foundation|commission|network|bank|carrier|manufacturer|utility|retailer|operator|school|college|charity|group)(['’]s)? (spokesperson|spokesman|spokeswoman|representative)$/i;

/** "Its spokesman said": an unnamed spokesperson of the body "its" refers to. */
function itsSpokesperson(a: Attr | null): boolean {
  // (Also "A company spokesperson told …", "the ministry's spokeswoman": the body named before.)
  return a !== null && (/^its (spokesperson|spokesman|spokeswoman|representative)$/i.test(a.mention.surface) || BODY_SPOKESPERSON_EN.test(a.mention.surface));
}

function resolveTheyEn(doc: Doc, infos: QInfo[], indirect: IndirectFound[]): void {
  let any = false;
  for (const q of infos) if (!q.parent && isTheyUnresolved(q.attr)) any = true;
  for (const x of indirect) if (isTheyUnresolved(x.attr)) any = true;
  if (!any) return;
  // Quotes and indirect items in text order (both lists are in order already: merge them).
  const tops = infos.filter((q) => !q.parent);
  let i = 0;
  let j = 0;
  let lastGroup: Attr | null = null;
  let lastGroupSentence = -1;
  while (i < tops.length || j < indirect.length) {
    const qPos = i < tops.length ? tops[i]!.openTok : Infinity;
    const xPos = j < indirect.length ? tokenAt(doc.tokens, indirect[j]!.start) : Infinity;
    const fromQuote = qPos <= xPos;
    const pos = fromQuote ? qPos : xPos;
    const a = fromQuote ? tops[i]!.attr : indirect[j]!.attr;
    const s = doc.sentOf[pos]!;
    if (isTheyUnresolved(a)) {
      // ("it": a body named as one, "the ministry", "Norland Rail"; "they": a body or a group.)
      const it = isIt(a);
      const fits = (p: Person | null, plural: boolean) => p !== null && (it ? p.org && !p.plural && !plural : p.org || p.plural || plural);
      let person: Person | null = lastGroup && s - lastGroupSentence <= 2 && fits(lastGroup.person, lastGroup.mention.plural) ? lastGroup.person : null;
      // (From the pronoun's own sentence: a tag in the next sentence, "“…” It also urged …".)
      const base = it ? Math.max(s, a!.mention.sentence) : s;
      for (let b = base - 1; !person && b >= 0 && base - b <= (it ? 2 : 4); b--) {
        const subj = mainSubjectEn(doc, b);
        if (subj && subj.kind !== "pronoun" && fits(subj.person, subj.plural)) person = subj.person;
      }
      // An "it" that stays unresolved names nobody.
      // ("Its spokesman" unresolved stays the spokesman.)
      const resolved: Attr | null = person ? { ...a!, person } : it && !itsSpokesperson(a) ? null : a;
      if (fromQuote) tops[i]!.attr = resolved;
      else indirect[j]!.attr = resolved;
    } else if (isGroup(a)) {
      lastGroup = a;
      lastGroupSentence = s;
    }
    if (fromQuote) i++;
    else j++;
  }
}

/** "the statement", "the release": a document named before, whose author is not named with it. */
const STATEMENT_ANAPHOR_EN = /^the (statement|release|press release|announcement|letter|message)$/i;

/**
 * English "In a statement, Trump announced … . The statement also said …": "the statement" is the
 * statement of the one who spoke in the sentence or two before.
 */
function resolveStatementEn(doc: Doc, infos: QInfo[], indirect: IndirectFound[]): void {
  const items: { pos: number; get: () => Attr | null; set: (a: Attr) => void }[] = [];
  for (const q of infos) if (!q.parent) items.push({ pos: q.openTok, get: () => q.attr, set: (a) => (q.attr = a) });
  for (const x of indirect) items.push({ pos: tokenAt(doc.tokens, x.start), get: () => x.attr, set: (a) => (x.attr = a) });
  items.sort((a, b) => a.pos - b.pos);
  let last: Attr | null = null;
  let lastSentence = -1;
  for (const it of items) {
    const a = it.get();
    const s = doc.sentOf[it.pos]!;
    const m = a?.mention;
    const the = m !== undefined && (STATEMENT_ANAPHOR_EN.test(m.surface) || (STATEMENT_ANAPHOR_EN.test("the " + m.surface) && doc.tokens[m.first - 1]?.low === "the"));
    if (a && the) {
      if (last && last.person && s - lastSentence <= 2) {
        it.set({ ...a, person: last.person });
        lastSentence = s; // (the statement goes on: "… which, the statement said, …")
      }
      continue;
    }
    if (a && a.person && a.mention.kind !== "pronoun") {
      last = a;
      lastSentence = s;
    }
  }
}

/** The subject of sentence s: that of its first finite verb outside quotes (English). */
function mainSubjectEn(doc: Doc, s: number): Mention | null {
  const sent = doc.sentences[s]!;
  for (let k = sent.first; k < sent.last && k - sent.first < 40; k++) {
    if (!outside(doc, k)) continue;
    if (doc.speech[k] || finiteEn(doc, k)) return subjectBeforeEn(doc, k, sent.first);
  }
  return null;
}

/** Verbs of thinking that introduce words in a quote inside a quote: "… and think, ‘…’". */
const THOUGHT_VERBS_EN = new Set(["think", "thought", "thinking", "wonder", "wondered", "wondering"]);

/** Words between a subject and its speech verb: "would ask", "have always said", "then told". */
const BEFORE_VERB_EN = new Set(["always", "also", "then", "never", "often", "just", "once", "later", "still", "even"]);

/**
 * English: the speaker of a quote inside a quote, from the tag inside the outer quote: "and I
 * said, ‘…’" (a first-person mention: the outer speaker), "Many people would ask me, ‘…’" (the
 * phrase before the verb), "I’ve always said, ‘…’".
 */
function nestedTagEn(doc: Doc, q: QInfo): Attr | null {
  const { tokens } = doc;
  const lo = q.parent!.openTok + 1;
  let v = -1;
  for (let k = q.openTok - 1; k >= lo && q.openTok - k <= 12; k--) {
    const t = tokens[k]!;
    if (doc.markOf[k] || (t.kind === TK.Punct && ".!?;".includes(t.text))) break;
    if (doc.speech[k] || THOUGHT_VERBS_EN.has(t.low)) {
      v = k;
      break;
    }
  }
  if (v < 0) return null;
  return nestedSubjectEn(doc, v, lo, true);
}

/** The subject of verb v inside an outer quote (from lo): see nestedTagEn. */
function nestedSubjectEn(doc: Doc, v: number, lo: number, again: boolean): Attr | null {
  const { tokens } = doc;
  let s = v - 1;
  // "A woman stopped me outside the library and said, “…”", "I did look at the list and think,
  // ‘…’": a second verb of the clause, whose subject is the first verb's.
  if (again && tokens[s]?.low === "and") {
    for (let k = s - 1; k >= lo && s - k <= 14; k--) {
      const u = tokens[k]!;
      if ((u.kind === TK.Punct && u.text !== "'" && u.text !== "’") || doc.markOf[k]) break;
      if (finiteEn(doc, k) || doc.speech[k]) return nestedSubjectEn(doc, k, lo, false);
    }
  }
  while (s >= lo && tokens[s]!.kind === TK.Word && !tokens[s]!.cap && (AUX_EN.has(tokens[s]!.low) || BEFORE_VERB_EN.has(tokens[s]!.low) || /ly$/.test(tokens[s]!.low))) s--;
  if (s < lo) return null;
  const t = tokens[s]!;
  const mi = doc.mentionAt[s]!;
  // "I've", "we'd": the pronoun with its auxiliary in one word.
  if (t.kind === TK.Word && /^(i|we)([’'](ve|d|ll|m))?$/.test(t.low)) {
    const m: Mention = mi >= 0 && doc.mentions[mi]!.kind === "first-person" ? doc.mentions[mi]! : {
      first: s, last: s + 1, start: t.start, end: t.end, kind: "first-person", gender: "u", plural: t.low.startsWith("we"), person: null,
      surface: t.text, salient: false, inQuote: true, sentence: doc.sentOf[s]!,
    };
    return { mention: m, person: null, cue: v };
  }
  if (mi >= 0) {
    const m = doc.mentions[mi]!;
    return m.kind === "first-person" ? { mention: m, person: null, cue: v } : attrOf(m, v);
  }
  // A phrase back to the clause start: "Many people would ask me".
  let a = s;
  while (a > lo && s - a < 5 && tokens[a - 1]!.kind === TK.Word && !(["and", "but", "or", "that"].includes(tokens[a - 1]!.low))) a--;
  return attrOf(phraseEn(doc, a, s + 1), v);
}

function otherPerson(doc: Doc, q: QInfo, outer: Person | null): Person | null {
  const p = q.parent!;
  const gender = q.attr!.mention.gender;
  const ok = (m: Mention) => m.person && !m.person.org && m.person !== outer && (gender === "u" || m.person.gender === "u" || m.person.gender === gender);
  // Persons named in the outer quote's tag: "sagte Trump über Putin".
  if (p.tagLo >= 0) {
    for (let k = p.tagLo; k < p.tagHi; k++) {
      const mi = doc.mentionAt[k]!;
      if (mi >= 0 && ok(doc.mentions[mi]!)) return doc.mentions[mi]!.person;
    }
  }
  const start = doc.mentionAt[q.openTok]! >= 0 ? q.openTok : q.openTok;
  let seen = 0;
  for (let k = start - 1; k >= 0 && seen < 60; k--) {
    const mi = doc.mentionAt[k]!;
    if (mi < 0) continue;
    seen++;
    if (ok(doc.mentions[mi]!)) return doc.mentions[mi]!.person;
  }
  return null;
}

/**
 * English: at token k, a relative clause whose pronoun is its object, with its own subject, that
 * runs up to the quote at q ("…, which Ross has referred to as “…”", "whom critics called “…”"):
 * that subject, or null.
 */
function objectRelativeSubjectEn(doc: Doc, k: number, q: number): Mention | null {
  const t = doc.tokens[k]!;
  if (t.kind !== TK.Word || t.cap || (t.low !== "which" && t.low !== "whom")) return null;
  const mi = doc.mentionAt[k + 1]!;
  if (mi < 0) return null;
  const m = doc.mentions[mi]!;
  const after = doc.tokens[m.last];
  if (m.first !== k + 1 || m.kind === "first-person" || /[’']s?$/.test(m.surface) || m.last >= q) return null;
  if (!after || after.kind !== TK.Word || after.cap) return null;
  // (The clause runs up to the quote: "— which the BBC noted as unusual — “…”" is an aside.)
  for (let j = m.last; j < q; j++) if (doc.tokens[j]!.kind === TK.Punct && !doc.markOf[j] && doc.quoteOf[j]! < 0) return null;
  return m;
}

/** The speaker of the nearest speech verb before token q in its sentence (English), or null. */
function speechBeforeEn(doc: Doc, q: number, lo: number): Attr | null {
  for (let k = q - 1; k >= lo && q - k <= 40; k--) {
    if (doc.quoteOf[k]! >= 0 || doc.markOf[k]) continue;
    const t = doc.tokens[k]!;
    if (t.kind === TK.Punct && ".!?;".includes(t.text)) return null;
    // "the decision, which Ross has referred to as “…”": the subject of a relative clause whose
    // pronoun is its object speaks, not the main clause's.
    const rel = objectRelativeSubjectEn(doc, k, q);
    if (rel) return attrOf(rel);
    if (doc.speech[k]) {
      const m = verbSpeaker(doc, k, lo, q, "auto");
      return m ? attrOf(m, k) : null;
    }
  }
  return null;
}

function nearestPerson(doc: Doc, tok: number): Attr | null {
  const s = doc.sentOf[tok]!;
  let fallback: Mention | null = null;
  for (let k = tok - 1, seen = 0; k >= 0 && seen < 80; k--, seen++) {
    const mi = doc.mentionAt[k]!;
    if (mi < 0) continue;
    const m = doc.mentions[mi]!;
    if (s - m.sentence > 2) break;
    if (!m.person || m.person.org || m.inQuote) continue;
    if (m.salient) return attrOf(m);
    if (!fallback) fallback = m;
  }
  return attrOf(fallback);
}

export function speakerOf(a: Attr | null): SpeakerMention | null {
  if (!a) return null;
  const out: SpeakerMention = { name: a.person ? a.person.name : a.mention.surface, text: a.mention.surface, start: a.mention.start, end: a.mention.end };
  if (a.person?.speakerId) out.speakerId = a.person.speakerId;
  return out;
}

/** The cue's spans: the speech verb with its separated particle ("wies … zurück"), "according to", "laut", "zufolge". */
export function cueOf(doc: Doc, a: Attr | null): Span[] {
  return a ? cueAt(doc, a.cue) : [];
}

/** The spans of the cue at token k (see cueOf); none when k is undefined. */
export function cueAt(doc: Doc, k: number | undefined): Span[] {
  if (k === undefined) return [];
  const { tokens } = doc;
  const t = tokens[k]!;
  if (t.low === "according" && tokens[k + 1]?.low === "to") return [{ start: t.start, end: tokens[k + 1]!.end }];
  const spans: Span[] = [{ start: t.start, end: t.end }];
  const p = doc.speech[k] ? particleOf(tokens, k, doc.lang) : -1;
  if (p > k) spans.push({ start: tokens[p]!.start, end: tokens[p]!.end });
  return spans;
}

// ---------------------------------------------------------------------------------------------
// Indirect speech

function outside(doc: Doc, k: number): boolean {
  return doc.quoteOf[k]! < 0 && !doc.markOf[k];
}

function isKonj1(doc: Doc, k: number): boolean {
  const t = doc.tokens[k]!;
  if (t.cap || !KONJ1.has(t.low)) return false;
  const prev = doc.tokens[k - 1]?.low;
  const next = doc.tokens[k + 1]?.low;
  return prev !== "ich" && next !== "ich";
}

function detectIndirect(doc: Doc, s: number, last: Report | null): IndirectFound | null {
  const { tokens, speech, lang } = doc;
  const sent = doc.sentences[s]!;
  const f = sent.first;
  const l = sent.last;
  // Content ends before the final punctuation and closing marks.
  let endTok = l;
  while (endTok > f && tokens[endTok - 1]!.kind === TK.Punct) endTok--;
  if (endTok - f < 3) return null;

  let outsideWords = 0;
  let konj1 = -1;
  let konj2 = -1;
  for (let k = f; k < endTok; k++) {
    if (!outside(doc, k)) continue;
    if (tokens[k]!.kind === TK.Word) outsideWords++;
    if (lang === "de") {
      if (konj1 < 0 && isKonj1(doc, k)) konj1 = k;
      if (konj2 < 0 && KONJ2.has(tokens[k]!.low)) konj2 = k;
    }
  }
  if (outsideWords < 3) return null;
  const hasKonj = (a: number, b: number) => {
    for (let k = a; k < b; k++) if (outside(doc, k) && (isKonj1(doc, k) || KONJ2.has(tokens[k]!.low))) return true;
    return false;
  };
  const make = (a: number, b: number, attr: Attr | null): IndirectFound | null => {
    // Stop before a direct quote that ends the clause ("Moskau sei aber bereit, «…»"): the
    // quote is its own item. A quote inside the clause ("dass an jeder „grünen Ladesäule“
    // Kraftstoffe angeboten werden sollten") stays in it, and is its own item as well.
    for (let k = a; k < b; k++) {
      if (doc.markOf[k] && k > a) {
        let close = k + 1;
        while (close < b && !doc.markOf[close]) close++;
        let rest = close + 1;
        while (rest < b && tokens[rest]!.kind === TK.Punct) rest++;
        if (close >= b || rest >= b) {
          b = k;
          break;
        }
        k = close;
        continue;
      }
      if (!outside(doc, k) && k === a) return null;
    }
    // A dateline is not part of the statement: "HARWICK (cbt) — …", "BERLIN (dpa) - …".
    for (let k = a; k < b && k < a + 8; k++) {
      const t = tokens[k]!;
      if (t.text === "—" || t.text === "–" || t.text === "-") {
        let dateline = true;
        for (let j = a; j < k; j++) {
          const u = tokens[j]!;
          if (u.kind === TK.Word && u.text !== u.text.toUpperCase() && tokens[j - 1]?.text !== "(") dateline = false;
        }
        if (dateline) a = k + 1;
        break;
      }
    }
    while (b > a && tokens[b - 1]!.kind === TK.Punct && !doc.markOf[b - 1]) b--;
    while (a < b && tokens[a]!.kind === TK.Punct) a++;
    let words = 0;
    // (A number counts as a word: "said 40 men died".)
    for (let k = a; k < b; k++) if (outside(doc, k) && (tokens[k]!.kind === TK.Word || tokens[k]!.kind === TK.Num)) words++;
    // (English: two words with a finite verb are a clause, "said masks helped".)
    if (words < 3 && !(lang === "en" && words === 2 && b - a === 2 && finiteEn(doc, a + 1))) return null;
    return { start: tokens[a]!.start, end: tokens[b - 1]!.end, attr };
  };

  // A. Tail tag: "…, sagte Peskow." / "…, he said." / "…, according to X."
  let firstSpeech = endTok;
  for (let k = f; k < endTok; k++) {
    if (speech[k]! > 0 && outside(doc, k)) {
      firstSpeech = k;
      break;
    }
  }
  // English: the items of a tail or inner tag, and where the search for head tags goes on
  // ("…, Maróth said, and …; experts called this dubious, while noting …").
  const enTail: IndirectFound[] = [];
  let enFrom = f;
  // (English: also after one word, "Day, they said, desired no memorials".)
  for (let c = lang === "en" ? f + 1 : f + 2; c < endTok; c++) {
    if (tokens[c]!.text !== "," || !outside(doc, c)) continue;
    const k = c + 1;
    if (k >= l) break;
    let attr: Attr | null = null;
    let isTag = false;
    // "Der Fraktionschef, Jonas Albrecht, sprach von …": a name before the comma is an
    // apposition, not reported content.
    // (English "Day, they said, desired no memorials": when the words after the tag go on with the
    // verb, the name before the comma is the reported clause's subject.)
    const enTag = lang === "en" ? tailTagEn(doc, c, endTok) : null;
    const predicateAfter = enTag !== null && enTag.after + 1 < endTok && tokens[enTag.after]?.text === "," && finiteEn(doc, enTag.after + 1);
    if (doc.mentionAt[c - 1]! >= 0 && doc.mentions[doc.mentionAt[c - 1]!]!.kind === "name" && !predicateAfter) continue;
    // "Wie der Minister erklärte, sieht die Regierung …": the part before the comma is itself a
    // tag, not the content.
    // (Not when the part before the comma is itself reported, in the Konjunktiv: "Man habe den
    // Fehler festgestellt, so der Sender.")
    if (lang === "de" && firstSpeech < c && !(konj1 >= 0 && konj1 < c && konj1 < firstSpeech)) break;
    if (lang === "en" && !(tokens[k]!.low === "according" && tokens[k + 1]?.low === "to")) {
      // English tail and inner tags (english.ts): "…, he said." / "…, said Smith." / "At 2:45
      // a.m., his office said, he died …" (a tag inside the sentence: the whole sentence) /
      // "…, Maróth said, and paying back the loan seems realistic" (two reported clauses).
      const tag = tailTagEn(doc, c, endTok);
      if (!tag || NAMING_ONLY.has(tokens[tag.v]!.low)) continue;
      const subj = tag.inverted ? verbSpeaker(doc, tag.v, tag.v, l, "after") : verbSpeaker(doc, tag.v, c + 1, l, "auto");
      const tagAttr = attrOf(subj, tag.v);
      const preFinite = hasFiniteEn(doc, f, c);
      // "Connie Moganedi, a spokeswoman for …, told CNN, …": a bare name before the comma is the
      // subject with its apposition, not words the tag reports.
      if (!preFinite && c - f <= 4 && tokens.slice(f, c).every((t) => t.kind === TK.Word && t.cap) && !predicateAfter) continue;
      let post = tag.after < endTok ? tag.after + 1 : endTok;
      if (post < endTok && (doc.markOf[post] || doc.quoteOf[post]! >= 0)) continue;
      const found: (IndirectFound | null)[] = [];
      let covered = post;
      if (post >= endTok) {
        if (!preFinite) continue;
        found.push(make(f, c, tagAttr));
      } else {
        const lead = tokens[post]!;
        if (lead.kind === TK.Word && !lead.cap && (lead.low === "and" || lead.low === "but")) {
          post++;
          const e = clauseEndEn(doc, post, endTok).end;
          if (preFinite) found.push(make(f, c, tagAttr));
          if (hasFiniteEn(doc, post, e)) found.push(make(post, e, carried(tagAttr)));
          covered = e;
        } else if (speech[post] || ((lead.low === "while" || lead.low === "as") && speech[post + 1])) {
          // ", adding that …", ", while noting …": the rest is a report of its own.
          if (!preFinite) continue;
          found.push(make(f, c, tagAttr));
          covered = c;
        } else {
          if (!preFinite && !hasFiniteEn(doc, post, endTok) && !plainVerbAfterTagEn(doc, f, c, post, endTok)) continue;
          const e = clauseEndEn(doc, post, endTok).end;
          found.push(make(f, e, tagAttr));
          covered = e;
        }
      }
      for (const x of found) if (x) enTail.push(x);
      if (enTail.length) {
        enFrom = covered;
        break;
      }
      continue;
    }
    if (speech[k]! > 0 && !NAMING_ONLY.has(tokens[k]!.low)) {
      // "Tegaye Mununhe, der Polizeichef der Region, sagte …": a name with its apposition or
      // relative clause before the verb is the subject; the verb heads the sentence.
      if (lang === "de" && subjectWithAppositionDe(doc, f, c)) break;
      // "Da der Kongress die Finanzhoheit trägt, geht man davon aus, dass …": an adverbial
      // clause in front is no reported content; the verb after it heads the sentence.
      if (lang === "de" && adverbialClauseDe(tokens, f) && !commaBetween(doc, f, c)) continue;
      const subj = verbSpeaker(doc, k, k, l, "after");
      if (lang === "de" && !subj) continue;
      isTag = true;
      attr = attrOf(subj, k);
    } else if (tokens[k]!.low === "according" && tokens[k + 1]?.low === "to") {
      const src = lang === "en" ? accordingToEn(doc, k, endTok) : null;
      // English: ", according to X, …" inside the sentence is the whole sentence's source; the
      // phrase followed by ", which …" ends the report.
      if (src && src.last < endTok && tokens[src.last]!.text === "," && !RELATIVE_EN.has(tokens[src.last + 1]?.low ?? "")) continue;
      isTag = true;
      attr = attrOf(src ? src.mention : mentionAfter(doc, k + 1, l), k);
    } else if (lang === "de" && tokens[k]!.low === "so" && speech[k + 1]! > 0 && !NAMING_ONLY.has(tokens[k + 1]!.low) && outside(doc, k + 1)) {
      // "…, so bestätigt das Gericht.": the subject after the verb.
      const subj = verbSpeaker(doc, k + 1, k + 1, l, "after");
      if (!subj) continue;
      isTag = true;
      attr = attrOf(subj, k + 1);
    } else if (lang === "de" && tokens[k]!.low === "so" && phraseAfter(doc, k, l)) {
      isTag = true;
      attr = attrOf(phraseAfter(doc, k, l), k);
    } else if (lang === "de" && (tokens[k]!.low === "wie" || ((tokens[k]!.low === "das" || tokens[k]!.low === "dies") && speech[k + 1]! > 0)) && !tokens[k]!.cap && c >= f + 3 && tailWieDe(doc, k, endTok) >= 0) {
      // "…, wie die Agentur gestern berichtete." / "…, das teilte das Institut mit.": a tag at
      // the end of the sentence; what comes before it is the report.
      const v = tailWieDe(doc, k, endTok);
      const subj = tokens[k]!.low === "wie" ? verbSpeaker(doc, v, k + 1, endTok, "before") ?? adHocSpan(doc, k + 1, v) : verbSpeaker(doc, v, v, endTok, "after");
      if (!subj) continue;
      isTag = true;
      attr = attrOf(subj, v);
    } else if (lang === "de" && TAIL_AUX_DE.has(tokens[k]!.low) && !subjectWithAppositionDe(doc, f, c) && endTok - 1 > k + 1 && speech[endTok - 1]! > 0 && outside(doc, endTok - 1) && !NAMING_ONLY.has(tokens[endTok - 1]!.low)) {
      // "…, hatte die Ministerin damals gesagt.": an auxiliary, the subject, the participle last.
      let plain = true;
      for (let j = k + 1; j < endTok - 1; j++) if (tokens[j]!.kind === TK.Punct || speech[j]! > 0) plain = false;
      const subj = plain ? verbSpeaker(doc, endTok - 1, k + 1, endTok, "before") : null;
      // (The subject right after the auxiliary: "hatte die Ministerin … gesagt".)
      if (!subj || subj.first !== k + 1) continue;
      isTag = true;
      attr = attrOf(subj, endTok - 1);
    }
    if (!isTag) continue;
    const found = make(f, c, attr);
    if (found && (lang === "en" || !hasQuoteInside(doc, f, c))) return found;
    if (found) return found;
  }

  // B0. "Berichte, wonach …", "die Darstellung, wonach …": the clause after "wonach" is what the
  // noun phrase before it says, and that phrase names the source ("wonach" is the cue). After a
  // clause that ends in a verb, "wonach" means "after which" and reports nothing.
  if (lang === "de") {
    for (let k = f + 2; k < endTok; k++) {
      if (tokens[k]!.low !== "wonach" || tokens[k - 1]!.text !== "," || !outside(doc, k)) continue;
      const before = tokens[k - 2]!;
      if (before.kind === TK.Word && !before.cap && !doc.markOf[k - 2]) break;
      const ref = phraseBefore(doc, k - 1, f);
      const found = make(k + 1, endTok, ref ? { mention: ref, person: ref.person, cue: k } : { mention: anaphor(doc, k, null), person: null, cue: k });
      if (found) return found;
      break;
    }
    // "Studien der Charité, nach denen Homöopathie … ebenbürtig sei": "nach denen" as "wonach";
    // the relative pronoun is the mention, the phrase before it the source it stands for.
    for (let k = f + 2; k + 2 < endTok; k++) {
      if (tokens[k]!.low !== "nach" || tokens[k - 1]!.text !== "," || !outside(doc, k) || !NACH_RELATIVE_DE.has(tokens[k + 1]!.low)) continue;
      if (!hasKonj(k + 2, endTok)) break;
      const ref = phraseBefore(doc, k - 1, f);
      if (!ref) break;
      const m = anaphor(doc, k + 1, ref);
      const found = make(k + 2, endTok, { mention: m, person: m.person, cue: k });
      if (found) return found;
      break;
    }
  }

  // B. Head tag: "Der Kremlchef wies zurück, dass …" / "He said (that) …".
  if (lang === "de") {
    const head = headClauseDe(doc, f, endTok, hasKonj);
    if (head) {
      // "Heute bestätigte X laut der Agentur, dass …": the source phrase in the
      // tag is where the words come from.
      const frame = frameDe(doc, f, head.start);
      // (Only a frame in the verb's own clause: "Laut X ist …, obwohl Y behauptet, …" is Y's.)
      const own = frame !== null && !commaBetween(doc, frame.last, head.cue);
      let attr = frame?.mention && own && frame.last <= head.start ? { mention: frame.mention, person: frame.mention.person, cue: frame.cue } : head.attr;
      // "In dem Bericht heißt es, …", "In einer Erklärung wurde verkündet, dass …": a tag
      // without a subject that can speak takes the document it stands in as the source.
      if (!attr) {
        const m = inDocumentDe(doc, f, head.cue);
        if (m) attr = { mention: m, person: m.person, cue: head.cue };
      }
      // "Als Begründung heißt es, …" right after a report: that report's source goes on.
      if (!attr && HEISST_DE.has(tokens[head.cue]!.low) && last && s - last.sentence <= 1) attr = carried(last.attr);
      const found = make(head.start, head.end, attr);
      // The speech verb is the cue even when it names nobody (an agentless passive, "heißt es").
      if (found && !attr) found.cue = head.cue;
      if (found) return found;
    }
  }
  // "Im April wurde bekannt, dass …", "nachdem bekannt geworden war, dass …": news that became
  // known, reported without a source.
  if (lang === "de") {
    const k = becameKnownDe(doc, f, endTok);
    if (k >= 0) {
      const found = make(k + 1, endTok, null);
      if (found) {
        // The cue is "bekannt", the last one before "dass".
        let cue = k - 1;
        while (cue > f && tokens[cue]!.low !== "bekannt") cue--;
        found.cue = cue;
        return found;
      }
    }
  }
  if (lang === "en") {
    // English head tags (english.ts): each speech verb outside quotes opens the clause it
    // reports ("said the plan would fail", "told the press his nephew …", "reported that A; that
    // B; and that C"); the first one found is the sentence's item, the others come with it.
    const items: IndirectFound[] = enTail;
    let from = enFrom;
    // "According to X, …" opens the sentence: X is the source of all of it (rule C), also of a
    // speech verb inside ("According to police, the man said …").
    let lead = f;
    while (lead < endTok && tokens[lead]!.kind === TK.Punct) lead++;
    if (tokens[lead]?.low === "according" && tokens[lead + 1]?.low === "to") from = endTok;
    for (let v = from; v < endTok; v++) {
      if (v < from || !outside(doc, v) || speech[v]! === 0 || NAMING_ONLY.has(tokens[v]!.low)) continue;
      // "According to videos posted on social media, …": a participle inside the source phrase.
      if (insideAccordingTo(doc, f, v)) continue;
      // "denied that …" says the opposite of the speaker's position: no indirect statement
      // (the annotation conventions, rule 8).
      if (/^den(y|ied|ies|ying)$/.test(tokens[v]!.low)) continue;
      // "countries reporting large outbreaks": an "-ing" after a noun qualifies it ("a statement
      // saying …" reports, as do the nouns of documents).
      if (/ing$/.test(tokens[v]!.low) && nounBeforeEn(doc, v)) continue;
      let start = reportedClauseEn(doc, v, endTok);
      if (start < 0) continue;
      let attr = attrOf(verbSpeaker(doc, v, f, v + 1, "auto"), v);
      // "Confirming life can thrive there, Seager said …": a reporting participle that opens the
      // sentence reports the clause up to the main clause, whose subject speaks.
      if (!attr && v === f && /ing$/.test(tokens[v]!.low)) {
        const fp = frontedParticipleEn(doc, start, endTok);
        if (!fp) continue;
        const found = make(start, fp.end, attrOf(fp.subject, v));
        if (found) items.push(found);
        from = fp.end;
        continue;
      }
      // "Witnesses, according to The Telegraph, said …": a report of a report; the source
      // between the subject and its verb is the outer reporter (the annotation conventions).
      for (let k = v - 1; k > f && v - k <= 16; k--) {
        if (tokens[k]!.kind === TK.Punct && ".!?;:".includes(tokens[k]!.text)) break;
        if (tokens[k]!.low === "according" && tokens[k + 1]?.low === "to" && tokens[k - 1]?.text === ",") {
          const src = accordingToEn(doc, k, v);
          if (src.mention && tokens[src.last]?.text === "," && src.last === v - 1) attr = attrOf(src.mention, k);
          break;
        }
      }
      for (let guard = 0; start >= 0 && start < endTok && guard < 6; guard++) {
        const { end, next } = clauseEndEn(doc, start, endTok);
        const found = make(start, end, items.length ? carried(attr) ?? attr : attr);
        if (found) items.push(found);
        from = end;
        start = next;
      }
    }
    if (items.length) {
      const first = items[0]!;
      if (items.length > 1) first.extra = items.slice(1);
      return first;
    }
  }

  // C. Frames: "Interfax zufolge …", "Laut Polizei …", "Nach Angaben der Polizei …", "Seiner
  // Meinung nach …", "According to X, …".
  if (lang === "de") {
    // "Demnach soll …", "Danach habe …": by the report just mentioned. The word is the mention;
    // it refers to the last speaker, else to the subject of the sentence before.
    let k0 = f;
    while (k0 < endTok && tokens[k0]!.kind === TK.Punct) k0++;
    const lead = tokens[k0]!.low;
    if ((lead === "demnach" || lead === "danach") && (konj1 >= 0 || konj2 >= 0 || soll(doc, k0, endTok) || lead === "demnach")) {
      let ref: Attr | null = carried(last && s - last.sentence <= 2 ? last.attr : null);
      if (!ref && s > 0) {
        const np = sentenceSubjectDe(doc, s - 1);
        if (np && plausibleSpeaker(doc, np)) ref = attrOf(phraseMention(doc, np));
      }
      const m = anaphor(doc, k0, ref?.mention ?? null);
      if (ref?.person) m.person = ref.person;
      const found = make(k0 + 1, endTok, { mention: m, person: m.person, cue: k0 });
      if (found) return found;
    }
    const frame = frameDe(doc, f, endTok);
    if (frame) {
      let a = f;
      let b = endTok;
      if (frame.first - f <= 1) a = frame.last; // at the start: the rest of the sentence
      else if (frame.last >= endTok) b = frame.first; // at the end: what comes before
      // ("Für X ist …" gives a quote in it a speaker, but states a view, not reported speech.)
      const found = tokens[frame.cue]!.low === "für" ? null : make(a, b, frame.mention ? { mention: frame.mention, person: frame.mention.person, cue: frame.cue } : null);
      if (found) return found;
    }
  }
  for (let k = f; k < endTok; k++) {
    if (!outside(doc, k)) continue;
    const low = tokens[k]!.low;
    if (lang === "de" && low === "zufolge") {
      const m = phraseBefore(doc, k, f);
      const frameStart = m ? Math.min(m.first, k) : k;
      let a = f;
      let b = endTok;
      if (frameStart - f <= 3) a = k + 1;
      else b = frameStart;
      const found = make(a, b, attrOf(m, k));
      if (found) return found;
    }
    if (lang === "en" && low === "according" && tokens[k + 1]?.low === "to") {
      const src = accordingToEn(doc, k, endTok);
      if (!src.mention) continue;
      let a = f;
      let b = endTok;
      // At the start: the clause after it; at the end, or before ", which …": what comes before
      // it; inside the sentence: the whole sentence (the en-real conventions).
      if (k === f || (k <= f + 2 && tokens[k - 1]!.kind === TK.Word && !tokens[k - 1]!.cap)) a = src.clause;
      else if (accordingAfterOpenerEn(doc, f, k, src.clause, endTok)) b = endTok;
      else if (!accordingToQualifiesClause(doc, f, k)) continue;
      else if (src.last >= endTok || RELATIVE_EN.has(tokens[src.last + 1]?.low ?? "")) b = k;
      const found = make(a, b, attrOf(src.mention, k));
      if (found) return found;
      continue;
    }
    if ((lang === "de" && low === "laut") || (lang === "en" && low === "according" && tokens[k + 1]?.low === "to")) {
      // ("Laut bildblog.de …": a web address the phrases do not read is the source itself.)
      const m = lang === "de" ? (dottedNameDe(doc, k + 1) ? adHocSpan(doc, k + 1, k + 2) : phraseAfter(doc, k, endTok)) : mentionAfter(doc, k + 1, endTok) ?? adHoc(doc, k + 2, endTok);
      if (!m) continue;
      if (lang === "de" && k !== f) {
        const found = make(f, endTok, attrOf(m, k));
        if (found) return found;
        continue;
      }
      let a: number;
      let b = endTok;
      if (k === f) {
        a = m.last;
        if (lang === "en") {
          while (a < endTok && tokens[a]!.text !== ",") a++;
          a++;
        }
      } else {
        a = f;
        b = k;
      }
      const found = make(a, b, attrOf(m, k));
      if (found) return found;
    }
  }

  // D. Konjunktiv without a tag: the sentence reports the last speaker's words. So does
  // reportative "soll" right after a report ("Er soll … geholfen haben").
  let sollK = -1;
  if (lang === "de" && konj1 < 0 && konj2 < 0 && last && s - last.sentence <= 1) {
    for (let k = f; k < endTok; k++) {
      const t = tokens[k]!;
      if (outside(doc, k) && t.kind === TK.Word && !t.cap && (t.low === "soll" || t.low === "sollen")) {
        sollK = k;
        break;
      }
    }
  }
  if (lang === "de" && (konj1 >= 0 || sollK >= 0 || (konj2 >= 0 && last && s - last.sentence <= 1))) {
    const kk = konj1 >= 0 ? konj1 : konj2 >= 0 ? konj2 : sollK;
    let a = kk;
    while (a > f && !(tokens[a - 1]!.text === "," && outside(doc, a - 1))) a--;
    // "…, die bis 2030 aufgestockt werden sollen", "…, mit denen die Kosten sinken sollen": a
    // relative clause describes a noun of its sentence; its "soll" or "würde" reports nobody.
    if (a > f && konj1 < 0 && relativeClauseDe(tokens, a)) return null;
    // A source frame in the sentence ("Nach Auffassung der Partei sei es „…“"), else the
    // speaker of the report it continues, else the subject of the sentence before ("Der
    // Firma bestreitet das. Ihr Produkt sei sicher …"): reported speech needs no speech verb.
    // A main clause before the reported one names its source when its subject can speak ("Die
    // Staatsanwaltschaft hegt den Verdacht, der Mann könnte …"), whatever its verb.
    let attr = frameAttr(doc, s) ?? (a > f + 1 ? mainClauseSpeaker(doc, f, a - 1) : null) ?? carried(last && s - last.sentence <= 1 ? last.attr : null);
    if (!attr && s > 0 && doc.sentOf[f - 1] === s - 1) {
      const np = sentenceSubjectDe(doc, s - 1);
      if (np && plausibleSpeaker(doc, np)) attr = attrOf(phraseMention(doc, np));
    }
    // A report a little further back ("Der Sender berichtet … . Es habe … . Auch seien …").
    if (!attr && last && s - last.sentence <= 3) attr = carried(last.attr);
    return make(a, endTok, attr);
  }
  return null;
}

/** Auxiliaries that open a tail tag whose participle ends the sentence ("…, hatte er gesagt"). */
const TAIL_AUX_DE = new Set(["hatte", "hat", "hätte", "habe", "hatten", "haben"]);

const WERDEN_DE = new Set(["wurde", "wurden", "wird", "werden", "geworden", "worden", "war", "ist", "sei", "waren"]);

/**
 * "bekannt" with a form of "werden" ("wurde bekannt", "bekannt geworden war") and then ", dass":
 * the index of "dass", or -1.
 */
function becameKnownDe(doc: Doc, f: number, end: number): number {
  const { tokens } = doc;
  for (let k = f; k + 2 < end; k++) {
    if (tokens[k]!.low !== "bekannt" || tokens[k]!.cap || !outside(doc, k)) continue;
    let j = k + 1;
    let werden = WERDEN_DE.has(tokens[k - 1]?.low ?? "") || WERDEN_DE.has(tokens[k - 2]?.low ?? "");
    while (j < end && j <= k + 2 && WERDEN_DE.has(tokens[j]!.low)) {
      werden = true;
      j++;
    }
    if (werden && tokens[j]?.text === "," && tokens[j + 1]?.low === "dass") return j + 1;
    return -1;
  }
  return -1;
}

const ADVERBIAL_SUBORD_DE = new Set(["da", "weil", "wenn", "obwohl", "obgleich", "nachdem", "bevor", "ehe", "falls", "sobald", "seitdem", "sofern", "solange", "indem"]);

/** The sentence at f opens with an adverbial subordinate clause ("Da …", "Nachdem …", "Als …"). */
function adverbialClauseDe(tokens: Token[], f: number): boolean {
  let k = f;
  while (tokens[k] && tokens[k]!.kind === TK.Punct) k++;
  const t = tokens[k];
  return !!t && t.kind === TK.Word && ADVERBIAL_SUBORD_DE.has(t.low);
}

const HEISST_DE = new Set(["heißt", "hieß"]);
const NACH_RELATIVE_DE = new Set(["denen", "welchen", "welcher", "welchem"]);
const SUBJECT_PRONOUNS_DE = new Set(["er", "sie", "es", "man"]);
const APPOSITION_OPENERS_DE = new Set(["der", "die", "das", "ein", "eine", "einer", "welcher", "welche"]);

/** Lower-case words in "-e" that are no verbs (articles, pronouns, adverbs). */
const NOT_VERB_E_DE = new Set(["die", "eine", "keine", "seine", "ihre", "meine", "deine", "unsere", "eure", "diese", "jede", "jene", "alle", "welche", "solche", "manche", "beide", "einige", "viele", "wenige", "andere", "mehrere", "ohne", "gerne", "heute", "ebenfalls", "bereits", "weitere", "gegebene", "lange", "schnelle", "ihm", "nie", "sie", "wie", "se", "je"]);

/**
 * After a speech verb and a comma, a clause with a Konjunktiv I the lexicon does not list:
 * a subject (a name or a pronoun) and a lower-case verb in "-e" in second place ("meldete der
 * Sender, Feldmann rechne mit …", "sagte, er vermute …").
 */
function konjLikeDe(doc: Doc, a: number, end: number): boolean {
  const { tokens } = doc;
  const s = tokens[a];
  if (!s || s.kind !== TK.Word) return false;
  let j = a + 1;
  if (s.cap) {
    // A name of one or two words.
    if (tokens[j]?.kind === TK.Word && tokens[j]!.cap) j++;
  } else if (!SUBJECT_PRONOUNS_DE.has(s.low)) return false;
  const v = tokens[j];
  if (!v || j >= end || v.kind !== TK.Word || v.cap || !outside(doc, j)) return false;
  if (v.low.length < 4 || !v.low.endsWith("e") || NOT_VERB_E_DE.has(v.low) || v.low.endsWith("ische") || v.low.endsWith("liche")) return false;
  // An adjective before its noun is no verb: "Feldmann neue Pläne".
  const n = tokens[j + 1];
  return !(n && n.kind === TK.Word && n.cap);
}

/**
 * The speech verb of a tag at the end of a sentence that opens at k with "wie" ("wie die
 * Agentur gestern berichtete", the verb last) or "das"/"dies" ("das teilte X mit", the verb
 * first): its index, or -1 when the words up to the end are not such a tag.
 */
/** A lower-case name with a dot inside, a web address ("bildblog.de", "t-online.de"). */
function dottedNameDe(doc: Doc, k: number): boolean {
  const t = doc.tokens[k];
  return !!t && t.kind === TK.Word && !t.cap && t.low.indexOf(".") > 0 && t.low.indexOf(".") < t.low.length - 1;
}

/**
 * [f, c) is a name (capitalized words) and, after a comma, its apposition or relative clause
 * ("Tegaye Mununhe, der Polizeichef der Region", "Carter, der im Land war").
 */
function subjectWithAppositionDe(doc: Doc, f: number, c: number): boolean {
  const { tokens } = doc;
  // One noun phrase up to the comma ("Der Präsident der Region, Qiangba Puncog", "Der
  // Vizekanzler Franz Müntefering (SPD)"): the subject, set off by a comma.
  const np = nounPhraseDe(doc, f, c + 1);
  if (np && np.first === f && np.last >= c) return true;
  let p = f;
  while (p < c && p - f < 5 && tokens[p]!.kind === TK.Word && tokens[p]!.cap) p++;
  if (p === f || tokens[p]?.text !== "," || p >= c) return false;
  const n = tokens[p + 1];
  return !!n && n.kind === TK.Word && !n.cap && APPOSITION_OPENERS_DE.has(n.low);
}

const COMPARE_DE = new Set(["so", "ebenso", "genauso", "anders", "gleich", "wie"]);

function tailWieDe(doc: Doc, k: number, end: number): number {
  const { tokens, speech } = doc;
  if (end - k > 14) return -1;
  for (let j = k + 1; j < end; j++) {
    const t = tokens[j]!;
    if (t.kind === TK.Punct && !"„“”\"«»()-.".includes(t.text)) return -1;
  }
  if (tokens[k]!.low === "wie") {
    // "so schnell, wie man erwartet hatte": a comparison.
    for (let j = k - 2; j >= 0 && j >= k - 4; j--) if (COMPARE_DE.has(tokens[j]!.low)) return -1;
    // The verb last, or the verb and a particle or an auxiliary ("mitteilte", "bekannt gab", "berichtet hat").
    for (let j = end - 1; j > k + 1 && j >= end - 3; j--) {
      if (speech[j]! > 0 && outside(doc, j) && !NAMING_ONLY.has(tokens[j]!.low)) return j;
    }
    return -1;
  }
  return outside(doc, k + 1) && !NAMING_ONLY.has(tokens[k + 1]!.low) ? k + 1 : -1;
}

const RELATIVE_ONLY_DE = new Set(["denen", "deren", "dessen", "welcher", "welche", "welches", "welchem", "welchen"]);
const RELATIVE_OR_ARTICLE_DE = new Set(["der", "die", "das", "dem", "den"]);

/**
 * A clause that opens at a is a relative clause: "denen …", "die sich …", "das nicht mehr …",
 * "mit denen …"; "die Regierung …" and "die neue Regierung …" open a main clause.
 */
function relativeClauseDe(tokens: Token[], a: number): boolean {
  let k = a;
  const t = tokens[k]!;
  if (t.kind === TK.Word && !t.cap && PREPOSITIONS_DE.has(t.low)) k++;
  const r = tokens[k];
  if (!r || r.kind !== TK.Word || r.cap) return false;
  if (RELATIVE_ONLY_DE.has(r.low)) return true;
  if (!RELATIVE_OR_ARTICLE_DE.has(r.low)) return false;
  const n = tokens[k + 1];
  const n2 = tokens[k + 2];
  // An article: a noun follows, or an adjective and then a noun.
  if (!n || n.kind !== TK.Word || n.cap) return false;
  return !(n2 && n2.kind === TK.Word && n2.cap);
}

const DOC_BEFORE_ING_EN = new Set(["statement", "report", "letter", "message", "post", "tweet", "release", "note", "email", "announcement", "video", "memo", "document", "ruling", "decision", "order", "notice", "article", "speech", "interview"]);

/** A plain noun right before the "-ing" verb at v (not a comma, a name, a pronoun or a document noun). */
function nounBeforeEn(doc: Doc, v: number): boolean {
  const p = doc.tokens[v - 1];
  if (!p || p.kind !== TK.Word || p.cap || doc.mentionAt[v - 1]! >= 0) return false;
  if (DOC_BEFORE_ING_EN.has(p.low) || ["and", "while", "by", "before", "after", "also", "then", "when", "without", "as"].includes(p.low)) return false;
  return p.low.length >= 4 && /[^su]s$/.test(p.low) && !["this", "thus", "always", "perhaps", "news", "whereas"].includes(p.low);
}

/** Token v stands in an "according to …" phrase (no comma between them). */
function insideAccordingTo(doc: Doc, f: number, v: number): boolean {
  for (let k = v - 1; k > f && v - k <= 12; k--) {
    const t = doc.tokens[k]!;
    if (t.kind === TK.Punct && t.text !== "(" && t.text !== ")") return false;
    if (t.low === "to" && doc.tokens[k - 1]!.low === "according") return true;
  }
  return false;
}

/** The subject of the clause [a, b) when it is a plausible speaker and outside quotes. */
function mainClauseSpeaker(doc: Doc, a: number, b: number): Attr | null {
  const np = clauseSubjectDe(doc, a, b);
  if (!np || !plausibleSpeaker(doc, np)) return null;
  for (let k = np.first; k < np.last; k++) if (!outside(doc, k)) return null;
  return attrOf(phraseMention(doc, np));
}

/** A comma outside quotes in [a, b). */
function commaBetween(doc: Doc, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (doc.tokens[k]!.text === "," && outside(doc, k)) return true;
  return false;
}

/** Reportative "soll"/"sollen" outside quotes in [a, b). */
function soll(doc: Doc, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const t = doc.tokens[k]!;
    if (outside(doc, k) && t.kind === TK.Word && !t.cap && (t.low === "soll" || t.low === "sollen")) return true;
  }
  return false;
}

/** A "zu"-infinitive: "zu bringen", "vorzugehen", "zurückzutreten", "herbeizuführen". */
function isZuInfinitive(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (!t || t.kind !== TK.Word || t.cap) return false;
  if (tokens[k - 1]?.low === "zu" && /(en|ern|eln)$/.test(t.low)) return true;
  return /^(ab|an|auf|aus|bei|ein|fest|frei|her|hin|mit|nach|vor|weg|weiter|zu|zurück|zusammen|dar|heraus|herbei|hervor|vorbei|durch|um|wieder|los|statt|teil|bekannt|kennen|bereit|fort|gegenüber|entgegen|nieder|hinzu|vorher)zu\p{Ll}{2,}(en|ern|eln)$/u.test(t.low);
}

/**
 * The clause after the token `a` when it is a "zu"-infinitive clause that ends at the next comma
 * or at the sentence end ("…, auf das Amt zu verzichten"): the token after its last infinitive.
 */
function zuClauseEnd(doc: Doc, a: number, end: number): number {
  const { tokens } = doc;
  let k = a;
  while (k < end && tokens[k]!.text !== "," && (outside(doc, k) || tokens[k]!.kind !== TK.Punct)) k++;
  return k - 1 > a && isZuInfinitive(tokens, k - 1) ? k : -1;
}

const WIE_DE = new Set(["wie"]);

/**
 * German head tags: a speech verb, then the reported clause — "Die Polizei teilte mit, dass …",
 * "Er sagte, die Lage sei ernst", "Die Regierung kündigte an, … zu prüfen", "meldete der
 * Sender, Radio Nordheim, dass …" — or "Wie die Polizei mitteilte, ist …" (the rest of the
 * sentence, in any mood). The first speech verb that opens a clause wins.
 */
function headClauseDe(
  doc: Doc, f: number, endTok: number, hasKonj: (a: number, b: number) => boolean,
): { start: number; end: number; attr: Attr | null; cue: number } | null {
  const { tokens, speech } = doc;
  for (let v = f, tried = 0; v < endTok && tried < 3; v++) {
    if (!outside(doc, v) || speech[v]! === 0) continue;
    tried++;
    // "Der Hersteller habe zugesichert, … zu": the tag itself is reported speech (Konjunktiv), so
    // the sentence continues an earlier speaker's words; rule D gives it that speaker.
    if (hasKonj(f, v)) return null;
    // "Wie die Polizei mitteilte, ist alles ruhig": the rest of the sentence.
    let w = v - 1;
    // (Quotation marks around a name are part of the clause: "Wie „Abendpost Online“ berichtet".)
    while (w > f && v - w < 14 && (tokens[w]!.kind !== TK.Punct || (!doc.markOf[w] && "„“”\"«»".includes(tokens[w]!.text)))) w--;
    if (w >= f && (w === f || tokens[w]!.kind === TK.Punct) && tokens[w === f && tokens[w]!.kind !== TK.Punct ? w : w + 1] && WIE_DE.has(tokens[w === f && tokens[w]!.kind !== TK.Punct ? w : w + 1]!.low)) {
      let c = v + 1;
      while (c < endTok && c <= v + 3 && tokens[c]!.text !== ",") c++;
      if (tokens[c]?.text === ",") {
        let who = verbSpeaker(doc, v, f, c, "auto");
        // "Wie t-online.de berichtet, …", "Wie „heise online“ meldet, …": whatever stands between
        // "wie" and an active verb is its subject, a name the mentions do not know included.
        const wie = w === f && tokens[w]!.kind !== TK.Punct ? w : w + 1;
        if (!who && v - wie >= 2 && v - wie <= 6 && !PASSIVE_OR_PERFECT_AUX_DE.has(tokens[v + 1]?.low ?? "") && !impersonalDe(doc, v, f, c)) who = adHocSpan(doc, wie + 1, v);
        return { start: c + 1, end: endTok, attr: attrOf(who, v), cue: v };
      }
    }
    for (let k = v + 1; k < endTok && k <= v + 24; k++) {
      const t = tokens[k]!;
      if (t.kind === TK.Word && CONJ_THAT.has(t.low)) return { start: k + 1, end: endTok, attr: attrOf(verbSpeaker(doc, v, f, k, "auto"), v), cue: v };
      if (t.text === ",") {
        const n = tokens[k + 1];
        if (n && CONJ_THAT.has(n.low)) return { start: k + 2, end: endTok, attr: attrOf(verbSpeaker(doc, v, f, k, "auto"), v), cue: v };
        // "sprach mit einer Anwohnerin, die berichtet, …": a relative clause with a speech verb
        // of its own is not this verb's content; that verb opens the report.
        if (n && ["der", "die", "das", "welcher", "welche", "welches"].includes(n.low) && !n.cap && relativeSpeechAhead(doc, k + 1, endTok)) break;
        // An apposition inside the tag: "meldete der Sender, Radio Nordheim, dass …".
        if (n && n.cap && n.kind === TK.Word) {
          let j = k + 1;
          while (j < endTok && j - k <= 5 && tokens[j]!.kind === TK.Word && tokens[j]!.cap) j++;
          if (tokens[j]?.text === "," && tokens[j + 1] && CONJ_THAT.has(tokens[j + 1]!.low)) return { start: j + 2, end: endTok, attr: attrOf(verbSpeaker(doc, v, f, j, "auto"), v), cue: v };
        }
        if (hasKonj(k + 1, endTok) || konjLikeDe(doc, k + 1, endTok)) return { start: k + 1, end: endTok, attr: attrOf(verbSpeaker(doc, v, f, k, "auto"), v), cue: v };
        // A "zu"-infinitive is the verb's own complement when the verb (or its particle, or a
        // "dazu"/"bereit") closes the clause before it: "kündigte an, … zu prüfen", not
        // "bekräftigten ihre Entschlossenheit, … zu vertreiben".
        const p = tokens[k - 1]!;
        const verbCloses = k - 1 === v || speech[k - 1]! > 0 || DE_PARTICLES.has(p.low) || ["dazu", "darauf", "daran", "bereit", "es", "auf"].includes(p.low);
        const zu = verbCloses ? zuClauseEnd(doc, k + 1, endTok) : -1;
        if (zu > 0) return { start: k + 1, end: zu, attr: attrOf(verbSpeaker(doc, v, f, k, "auto"), v), cue: v };
        break;
      }
      if (!outside(doc, k)) break;
      if (t.kind === TK.Punct && !"„“”\"«»()".includes(t.text)) break;
    }
  }
  return null;
}

/** A speech verb closes the relative clause that starts at r ("die berichtet,"). */
function relativeSpeechAhead(doc: Doc, r: number, end: number): boolean {
  for (let k = r + 1; k < end && k <= r + 14; k++) {
    if (doc.tokens[k]!.kind === TK.Punct) return false;
    if (doc.speech[k] && relativeSubjectDe(doc, k, r - 1) === r) return true;
  }
  return false;
}

/** Sentence s as reported speech (without its final punctuation and without direct quotes in it). */
const EMERGES_DE = new Set(["geht", "ging", "gehe"]);

/** "Dies geht aus X hervor", "Das ging aus X hervor": X (after "aus") as the source of the sentence before. */
function emergesFromDe(doc: Doc, s: number): Attr | null {
  const { tokens } = doc;
  const sent = doc.sentences[s]!;
  let k = sent.first;
  while (k < sent.last && tokens[k]!.kind === TK.Punct) k++;
  const t = tokens[k];
  if (!t || t.kind !== TK.Word || (t.low !== "dies" && t.low !== "das") || !EMERGES_DE.has(tokens[k + 1]?.low ?? "")) return null;
  let aus = -1;
  for (let j = k + 2; j < sent.last && j <= k + 5; j++) if (tokens[j]!.low === "aus") aus = j;
  if (aus < 0) return null;
  let end = sent.last;
  while (end > aus && tokens[end - 1]!.kind === TK.Punct) end--;
  if (tokens[end - 1]?.low !== "hervor") return null;
  const np = nounPhraseDe(doc, aus + 1, end - 1);
  const m = np ? phraseMention(doc, np) : null;
  return m ? { mention: m, person: m.person, cue: k + 1 } : null;
}

function wholeSentence(doc: Doc, s: number, attr: Attr): IndirectFound | null {
  const { tokens } = doc;
  const sent = doc.sentences[s]!;
  let a = sent.first;
  let b = sent.last;
  while (a < b && tokens[a]!.kind === TK.Punct) a++;
  while (b > a && tokens[b - 1]!.kind === TK.Punct) b--;
  for (let k = a; k < b; k++) if (!outside(doc, k)) return null;
  let words = 0;
  for (let k = a; k < b; k++) if (tokens[k]!.kind === TK.Word) words++;
  if (words < 4) return null;
  return { start: tokens[a]!.start, end: tokens[b - 1]!.end, attr };
}

/** Heads of phrases that name a source that can speak: institutions, media, documents, experts. */
const SOURCE_NOUN_DE = /(bericht|berichts|studie|zeitung|magazin|agentur|sender|polizei|regierung|ministerium|behörde|behörden|gericht|verband|partei|organisation|kommission|institut|amt|rat|konzern|unternehmen|firma|gewerkschaft|staatsanwaltschaft|feuerwehr|armee|militär|experten|expertin|forscher|wissenschaftler|wissenschafter|ermittler|analyse|erklärung|mitteilung|stellungnahme|online|news|team|verwaltung|fraktion|koalition|opposition|botschaft|vereinigung|initiative|stiftung|bündnis|kampagne|ärzte|anwälte|richter|sprecher|sprecherin|vertreter|vertreterin|angaben|umfrage|meldung|agenturen|medien)$/;

/** A phrase that can be the source of reported words: a person (name, role, pronoun), an organisation, or a source noun. */
function plausibleSpeaker(doc: Doc, np: Phrase): boolean {
  for (let k = np.first; k < np.last; k++) {
    const mi = doc.mentionAt[k]!;
    if (mi >= 0 && doc.mentions[mi]!.kind !== "first-person") return true;
    const t = doc.tokens[k]!;
    if (t.kind === TK.Word && t.cap) {
      // A name of several capitalized words ("Radio Nordheim") can be a source; a single noun only when it names one.
      const multi = k + 1 < np.last && doc.tokens[k + 1]!.kind === TK.Word && doc.tokens[k + 1]!.cap;
      return multi || SOURCE_NOUN_DE.test(t.low);
    }
  }
  return false;
}

/**
 * The subject of a sentence that carries a quote without any speech verb: "Meteorologen
 * rechnen jedoch mit „kräftigen Schauern“", "Das Ministerium empfiehlt einen
 * „vorsichtigen Umgang“". Only a subject outside the quotation marks counts.
 */
function subjectOutside(doc: Doc, s: number): Attr | null {
  if (doc.lang !== "de") return null;
  return perSentence(subjectCache, doc, s, () => subjectOutsideOnce(doc, s));
}

/** Results per sentence, computed once: several quotes in one long sentence must not each rescan it. */
const subjectCache = new WeakMap<Doc, Map<number, Attr | null>>();
const frameCache = new WeakMap<Doc, Map<number, Attr | null>>();
function perSentence(cache: WeakMap<Doc, Map<number, Attr | null>>, doc: Doc, s: number, make: () => Attr | null): Attr | null {
  let m = cache.get(doc);
  if (!m) cache.set(doc, (m = new Map()));
  let v = m.get(s);
  if (v === undefined) {
    v = make();
    m.set(s, v);
  }
  return v;
}

function subjectOutsideOnce(doc: Doc, s: number): Attr | null {
  const sent = doc.sentences[s]!;
  let words = 0;
  for (let k = sent.first; k < sent.last; k++) if (outside(doc, k) && doc.tokens[k]!.kind === TK.Word) words++;
  if (words < 3) return null;
  const np = sentenceSubjectDe(doc, s);
  if (!np) return null;
  for (let k = np.first; k < np.last; k++) if (!outside(doc, k)) return null;
  return attrOf(phraseMention(doc, np));
}

/** The source of a German attribution phrase in sentence s ("Nach den Worten von X fehle es „…“"). */
function frameAttr(doc: Doc, s: number): Attr | null {
  if (doc.lang !== "de") return null;
  return perSentence(frameCache, doc, s, () => frameAttrOnce(doc, s));
}

function frameAttrOnce(doc: Doc, s: number): Attr | null {
  const sent = doc.sentences[s]!;
  const frame = frameDe(doc, sent.first, sent.last);
  return frame ? attrOf(frame.mention, frame.cue) : null;
}

/** Finite forms of "sein": "Für X ist …" states X's view. */
const SEIN_DE = new Set(["ist", "sei", "war", "wäre", "sind", "seien", "waren", "wären"]);

/** Nouns that make "nach …" a source ("nach Angaben der Polizei", "nach Polizeiangaben", "Seiner Meinung nach"). */
const FRAME_HEADS_DE = /(angaben|angabe|informationen|erkenntnissen|berichten|berichte|bericht|aussagen|aussage|worten|ansicht|auffassung|meinung|einschätzung|einschätzungen|darstellung|darstellungen|schätzungen|schätzung|sicht|überzeugung|vernehmen|mitteilung|meldungen|meldung|studie|umfrage|analyse|untersuchungen|untersuchung|ergebnissen|ergebnis|endergebnis|prognose|prognosen|hochrechnung|hochrechnungen|statistik|recherchen|ermittlungen|urteil|beobachtungen|stellungnahme|erklärung|zeugenaussagen|medienberichten|agenturberichten|presseberichten|augenzeugenberichten|polizeiangaben|expertenmeinung|idee|ideen|bewertung|ankündigung|vorstellung|vorstellungen|berechnungen|kenntnis|kenntnissen|auskunft|schilderung|schilderungen|zeugen|wahrnehmung|lesart|willen|plänen|forderung|vorschlag|artikel|artikels|beitrag|beitrags|interview|interviews)$/;

/** Nouns of documents and statements that speak for their authors ("In dem Bericht heißt es"). */
const DOCUMENT_HEADS_DE = /(bericht|berichts|berichtes|erklärung|mitteilung|resolution|studie|schreiben|schreibens|brief|briefs|briefes|artikel|artikels|stellungnahme|urteil|urteils|urteilsbegründung|begründung|meldung|beschluss|beschlusses|gutachten|gutachtens|dokument|dokuments|entwurf|entwurfs|antrag|antrags|interview|interviews|rede|ansprache|botschaft|kommuniqué|protokoll|protokolls|analyse|umfrage|aufruf|appell|petition|papier|papiers|memorandum|kommentar|kommentars|leitartikel|beitrag|beitrags|sendung|vorabversion|fassung|text|textes|brief)$/;

/**
 * "In einem Bericht der Zeitung wurde vermutet, dass …", "Im Schreiben heißt es, …": a phrase
 * "in"/"im" + a document noun in the clause before the tag at v, opening it at the sentence
 * start or after a comma. The document (or the name in it) is the source.
 */
function inDocumentDe(doc: Doc, f: number, v: number): Mention | null {
  const { tokens } = doc;
  for (let k = f; k < v; k++) {
    const t = tokens[k]!;
    if (t.kind !== TK.Word || (t.low !== "in" && t.low !== "im")) continue;
    if (!outside(doc, k)) continue;
    let p = k - 1;
    // (An adverb may precede it: "So wird in einer Mitteilung gefordert, dass …".)
    if (p >= f && tokens[p]!.kind === TK.Word && (tokens[p]!.low === "so" || tokens[p]!.low === "auch") && (p === f || tokens[p - 1]!.kind === TK.Punct)) p--;
    if (p >= f && !(tokens[p]!.kind === TK.Punct && tokens[p]!.text !== "„")) {
      if (!(p === k - 1 && speechLikeAux(tokens[p]!.low))) continue;
    }
    const np = nounPhraseDe(doc, t.low === "im" ? k + 1 : k + 1, v);
    if (!np || np.first !== k + 1) continue;
    let head = "";
    for (let j = np.first; j < np.last; j++) {
      const u = tokens[j]!;
      if (u.kind === TK.Word && u.cap && !isDeterminerDe(u.low)) {
        head = u.low;
        break;
      }
    }
    if (!head || !DOCUMENT_HEADS_DE.test(head)) continue;
    return phraseMention(doc, np);
  }
  return null;
}

/** An auxiliary of an agentless passive or "heißt" right before "in": "wird in einer Mitteilung gefordert". */
function speechLikeAux(low: string): boolean {
  return low === "wird" || low === "wurde" || low === "werden" || low === "wurden" || low === "war" || low === "heißt" || low === "hieß" || low === "ist";
}

/** "nach" at k opens a noun phrase of its own ("nach einem Waffenstillstand", "nach Neuwahlen", "nach mehr Autonomie"). */
function prepositionalNachDe(doc: Doc, k: number): boolean {
  const n = doc.tokens[k + 1];
  if (!n || n.kind === TK.Punct) return false;
  if (n.kind !== TK.Word) return false;
  if (n.cap) return doc.sentences[doc.sentOf[k]!]!.first !== k + 1;
  return isDeterminerDe(n.low) || n.low === "mehr" || n.low === "weniger" || (n.low.endsWith("en") && doc.tokens[k + 2]?.kind === TK.Word && doc.tokens[k + 2]!.cap);
}

function frameHead(doc: Doc, np: Phrase): boolean {
  for (let k = np.first; k < np.last; k++) {
    const t = doc.tokens[k]!;
    // The head noun, after a capitalized determiner at the sentence start ("Seiner Meinung nach").
    if (t.kind === TK.Word && t.cap && !isDeterminerDe(t.low)) return FRAME_HEADS_DE.test(t.low);
  }
  return false;
}

/**
 * A German attribution phrase in the sentence [f, end): "laut X", "gemäß X", "nach Angaben X",
 * "X zufolge", "Seiner Meinung nach". Returns the phrase's token range (with the comma that
 * separates it) and the speaker mention.
 */
function frameDe(doc: Doc, f: number, end: number): { first: number; last: number; mention: Mention | null; cue: number } | null {
  const { tokens } = doc;
  for (let k = f; k < end; k++) {
    if (!outside(doc, k)) continue;
    const t = tokens[k]!;
    if (t.kind !== TK.Word) continue;
    const low = t.low;
    // "Für den Minister ist die Lage „ernst“": a view, at the start of the clause.
    if (low === "für" && (k === f || tokens[k - 1]!.kind === TK.Punct)) {
      const np = nounPhraseDe(doc, k + 1, end);
      const verb = np ? tokens[np.last] : undefined;
      if (np && verb && SEIN_DE.has(verb.low) && plausibleSpeaker(doc, np)) return { first: k, last: np.last, mention: phraseMention(doc, np), cue: k };
      continue;
    }
    if (low === "laut" || low === "gemäß" || low === "nach") {
      const np = nounPhraseDe(doc, k + 1, end);
      if (np && (low !== "nach" || frameHead(doc, np))) {
        let last = np.last;
        if (tokens[last]?.text === ",") last++;
        let first = k;
        if (tokens[k - 1]?.text === "," && k - 1 >= f) first = k - 1;
        return { first, last, mention: phraseMention(doc, np), cue: k };
      }
      if (low !== "nach") continue;
    }
    if (low === "zufolge" || (low === "nach" && k > f)) {
      let best = -1;
      for (let s = k - 1; s >= f && s >= k - 16; s--) {
        const np = nounPhraseDe(doc, s, k);
        if (np && np.last === k) best = s;
      }
      if (best < 0) continue;
      const np = { first: best, last: k };
      if (low === "nach" && !frameHead(doc, np)) continue;
      // "die Forderung nach einem Waffenstillstand", "aller Voraussicht nach": "nach" with a noun
      // phrase of its own is a preposition of the noun, not a source ("Seiner Meinung nach ist …").
      if (low === "nach" && prepositionalNachDe(doc, k)) continue;
      let first = best;
      if (tokens[best - 1]?.text === "," && best - 1 >= f) first = best - 1;
      let last = k + 1;
      if (tokens[last]?.text === ",") last++;
      return { first, last, mention: phraseMention(doc, np), cue: k };
    }
  }
  return null;
}

/**
 * A speaker named only by a noun phrase ("the central bank", "Polizei"): the words up to the
 * next comma or verb-like token, at most five.
 */
function adHoc(doc: Doc, a: number, hi: number): Mention | null {
  const { tokens } = doc;
  let b = a;
  while (b < hi && b - a < 5 && tokens[b]!.kind === TK.Word && doc.speech[b] === 0) {
    const t = tokens[b]!;
    if (doc.lang === "de" && b > a && !t.cap && !["der", "des", "für", "von"].includes(t.low)) break;
    b++;
  }
  if (b === a) return null;
  let first = a;
  while (first < b && ["the", "der", "die", "das", "dem", "den", "des"].includes(tokens[first]!.low)) first++;
  if (first === b) return null;
  const surface = doc.text.slice(tokens[first]!.start, tokens[b - 1]!.end);
  return {
    first, last: b, start: tokens[first]!.start, end: tokens[b - 1]!.end, kind: "org", gender: "n", plural: false,
    person: { name: surface, gender: "n", plural: false, org: true, roles: new Set() },
    surface, salient: false, inQuote: false, sentence: doc.sentOf[a]!,
  };
}

/** Auxiliaries after a participle that make it passive or perfect ("wie berichtet wurde"). */
const PASSIVE_OR_PERFECT_AUX_DE = new Set(["wurde", "wurden", "wird", "werden", "worden", "ist", "sind", "war", "waren"]);

/**
 * The words [a, b) as a source mention when they are one short name or phrase: no verb, no
 * lower-case word but an article or a name that is written so ("t-online.de"), marks allowed.
 */
function adHocSpan(doc: Doc, a: number, b: number): Mention | null {
  const { tokens } = doc;
  let words = 0;
  for (let k = a; k < b; k++) {
    const t = tokens[k]!;
    if (doc.speech[k]) return null;
    if (t.kind === TK.Punct) {
      if (!"„“”\"«».-".includes(t.text)) return null;
      continue;
    }
    if (t.kind !== TK.Word) return null;
    words++;
    if (!t.cap && !isDeterminerDe(t.low)) {
      // A lower-case word is a name only when it is glued to a dot or hyphen ("t-online.de").
      const glued = /[a-z0-9][.-][a-z0-9]/.test(t.low) || (tokens[k - 1] && tokens[k - 1]!.end === t.start && tokens[k - 1]!.kind === TK.Punct) || (tokens[k + 1] && tokens[k + 1]!.start === t.end && tokens[k + 1]!.kind === TK.Punct && tokens[k + 1]!.text !== ",");
      if (!glued) return null;
    }
  }
  if (!words) return null;
  let first = a;
  while (first < b && isDeterminerDe(tokens[first]!.low)) first++;
  if (first >= b) return null;
  const surface = doc.text.slice(tokens[first]!.start, tokens[b - 1]!.end);
  return {
    first, last: b, start: tokens[first]!.start, end: tokens[b - 1]!.end, kind: "org", gender: "n", plural: false,
    person: { name: surface, gender: "n", plural: false, org: true, roles: new Set() },
    surface, salient: false, inQuote: false, sentence: doc.sentOf[a]!,
  };
}

function hasQuoteInside(doc: Doc, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (doc.markOf[k]) return true;
  return false;
}
