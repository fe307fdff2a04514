// Noun phrases and the subject of a speech verb, for German (and, more simply, English).
//
// The speaker of reported words is the subject of the verb that reports them, whatever it is: a
// person ("Kremlsprecher Dmitri Peskow"), a pronoun ("er"), a role ("der Sprecher der Polizei"),
// an institution ("die Stadtverwaltung"), a document ("der Bericht"), a group ("die Demonstranten")
// or a source ("die Zeitung „Nordheimer Rundschau“"). German word order tells where the subject is:
// in a main clause the finite verb is the second constituent, so the subject is either the
// whole first constituent ("Die Stadtverwaltung versicherte, …") or, when something else comes
// first (an adverb, a prepositional phrase, a quote), the first noun phrase after the verb
// ("„…“, sagte der 62-Jährige", "Am Montag erklärte die Polizei, …"); in a subordinate clause
// it follows the conjunction ("Wie die Polizei mitteilte, …").
//
// Every function here looks at a bounded number of tokens (a noun phrase is at most 24 tokens),
// so a call costs O(1) and the extractor stays linear.

import type { Doc } from "./context";
import { roleDe } from "./lexicon";
import { TK, type Token } from "./text";

const DET_DE = new Set(
  `der die das den dem des ein eine einer einem einen eines dieser diese dieses diesem diesen jener jene jenes
sein seine seiner seinem seinen seines ihr ihre ihrer ihrem ihren ihres unser unsere unserer unseren deren dessen
kein keine keiner keinem keinen beide beiden mehrere einige einigen viele vielen alle allen andere anderen weitere
weiteren zwei drei vier fünf sechs sieben acht neun zehn zwölf etliche zahlreiche zahlreichen manche sämtliche`.split(/\s+/),
);
export function isDeterminerDe(low: string): boolean {
  return DET_DE.has(low);
}

/** Lower-case words that end like an adjective but are not one. */
const NOT_ADJ_DE = new Set(
  `aber oder über unter wieder immer sehr hier jeder jede jedes wegen gegen seine seiner seinem seinen ihre ihrer
ihrem ihren eine einer einem einen eines keine keiner keinem keinen diese dieser diesem diesen dieses nie eher
ebenfalls bereits habe hatte hatten haben hätte hätten werde werden wurde wurden würde würden sagte sagten
erklärte erklärten teilte teilten gabe gaben sowie sondern ohne ende gerne gern lange alle allen bitte erst
heute gestern morgen selbe dabei daher sodass worden gewesen`.split(/\s+/),
);
const ADJ_END_DE = /(e|en|er|es|em|ste|sten)$/;
/** Capitalized words that start a clause but are not nouns (adverbs, prepositions, conjunctions). */
const CAP_NOT_NOUN_DE = new Set(
  `auch aber doch dann dazu zudem allerdings beim im am vor nach mit in auf für bei zum zur von vom wie als wenn
dass ob nun jetzt heute gestern morgen so noch schon nur und oder sondern denn weil da dort hier hierzu damit
dabei daher deshalb trotzdem außerdem zwar bereits inzwischen mittlerweile seit bis gegen ohne unter über neben
zwischen durch um laut zufolge kein keine was wer wo warum wieso weshalb welche welcher welches ja nein nicht
ausdrücklich dennoch ebenfalls gleichzeitig zugleich später früher zuvor danach anschließend insgesamt vielmehr
stattdessen immerhin jedenfalls offenbar offensichtlich angeblich tatsächlich wirklich weiter weiterhin zunächst
zuletzt erst bisher bislang demnach dagegen hingegen jedoch indes indessen nachdem während obwohl falls sofern
derzeit damals einst nämlich ebenso sogar vor allem besonders gerade kurz später bald also somit folglich
gemäß entgegen trotz wegen angesichts aufgrund infolge mittels seitens gegenüber`.split(/\s+/),
);
const PRONOUN_DE = new Set(["er", "sie", "es", "man", "wir", "ich", "ihr", "dieser", "diese", "jener", "jene", "beide", "alle", "dieses", "letztere", "letzterer", "ersterer", "erstere"]);
/** Subordinating conjunctions after which the subject comes first ("Wie die Polizei mitteilte"). */
const SUBORD_DE = new Set(["wie", "als", "dass", "daß", "nachdem", "weil", "da", "ob", "wenn", "obwohl", "während", "worauf", "nachdem", "sodass", "wobei"]);
/** Adverbs that may stand between the verb and its subject ("sagte jedoch der Minister"). */
const MIDFIELD_SKIP_DE = new Set(
  `auch aber doch dann jedoch zudem außerdem ebenfalls weiter weiterhin noch schon bereits nun dabei dazu damals
jetzt heute gestern zuvor erneut allerdings inzwischen später hingegen dagegen indes ausdrücklich gegenüber
daraufhin zufolge einmal sogar gar abschließend bislang bisher offenbar offiziell ferner ihrerseits seinerseits`.split(/\s+/),
);
/** Finite auxiliaries and modals: with a participle or infinitive at the end, they hold the second place. */
const AUX_DE = new Set(
  `hat haben hatte hatten habe hätte hätten ist sind war waren sei seien wäre wären wird werden wurde wurden würde
würden soll sollen sollte sollten will wollen wollte wollten kann können konnte konnten muss müssen musste
mussten darf dürfen durfte durften möchte möchten mag`.split(/\s+/),
);
/** Focus particles that open the first constituent together with a noun phrase. */
const FOCUS_DE = new Set(["auch", "selbst", "sogar", "nur", "gerade", "besonders", "ebenso", "allein"]);
const NAME_PARTICLES_DE = new Set(["von", "van", "de", "zu", "ter", "ten", "da", "di", "del"]);
const CLAUSE_PUNCT = new Set([".", "!", "?", ";", ":", "(", ")", "…"]);

export interface Phrase {
  /** Token range [first, last). */
  first: number;
  last: number;
}

function word(t: Token | undefined): t is Token {
  return t !== undefined && t.kind === TK.Word;
}

function isNounDe(t: Token | undefined): boolean {
  return word(t) && t.cap && !CAP_NOT_NOUN_DE.has(t.low) && !DET_DE.has(t.low);
}

/** Lower-case words of a document: a capitalized word also seen in lower case is no noun at the start of a sentence ("Positiv kommentierte er"). */
const lowerSeen = new WeakMap<Doc, Set<string>>();
export function seenLower(doc: Doc): Set<string> {
  let set = lowerSeen.get(doc);
  if (!set) {
    set = new Set();
    for (const t of doc.tokens) if (t.kind === TK.Word && !t.cap) set.add(t.low);
    lowerSeen.set(doc, set);
  }
  return set;
}

/** A capitalized word at the start of a sentence that is really an adverb or adjective. */
function sentenceInitialNonNoun(doc: Doc, k: number): boolean {
  const t = doc.tokens[k];
  if (!word(t) || !t.cap || DET_DE.has(t.low) || PRONOUN_DE.has(t.low)) return false;
  const s = doc.sentences[doc.sentOf[k]!]!;
  let first = s.first;
  while (first < k && doc.tokens[first]!.kind === TK.Punct) first++;
  if (first !== k) return false;
  // Also a lone adjective or adverb before the verb, which news rarely writes in lower case
  // elsewhere: "Positiv kommentierte er …", "Ausdrücklich erwähnte das Papier …".
  // "Ergänzend fügte Keßler hinzu", "Passend zu …": a present participle used as an adverb.
  if (/[^e]end$/.test(t.low) && t.low.length > 6) return true;
  return seenLower(doc).has(t.low) || (ADVERBIAL_END_DE.test(t.low) && !isNounDe(doc.tokens[k + 1]) && doc.tokens[k + 1]?.kind === TK.Word && !doc.tokens[k + 1]!.cap);
}
const ADVERBIAL_END_DE = /(iv|lich|isch|bar|sam|haft|weise|los|mals|wärts|gemäß|iell|uell|lang)$/;

/** A word that can be a given name before a particle ("Ursula" von der Leyen), not a role noun. */
function firstNameLike(t: Token): boolean {
  return t.cap && t.text.length >= 2 && !/(er|in|ent|ist|or|eur|ant)$/.test(t.low);
}

function isAdjDe(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.kind === TK.Num) return true; // "die 62-Jährige", "40 Prozent"
  return word(t) && !t.cap && ADJ_END_DE.test(t.low) && !NOT_ADJ_DE.has(t.low) && !DET_DE.has(t.low) && !PRONOUN_DE.has(t.low) && t.low.length > 2;
}

/** "der 81-jährige Besitzer", "die 3-köpfige Familie": a number joined to an adjective. */
function numAdj(tokens: Token[], i: number): boolean {
  const n = tokens[i];
  const d = tokens[i + 1];
  const w = tokens[i + 2];
  return n !== undefined && n.kind === TK.Num && d !== undefined && d.text === "-" && d.start === n.end && word(w) && w.start === d.end && !w.cap;
}

/** "der 81-Jährige": a number joined to a noun. */
function numNoun(tokens: Token[], i: number): boolean {
  const n = tokens[i];
  const d = tokens[i + 1];
  return n !== undefined && n.kind === TK.Num && d !== undefined && d.text === "-" && d.start === n.end && tokens[i + 2]?.cap === true;
}

/**
 * The head of a German noun phrase from token `from` (determiners, adjectives, then nouns or a
 * name): the token after it, or -1. A module function, not a closure: noun phrases are read
 * for every speech verb, quote and frame, and a closure per call was garbage to collect.
 */
function headDe(tokens: Token[], from: number, limit: number): number {
  let j = from;
  // "der", "die beiden", "der drei", "seine 12".
  for (let d = 0; d < 2 && j < limit && !numAdj(tokens, j) && !numNoun(tokens, j) && ((word(tokens[j]) && DET_DE.has(tokens[j]!.low)) || tokens[j]!.kind === TK.Num); d++) j++;
  let adjs = 0;
  while (j < limit && adjs < 4 && (isAdjDe(tokens[j]) || numAdj(tokens, j))) {
    j += numAdj(tokens, j) ? 3 : 1;
    adjs++;
  }
  const nounStart = j;
  // A name in quotation marks as the noun: die „Rundschau“, der „Bote“.
  const m = tokens[j];
  if (m && m.kind === TK.Punct && "„“\"«»".includes(m.text) && isNounDe(tokens[j + 1])) {
    let e = j + 1;
    while (e < limit && e - j < 8 && tokens[e]!.kind !== TK.Punct) e++;
    if (tokens[e] && "“”\"«»".includes(tokens[e]!.text)) return e + 1;
  }
  while (j < limit && j - nounStart < 6) {
    const u = tokens[j]!;
    if (isNounDe(u)) {
      j++;
      continue;
    }
    // "der 81-Jährige": a number joined to a noun.
    if (u.kind === TK.Num && tokens[j + 1]?.text === "-" && tokens[j + 1]!.start === u.end && isNounDe(tokens[j + 2]) && tokens[j + 2]!.start === tokens[j + 1]!.end) {
      j += 3;
      continue;
    }
    // "Ursula von der Leyen", "Karl zu Lindenau": particles inside a name.
    if (j > nounStart && word(u) && NAME_PARTICLES_DE.has(u.low)) {
      let p = j + 1;
      if (word(tokens[p]) && (tokens[p]!.low === "der" || tokens[p]!.low === "den")) p++;
      if (isNounDe(tokens[p]) && firstNameLike(tokens[j - 1]!)) {
        j = p;
        continue;
      }
    }
    break;
  }
  return j > nounStart ? j : -1;
}

/**
 * The German noun phrase that starts at token `a`, or null: [determiner] [adjectives] nouns or a
 * name, then genitives ("der Sprecher der Polizei"), "von/für" phrases ("Bürgermeister von New
 * Lindenau"), a parenthesis ("(SPD)"), a title in quotation marks ("die Zeitung „Nordheimer Rundschau“")
 * and an apposition (", Jan Ebert,"). A personal or demonstrative pronoun is a phrase of one.
 */
export function nounPhraseDe(doc: Doc, a: number, hi: number): Phrase | null {
  const { tokens } = doc;
  const limit = Math.min(hi, a + 24);
  let k = a;
  const t = tokens[a];
  if (!t || a >= limit) return null;
  if (word(t) && PRONOUN_DE.has(t.low) && !isNounDe(tokens[a + 1]) && !(isAdjDe(tokens[a + 1]) && (isNounDe(tokens[a + 2]) || isAdjDe(tokens[a + 2])))) {
    // "sagte dieser", "erklärte er"; "die" before a noun is an article, below.
    return { first: a, last: a + 1 };
  }
  if (sentenceInitialNonNoun(doc, a)) return null;
  k = headDe(tokens, a, limit);
  if (k < 0) return null;
  // Tails, each bounded by the phrase limit.
  for (let guard = 0; guard < 6 && k < limit; guard++) {
    const u = tokens[k]!;
    if (word(u) && (u.low === "der" || u.low === "des") && !u.cap) {
      const e = headDe(tokens, k, limit);
      if (e > 0) {
        k = e;
        continue;
      }
    }
    if (word(u) && (u.low === "von" || u.low === "vom" || u.low === "für") && !u.cap) {
      const e = headDe(tokens, k + 1, limit);
      if (e > 0) {
        k = e;
        continue;
      }
    }
    if (u.text === "(") {
      let j = k + 1;
      while (j < limit && j - k < 8 && tokens[j]!.text !== ")" && !doc.speech[j]) j++;
      if (tokens[j]?.text === ")") {
        k = j + 1;
        continue;
      }
      break;
    }
    // A title in quotation marks right after its noun: die Zeitung „Nordheimer Rundschau“.
    if (u.kind === TK.Punct && u.spaceBefore && "„“\"«»".includes(u.text) && word(tokens[k + 1]) && tokens[k + 1]!.cap) {
      let j = k + 1;
      while (j < limit && j - k < 8 && tokens[j]!.kind !== TK.Punct) j++;
      if (tokens[j] && "“”\"«»".includes(tokens[j]!.text)) {
        k = j + 1;
        continue;
      }
      break;
    }
    // Apposition with a name: ", Jan Ebert," / ", Mia Krug."
    if (u.text === "," && isNounDe(tokens[k + 1])) {
      let j = k + 1;
      while (j < limit && j - k <= 4 && isNounDe(tokens[j])) j++;
      const after = tokens[j];
      if (j - k >= 2 && (!after || after.text === "," || after.text === "." || after.text === "(" || doc.speech[j])) {
        k = j;
        continue;
      }
    }
    break;
  }
  return { first: a, last: k };
}

function isBoundary(t: Token | undefined, doc: Doc, k: number): boolean {
  if (!t) return true;
  if (t.kind !== TK.Punct) return false;
  // A period inside a sentence closes an ordinal or an abbreviation ("am 25. Mai", "Dr."), not a clause.
  if (t.text === "." && innerPeriod(doc, k)) return false;
  // Quotation marks end a clause only around a quote, not around a name ("die Zeitung „Nordheimer Rundschau“ berichtet").
  return CLAUSE_PUNCT.has(t.text) || t.text === "," || t.text === "–" || t.text === "—" || doc.markOf[k] === 1;
}

/** A period that does not end its sentence (an ordinal, an abbreviation). */
function innerPeriod(doc: Doc, k: number): boolean {
  return k + 1 < doc.tokens.length && doc.sentOf[k + 1] === doc.sentOf[k];
}

/**
 * The finite verb a speech verb belongs to: the verb itself, or the auxiliary before a
 * participle or infinitive at the clause end ("hat … gesagt", "will … mitteilen").
 */
function finiteOf(doc: Doc, v: number, lo: number): number {
  const { tokens } = doc;
  const t = tokens[v]!;
  const participle = /^ge/.test(t.low) || /(iert|t|en)$/.test(t.low);
  if (!participle) return v;
  for (let k = v - 1; k >= lo && k >= v - 20; k--) {
    const u = tokens[k]!;
    if (u.kind === TK.Punct && !"-()„“”\"«»‚‘’".includes(u.text) && !(u.text === "." && innerPeriod(doc, k))) break;
    if (word(u) && !u.cap && AUX_DE.has(u.low)) return k;
  }
  return v;
}

/** Speech verbs whose object is often a person: a pronoun after them is the object, not the subject. */
const OBJECT_VERBS_DE = new Set(["nannte", "nannten", "nennt", "bezeichnete", "bezeichneten", "bezeichnet", "zitierte", "zitierten", "zitiert", "fragte", "fragten", "fragt", "warnte", "warnten", "warnt", "lobte", "lobten", "lobt", "kritisierte", "kritisierten", "kritisiert"]);

/** Determiners of a dative or accusative phrase: such a phrase is an object, not the subject. */
const OBLIQUE_DE = new Set(["den", "dem", "einem", "einen", "diesem", "diesen", "seinem", "seinen", "ihrem", "ihren", "unserem", "unseren", "keinem", "keinen", "ihm", "ihnen", "mir", "uns"]);
/** Nouns of time: "Letzte Woche sagte er", "sagte heute Abend": not speakers. */
const TIME_NOUNS_DE = new Set(`abend abends morgen mittag nachmittag vormittag nacht woche wochenende tag tage jahr jahres monat monats zeit mal
montag dienstag mittwoch donnerstag freitag samstag sonntag sonnabend januar februar märz april mai juni juli august september oktober
november dezember anfang ende mitte uhr stunde stunden minuten`.split(/\s+/));
const RELATIVE_DE = new Set(["der", "die", "das", "welcher", "welche", "welches", "dessen", "deren", "dem", "den", "denen"]);

/** The head of the phrase (its first noun or pronoun) is a person: a name, role or pronoun mention. */
function headIsPerson(doc: Doc, np: Phrase): boolean {
  for (let k = np.first; k < np.last; k++) {
    const t = doc.tokens[k]!;
    if (t.kind !== TK.Word) continue;
    const mi = doc.mentionAt[k]!;
    if (mi >= 0) {
      const kind = doc.mentions[mi]!.kind;
      return kind === "name" || kind === "role" || kind === "pronoun";
    }
    if (t.cap && !DET_DE.has(t.low)) return false;
  }
  return false;
}

/** One or two capitalized words without an article: a name the mention finder does not know ("Hartmann"). */
function bareName(doc: Doc, np: Phrase): boolean {
  if (np.last - np.first > 2) return false;
  for (let k = np.first; k < np.last; k++) {
    const t = doc.tokens[k]!;
    if (!word(t) || !t.cap || DET_DE.has(t.low) || TIME_NOUNS_DE.has(t.low)) return false;
  }
  return true;
}

/** The phrase contains a person's name (a mention of kind "name"). */
function hasName(doc: Doc, np: Phrase): boolean {
  for (let k = np.first; k < np.last; k++) {
    const mi = doc.mentionAt[k]!;
    if (mi >= 0 && doc.mentions[mi]!.kind === "name") return true;
  }
  return false;
}

function isSubjectPhrase(doc: Doc, np: Phrase): boolean {
  const { tokens } = doc;
  const first = tokens[np.first]!;
  if (OBLIQUE_DE.has(first.low)) return false;
  for (let k = np.first; k < np.last; k++) {
    const t = tokens[k]!;
    if (t.kind === TK.Word && t.cap) return !TIME_NOUNS_DE.has(t.low);
  }
  return true;
}

/** The phrase right after the verb (or after adverbs and an object in the dative): "sagte jedoch der Minister", "teilte dem Sender der Sprecher mit". */
function phraseAfterVerb(doc: Doc, f: number, hi: number): Phrase | null {
  const { tokens } = doc;
  let k = f + 1;
  for (let tries = 0; tries < 3 && k < hi; tries++) {
    for (let skipped = 0; k < hi && skipped < 4; skipped++) {
      const t = tokens[k]!;
      if (t.kind === TK.Word && !t.cap && (MIDFIELD_SKIP_DE.has(t.low) || t.low === "sich")) k++;
      else if (t.kind === TK.Word && (t.low === "heute" || t.low === "gestern" || t.low === "morgen") && TIME_NOUNS_DE.has(tokens[k + 1]?.low ?? "")) k += 2;
      else break;
    }
    if (k >= hi) return null;
    const np = nounPhraseDe(doc, k, hi);
    if (!np) return null;
    if (tokens[np.first]!.low === "es" && np.last === np.first + 1) {
      // "hieß es in der Erklärung", "heißt es in einer Mitteilung der Gewerkschaft": the source
      // is the phrase after "in"/"laut"/"bei"; a bare "es" names nobody.
      for (let j = np.last; j < hi && j <= np.last + 4; j++) {
        const u = tokens[j]!;
        if (word(u) && ["in", "im", "laut", "bei", "beim", "aus", "von", "vom", "seitens"].includes(u.low)) return nounPhraseDe(doc, j + 1, hi);
        if (!word(u) || !MIDFIELD_SKIP_DE.has(u.low)) break;
      }
      return null;
    }
    if (isSubjectPhrase(doc, np)) return np;
    k = np.last; // an object or a time: the subject may follow
  }
  return null;
}

/**
 * The subject of the (German) speech verb at token v, within [lo, hi): a noun phrase or a
 * pronoun, or null when none is found.
 */
export function subjectPhraseDe(doc: Doc, v: number, lo: number, hi: number): Phrase | null {
  const { tokens } = doc;
  const f = finiteOf(doc, v, lo);
  // The clause start: back to a boundary (bounded).
  let c = f;
  for (;;) {
    while (c > lo && f - c < 30 && !isBoundary(tokens[c - 1], doc, c - 1)) c--;
    // A parenthesis inside the first constituent: "Jonas Albrecht, … (SPD) sagte".
    if (c > lo && tokens[c - 1]!.text === ")") {
      let o = c - 2;
      while (o > lo && c - o < 12 && tokens[o]!.text !== "(") o--;
      if (tokens[o]?.text === "(" && o > lo) {
        c = o;
        continue;
      }
    }
    break;
  }
  if (c === f && c > lo && tokens[c - 1]!.text === ",") {
    const beforeComma = tokens[c - 2];
    const quoteBefore = beforeComma !== undefined && (doc.markOf[c - 2] === 1 || "“”\"«»‹›‘’'".includes(beforeComma.text));
    if (!quoteBefore) {
      // "Ein Sprecher der Polizei, Jan Ebert, sagte …", "…, die Sprecherin der Fraktion,
      // Mia Krug (SPD), erklärte:": a phrase with its apposition right before the verb.
      // "Eva Roth, die bei … zuständig ist, wies …": the subject opens the sentence,
      // before a relative clause.
      let commas = 0;
      let s0 = c - 1;
      let opening: Phrase | null = null;
      for (let k = c - 2; k >= lo && f - k < 40 && commas < 4; k--) {
        const t = tokens[k]!;
        const atStart = k === lo || isBoundary(tokens[k - 1], doc, k - 1);
        if (atStart) {
          const np = nounPhraseDe(doc, k, f);
          if (np && isSubjectPhrase(doc, np) && np.last >= f - 1) return np;
          if (np && isSubjectPhrase(doc, np)) opening = np;
        }
        if (t.kind === TK.Punct && t.text !== "," && t.text !== "(" && t.text !== ")" && t.text !== "-" && t.text !== "–") break;
        if (t.text === ",") commas++;
        s0 = k;
      }
      void s0;
      if (opening) {
        // "Eva Roth, die …, wies": before a relative clause; "Tony Berg, ein Sprecher des
        // Amts in Kellbach, sagte": before an apposition the chunker reads only in part.
        const after = tokens[opening.last];
        const n = tokens[opening.last + 1];
        if (after?.text === "," && n && (RELATIVE_DE.has(n.low) || (["ein", "eine", "der", "die"].includes(n.low) && hasName(doc, opening)))) return opening;
      }
    }
    return phraseAfterVerb(doc, f, hi);
  }
  if (c < f) {
    let first = tokens[c]!;
    const next = tokens[f + 1];
    const verbFinal = !next || (next.kind === TK.Punct && next.text !== "(" && !"„“\"«»".includes(next.text)) || (tokens[v + 1]?.kind === TK.Punct && v > f) || (AUX_DE.has(tokens[v + 1]?.low ?? "") && tokens[v + 2]?.kind === TK.Punct);
    if (word(first) && SUBORD_DE.has(first.low) && verbFinal) {
      // Verb-final clause: the subject follows the conjunction.
      const np = nounPhraseDe(doc, c + 1, f);
      return np && isSubjectPhrase(doc, np) ? np : null;
    }
    // "Dies bestätigte die Parteichefin …", "Das teilte die Polizei mit": a demonstrative
    // alone before the verb is its object.
    if (f - c === 1 && word(first) && ["das", "dies", "dieses", "diese", "was", "solches"].includes(first.low)) return phraseAfterVerb(doc, f, hi);
    let start = c;
    // "Aber Zeitungen berichteten": a conjunction before the first constituent.
    if (word(first) && ["aber", "und", "oder", "denn", "doch", "sondern"].includes(first.low) && c + 1 < f) first = tokens[++start]!;
    if (word(first) && FOCUS_DE.has(first.low) && start + 1 < f) first = tokens[++start]!; // "Auch Putin sah …"
    // "In dem Bericht heißt es: …", "In der Erklärung hieß es, …": the source is in the first constituent.
    const vt = tokens[v]!.low;
    if ((vt === "heißt" || vt === "hieß") && tokens[f + 1]?.low === "es" && word(first) && ["in", "im", "laut", "auf"].includes(first.low)) {
      return nounPhraseDe(doc, start + 1, f);
    }
    // "Besorgt äußerte sich Kofi Annan", "Sichtlich erfreut zeigte sich …": an adjective or
    // participle in front; the subject follows the verb.
    if (f - start <= 2 && predicativeFrontDe(doc, start, f)) return phraseAfterVerb(doc, f, hi);
    const np = nounPhraseDe(doc, start, f);
    // A personal pronoun right after the verb is the subject, and the first constituent its
    // object: "Den Plan bezeichnete er als …", "Nun ließ sie … erklären".
    const pron = tokens[f + 1];
    // (Not after a verb that takes a person as its object: "Der Verband nannte sie „leichtsinnig“".)
    const takesObject = OBJECT_VERBS_DE.has(tokens[v]!.low) || OBJECT_VERBS_DE.has(tokens[f]!.low);
    if (word(pron) && ["er", "sie", "wir", "ich", "man"].includes(pron.low) && !(np && hasName(doc, np)) && !takesObject) return { first: f + 1, last: f + 2 };
    // The first constituent is one phrase: when it starts as a noun phrase in the nominative,
    // it is the subject, even with a tail the chunker does not follow ("Die Botschaft in Lindenau").
    // But a thing in front and a person after the verb: the thing is the object ("Die
    // Pläne der Ministerin bezeichnete Albrecht als …", "Den Entwurf stellte der
    // Fraktionschef in Frage").
    // A name the chunker cannot read, written in lower case after its article: "Die taz
    // vermutet", "Das heise-Magazin meldet" — the whole first constituent is the subject.
    if (!np && word(first) && ["der", "die", "das", "ein", "eine"].includes(first.low) && f - start >= 2 && f - start <= 4) {
      let words = true;
      for (let k = start + 1; k < f; k++) if (!word(tokens[k]) || PREPOSITIONS_DE.has(tokens[k]!.low) || SUBORD_DE.has(tokens[k]!.low)) words = false;
      if (words) return { first: start, last: f };
    }
    if (np && np.first === start && isSubjectPhrase(doc, np)) {
      // (Not for "zitieren": the thing in front is the outlet that quotes the person after
      // the verb, "Ein Fernsehsender zitierte Papandreou mit den Worten".)
      if (!headIsPerson(doc, np) && !isZitiertDe(tokens[v])) {
        const after = phraseAfterVerb(doc, f, hi);
        if (after && headIsPerson(doc, after)) return after;
      }
      return np;
    }
  }
  return phraseAfterVerb(doc, f, hi);
}

/**
 * [a, b) is an adjective or participle alone in front of the verb: capitalized at the sentence
 * start, with the shape of a participle ("Besorgt", "Enttäuscht", "Verärgert") or an adjective
 * ("Skeptisch", "Sichtlich erfreut"), and no name.
 */
function predicativeFrontDe(doc: Doc, a: number, b: number): boolean {
  const { tokens } = doc;
  for (let k = a; k < b; k++) {
    const t = tokens[k]!;
    if (!word(t)) return false;
    const w = t.low;
    const participle = /^(be|ge|er|ver|ent|über|zer)[a-zäöüß]{3,}t$/.test(w) && !/(icht|ucht|kt|rat|tat|staat|ort|recht)$/.test(w);
    const adjective = /(isch|lich)$/.test(w);
    if (!participle && !adjective) return false;
  }
  return true;
}

/** German prepositions and their contractions with the article ("im", "zum"). */
export const PREPOSITIONS_DE = new Set(
  `in im am an auf aus bei beim mit nach seit von vom zu zum zur für gegen ohne um durch über unter vor hinter neben zwischen
wegen trotz während laut gemäß bis ab ins ans aufs innerhalb außerhalb angesichts aufgrund dank gegenüber`.split(/\s+/),
);

/**
 * The subject of a sentence's main clause (German): its first constituent when that is a noun
 * phrase followed by the verb ("Die Firma bestreitet das."), else the phrase after the verb
 * ("Am Montag hat die Kommission …"). For a report that continues in the next sentence
 * without a speech verb of its own.
 */
export function sentenceSubjectDe(doc: Doc, s: number): Phrase | null {
  const sent = doc.sentences[s];
  return sent ? clauseSubjectDe(doc, sent.first, sent.last) : null;
}

/** The subject of the main clause in the tokens [a, b) (see sentenceSubjectDe). */
export function clauseSubjectDe(doc: Doc, a: number, b: number): Phrase | null {
  const { tokens } = doc;
  const sent = { first: a, last: b };
  let k = sent.first;
  while (k < sent.last && tokens[k]!.kind === TK.Punct) k++;
  if (k >= sent.last) return null;
  let start = k;
  if (word(tokens[k]) && FOCUS_DE.has(tokens[k]!.low)) start++;
  const np = nounPhraseDe(doc, start, sent.last);
  const after = np ? tokens[np.last] : undefined;
  if (np && isSubjectPhrase(doc, np) && word(after) && !after.cap) {
    // A thing in front and a person after the verb: the thing is the object ("Jede Schuld
    // wies der Minister von sich").
    if (!headIsPerson(doc, np)) {
      const other = phraseAfterVerb(doc, np.last, sent.last);
      if (other && (headIsPerson(doc, other) || bareName(doc, other))) return other;
    }
    return np;
  }
  for (let j = k + 1; j < sent.last && j < k + 14; j++) {
    const t = tokens[j]!;
    if (t.kind === TK.Punct) {
      if (t.text === "," || t.text === ":" || t.text === ";") return null;
      continue;
    }
    if (t.kind !== TK.Word || t.cap) continue;
    if (DET_DE.has(t.low) || PREPOSITIONS_DE.has(t.low) || SUBORD_DE.has(t.low) || isAdjDe(t)) continue;
    return phraseAfterVerb(doc, j, sent.last);
  }
  return null;
}

const PASSIVE_AUX_DE = new Set(["wird", "wurde", "werden", "wurden", "worden"]);

/**
 * A report without a speaker by its construction: "heißt es" with no source after it, or a
 * passive without an agent ("Es wird vermutet, dass …", "Kritisiert wird, dass …", "Ihm wird
 * vorgeworfen, …").
 */
export function impersonalDe(doc: Doc, v: number, lo: number, hi: number): boolean {
  const { tokens } = doc;
  const t = tokens[v]!;
  if ((t.low === "heißt" || t.low === "hieß") && (tokens[v + 1]?.low === "es" || tokens[v - 1]?.low === "es")) {
    return subjectPhraseDe(doc, v, lo, hi) === null;
  }
  if (!/^ge|iert$|t$|en$/.test(t.low) || t.cap) return false;
  // "In der Meldung wird Musk wie folgt zitiert": the passive of "zitieren" names the one quoted
  // as its subject (citedPhraseDe), with or without the outlet.
  if (isZitiertDe(t)) return false;
  // A passive auxiliary in the clause, and no "von"/"durch" agent near the participle.
  let aux = false;
  for (let k = v - 1; k >= lo && k >= v - 12; k--) {
    const u = tokens[k]!;
    if (u.kind === TK.Punct && !"„“”\"«»".includes(u.text)) break;
    if (word(u) && PASSIVE_AUX_DE.has(u.low)) aux = true;
    if (word(u) && (u.low === "von" || u.low === "vom" || u.low === "durch" || u.low === "seitens")) return false;
  }
  if (tokens[v + 1] && word(tokens[v + 1]) && PASSIVE_AUX_DE.has(tokens[v + 1]!.low)) aux = true;
  return aux;
}

/**
 * A sentence that attributes the one before it: "Das teilte das Unternehmen mit.", "Dies gab der
 * Minister bekannt.", "Das musste der Minister einräumen." Returns the speech verb's token, or -1.
 */
export function anaphoricTagDe(doc: Doc, s: number): number {
  const { tokens } = doc;
  const sent = doc.sentences[s];
  if (!sent) return -1;
  let k = sent.first;
  while (k < sent.last && tokens[k]!.kind === TK.Punct) k++;
  const t = tokens[k];
  if (!word(t) || !["das", "dies", "dieses", "diese"].includes(t.low) || isNounDe(tokens[k + 1])) return -1;
  for (let j = k + 1; j < sent.last && j <= k + 4; j++) {
    if (doc.speech[j]) return j;
    if (tokens[j]!.kind === TK.Punct) return -1;
  }
  // "Das musste der Minister … einräumen": a modal, then the speech verb at the clause end.
  if (word(tokens[k + 1]) && AUX_DE.has(tokens[k + 1]!.low)) {
    for (let j = k + 2; j < sent.last && j <= k + 16; j++) {
      if (doc.speech[j]) return j;
      if (tokens[j]!.kind === TK.Punct && tokens[j]!.text !== "-") return -1;
    }
  }
  return -1;
}

/**
 * "zitiert die „Rundschau“ Keßler", "Ein Sender zitierte die Ministerin mit den Worten":
 * the person quoted is the object of "zitieren", not its subject. Returns that phrase, or null.
 */
export function citedPhraseDe(doc: Doc, v: number, lo: number, hi: number, subject: Phrase | null): Phrase | null {
  const { tokens } = doc;
  if (!isZitiertDe(tokens[v]) || passiveZitiertDe(doc, v, lo)) return null;
  let k = subject && subject.first > v ? subject.last : v + 1;
  while (k < hi && word(tokens[k]) && !tokens[k]!.cap && MIDFIELD_SKIP_DE.has(tokens[k]!.low)) k++;
  const np = nounPhraseDe(doc, k, hi);
  // The one quoted is the accusative object ("zitiert den Prediger"): of the oblique forms only
  // the datives say it is not.
  return np && !(OBLIQUE_DE.has(tokens[np.first]!.low) && !ACCUSATIVE_DE.has(tokens[np.first]!.low)) ? np : null;
}

/** Accusative articles and possessives (also in OBLIQUE_DE, which holds the datives too). */
const ACCUSATIVE_DE = new Set(["den", "einen", "diesen", "seinen", "ihren", "unseren", "keinen"]);

const isZitiertDe = (t: Token | undefined) => t !== undefined && word(t) && /^zitiert(e|en)?$/.test(t.low);

/**
 * "wird … zitiert", "zitiert wird", "zitiert worden": a passive of "zitieren", whose subject is
 * the one quoted (an active "X zitiert Y" has the one who quotes as its subject).
 */
function passiveZitiertDe(doc: Doc, v: number, lo: number): boolean {
  const { tokens } = doc;
  for (let k = v - 1; k >= lo && k >= v - 12; k--) if (word(tokens[k]) && PASSIVE_AUX_DE.has(tokens[k]!.low)) return true;
  // "…, wie Hoyzer von Spiegel-Online zitiert wird": the auxiliary ends the subordinate clause.
  return word(tokens[v + 1]) && PASSIVE_AUX_DE.has(tokens[v + 1]!.low);
}

/** Prepositions that name where the words are quoted in a passive "wird X im Fachblatt … zitiert". */
const CITING_PREP_DE = new Set(["von", "vom", "in", "im", "auf"]);

/**
 * The one who quotes, for a form of "zitieren" at v: the outlet, document or medium that cites
 * a person's words. Active: its subject ("Ein Fernsehsender zitierte Papandreou …", "„…“,
 * zitiert ndr.de Polizeisprecher Ralf Meyer"), when an object names the one quoted (else the
 * subject is the one who speaks, "„…“, zitiert CNN") and the subject is no "man". Passive: the
 * first phrase after von/vom/in/im/auf in the clause ("wird von der „Netzeitung“ … zitiert",
 * "wie Hoyzer von Spiegel-Online zitiert wird", "In der Meldung … wird Musk wie folgt zitiert",
 * "wird der Franzose im … Fachblatt „…“ zitiert"). Null when none is named ("wird Panetta
 * zitiert"). The clause is bounded by punctuation other than quotation marks (a name in marks
 * is part of the phrase) and by the sentence.
 */
export function citingPhraseDe(doc: Doc, v: number): Phrase | null {
  const { tokens } = doc;
  if (!isZitiertDe(tokens[v])) return null;
  const sent = doc.sentences[doc.sentOf[v]!]!;
  const boundary = (k: number) => tokens[k]!.kind === TK.Punct && !"„“”\"«»".includes(tokens[k]!.text);
  let lo = v;
  while (lo > sent.first && v - lo < 16 && !boundary(lo - 1)) lo--;
  let hi = v + 1;
  while (hi < sent.last && hi - v < 16 && !boundary(hi)) hi++;
  if (passiveZitiertDe(doc, v, lo)) {
    for (let k = lo; k < v; k++) {
      if (!word(tokens[k]) || !CITING_PREP_DE.has(tokens[k]!.low)) continue;
      return nounPhraseDe(doc, k + 1, v);
    }
    return null;
  }
  const subject = subjectPhraseDe(doc, v, lo, hi);
  if (!subject) return null;
  if (!citedPhraseDe(doc, v, lo, hi, subject)) return subject.first > v ? outletBeforePersonDe(doc, subject) : null;
  const first = tokens[subject.first]!;
  return subject.last - subject.first === 1 && (first.low === "man" || first.low === "es") ? null : subject;
}

/**
 * "zitiert ndr.de Polizeisprecher Ralf Meyer": the noun phrase after the verb runs the outlet and
 * the person together. The outlet is what stands before the person's name and the role nouns
 * right before it; null when nothing does ("zitiert Polizeisprecher Ralf Meyer").
 */
function outletBeforePersonDe(doc: Doc, np: Phrase): Phrase | null {
  const { tokens } = doc;
  for (let k = np.first + 1; k < np.last; k++) {
    const mi = doc.mentionAt[k]!;
    if (mi < 0 || doc.mentions[mi]!.kind !== "name" || doc.mentions[mi]!.first !== k) continue;
    let p = k;
    while (p - 1 > np.first && tokens[p - 1]!.cap && roleDe(tokens[p - 1]!.low)) p--;
    // "zitiert die Ministerin Angela Merkel": an article or a role alone names no outlet.
    for (let j = np.first; j < p; j++) if (word(tokens[j]) && !DET_DE.has(tokens[j]!.low) && !roleDe(tokens[j]!.low)) return { first: np.first, last: p };
    return null;
  }
  return null;
}

/** Relative pronouns that can be a clause's subject (nominative). */
const RELATIVE_NOM_DE = new Set(["der", "die", "das", "welcher", "welche", "welches"]);

/**
 * "ein Zeuge, der behauptet, …", "eine Studie, die davon ausgeht, dass …": when the speech verb
 * at v closes a relative clause whose pronoun is its subject, that pronoun's token; else -1.
 * Not when another subject follows the pronoun ("die Erklärung, die der Minister abgab") or the
 * verb is not at the end of the clause (then the clause is no relative clause).
 */
export function relativeSubjectDe(doc: Doc, v: number, lo: number): number {
  const { tokens } = doc;
  let c = v - 1;
  while (c >= lo && v - c <= 14 && tokens[c]!.kind !== TK.Punct) c--;
  if (c < lo || c < 1 || tokens[c]!.text !== ",") return -1;
  const r = c + 1;
  const rel = tokens[r];
  if (!word(rel) || rel.cap || !RELATIVE_NOM_DE.has(rel.low) || r >= v) return -1;
  const after = tokens[r + 1];
  if (r + 1 < v && (DET_DE.has(after!.low) || PRONOUN_DE.has(after!.low) || isNounDe(after))) return -1;
  // Verb-final: the speech verb (or its auxiliary, or a particle) ends the clause.
  const end = tokens[v + 1];
  const aux = end !== undefined && word(end) && AUX_DE.has(end.low);
  const close = (t: Token | undefined) => t === undefined || t.kind === TK.Punct;
  if (!close(end) && !(aux && close(tokens[v + 2]))) return -1;
  // The antecedent ends at the comma: a noun phrase, not a clause.
  const ante = tokens[c - 1]!;
  return ante.kind === TK.Word && (ante.cap || ante.kind === TK.Word) ? r : -1;
}

/**
 * The agent of a passive speech verb: "Es wurde von der Opposition kritisiert, dass …", "Die
 * Stadt wurde vom Verband aufgefordert, …", "Von Seiten der Kommission war vorgeworfen worden,
 * …". Returns the phrase after "von"/"vom"/"seitens"/"von Seiten", or null when the verb at v
 * is not a passive participle with such an agent in its clause. Not for "zitiert": the one a
 * passive "wird … zitiert" names is the one quoted (citedPhraseDe).
 */
export function passiveAgentDe(doc: Doc, v: number, lo: number): Phrase | null {
  const { tokens } = doc;
  const t = tokens[v]!;
  if (t.cap || !/^ge|iert$|t$|en$/.test(t.low) || /^zitiert/.test(t.low)) return null;
  let aux = tokens[v + 1] !== undefined && word(tokens[v + 1]) && PASSIVE_AUX_DE.has(tokens[v + 1]!.low);
  let agent: Phrase | null = null;
  for (let k = v - 1; k >= lo && k >= v - 14; k--) {
    const u = tokens[k]!;
    if (u.kind === TK.Punct && !"„“”\"«»".includes(u.text)) break;
    if (word(u) && PASSIVE_AUX_DE.has(u.low)) aux = true;
    if (word(u) && (u.low === "von" || u.low === "vom" || u.low === "seitens")) {
      let a = k + 1;
      // "von Seiten der Kommission"
      if (word(tokens[a]) && tokens[a]!.low === "seiten" && tokens[a + 1] && DET_DE.has(tokens[a + 1]!.low)) a++;
      const np = nounPhraseDe(doc, a, v);
      if (np) agent = np;
    }
  }
  return aux ? agent : null;
}
