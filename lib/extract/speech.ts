// Which tokens are speech verbs. A German separable verb counts only when its particle closes
// the clause ("wies ... zurück", "fügte ... hinzu"), and a particle can also rule a verb out
// ("sagte ... ab" cancels). The clause end is searched forward over a bounded window.

import { BASE_AFTER_PLURAL_EN, JOINED_DE, SEPARABLE_FINITE_DE, speechVerb } from "./lexicon";
import { TK, type Token } from "./text";

// Quotation marks do not end the clause: "wies die Pläne als „Unfug“ zurück" keeps its particle.
const CLAUSE_END = new Set([",", ".", ";", ":", "!", "?", "(", ")", "–", "—"]);
const PARTICLE_WINDOW = 16;
const QUOTE_OR_COLON = new Set([":", "\"", "“", "”", "‘", "’", "'"]);

/** Finite verbs that report a view with a fixed phrase after them. */
const VIEW_HEAD_DE = new Set(["ist", "sind", "war", "waren", "kam", "kamen", "kommt", "kommen", "zeigte", "zeigten", "zeigt", "zeigen", "äußerte", "äußerten"]);
const VIEW_NOUN_DE = new Set(["meinung", "ansicht", "auffassung", "überzeugung", "einschätzung", "schluss", "ergebnis", "erkenntnis"]);
const VIEW_ADJ_DE = new Set(["besorgt", "zuversichtlich", "optimistisch", "pessimistisch", "überzeugt", "enttäuscht", "erleichtert", "erfreut", "zufrieden", "skeptisch", "empört", "beunruhigt", "sicher", "bestürzt", "verwundert", "überrascht"]);

/** "ist der Meinung", "kam zu dem Schluss", "zeigte sich besorgt", within a few tokens. */
function viewPhrase(tokens: Token[], i: number): boolean {
  for (let j = i + 1; j < tokens.length && j <= i + 5; j++) {
    const t = tokens[j]!;
    if (t.kind === TK.Punct) return false;
    if (t.cap && VIEW_NOUN_DE.has(t.low)) return true;
    if (!t.cap && VIEW_ADJ_DE.has(t.low) && /^(zeig|äußer)/.test(tokens[i]!.low)) return true;
  }
  return false;
}

const V1_SUBJECT_DE = new Set(["er", "sie", "es", "man", "wir", "ich", "der", "die", "das", "ein", "eine", "dieser", "diese"]);

/** A capitalized word followed by a pronoun or an article: a verb in first position. */
function verbFirst(tokens: Token[], i: number): boolean {
  const n = tokens[i + 1];
  return n !== undefined && n.kind === TK.Word && !n.cap && V1_SUBJECT_DE.has(n.low);
}

/** The last word of the clause that starts after token i (bounded), or null. */
function clauseFinalWord(tokens: Token[], i: number): Token | null {
  let last: Token | null = null;
  for (let j = i + 1; j < tokens.length && j <= i + PARTICLE_WINDOW; j++) {
    const t = tokens[j]!;
    if (t.kind === TK.Punct && CLAUSE_END.has(t.text)) return last;
    if (t.breakBefore > 0) return last;
    if (t.kind === TK.Word) last = t;
  }
  return null;
}

const DET_EN = new Set(["the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "these", "those", "some", "many", "several", "few", "no", "any", "such", "other", "more", "most", "two", "three", "all", "both", "whose"]);
const ADJ_EN = new Set(["new", "old", "recent", "further", "similar", "earlier", "previous", "media", "news", "early", "late", "public", "private", "press", "official", "false", "local", "initial", "first", "last", "latest", "conflicting", "unconfirmed", "separate", "own"]);
const ADJ_SUFFIX_EN = /(al|ive|ous|ic|ful|less|ary|ent|ant|ish|ile|ial|ed|ing|est)$/;
const FINITE_AFTER_EN = new Set(["said", "say", "says", "were", "are", "had", "have", "suggest", "suggested", "indicate", "indicated", "show", "showed", "claim", "claimed", "came", "emerged"]);

const SUBJECT_WORDS_EN = new Set(["he", "she", "it", "who", "which", "that", "also", "now", "still", "often"]);
const CAP_FUNCTION_EN = new Set(["in", "on", "at", "the", "a", "an", "of", "for", "with", "by", "from", "to", "as", "and", "but", "while", "after", "before", "during", "since", "this", "that", "these", "those", "its", "their", "his", "her", "our", "many", "some"]);

/**
 * An English "-s" form of a speech verb that is a plural noun here ("controversial comments",
 * "news reports said", "In remarks to …"). It is a verb after a name, a subject pronoun, a
 * quotation mark or comma, or a noun after an article ("the report notes").
 */
function pluralNounEn(tokens: Token[], i: number): boolean {
  const p = tokens[i - 1];
  const n = tokens[i + 1];
  if (n && n.kind === TK.Word && FINITE_AFTER_EN.has(n.low)) return true;
  if (!p) return true;
  if (possessiveEn(p)) return true; // "Pierluisi's comments", "the minister's remarks"
  if (p.kind === TK.Punct) return !(",\"“”'’)".includes(p.text));
  if (p.kind !== TK.Word) return true;
  if (p.cap) return CAP_FUNCTION_EN.has(p.low) || openingAdjectiveEn(tokens, i - 1);
  if (SUBJECT_WORDS_EN.has(p.low)) return false;
  if (DET_EN.has(p.low) || ADJ_EN.has(p.low) || ADJ_SUFFIX_EN.test(p.low)) return true;
  const pp = tokens[i - 2];
  return !(pp && pp.kind === TK.Word && DET_EN.has(pp.low));
}

/** Token j opens its sentence: the first token, after a line break, or after ".", "!" or "?" (markSpeechVerbs runs before sentences are split). */
function opensSentenceAt(tokens: Token[], j: number): boolean {
  const t = tokens[j]!;
  const before = tokens[j - 1];
  return before === undefined || t.breakBefore > 0 || (before.kind === TK.Punct && ".!?".includes(before.text));
}

/** Adjectives that open a sentence before a plural noun: "Initial reports from …", "Early reports say". */
const OPENING_ADJ_EN = new Set(["early", "recent", "local", "several", "further", "other", "media", "news", "press", "first", "latest", "new"]);

/**
 * Token j opens its sentence and is an adjective ("Initial", "Preliminary", "Early"): an "-s"
 * word after it is a plural noun ("Initial reports from the hospital reported …"), no verb.
 */
export function openingAdjectiveEn(tokens: Token[], j: number): boolean {
  const t = tokens[j];
  if (!t || t.kind !== TK.Word || !t.cap) return false;
  return opensSentenceAt(tokens, j) && (OPENING_ADJ_EN.has(t.low) || /(ial|al|ary|ous|ive)$/.test(t.low));
}

/**
 * "“…”, the letter read." / "“…”, his statement reads,": "read" ends the clause, and one to four
 * words back, the first of them a determiner or a possessive, a quote closed with its comma.
 */
function readEndsTagEn(tokens: Token[], i: number): boolean {
  const n = tokens[i + 1];
  if (n === undefined || n.kind !== TK.Punct || !".,;".includes(n.text)) return false;
  for (let k = i - 1; k >= i - 4 && k >= 2; k--) {
    const t = tokens[k]!;
    if (t.kind === TK.Word) continue;
    if (k === i - 1 || !articleOrOwnerBeforeEn(tokens[k + 1])) return false;
    const p = tokens[k - 1]!.text;
    // '”,' (British) or ',”' (American): a quotation mark and its comma.
    return (t.text === "," && p !== ":" && QUOTE_OR_COLON.has(p)) || (p === "," && t.text !== ":" && QUOTE_OR_COLON.has(t.text));
  }
  return false;
}

/** A capitalized "-ing" word that opens the sentence, before a lower-case word: "Confirming life can …". */
function openingParticipleEn(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!t.low.endsWith("ing")) return false;
  const n = tokens[i + 1];
  return opensSentenceAt(tokens, i) && n !== undefined && n.kind === TK.Word && !n.cap;
}

/** "they", "we", or a plural noun after an article, "of" or an adjective ("a team of scientists", "the researchers"). */
function pluralSubjectBeforeEn(tokens: Token[], i: number): boolean {
  const p = tokens[i - 1];
  if (!p || p.kind !== TK.Word) return false;
  if (!p.cap && (p.low === "they" || p.low === "we")) return true;
  // "Sources report …", "Officials say …": a capitalized plural noun that opens the sentence.
  if (p.cap && /[^su']s$/.test(p.low) && p.low.length > 4 && opensSentenceAt(tokens, i - 1) && !CAP_FUNCTION_EN.has(p.low)) return true;
  if (p.cap || !/[^su']s$/.test(p.low) || ["is", "was", "has", "this", "its", "his", "us", "as", "news", "always", "perhaps"].includes(p.low)) return false;
  const pp = tokens[i - 2];
  return pp !== undefined && pp.kind === TK.Word && !pp.cap && (DET_EN.has(pp.low) || pp.low === "of" || ADJ_SUFFIX_EN.test(pp.low) || ADJ_EN.has(pp.low));
}

/** Words after which an English base form is a noun ("a tweet", "his reply"), not a verb ("to tweet"). */
const NOUN_DET_EN = new Set(["a", "an", "the", "his", "her", "its", "their", "our", "my", "your"]);
function articleOrOwnerBeforeEn(p: Token | undefined): boolean {
  return p !== undefined && p.kind === TK.Word && (NOUN_DET_EN.has(p.low) || possessiveEn(p));
}

/** "it's", "he's", "that's": a pronoun and "is"/"has", not a possessive. */
const CONTRACTED_EN = new Set(["it's", "he's", "she's", "that's", "there's", "who's", "what's", "here's", "where's", "let's"]);

/** A possessive word: "Pierluisi's", "the Court's" (not "it's", "he's"). */
function possessiveEn(p: Token): boolean {
  return p.kind === TK.Word && /[’']s$/.test(p.low) && !CONTRACTED_EN.has(p.low.replace("’", "'"));
}

/** An English "-ed" or "-ing" form after an article, an adjective or a possessive ("the Court's ruling"): it qualifies or is a noun. */
function adjectivalEn(tokens: Token[], i: number): boolean {
  const p = tokens[i - 1];
  if (p && possessiveEn(p)) return true;
  if (!p || p.kind !== TK.Word || p.cap) return p !== undefined && p.kind === TK.Word && CAP_FUNCTION_EN.has(p.low) && DET_EN.has(p.low);
  return DET_EN.has(p.low) || (ADJ_SUFFIX_EN.test(p.low) && !/(ly|ed)$/.test(p.low) && ADJ_EN.has(p.low)) || p.low === "total" || p.low === "so-called";
}

const SICH_SEHEN_DE = new Set(["gezwungen", "veranlasst", "genötigt", "außerstande", "imstande", "ausgesetzt", "konfrontiert"]);
/** "sah sich (nun) gezwungen", "sieht sich Vorwürfen ausgesetzt": within a few words, before the clause ends. */
function sichSehenNoView(tokens: Token[], j: number): boolean {
  for (let k = j; k < tokens.length && k < j + 5; k++) {
    const t = tokens[k]!;
    if (t.kind === TK.Punct) return false;
    if (SICH_SEHEN_DE.has(t.low)) return true;
  }
  return false;
}

export function markSpeechVerbs(tokens: Token[], lang: "de" | "en"): Int8Array {
  const out = new Int8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== TK.Word) continue;
    // A capitalized German word is a noun ("Urteile", "Fragen", "Berichte") unless it opens a
    // clause with the verb first and its subject after it ("Sagte er", "Fragt man").
    if (lang === "de" && t.cap && !verbFirst(tokens, i)) continue;
    const v = speechVerb(lang, t.low);
    // English "-s" forms are also plural nouns: "made controversial comments", "news reports
    // said", "the claims were" — a noun after an article or an adjective, or before a verb.
    if (v && lang === "en" && t.low.endsWith("s") && t.low !== v.lemma && pluralNounEn(tokens, i)) continue;
    // English verbs are written in lower case ("the United States Department": a name), and an
    // "-ed" form after an article or an adjective qualifies a noun ("the total reported
    // casualties", "an estimated four million").
    // (But a reporting participle may open the sentence: "Confirming life can thrive there, Seager said".)
    if (v && lang === "en" && ((t.cap && !openingParticipleEn(tokens, i)) || ((t.low.endsWith("ed") || t.low.endsWith("ing")) && adjectivalEn(tokens, i)))) continue;
    // English base forms are also nouns: "A tweet sent from …", "his reply", "Trump's comment".
    if (v && lang === "en" && t.low === v.lemma && articleOrOwnerBeforeEn(tokens[i - 1])) continue;
    if (v && !(t.cap && lang === "de" && JOINED_DE.has(t.low))) {
      if (v.notParticles) {
        const fin = clauseFinalWord(tokens, i);
        if (fin && v.notParticles.includes(fin.low)) continue;
      }
      if (v.particles) {
        // English "pointed out": the particle follows the verb (possibly after the subject).
        const nxt = tokens[i + 1]?.low;
        const nxt2 = tokens[i + 2]?.low;
        if (!(nxt && v.particles.includes(nxt)) && !(nxt2 && v.particles.includes(nxt2))) continue;
      }
      // "sah sich gezwungen, …", "sieht sich Vorwürfen ausgesetzt": no view is reported.
      if (lang === "de" && v.lemma === "sehen" && tokens[i + 1]?.low === "sich" && sichSehenNoView(tokens, i + 2)) continue;
      if (lang === "de" && (t.low === "hieß" || t.low === "heißt")) {
        // "hieß es" / "es hieß" reports; "er heißt Peter" does not.
        if (tokens[i + 1]?.low !== "es" && tokens[i - 1]?.low !== "es") continue;
      }
      out[i] = v.cognition ? 2 : 1;
      continue;
    }
    // English "read": "The statement read: “…”", "“…”, reads a press release" — a document's
    // words, only next to a quotation mark or a colon ("read the book" reports nothing).
    if (lang === "en" && (t.low === "read" || t.low === "reads") && (QUOTE_OR_COLON.has(tokens[i + 1]?.text ?? "") || QUOTE_OR_COLON.has(tokens[i - 1]?.text ?? "") || (tokens[i - 1]?.text === "," && QUOTE_OR_COLON.has(tokens[i - 2]?.text ?? "")))) {
      out[i] = 1;
      continue;
    }
    // "“…”, the letter read.": "read" ending a tag whose few words follow the quote and its comma.
    if (lang === "en" && (t.low === "read" || t.low === "reads") && readEndsTagEn(tokens, i)) {
      out[i] = 1;
      continue;
    }
    // English base forms after a plural subject: "scientists report …", "they reason, …".
    if (lang === "en" && !t.cap && BASE_AFTER_PLURAL_EN.has(t.low) && pluralSubjectBeforeEn(tokens, i)) {
      out[i] = 1;
      continue;
    }
    if (lang === "de" && VIEW_HEAD_DE.has(t.low) && viewPhrase(tokens, i)) {
      // "ist der Meinung, dass …", "kam zu dem Schluss, dass …", "zeigte sich besorgt, dass …".
      out[i] = 2;
      continue;
    }
    if (lang === "de") {
      // "hat … bekannt gegeben, dass …", "will … bekannt geben, dass …": written apart.
      if ((t.low === "gegeben" || t.low === "geben") && tokens[i - 1]?.low === "bekannt" && !tokens[i - 1]!.cap) {
        out[i] = 1;
        continue;
      }
      const sep = SEPARABLE_FINITE_DE.get(t.low);
      if (sep) {
        const fin = clauseFinalWord(tokens, i);
        if (fin && sep.particles!.includes(fin.low)) out[i] = 1;
      }
    }
  }
  return out;
}

/**
 * The separated particle of the speech verb at token i ("wies … zurück", "teilte … mit",
 * "pointed out"), or -1.
 */
export function particleOf(tokens: Token[], i: number, lang: "de" | "en"): number {
  const t = tokens[i]!;
  if (lang === "en") {
    const v = speechVerb(lang, t.low);
    if (!v?.particles) return -1;
    for (const j of [i + 1, i + 2]) if (tokens[j] && v.particles.includes(tokens[j]!.low)) return j;
    return -1;
  }
  const sep = SEPARABLE_FINITE_DE.get(t.low);
  if (!sep) return -1;
  for (let j = i + 1; j < tokens.length && j <= i + PARTICLE_WINDOW; j++) {
    const u = tokens[j]!;
    if ((u.kind === TK.Punct && CLAUSE_END.has(u.text)) || u.breakBefore > 0) break;
    if (u.kind === TK.Word && sep.particles!.includes(u.low) && (tokens[j + 1] === undefined || tokens[j + 1]!.kind === TK.Punct)) return j;
  }
  return -1;
}
