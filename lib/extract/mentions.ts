// People (and speaking institutions) in the text, and what each mention refers to.
//
// Pass 1 finds names from strong cues only, because in German every noun is capitalized:
// a known given name ("Rex Tillerson"), a role or title in front ("Kremlsprecher Dmitri
// Peskow", "Präsident Trump", "Mr. Smith"), a name coordinated with such a name ("die
// Präsidenten Trump und Putin"), or a capitalized word next to a speech verb ("sagte
// Trump"). Known speakers (from the database) are names from the start.
// Pass 2 walks the text in order and records every mention: names and surnames seen in pass
// 1, pronouns (er/sie, he/she), role nouns ("der Kremlchef", "the president") and speaking
// institutions ("die Erklärung", "the ministry"). Pronouns and role nouns resolve to the
// nearest compatible person, preferring salient ones (subjects of speech verbs, first mention
// of a sentence), searched over a bounded window of recent mentions, so the pass is linear.

import type { Doc, Mention, MentionKind, Person } from "./context";
import {
  CAP_STOP, FIRST_NAMES, FIRST_PERSON, HONORIFICS, MONTHS, NAME_PARTICLES, NOUN_SUFFIX_DE, ORG_NOUNS,
  ORG_SUFFIXES, PLACES, SUBJECT_PRONOUNS, roleEn, roleOf, type Gender,
} from "./lexicon";
import { NOT_PERSON_WORDS_EN, finiteEn, speechAheadEn, roleAppositionEn } from "./english";
import { seenLower } from "./np";
import { TK, type Token } from "./text";
import type { KnownSpeaker } from "./types";

const ARTICLES_DEF = new Set(["der", "die", "das", "den", "dem", "des", "the", "this", "that", "dieser", "diese", "dieses", "diesem", "diesen"]);
const ARTICLES_INDEF = new Set(["ein", "eine", "einer", "einem", "einen", "eines", "a", "an", "another"]);
const CONTRACTIONS = new Set(["im", "am", "vom", "zum", "zur", "beim", "ins"]);
const ADJ_SUFFIX_DE = /(ig|lich|isch|bar|sam|haft|weise|end|los|iv|al|ell|är)$/;
const HISTORY = 48;

export function normalizeName(s: string): string {
  return s
    .normalize("NFC")
    .toLowerCase()
    .replace(/[’']s$/, "")
    .replace(/^(der|die|das|den|dem|des|the)\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** A word or name without its English possessive ending ("Vale's" → "Vale"). */
function withoutPossessive(s: string): string {
  return hasPossessive(s) ? s.slice(0, -2) : s;
}

function hasPossessive(low: string): boolean {
  return low.length > 2 && (low.endsWith("'s") || low.endsWith("’s"));
}

/**
 * Whether the words `seq` (lower case) stand at tokens i…, the first known to match; the last may
 * carry a possessive ending ("Tom Vale's" is Tom Vale). Called for every token: no allocation.
 */
function seqAt(tokens: Token[], i: number, seq: string[]): boolean {
  for (let k = 1; k < seq.length; k++) {
    const t = tokens[i + k];
    if (t === undefined) return false;
    const w = seq[k]!;
    if (t.low !== w && !(k === seq.length - 1 && t.low.length === w.length + 2 && hasPossessive(t.low) && t.low.startsWith(w))) return false;
  }
  return true;
}

function lastWord(low: string): string {
  const parts = low.split(" ");
  return parts[parts.length - 1] ?? low;
}

function firstNameGender(low: string): Gender | undefined {
  const g = FIRST_NAMES.get(low);
  if (g) return g;
  if (low.includes("-")) {
    const parts = low.split("-");
    if (parts.every((p) => FIRST_NAMES.has(p))) return FIRST_NAMES.get(parts[0]!);
  }
  return undefined;
}

function isAcronym(t: Token): boolean {
  const n = t.text.length;
  if (n < 2 || n > 6) return false;
  // A cheap look at the second letter first: most capitalized words go on in lower case.
  const c = t.text.charCodeAt(1);
  if (c >= 97 && c <= 122) return false;
  return /^\p{Lu}+$/u.test(t.text);
}

interface SeqEntry {
  seq: string[];
  person: Person;
}

class Registry {
  byFirst = new Map<string, SeqEntry[]>();
  byName = new Map<string, Person>();
  /** Role words and the persons introduced with them, in text order ("Finance Minister X": "minister" → X at its token). */
  roleBinding = new Map<string, { pos: number; person: Person }[]>();
  headBinding = new Map<string, Set<Person>>();
  knownByKey = new Map<string, Person>();
  knownBySurname = new Map<string, Person[]>();

  addSeq(seq: string[], person: Person) {
    if (seq.length === 0) return;
    const list = this.byFirst.get(seq[0]!) ?? [];
    if (list.some((e) => e.person === person && e.seq.join(" ") === seq.join(" "))) return;
    list.push({ seq, person });
    list.sort((a, b) => b.seq.length - a.seq.length);
    this.byFirst.set(seq[0]!, list);
  }

  addKnown(k: KnownSpeaker) {
    const person: Person = { name: k.name, gender: "u", plural: false, org: false, speakerId: k.id, roles: new Set() };
    for (const raw of [k.name, ...k.aliases]) {
      const key = normalizeName(raw);
      if (!key) continue;
      this.knownByKey.set(key, person);
      const words = key.split(" ");
      this.addSeq(words, person);
      if (words.length > 1) {
        const sur = lastWord(key);
        const list = this.knownBySurname.get(sur) ?? [];
        if (!list.includes(person)) list.push(person);
        this.knownBySurname.set(sur, list);
        if (list.length === 1) this.addSeq([sur], person);
      }
      const fg = firstNameGender(words[0]!);
      if (fg && person.gender === "u") person.gender = fg;
    }
  }

  /** A name found in the text: merged with a known speaker or an earlier mention of the same person. */
  register(words: string[], display: string, gender: Gender, org: boolean): Person {
    const key = normalizeName(display);
    const sur = words[words.length - 1]!;
    let person = this.knownByKey.get(key) ?? this.byName.get(key);
    if (!person) {
      const ks = this.knownBySurname.get(sur);
      if (ks && ks.length === 1) person = ks[0];
    }
    if (!person) {
      // "Trump" first, "Donald Trump" later (or the other way round): one person.
      const existing = this.byFirst.get(sur)?.find((e) => e.seq.length === 1);
      if (existing && !existing.person.org && words.length > 1 && !existing.person.speakerId && existing.person.name.split(" ").length === 1) {
        person = existing.person;
        person.name = display;
      } else if (existing && words.length === 1) {
        person = existing.person;
      }
      // "Halas's son, Marek, … Marek Halas said": a given name used alone first, the full name later.
      if (!person && words.length > 1 && !org) {
        const given = this.byFirst.get(words[0]!)?.find((e) => e.seq.length === 1);
        if (given && !given.person.org && !given.person.speakerId && given.person.name.split(" ").length === 1 && FIRST_NAMES.has(words[0]!)) {
          person = given.person;
          person.name = display;
        }
      }
    }
    if (!person) {
      person = { name: display, gender, plural: false, org, roles: new Set() };
    }
    if (person.gender === "u" && gender !== "u") person.gender = gender;
    this.byName.set(key, person);
    this.addSeq(words, person);
    if (words.length > 1 && !org) this.addSeq([sur], person);
    return person;
  }

  match(tokens: Token[], i: number): { entry: SeqEntry; len: number } | null {
    // (i may be past the last token: "…, Sprecherin," at the end of a text.)
    const first = tokens[i];
    if (!first) return null;
    const list = this.byFirst.get(first.low);
    if (list) for (const entry of list) if (seqAt(tokens, i, entry.seq)) return { entry, len: entry.seq.length };
    // A one-word name with its possessive ending: "Vale's" is Vale.
    const bare = withoutPossessive(first.low);
    if (bare !== first.low) for (const entry of this.byFirst.get(bare) ?? []) if (entry.seq.length === 1) return { entry, len: 1 };
    return null;
  }
}

function bindRole(reg: Registry, key: string, pos: number, person: Person): void {
  const list = reg.roleBinding.get(key) ?? [];
  if (list.some((e) => e.person === person)) return;
  list.push({ pos, person });
  reg.roleBinding.set(key, list);
}

/**
 * The person a role word at token i refers to: of those introduced with the role before i, the
 * one mentioned last ("Health Minister A … Foreign Minister B … A said … The minister added":
 * A); none introduced before i, the last one introduced at all. Bounded: a role has few persons.
 */
function boundRole(reg: Registry, key: string, i: number, lastSeen: Map<Person, number>): Person | null {
  const list = reg.roleBinding.get(key);
  if (!list || list.length === 0) return null;
  if (list.length === 1) return list[0]!.person;
  let best: Person | null = null;
  let bestSeen = -2;
  for (let k = 0; k < list.length && k < 16; k++) {
    const e = list[k]!;
    if (e.pos >= i) continue;
    const seen = lastSeen.get(e.person) ?? -1;
    if (seen > bestSeen) {
      best = e.person;
      bestSeen = seen;
    }
  }
  return best ?? list[list.length - 1]!.person;
}

/**
 * English cues that the capitalized run [i, j) is a person who may not speak by name: after
 * "named", "identified as", "named as"; before "is/was a/an <role>"; a single word with a role in
 * apposition ("Loan, a nurse in Kell,").
 */
function personCueAtEn(doc: Doc, i: number, j: number): boolean {
  const { tokens } = doc;
  const p1 = tokens[i - 1];
  const p2 = tokens[i - 2];
  if (p1 && p1.kind === TK.Word && !p1.cap && (p1.low === "named" || (p1.low === "as" && (p2?.low === "identified" || p2?.low === "named")))) return true;
  const be = tokens[j];
  if (be && (be.low === "is" || be.low === "was") && (tokens[j + 1]?.low === "a" || tokens[j + 1]?.low === "an")) {
    for (let k = j + 2; k < tokens.length && k <= j + 4; k++) {
      const t = tokens[k]!;
      if (t.kind !== TK.Word || t.cap) break;
      if (roleEn(t.low)) return true;
    }
  }
  return j - i === 1 && roleAppositionEn(doc, i, j, (low) => roleEn(low) !== null) && tokens[j]?.text === ",";
}

/** Nouns that tell a person's gender ("fiancée", "his widow", "a businessman"). */
const GENDERED_NOUNS_EN = new Map<string, Gender>([
  ["fiancée", "f"], ["fiancé", "m"], ["wife", "f"], ["husband", "m"], ["widow", "f"], ["widower", "m"], ["mother", "f"], ["father", "m"],
  ["daughter", "f"], ["son", "m"], ["sister", "f"], ["brother", "m"], ["girlfriend", "f"], ["boyfriend", "m"], ["grandmother", "f"],
  ["grandfather", "m"], ["granddaughter", "f"], ["grandson", "m"], ["aunt", "f"], ["uncle", "m"], ["niece", "f"], ["nephew", "m"],
  ["actress", "f"], ["businesswoman", "f"], ["businessman", "m"], ["chairwoman", "f"], ["chairman", "m"], ["spokeswoman", "f"],
  ["spokesman", "m"], ["congresswoman", "f"], ["congressman", "m"], ["king", "m"], ["queen", "f"], ["prince", "m"], ["princess", "f"],
  ["duke", "m"], ["duchess", "f"], ["woman", "f"], ["man", "m"], ["girl", "f"], ["boy", "m"], ["mom", "f"], ["dad", "m"],
  ["stepmother", "f"], ["stepfather", "m"], ["stepdaughter", "f"], ["stepson", "m"], ["sportswoman", "f"], ["sportsman", "m"],
]);

/**
 * The gender a noun in apposition after a name tells (", fiancée of …", ", the victim's
 * mother,", ", a 34-year-old woman"): up to four words after the comma, until the next
 * punctuation; "u" when none.
 */
function appositionGenderEn(tokens: Token[], end: number): Gender {
  if (tokens[end]?.text !== ",") return "u";
  for (let k = end + 1; k < tokens.length && k - end <= 5; k++) {
    const t = tokens[k]!;
    if (t.kind === TK.Punct) return "u";
    if (t.kind !== TK.Word) continue;
    const g = GENDERED_NOUNS_EN.get(t.low);
    if (g) return g;
  }
  return "u";
}

/** Plural nouns of people: roles, kin, "victims", and agent nouns ("workers", "residents", "survivors"). */
function personPluralEn(low: string): boolean {
  const one = low.replace(/(?<=ss)es$|s$/, "");
  return (
    /s$/.test(low) &&
    (roleOf("en", one) !== null || GENDERED_NOUNS_EN.has(one) || KIN_EN.has(one) || PERSON_PLURALS_EN.has(low) || /(er|or|ist|ian|ent|ant)s$/.test(low))
  );
}
const PERSON_PLURALS_EN = new Set(["victims", "passengers", "witnesses", "hostages", "students", "pupils", "patients", "fans", "teens", "teenagers", "girls", "boys", "friends", "colleagues", "relatives", "siblings", "parents", "survivors"]);

/** Determiners of the group in "one of the victims", "one of their daughters". */
const MEMBER_DET_EN = new Set(["the", "their", "his", "her", "its", "our", "those", "these"]);
/** English nouns of family and partners: a given name in apposition after them is a person ("his son, Marek,"). */
const KIN_EN = new Set(["son", "daughter", "wife", "husband", "brother", "sister", "mother", "father", "partner", "widow", "widower", "grandson", "granddaughter", "nephew", "niece", "cousin", "fiancée", "fiancé", "girlfriend", "boyfriend", "friend", "neighbour", "neighbor"]);
/** English words before a title that make it another office: "Vice President", "former Prime Minister". */
const RANK_MODS_EN = new Set(["vice", "deputy", "former", "assistant", "associate", "ex", "co"]);
/** English adjectives before a role that name no portfolio: "the new minister" may be "Health Minister X". */
const NOT_PORTFOLIO_EN = new Set(["new", "current", "acting", "then", "incumbent", "outgoing", "incoming", "top", "senior", "junior", "late", "same", "other", "interim", "present", "previous"]);

/** A lower-case word before an English role that names its portfolio ("health" in "the health minister"). */
function portfolioEn(t: Token): boolean {
  return t.kind === TK.Word && !t.cap && !/[’']s?$/.test(t.low) && !ARTICLES_DEF.has(t.low) && !ARTICLES_INDEF.has(t.low) && !RANK_MODS_EN.has(t.low) && !NOT_PORTFOLIO_EN.has(t.low);
}

/** The person was introduced with the role under another portfolio ("aviation minister", not "health minister"). */
function otherPortfolio(reg: Registry, person: Person, role: string, portfolio: string): boolean {
  for (const [key, list] of reg.roleBinding) {
    if (key.endsWith(" " + role) && key !== portfolio + " " + role && list.some((e) => e.person === person)) return true;
  }
  return false;
}

/** English verbs of speaking whose "to" phrase names the one spoken to ("Speaking to X, he said"). */
const SPOKEN_TO_EN = new Set(["speaking", "talking", "writing", "spoke", "talked", "wrote", "speak", "talk", "write", "explained", "replied", "responding", "interview"]);

/** English verbs whose object is the addressee ("told Wikinews"), so the word after them names no speaker. */
const ADDRESSEE_EN = new Set(["told", "tell", "tells", "informed", "assured", "reassured", "reminded", "thanked", "urged", "warned", "asked"]);

/** Capitalized tokens that can be part of a name (not function words, months or roles). */
function nameLike(doc: Doc, i: number): boolean {
  const t = doc.tokens[i];
  if (!t || t.kind !== TK.Word || !t.cap) return false;
  // ("Jan" before a capitalized word without its period is the given name: "Jan Olbrich".)
  const jan = t.low === "jan" && doc.tokens[i + 1]?.kind === TK.Word && doc.tokens[i + 1]!.cap;
  if (CAP_STOP.has(t.low) || (MONTHS.has(t.low) && !jan)) return false;
  if (roleOf(doc.lang, t.low) || HONORIFICS.has(t.low)) return false;
  return true;
}

/** Token k is an initial with its period: "J." in "Donald J. Trump". */
function isInitial(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  return t !== undefined && t.text.length === 1 && t.cap && tokens[k + 1]?.text === ".";
}

function runEnd(doc: Doc, i: number, particleStart = false): number {
  const { tokens } = doc;
  let j = i;
  // (At most five words; an initial and its period count as one: "Wayne A. I. Frederick".)
  let initials = 0;
  while (j < tokens.length && j - i - initials < 5) {
    const t = tokens[j]!;
    if (j > i && t.breakBefore > 0) break;
    // (Two particles in a row: "Ursula von der Leyen", "Joost van den Berg".)
    const n1 = tokens[j + 1];
    if ((j > i || particleStart) && NAME_PARTICLES.has(t.low) && !t.cap && (nameLike(doc, j + 1) || (n1 !== undefined && n1.kind === TK.Word && !n1.cap && n1.breakBefore === 0 && NAME_PARTICLES.has(n1.low) && nameLike(doc, j + 2)))) {
      j++;
      continue;
    }
    // An initial: "Donald J. Trump"; also several in a row: "Wayne A. I. Frederick".
    if (j > i && isInitial(tokens, j)) {
      let k = j;
      while (isInitial(tokens, k) && k - j < 6) k += 2;
      if (nameLike(doc, k)) {
        initials += (k - j) / 2;
        j = k;
        continue;
      }
    }
    if (!nameLike(doc, j)) break;
    j++;
    // (A possessive ends the name: "Tom Vale's Facebook page".)
    if (/[’']s$/.test(t.low)) break;
  }
  return j;
}

/** The end of the first `n` words of the run [i, j), an initial with its period not counted. */
function wordsEnd(tokens: Token[], i: number, j: number, n: number): number {
  let k = i;
  let words = 0;
  while (k < j && words < n) {
    const t = tokens[k]!;
    if (t.text.length === 1 && t.cap && tokens[k + 1]?.text === "." && k + 2 < j) {
      k += 2;
      continue;
    }
    if (t.kind === TK.Word) words++;
    k++;
  }
  return k;
}

function isSentenceStart(doc: Doc, i: number): boolean {
  const s = doc.sentences[doc.sentOf[i]!]!;
  let k = s.first;
  // Opening quotation marks and dashes at the start do not count.
  while (k < i && doc.tokens[k]!.kind === TK.Punct) k++;
  return k === i || doc.tokens[i - 1]?.text === ":" || doc.markOf[i - 1] === 1;
}

function hasCue(doc: Doc, i: number): { role: Gender | null; roleLow: string | null; plural: boolean } | null {
  const { tokens } = doc;
  const prev = tokens[i - 1];
  if (!prev) return null;
  const r = prev.kind === TK.Word ? roleOf(doc.lang, prev.low) : null;
  if (r && (prev.cap || doc.lang === "en")) {
    const art = tokens[i - 2]?.low;
    const gender = r.gender !== "u" ? r.gender : art === "die" ? "f" : art === "der" ? "m" : "u";
    return { role: gender, roleLow: prev.low, plural: r.plural };
  }
  const hon = prev.kind === TK.Word ? HONORIFICS.get(prev.low) : undefined;
  if (hon !== undefined && (doc.lang === "en" || !ARTICLES_DEF.has(tokens[i - 2]?.low ?? "") && !ARTICLES_INDEF.has(tokens[i - 2]?.low ?? ""))) {
    return { role: hon, roleLow: null, plural: false };
  }
  if (prev.text === "." && tokens[i - 2] && HONORIFICS.has(tokens[i - 2]!.low)) {
    return { role: HONORIFICS.get(tokens[i - 2]!.low)!, roleLow: null, plural: false };
  }
  return null;
}

export function buildMentions(doc: Doc, known: KnownSpeaker[]): void {
  const { tokens, lang } = doc;
  const reg = new Registry();
  for (const k of known) reg.addKnown(k);

  // Words also seen in lower case are common words ("positiv"), not names.
  const lowSeen = seenLower(doc);
  // English: capitalized words that stand alone somewhere (a surname used on its own).
  const standalone = lang === "en" ? standaloneCaps(doc, lowSeen) : new Set<string>();

  // ---- Pass 1: names from strong cues ----
  let coordCue = null as { gender: Gender; until: number } | null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // English "Mayor de Blasio": after a title, a lower-case particle opens the surname.
    const p0 = tokens[i - 1];
    const particleStart = lang === "en" && t.kind === TK.Word && !t.cap && NAME_PARTICLES.has(t.low) && nameLike(doc, i + 1) && p0 !== undefined && p0.cap && (roleOf(lang, p0.low) !== null || HONORIFICS.has(p0.low));
    if (t.kind !== TK.Word || (!t.cap && !particleStart)) continue;
    const known = reg.match(tokens, i);
    if (known && known.entry.person.speakerId) {
      i += known.len - 1;
      continue;
    }
    if (!particleStart && !nameLike(doc, i)) continue;
    const j = runEnd(doc, i, particleStart);
    const fg = firstNameGender(t.low);
    // English "said Fire Chief Ron Nash", "Deputy Police Commissioner Ann Lee": a title of
    // several words inside the run; the name starts after its last title word.
    if (lang === "en" && fg === undefined && j - i >= 3) {
      let title = -1;
      for (let k = i + 1; k < j - 1 && k - i <= 3; k++) if (roleOf(lang, tokens[k]!.low) && tokens[k + 1]!.cap) title = k;
      if (title > 0 && !roleOf(lang, tokens[title + 1]!.low)) {
        i = title;
        continue;
      }
    }
    // ("said Fire Chief Ron Nash": a word before a title is part of the title.)
    if (lang === "en" && fg === undefined && j - i === 1 && tokens[j] !== undefined && roleOf(lang, tokens[j]!.low) && tokens[j + 1]?.cap === true) continue;
    const cue = hasCue(doc, i);
    const coord: { gender: Gender; until: number } | null = coordCue && coordCue.until === i ? coordCue : null;
    // "sagte Trump" names the speaker; "Falk räumte Fehler ein" does not (the subject came first).
    const beforeVerb = tokens[i - 2];
    const speechBefore =
      doc.speech[i - 1] === 1 &&
      tokens[i - 1]!.kind === TK.Word &&
      (!beforeVerb || beforeVerb.kind === TK.Punct || !beforeVerb.cap || CAP_STOP.has(beforeVerb.low)) &&
      // English "said Valdonia was ready": the word opens the reported clause, it is no speaker.
      !(lang === "en" && j < tokens.length && finiteEn(doc, j)) &&
      // English "told Wikinews", "informed Reuters": the addressee, no speaker.
      !(lang === "en" && ADDRESSEE_EN.has(tokens[i - 1]!.low));
    let end = -1;
    let gender: Gender = "u";
    if (fg !== undefined) {
      let k = i + 1;
      while (k < j && (firstNameGender(tokens[k]!.low) !== undefined || NAME_PARTICLES.has(tokens[k]!.low) || tokens[k]!.text === "." || tokens[k]!.text.length === 1)) k++;
      if (k < j) {
        end = k + 1;
        // English "Charles Federic Plotena", "Mary Jepkosgei Keitany": a middle name before the surname.
        if (lang === "en" && k + 1 < j && k + 2 - i <= 4 && tokens[k + 1]!.kind === TK.Word && !NOT_PERSON_WORDS_EN.has(tokens[k + 1]!.low) && !NOT_PERSON_WORDS_EN.has(tokens[k]!.low) && !PLACES.has(tokens[k + 1]!.low) && !ORG_SUFFIXES.has(tokens[k + 1]!.low)) end = k + 2;
      } else if (j - i > 1) end = j;
      else if (cue || coord || speechBefore) end = i + 1;
      // English "Halas's son, Marek, said": a given name in apposition with a kin or role noun.
      else if (lang === "en" && tokens[i - 1]?.text === "," && tokens[i + 1]?.text === "," && KIN_EN.has(tokens[i - 2]?.low ?? "")) end = i + 1;
      gender = fg;
    } else {
      const runLen = j - i;
      const bad =
        PLACES.has(t.low) ||
        isAcronym(t) ||
        ORG_SUFFIXES.has(t.low) ||
        (lang === "de" && NOUN_SUFFIX_DE.test(t.low) && !cue);
      // (English: not the last word of an institution's name, "the Ministry of Health said",
      // "the Centers for Disease Control and Prevention said".)
      const p1 = tokens[i - 1];
      const inInstitutionEn = lang === "en" && p1 !== undefined && p1.kind === TK.Word && !p1.cap && (p1.low === "of" || p1.low === "for" || p1.low === "and") && tokens[i - 2]?.cap === true;
      // (English: nor a place after "in"/"from"/"at", "Hospital officials in Omsk said".)
      const placeEn = lang === "en" && p1 !== undefined && p1.kind === TK.Word && !p1.cap && (p1.low === "in" || p1.low === "from" || p1.low === "at");
      const speechAfter = doc.speech[i + 1] === 1 && runLen === 1 && !isSentenceStartArticle(tokens, i) && !inInstitutionEn && !placeEn;
      const speechCue = (speechBefore && !ARTICLES_DEF.has(tokens[i - 2]?.low ?? "")) || speechAfter;
      const initialOk =
        !isSentenceStart(doc, i) ||
        cue !== null ||
        (!lowSeen.has(t.low) && !ADJ_SUFFIX_DE.test(t.low) && !(lang === "en" && /[^s]s$/.test(t.low)));
      // English persons that do not speak by name: "a man named Tavi Loan", "identified as …",
      // "Tavi Loan is a nurse", "Loan, a nurse in Kell, said".
      const personCueEn = lang === "en" && !bad && personCueAtEn(doc, i, j);
      if (!bad && initialOk && (cue || coord || speechCue || personCueEn)) {
        end = i + 1;
        if (runLen > 1) {
          const second = tokens[i + 1]!;
          // (English: up to three name words; an initial and its period do not count: "John G. Roberts".)
          if (lang === "en") end = wordsEnd(tokens, i, j, 3);
          else if (!NOUN_SUFFIX_DE.test(second.low) && !/(en|ern)$/.test(second.low) && !PLACES.has(second.low)) end = i + 2;
        }
        if (cue) gender = cue.role ?? "u";
        else if (coord) gender = coord.gender;
      }
    }
    // English names of people nobody introduces with a title: two or three capitalized words
    // that speak ("Kitty Mak told", "Sheldon Yett of UNICEF observed"), that stand in apposition
    // with a role ("Bruno Parrilla, the foreign affairs minister,"), or whose last word the text
    // uses alone ("Rosa Delgado … Delgado called"). Places, institutions and titles are not people.
    let from = i;
    // (Not the last words of an institution's name: "the Ministry of Foreign Affairs said".)
    const q1 = tokens[i - 1];
    // (After a title with "of" the name follows it: "Minister of Coastal Affairs Hana Sorell".)
    const afterInstitutionOf = lang === "en" && q1 !== undefined && q1.kind === TK.Word && !q1.cap && (q1.low === "of" || q1.low === "for") && tokens[i - 2]?.cap === true && !reg.match(tokens, i - 2) && roleOf(lang, tokens[i - 2]!.low) === null;
    if (end < 0 && lang === "en" && fg === undefined && j - i >= 2 && j - i <= 4 && !afterInstitutionOf && personRunEn(doc, i, j, lowSeen, standalone)) {
      // "Challenger Rosa Delgado", "Voter Kitty Mak": a title word at the sentence start.
      if (j - i >= 3 && isSentenceStart(doc, i) && (lowSeen.has(t.low) || /(er|or|ist|man|woman|ant|ent)$/.test(t.low))) from = i + 1;
      end = j;
    }
    if (end < 0) {
      // English "Striker Lena Voss scored": a known given name inside the run, followed by a
      // capitalized word, starts the name (a title word before it that is no role).
      if (lang === "en" && j - i >= 3) {
        let k = i + 1;
        while (k < j - 1 && k - i <= 2 && !(firstNameGender(tokens[k]!.low) && tokens[k + 1]!.cap)) k++;
        if (k < j - 1 && k - i <= 2) {
          i = k - 1;
          continue;
        }
      }
      // (English: a run that is no person is skipped whole, so that its last word alone —
      // "Gazette" of "Harlow Gazette reported" — is not taken for a name.)
      if (lang === "en" && j - i >= 2) i = j - 1;
      continue;
    }
    if (from > i) {
      const words = tokens.slice(from, end).filter((x) => x.kind === TK.Word).map((x) => x.low);
      reg.register(words, doc.text.slice(tokens[from]!.start, tokens[end - 1]!.end), gender, false);
      i = end - 1;
      continue;
    }
    // (The name without its possessive ending: "Tom Vale's page" names Tom Vale, the same
    // person as a "Vale" before; match() finds the name with its ending.)
    const words = tokens.slice(i, end).filter((x) => x.kind === TK.Word).map((x) => withoutPossessive(x.low));
    const display = withoutPossessive(doc.text.slice(t.start, tokens[end - 1]!.end));
    // English "Hatice Cengiz, fiancée of …", "Ann Reyes, the victim's mother,": a gendered noun
    // in apposition tells the gender a given name may not.
    if (gender === "u" && lang === "en") gender = appositionGenderEn(tokens, end);
    const person = reg.register(words, display, gender, false);
    if (cue?.roleLow && !cue.plural && !coord) {
      const r = roleOf(lang, cue.roleLow);
      person.roles.add(cue.roleLow);
      // "Finance Minister Jana Halvorsen": "the finance minister" later is she, not any minister.
      const mod = tokens[i - 2];
      // (A vice president or a former president is not "the president".)
      if (!(lang === "en" && mod && RANK_MODS_EN.has(mod.low))) bindRole(reg, cue.roleLow, i, person);
      if (lang === "en" && mod && mod.kind === TK.Word && !CAP_STOP.has(mod.low) && !ARTICLES_DEF.has(mod.low) && !ARTICLES_INDEF.has(mod.low) && !roleOf(lang, mod.low)) {
        bindRole(reg, mod.low + " " + cue.roleLow, i, person);
      }
      if (r) {
        const set = reg.headBinding.get(r.head) ?? new Set();
        set.add(person);
        reg.headBinding.set(r.head, set);
      }
    }
    // "die Präsidenten Trump und Putin": the cue carries over a coordination.
    const after = tokens[end];
    if ((cue || coord) && after && (after.low === "und" || after.low === "and")) {
      coordCue = { gender: cue?.role ?? coord?.gender ?? "u", until: end + 1 };
    }
    i = end - 1;
  }

  // ---- Pass 2: mentions in text order ----
  const mentions: Mention[] = [];
  const lastSeen = new Map<Person, number>(); // the index of each person's latest mention so far
  const history: number[] = []; // indices of person mentions, most recent last (bounded)
  let lastSentence = -1;
  let sentenceHasMention = false;
  const addressees = new Set<number>(); // "Speaking to X, he said": X, within its sentence

  const push = (first: number, last: number, kind: MentionKind, gender: Gender, plural: boolean, person: Person | null, spanFirst = first, noHistory = false) => {
    const s = doc.sentOf[first]!;
    if (s !== lastSentence) {
      lastSentence = s;
      sentenceHasMention = false;
    }
    const inQuote = doc.quoteOf[first]! >= 0;
    const nextTok = tokens[last];
    // Right after a speech verb is the subject's place ("sagte Trump"), unless a mention stands
    // right before the verb ("Castell warf Lindholm »…« vor": Lindholm is the object).
    // (English: only an inverted tag, after a quote or a comma — "said Valdonia was ready" names
    // the subject of the reported clause, not the speaker.)
    const afterVerb =
      doc.speech[spanFirst - 1]! > 0 &&
      !(spanFirst >= 2 && doc.mentionAt[spanFirst - 2]! >= 0) &&
      (lang !== "en" || spanFirst < 2 || tokens[spanFirst - 2]!.kind === TK.Punct);
    // English: also the subject of a speech verb further on ("Nikki Holland of the … Agency (NCA)
    // said", "Cindy Ferrer, head of a regional office, said"); a possessive ("Veit's offer") is
    // never the subject.
    const possessive = lang === "en" && /[’']s$/.test(tokens[last - 1]!.text);
    // English "Speaking to Martin Smith of PBS, he said": the one spoken to is no antecedent of
    // the pronoun that speaks in the same sentence.
    const spokenTo = lang === "en" && first >= 2 && tokens[first - 1]!.low === "to" && SPOKEN_TO_EN.has(tokens[first - 2]!.low);
    const salient =
      !inQuote &&
      !possessive &&
      !spokenTo &&
      (afterVerb || (nextTok !== undefined && doc.speech[last]! > 0) || (!sentenceHasMention && kind !== "org") || (lang === "en" && kind !== "org" && speechAheadEn(doc, last)));
    if (!inQuote) sentenceHasMention = true;
    const m: Mention = {
      first, last, start: tokens[spanFirst]!.start, end: tokens[last - 1]!.end, kind, gender, plural, person,
      surface: doc.text.slice(tokens[spanFirst]!.start, tokens[last - 1]!.end), salient, inQuote, sentence: s,
    };
    const idx = mentions.length;
    mentions.push(m);
    for (let k = first; k < last; k++) doc.mentionAt[k] = idx;
    if (person) lastSeen.set(person, idx);
    if (spokenTo) addressees.add(idx);
    if (person && !person.org && !plural && !noHistory) {
      history.push(idx);
      if (history.length > HISTORY * 2) history.splice(0, history.length - HISTORY);
    }
    return m;
  };

  const resolve = (gender: Gender, sentence: number, opts: { beforeSentence?: boolean; skipQuoted?: boolean }): Person | null => {
    let fallback: Person | null = null;
    for (let h = history.length - 1, seen = 0; h >= 0 && seen < HISTORY; h--, seen++) {
      const m = mentions[history[h]!]!;
      if (sentence - m.sentence > 4) break;
      if (opts.beforeSentence && m.sentence >= sentence) continue;
      if (m.sentence === sentence && addressees.has(history[h]!)) continue;
      const p = m.person!;
      const compatible = gender === "u" || p.gender === "u" || p.gender === gender;
      if (!compatible) continue;
      if (opts.skipQuoted && m.inQuote) continue;
      if (m.salient && sentence - m.sentence <= 2) return p;
      if (!fallback) fallback = p;
    }
    return fallback;
  };

  // "Der Fraktionschef der Bürgerliste, Jonas Albrecht, …": the role is the name that follows.
  const appositionAfter = (i: number): Person | null => {
    // (English "The head of the UK's counter terror police, Neil Basu,": a longer "of" phrase.)
    for (let k = i + 1; k < tokens.length && k <= i + (lang === "en" ? 10 : 6); k++) {
      const u = tokens[k]!;
      if (u.text === ",") {
        const m = reg.match(tokens, k + 1);
        return m && tokens[k + 1]!.cap && !m.entry.person.org ? m.entry.person : null;
      }
      if (u.kind === TK.Punct || doc.speech[k]) return null;
    }
    return null;
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== TK.Word) continue;
    const m = reg.match(tokens, i);
    if (m && (t.cap || m.entry.person.speakerId || (lang === "en" && NAME_PARTICLES.has(t.low) && m.len > 1))) {
      // A known single-word alias that is a common noun ("Erklärung") still counts with its article.
      const person = m.entry.person;
      let spanFirst = i;
      if (person.org && i > 0 && (ARTICLES_DEF.has(tokens[i - 1]!.low) || CONTRACTIONS.has(tokens[i - 1]!.low))) spanFirst = i;
      push(i, i + m.len, person.org ? "org" : "name", person.gender, person.plural, person, spanFirst);
      i += m.len - 1;
      continue;
    }
    // English "One of the victims decided … . She said", "one of their daughters escaped … She
    // did not know": an unnamed member of a group is a person a later pronoun can refer to.
    if (lang === "en" && t.low === "one" && tokens[i + 1]?.low === "of" && doc.quoteOf[i]! < 0) {
      const det = tokens[i + 2];
      const noun = tokens[i + 3];
      if (det && MEMBER_DET_EN.has(det.low) && noun && noun.kind === TK.Word && !noun.cap && personPluralEn(noun.low)) {
        const gender = GENDERED_NOUNS_EN.get(noun.low.replace(/e?s$/, "")) ?? GENDERED_NOUNS_EN.get(noun.low.slice(0, -1)) ?? "u";
        const name = doc.text.slice(t.start, noun.end);
        push(i, i + 4, "role", gender, false, { name, gender, plural: false, org: false, roles: new Set() });
        i += 3;
        continue;
      }
    }
    const pron = SUBJECT_PRONOUNS[lang].get(t.low);
    if (pron && !(lang === "de" && t.text === "Sie" && !isSentenceStart(doc, i))) {
      if (lang === "de" && t.low === "sie" && pluralVerbNear(tokens, i)) continue;
      const inQuote = doc.quoteOf[i]! >= 0;
      const person = inQuote ? null : resolve(pron, doc.sentOf[i]!, {});
      push(i, i + 1, "pronoun", pron, false, person);
      continue;
    }
    if (FIRST_PERSON.has(t.low) && doc.quoteOf[i]! >= 0 && (lang === "en" ? t.text === "I" : true)) {
      push(i, i + 1, "first-person", "u", false, null);
      continue;
    }
    let role = (t.cap || lang === "en") ? roleOf(lang, t.low) : null;
    // English "official", "chief", "head", "executive" before a lower-case noun are adjectives or
    // parts of a noun ("an official government account", "head office").
    if (role && lang === "en" && ADJ_ROLES_EN.has(t.low) && isLowerNounAfter(tokens, i)) role = null;
    if (role) {
      // A role directly followed by a name is that name's title; the name is the mention.
      // Also across a second title word: "Chief Executive Nadia Ferreira".
      let titled = false;
      for (let k = i + 1; k <= i + 2 && k < tokens.length; k++) {
        if (reg.match(tokens, k) || (tokens[k]!.cap && firstNameGender(tokens[k]!.low))) titled = true;
        if (!titled && !(tokens[k]!.cap && roleOf(lang, tokens[k]!.low))) break;
      }
      // English "Mayor of London Sadiq Khan": a title with its place, then the name.
      if (!titled && lang === "en" && t.cap && tokens[i + 1]?.low === "of") {
        for (let k = i + 2; k < tokens.length && k <= i + 5 && tokens[k]!.cap; k++) {
          if (k > i + 2 && reg.match(tokens, k)) titled = true;
        }
      }
      if (titled) continue;
      const det = determinerBefore(tokens, i, lang);
      // English: a lower-case role noun with no determiner is no mention of a person ("cautioned
      // justice does not come swiftly", "under guard"); a person's role has its article.
      if (lang === "en" && !t.cap && det === null) continue;
      // English "the Office of the UN High Commissioner for Human Rights": a capitalized role after
      // "<Name> of the" is part of the body's name, no person.
      if (lang === "en" && t.cap && det?.low === "the" && tokens[det.index - 1]?.low === "of" && tokens[det.index - 2]?.cap === true) continue;
      const plural = role.plural || (det?.low === "die" && role.gender !== "f") || det?.low === "beide" || (det !== null && ["the", "these", "those"].includes(det.low) && t.low.endsWith("s") && lang === "en");
      if (plural) continue;
      let person: Person | null = null;
      let unnamed: Person | null = null;
      if (det && ARTICLES_INDEF.has(det.low)) {
        person = { name: doc.text.slice(tokens[det.index]!.start, t.end), gender: role.gender, plural: false, org: false, roles: new Set([t.low]) };
      } else if (doc.quoteOf[i]! < 0) {
        const mod = tokens[i - 1];
        person = appositionAfter(i) ?? (lang === "en" && mod && mod.kind === TK.Word ? boundRole(reg, mod.low + " " + t.low, i, lastSeen) : null) ?? boundRole(reg, t.low, i, lastSeen);
        if (!person) {
          const heads = reg.headBinding.get(role.head);
          if (heads && heads.size === 1) person = [...heads][0]!;
        }
        // English "Civil Aviation Minister X … the local health minister said": a role with a
        // portfolio of its own is not a person introduced with another portfolio.
        if (person && lang === "en" && mod && portfolioEn(mod) && otherPortfolio(reg, person, t.low, mod.low)) person = null;
        // (English: a role never introduced with a name stays unnamed, "the writer" of a
        // manifesto is not the mayor named before it; a role introduced as a title binds above.)
        if (!person && lang !== "en") person = resolve(role.gender, doc.sentOf[i]!, { beforeSentence: true, skipQuoted: true });
        if (!person) unnamed = { name: t.text, gender: role.gender, plural: false, org: false, roles: new Set([t.low]) };
      }
      // Unnamed people ("ein Sprecher", a role with no antecedent) can speak, but are not
      // antecedents for later pronouns: those usually point back to a named person.
      const m = push(det ? det.index : i, i + 1, "role", role.gender, false, person ?? unnamed, det ? det.index : i, !!unnamed || (det !== null && ARTICLES_INDEF.has(det.low)));
      if (det && ARTICLES_INDEF.has(det.low) && !(doc.speech[m.first - 1]! > 0 || doc.speech[m.last]! > 0)) m.salient = false;
      // English "A witness said … . She added …": an unnamed person who speaks is the antecedent
      // of the pronoun that goes on speaking (only as the speech verb's subject).
      else if (lang === "en" && det && ARTICLES_INDEF.has(det.low) && doc.speech[m.last]! > 0 && person) {
        history.push(mentions.length - 1);
      }
      continue;
    }
    if ((t.cap || lang === "en") && ORG_NOUNS.has(t.low)) {
      const det = determinerBefore(tokens, i, lang);
      if (!det) continue;
      let last = i + 1;
      // "der Agentur Interfax": the institution's name follows its noun.
      while (last < tokens.length && last - i <= 3 && nameLike(doc, last) && tokens[last]!.spaceBefore && !doc.speech[last]) last++;
      // The name keeps its adjectives ("the central bank" → "central bank"), not its article.
      const from = Math.min(i, det.index + 1);
      const name = doc.text.slice(tokens[from]!.start, tokens[last - 1]!.end);
      push(from, last, "org", "n", false, { name, gender: "n", plural: false, org: true, roles: new Set() }, from);
      i = last - 1;
      continue;
    }
    if (t.cap && (isAcronym(t) || PLACES.has(t.low) || ORG_SUFFIXES.has(t.low))) {
      push(i, i + 1, "org", "n", false, { name: t.text, gender: "n", plural: false, org: true, roles: new Set() });
    }
  }
  doc.mentions = mentions;
}

const ADJ_ROLES_EN = new Set(["official", "chief", "head", "executive", "general", "representative", "expert"]);
const NOT_NOUN_AFTER_EN = new Set(["said", "says", "told", "and", "or", "of", "for", "at", "in", "on", "to", "with", "from", "who", "which", "that", "was", "is", "were", "are", "has", "had", "have", "will", "would", "also", "later"]);

/** A lower-case word after token i that can be the noun it qualifies ("official government"). */
function isLowerNounAfter(tokens: Token[], i: number): boolean {
  const n = tokens[i + 1];
  return n !== undefined && n.kind === TK.Word && !n.cap && !NOT_NOUN_AFTER_EN.has(n.low) && !/(ed|ly)$/.test(n.low) && roleEn(n.low) === null;
}

/** Capitalized words that stand alone (no capitalized neighbour) outside quotes: "… Delgado called …". */
function standaloneCaps(doc: Doc, lowSeen: Set<string>): Set<string> {
  const { tokens } = doc;
  const out = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== TK.Word || !t.cap) continue;
    const p = tokens[i - 1];
    const n = tokens[i + 1];
    if ((p && p.kind === TK.Word && p.cap) || (n && n.kind === TK.Word && n.cap) || lowSeen.has(t.low) || !nameLike(doc, i)) continue;
    out.add(t.low.endsWith("s") ? t.low.replace(/[’']s$/, "") : t.low);
  }
  return out;
}

function isRoleEn(low: string): boolean {
  return roleEn(low) !== null;
}

/** A run [i, j) of capitalized words that names a person (English; see the pass-1 comment). */
function personRunEn(doc: Doc, i: number, j: number, lowSeen: Set<string>, standalone: Set<string>): boolean {
  const { tokens } = doc;
  // "Milanović, a Social Democrat, promised …", "the Green Party said": a person's name takes no article.
  if (isSentenceStartArticle(tokens, i)) return false;
  for (let k = i; k < j; k++) {
    const t = tokens[k]!;
    if (t.kind !== TK.Word) continue;
    if (PLACES.has(t.low) || isAcronym(t) || ORG_SUFFIXES.has(t.low) || ORG_NOUNS.has(t.low) || NOT_PERSON_WORDS_EN.has(t.low) || MONTHS.has(t.low)) return false;
    if (k > i && lowSeen.has(t.low)) return false;
  }
  const next = tokens[j];
  // "Hong Kong government", "Lost 52 Project": a modifier or a name with more after it.
  if (next && next.kind === TK.Word && (next.cap || /^\d/.test(next.text))) return false;
  if (next && next.kind === TK.Num) return false;
  const last = tokens[j - 1]!.low.replace(/[’']s$/, "");
  // "Tavita Leota, 34, …": an age in apposition.
  const age = next?.text === "," && tokens[j + 1]?.kind === TK.Num && /^\d{1,3}$/.test(tokens[j + 1]!.text) && Number(tokens[j + 1]!.text) < 120 && tokens[j + 2]?.text === ",";
  return age || standalone.has(last) || speechAheadEn(doc, j) || roleAppositionEn(doc, i, j, isRoleEn);
}

function isSentenceStartArticle(tokens: Token[], i: number): boolean {
  return ARTICLES_DEF.has(tokens[i - 1]?.low ?? "") || ARTICLES_INDEF.has(tokens[i - 1]?.low ?? "");
}

function pluralVerbNear(tokens: Token[], i: number): boolean {
  for (const k of [i - 1, i + 1]) {
    const t = tokens[k];
    if (t && t.kind === TK.Word && !t.cap && /(ten|en)$/.test(t.low) && !/(ben|hen)$/.test(t.low)) return true;
  }
  return false;
}

/** The article in front of a noun, skipping up to three adjectives: "der syrische Präsident". */
function determinerBefore(tokens: Token[], i: number, lang: "de" | "en"): { low: string; index: number } | null {
  for (let k = i - 1; k >= 0 && i - k <= 4; k--) {
    const t = tokens[k]!;
    if (t.kind !== TK.Word) return null;
    if (ARTICLES_DEF.has(t.low) || ARTICLES_INDEF.has(t.low) || CONTRACTIONS.has(t.low) || t.low === "beide" || t.low === "beiden" || t.low === "these" || t.low === "those") {
      return { low: t.low, index: k };
    }
    // Adjectives: lower case in German; in English also capitalized ("the Russian president").
    if (t.cap && lang === "de") return null;
  }
  return null;
}
