// English speech tags: who is the subject of a speech verb, where the reported clause after it
// starts, and whether words after a comma are a tail tag ("…, the minister said.").
//
// English word order puts the subject before the verb and its head first: "Nikki Holland of the
// National Crime Agency (NCA) said" (Holland, not the agency), "Philippine Red Cross chair Richard
// Gordon, in remarks to the BBC, said" (Gordon, not the BBC), "The Labour Party's leader, Jeremy
// Corbyn announced" (the leader, not the party). So the subject is read as a chain of
// comma-separated chunks ending at the verb: modifiers (an introductory phrase "In a statement",
// a relative clause "who …", a participle phrase "hosted by …", a prepositional aside "in remarks
// to the BBC") are skipped, an apposition after a bare name ("Cindy Ferrer, head of a regional
// office, said") gives the name, and inside the chosen chunk the head is the first mention that
// is neither possessive nor inside a prepositional phrase. A spokesperson "for" something is that
// something ("A spokesperson for the ministry said" → the ministry), as the annotation
// conventions have it.
//
// Without a part-of-speech model, a finite verb is recognised by its form (auxiliaries, common
// irregular pasts, "-ed" not after an article or before "by", a few frequent present forms) —
// enough to tell "said the plan would fail" (a clause) from "said the plan" (an object).
//
// Every search is bounded (a subject at most 40 tokens back, a clause at most 25 tokens ahead),
// so each call costs O(1) and the extractor stays linear.

import type { Doc, Mention } from "./context";
import { TK, type Token } from "./text";
import { NAME_PARTICLES } from "./lexicon";
import { openingAdjectiveEn } from "./speech";

const SUBJECT_WINDOW = 40;
const CLAUSE_WINDOW = 25;

export const PREP_EN = new Set(
  `of from at in on for with to by about during after before via through under over near within without among amongst
across against into onto upon around behind beyond since until like unlike despite following regarding including amid besides`.split(/\s+/),
);
export const RELATIVE_EN = new Set(["who", "whom", "whose", "which", "where", "when", "that", "whereby", "wherein"]);
const SUBORD_EN = new Set(["while", "although", "though", "as", "when", "if", "because", "since", "whereas", "once", "unless", "after", "before", "despite", "until", "whether"]);
const COORD_EN = new Set(["and", "but", "or", "nor", "yet", "so"]);
/** "that day", "that year": "that" as a determiner, not a relative pronoun. */
const TIME_NOUNS_EN = new Set(["day", "week", "month", "year", "time", "morning", "afternoon", "evening", "night", "weekend", "season", "moment"]);
/** Words that may stand between a subject and its verb ("has also said", "later told"). */
const BETWEEN_EN = new Set(
  `also further later then previously publicly repeatedly reportedly recently again once still similarly subsequently initially
separately earlier already both all had has have was were is are would will could did does do never just`.split(/\s+/),
);
/** Sentence adverbs that open a chunk without being its subject ("However, …", "Yesterday, …"). */
const OPENING_ADVERBS_EN = new Set(
  `however meanwhile yesterday today tonight earlier later also then instead still additionally furthermore moreover separately
similarly overall reportedly allegedly nevertheless nonetheless finally first previously recently thus therefore indeed`.split(/\s+/),
);
const DET_EN = new Set(
  `the a an this that these those his her its their our my your some many several one two three four five six seven eight nine
ten unnamed other another no all both each every any most`.split(/\s+/),
);
/** Nouns whose "for"/"of" complement is the body they speak for ("a spokesperson for the ministry"). */
const SPOKES_NOUNS_EN = new Set(["spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokespersons", "spokesmen", "account", "representative", "representatives", "statement", "press"]);
/** Persons who speak for a body: unnamed, the body is the speaker ("a spokesperson for the club", "a club spokesman"). */
const SPOKES_PERSON_EN = new Set(["spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokespersons", "spokesmen", "spokeswomen"]);
/** Subject words that are never a speaker by themselves. */
const NOT_SUBJECT_EN = new Set(["it", "there", "this", "that", "which", "who", "what", "these", "those", "here", "one", "i", "you", "we"]);
const PLURAL_PRONOUN_EN = new Set(["they"]);

export const AUX_EN = new Set(
  `am is are was were be been has have had do does did will would shall should can could may might must won't wouldn't can't
couldn't isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't shouldn't mustn't`.split(/\s+/),
);
/** Irregular past forms that are finite verbs in news text (participle-only forms left out). */
const PAST_IRREGULAR_EN = new Set(
  `won took went gave made found became left lost saw came got held kept led met paid ran sent spent stood thought brought bought
began fell felt grew knew rose struck spoke wrote told said sold shot fled fought built caught taught drove
broke chose wore sank froze hid slept stole swore threw understood withdrew overcame undertook arose drew flew forgot
forgave hung meant rode rang sang shook shut sought stuck swam swung woke died used owed tied lied`.split(/\s+/),
);
/** Frequent present-tense verbs in "-s" (plural nouns look the same, so only these). */
const PRESENT_S_EN = new Set(
  `is has does says makes fits needs remains seems appears includes means shows wants plans expects continues requires looks goes
gets takes gives comes knows thinks believes lives works helps holds keeps leads runs stands becomes contributes repels protects
provides violates supports affects causes allows reduces increases covers lasts faces depends exists happens matters poses puts
represents remains suggests indicates owns lacks costs plans hopes intends aims seeks refuses agrees opposes accounts applies`.split(/\s+/),
);

/** Words in "-ly" that are not adverbs. */
const NOT_ADVERB_LY = new Set(["family", "assembly", "supply", "reply", "rally", "ally", "italy", "july", "monopoly", "anomaly", "belly", "jelly", "bully", "lily", "homily", "butterfly", "firefly", "fly", "holly", "early", "only", "daily", "weekly", "monthly", "yearly", "elderly", "friendly", "likely", "unlikely", "lonely", "lovely", "costly", "deadly", "orderly", "ugly", "silly", "holy", "wily", "curly", "burly", "jolly"]);

/** An adverb in "-ly" ("publicly", "repeatedly"). */
function isAdverbLy(low: string): boolean {
  return low.length > 4 && low.endsWith("ly") && !NOT_ADVERB_LY.has(low);
}

function word(t: Token | undefined): t is Token {
  return t !== undefined && t.kind === TK.Word;
}

function isLowerWord(t: Token | undefined): boolean {
  return word(t) && !t.cap;
}

/** Whether token k is (very likely) a finite verb; computed once per token. */
export function finiteEn(doc: Doc, k: number): boolean {
  const t = doc.tokens[k];
  if (!word(t) || t.cap) return false;
  let cache = finiteCache.get(doc);
  if (!cache) finiteCache.set(doc, (cache = new Int8Array(doc.tokens.length)));
  const c = cache[k]!;
  if (c !== 0) return c === 2;
  const f = finiteOnce(doc, k, t);
  cache[k] = f ? 2 : 1;
  return f;
}
const finiteCache = new WeakMap<Doc, Int8Array>();

function finiteOnce(doc: Doc, k: number, t: Token): boolean {
  const low = t.low;
  const prev = doc.tokens[k - 1];
  if (AUX_EN.has(low)) return true;
  // "the rising cost", "a sharp rise": after an article or an "-ing" word it is a noun.
  if (PAST_IRREGULAR_EN.has(low)) return !(prev && word(prev) && (DET_EN.has(prev.low) || (!prev.cap && /ing$/.test(prev.low))));
  // ("unnamed", "unvaccinated", "unconfirmed": adjectives.)
  if (low.length >= 5 && low.endsWith("ed") && !low.startsWith("un")) {
    // "the proposed plan", "a U.S.-designated group": after an article it is an adjective;
    // "data released by the Navy": a participle.
    if (prev && ((word(prev) && (DET_EN.has(prev.low) || AUX_EN.has(prev.low))) || prev.kind === TK.Num)) return false;
    if (doc.tokens[k + 1]?.low === "by") return false;
    return true;
  }
  if (PRESENT_S_EN.has(low)) return !(prev && word(prev) && (DET_EN.has(prev.low) || openingAdjectiveEn(doc.tokens, k - 1)));
  // "they expect", "we want": a plain verb right after a plural or first-person subject pronoun
  // (not an adverb or quantifier: "they also", "they all", "we now").
  if (prev && isLowerWord(prev) && PLURAL_SUBJECT_EN.has(prev.low) && low.length >= 3 && !NOT_VERB_AFTER_PRONOUN_EN.has(low) && !isAdverbLy(low) && !/(ing|ed)$/.test(low)) return true;
  // "it fits", "he wants": an "-s" word after a subject pronoun.
  if (low.length >= 4 && low.endsWith("s") && !/(ss|us|is)$/.test(low) && prev && ["he", "she", "it"].includes(prev.low)) return true;
  // "the writer supposes a …", "the report notes the …": an "-s" word between an article's noun
  // and another article.
  const pp = doc.tokens[k - 2];
  const next = doc.tokens[k + 1];
  if (low.length >= 5 && low.endsWith("s") && !/(ss|us|is)$/.test(low) && isLowerWord(prev) && !/s$/.test(prev!.low) && !DET_EN.has(prev!.low) && word(pp) && DET_EN.has(pp.low) && isLowerWord(next) && ["a", "an", "the"].includes(next!.low)) return true;
  return false;
}

const PLURAL_SUBJECT_EN = new Set(["they", "we", "i", "you"]);
const NOT_VERB_AFTER_PRONOUN_EN = new Set(["also", "all", "now", "still", "both", "never", "often", "just", "then", "only", "even", "too", "already", "each", "not", "too", "themselves", "ourselves", "yourself", "yourselves", "myself", "who", "which", "that", "and", "but", "or", "the", "are", "were", "was", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "shall", "did", "does", "don't", "didn't", "won't", "can't", "say", "said"]);

function isPossessive(doc: Doc, m: Mention): boolean {
  if (/[’']s$/.test(m.surface) || /s[’']$/.test(m.surface)) return true;
  const n = doc.tokens[m.last];
  return n !== undefined && n.kind === TK.Punct && (n.text === "'" || n.text === "’") && doc.tokens[m.last + 1]?.low === "s";
}

/** A mention that ends at token b - 1, or -1. */
function mentionEndingAt(doc: Doc, b: number): number {
  return b > 0 ? doc.mentionAt[b - 1]! : -1;
}

interface Chunk {
  a: number;
  b: number;
}

/** Tokens [a, b) split at commas and dashes outside parentheses. */
function chunksOf(doc: Doc, a: number, b: number): Chunk[] {
  const out: Chunk[] = [];
  let depth = 0;
  let s = a;
  for (let k = a; k < b; k++) {
    const t = doc.tokens[k]!;
    if (t.text === "(" || t.text === "[") depth++;
    else if ((t.text === ")" || t.text === "]") && depth > 0) depth--;
    else if (depth === 0 && (t.text === "," || t.text === "—" || t.text === "–") && !dateComma(doc.tokens, k)) {
      if (k > s) out.push({ a: s, b: k });
      s = k + 1;
    }
  }
  if (b > s) out.push({ a: s, b });
  return out;
}

/** The comma of a date: "March 14, 2019". */
const MONTHS_EN = new Set(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]);

/** The comma of a date: "March 14, 2019", "in May, 2018". */
export function dateComma(tokens: Token[], k: number): boolean {
  const p = tokens[k - 1];
  const n = tokens[k + 1];
  return p !== undefined && n !== undefined && (p.kind === TK.Num || MONTHS_EN.has(p.low)) && n.kind === TK.Num && /^\d{4}$/.test(n.text);
}

/** A chunk that qualifies something else and is never the subject. */
function isModifier(doc: Doc, c: Chunk): boolean {
  const t = doc.tokens[c.a]!;
  if (t.kind === TK.Num && c.b - c.a <= 2) return true; // an age: "Thomas Gray, 24, …"
  if (t.kind !== TK.Word) return t.text === "(";
  const low = t.low;
  if (PREP_EN.has(low) || RELATIVE_EN.has(low) || SUBORD_EN.has(low) || OPENING_ADVERBS_EN.has(low)) return true;
  if (low === "according" || low === "speaking" || low === "citing" || low === "writing") return true;
  // A participle phrase: "hosted by …", "known as …", "based in …", "not naming any …".
  if (!t.cap && (/ed$/.test(low) || /ing$/.test(low)) && (PREP_EN.has(doc.tokens[c.a + 1]?.low ?? "") || doc.tokens[c.a + 1]?.low === "as")) return true;
  if (low === "not" && /ing$/.test(doc.tokens[c.a + 1]?.low ?? "")) return true;
  return false;
}

/** The person mention (name, role, pronoun; or any mention when `orgToo`) that ends chunk c, unless a preposition governs it. */
function endMention(doc: Doc, c: Chunk): Mention | null {
  const mi = mentionEndingAt(doc, c.b);
  if (mi < 0) return null;
  const m = doc.mentions[mi]!;
  if (m.first < c.a || m.inQuote || m.kind === "first-person" || isPossessive(doc, m)) return null;
  // Governed by a preposition, also across an article: "in remarks to the BBC".
  let k = m.first - 1;
  while (k > c.a && isLowerWord(doc.tokens[k]) && DET_EN.has(doc.tokens[k]!.low)) k--;
  const p = doc.tokens[k];
  if (k >= c.a && k < m.first && p && isLowerWord(p) && (PREP_EN.has(p.low) || p.low === "and")) return null;
  return m;
}

/**
 * The noun phrase at the end of an opening phrase, right before the verb: after a subordinator
 * ("as news sources noted"), from the last article on ("In 2017 the company said"), or a last
 * plural noun ("On Thursday officials reported").
 */
function trailingSubject(doc: Doc, c: Chunk): Mention | null {
  const { tokens } = doc;
  const first = tokens[c.a]!;
  // (Not in a relative clause or a participle phrase: "which offered a contest for … the toilet".)
  if (isLowerWord(first) && (RELATIVE_EN.has(first.low) || /(ed|ing)$/.test(first.low))) return null;
  if (word(first) && SUBORD_EN.has(first.low) && c.b - c.a >= 2) return phraseEn(doc, c.a + 1, c.b);
  for (let k = c.b - 1; k > c.a + 1; k--) {
    const t = tokens[k]!;
    // ("in remarks to the BBC": an article after a preposition starts its object, not a subject.)
    if (isLowerWord(t) && (t.low === "the" || t.low === "a" || t.low === "an")) return PREP_EN.has(tokens[k - 1]!.low) ? null : phraseEn(doc, k, c.b);
    if (!word(t)) break;
  }
  const last = tokens[c.b - 1]!;
  if (c.b - c.a >= 3 && isLowerWord(last) && /[^s]s$/.test(last.low) && !PREP_EN.has(tokens[c.b - 2]!.low)) return phraseEn(doc, c.b - 1, c.b);
  // "to which on February 1 Amazon Web Services acknowledged": a name of capitalized words ends it.
  let r = c.b;
  while (r > c.a && isCapWord(tokens[r - 1]) && !TIME_WORDS_EN.has(tokens[r - 1]!.low)) r--;
  if (c.b - r >= 2 && r > c.a + 1 && !isCapWord(tokens[r - 1])) return phraseEn(doc, r, c.b);
  return null;
}

/** Days, months and time nouns that open a time phrase: "This Thursday", "Last March". */
const TIME_WORDS_EN = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october
november december week month year morning afternoon evening night weekend`.split(/\s+/),
);
/** Words that open a time phrase before a subject without a comma: "This Thursday the commission …". */
const TIME_OPENERS_EN = new Set(["this", "last", "next", "that", "early", "late", "earlier", "later"]);
/** Quantifiers whose "of" phrase is the subject: "One of the children said". */
const QUANT_OF_EN = new Set(["one", "some", "many", "several", "two", "three", "each", "most", "none", "both", "all", "few", "any", "part", "parts"]);

/** The chunk is one name, perhaps after title words: "Democrat Chuck Schumer", "Maya Rockeymoore Cummings". */
function isNameChunk(doc: Doc, c: Chunk): boolean {
  const mi = mentionEndingAt(doc, c.b);
  if (mi < 0) return false;
  const m = doc.mentions[mi]!;
  if (m.kind !== "name" || m.last !== c.b) return false;
  if (isModifier(doc, c)) return false; // "Unlike Senator Ilse Marten"
  for (let k = c.a; k < m.first; k++) {
    const t = doc.tokens[k]!;
    if (!word(t) || !(t.cap || doc.mentionAt[k]! >= 0 || (k === m.first - 1 && NAME_PARTICLES.has(t.low)))) return false;
  }
  return true;
}

/** The chunk is a person's name and where they belong: "Anna Franowska of "Have no fear"", "Sheldon Yett of UNICEF". */
function nameOfChunk(doc: Doc, c: Chunk): boolean {
  const mi = doc.mentionAt[c.a]!;
  if (mi < 0) return false;
  const m = doc.mentions[mi]!;
  if (m.kind !== "name" || m.first !== c.a || m.last >= c.b || isPossessive(doc, m)) return false;
  const p = doc.tokens[m.last]!;
  return isLowerWord(p) && (p.low === "of" || p.low === "from" || p.low === "at");
}

/**
 * The name that ends an opening phrase right after one of its nouns ("In the blog post Chris
 * Wright"), so that it is the subject of the clause the missing comma would have opened; null
 * when a preposition, a determiner, a verb or a participle stands before it ("After meeting Chris
 * Wright", "In talks with Chris Wright").
 */
function nameEndingOpenerEn(doc: Doc, c: Chunk): Mention | null {
  const m = endMention(doc, c);
  if (!m || m.kind !== "name" || m.first - 2 < c.a) return null;
  const p = doc.tokens[m.first - 1]!;
  if (!isLowerWord(p) || PREP_EN.has(p.low) || DET_EN.has(p.low) || RELATIVE_EN.has(p.low) || SUBORD_EN.has(p.low)) return null;
  if (finiteEn(doc, m.first - 1) || doc.speech[m.first - 1] || /(?:ing|ed)$/.test(p.low)) return null;
  return m;
}

/** The chunk has a finite verb outside a relative clause. */
function hasFiniteVerb(doc: Doc, c: Chunk): boolean {
  for (let k = c.a; k < c.b; k++) {
    const t = doc.tokens[k]!;
    if (word(t) && RELATIVE_EN.has(t.low) && k > c.a) return false;
    if (finiteEn(doc, k) || doc.speech[k]) return true;
  }
  return false;
}

/**
 * The subject of the English verb at v, read to the left within [lo, v): see the header. Returns
 * a mention from the text, a phrase made into a speaker ("Protesters", "US authorities"), or
 * null.
 */
export function subjectBeforeEn(doc: Doc, v: number, lo: number): Mention | null {
  // The same verb is asked about from several places (its tag, the sentence's verbs, a quote
  // nearby), nearly always with its sentence start as the bound: computed once per verb and bound.
  let cache = subjectCache.get(doc);
  if (!cache) subjectCache.set(doc, (cache = { lo: new Int32Array(doc.tokens.length + 1).fill(-1), value: [] }));
  if (cache.lo[v] === lo) return cache.value[v] ?? null;
  const m = subjectBeforeOnce(doc, v, lo);
  cache.lo[v] = lo;
  cache.value[v] = m;
  return m;
}
const subjectCache = new WeakMap<Doc, { lo: Int32Array; value: (Mention | null)[] }>();

function subjectBeforeOnce(doc: Doc, v: number, lo: number): Mention | null {
  const { tokens } = doc;
  let j = v - 1;
  while (j >= lo && isLowerWord(tokens[j]) && (BETWEEN_EN.has(tokens[j]!.low) || isAdverbLy(tokens[j]!.low))) j--;
  // "Erdoğan cited Article 5 … and said": a second verb of the same subject.
  let coordinated = false;
  if (j >= lo && isLowerWord(tokens[j]) && (tokens[j]!.low === "and" || tokens[j]!.low === "but")) {
    coordinated = true;
    j--;
  }
  if (j < lo) return null;
  // "drafted by Alex Greenwich who said", "led by Mark Hay, a marine ecologist at GT, who said":
  // the relative pronoun's antecedent is the person named right before it (across an apposition).
  if (!coordinated && isLowerWord(tokens[j]) && tokens[j]!.low === "who") {
    const person = (b: number) => {
      const mi = mentionEndingAt(doc, b);
      const m = mi >= 0 ? doc.mentions[mi]! : null;
      return m && m.kind === "name" && !m.inQuote && !isPossessive(doc, m) ? m : null;
    };
    const direct = person(j);
    if (direct) return direct;
    if (tokens[j - 1]?.text === ",") {
      for (let k = j - 2; k >= lo && j - k <= 25; k--) {
        const t = tokens[k]!;
        if (t.kind === TK.Punct && ".!?;:".includes(t.text)) break;
        if (t.text === ",") {
          const m = person(k);
          if (m) return m;
          break;
        }
      }
    }
  }
  // "with Scalise calling the investigation … and Spano of Florida calling the process …": an
  // "-ing" verb's subject is the phrase right before it, after "and"/"with".
  if (!coordinated && /ing$/.test(tokens[v]!.low)) {
    for (let k = j; k >= lo && j - k < 10; k--) {
      const t = tokens[k]!;
      if (t.kind === TK.Punct && t.text !== "(" && t.text !== ")" && t.text !== ".") break;
      if (doc.markOf[k] || doc.quoteOf[k]! >= 0 || finiteEn(doc, k)) break;
      if (isLowerWord(t) && (t.low === "and" || t.low === "with") && k < j) {
        const m = headOf(doc, { a: k + 1, b: j + 1 }, false);
        if (m) return m;
        break;
      }
    }
  }
  // "Politico quoted X as saying …", "X was quoted as saying …": X speaks, not the outlet.
  if (/ing$/.test(tokens[v]!.low) && tokens[j]?.low === "as") {
    // (Across an apposition between commas: "cited Budi Gunawan, chief of the agency, as saying".)
    for (let k = j - 1, commas = 0; k >= lo && j - k <= 20; k--) {
      const t = tokens[k]!;
      if (t.text === "," && commas++ < 2) continue;
      if (t.kind === TK.Punct && t.text !== "." && t.text !== "'" && t.text !== "’") break;
      if (!isLowerWord(t) || (t.low !== "quoted" && t.low !== "cited" && t.low !== "quotes" && t.low !== "cites")) continue;
      if (k === j - 1 || BE_EN.has(tokens[k - 1]?.low ?? "")) return k > lo ? subjectBeforeEn(doc, k - 1, lo) : null;
      // "cited Budi Gunawan, chief of the agency, as saying": the name before its apposition.
      const parts = chunksOf(doc, k + 1, j);
      if (parts.length > 1 && isNameChunk(doc, parts[0]!)) return headOf(doc, parts[0]!, false);
      return headOf(doc, { a: k + 1, b: j }, false);
    }
  }
  // ", saying …" right after a quote or a clause: the main clause's subject (the agent of a
  // passive: "were described by Johnson as a “…”, saying …").
  if (!coordinated && /ing$/.test(tokens[v]!.low) && (tokens[j]?.text === "," || doc.markOf[j])) {
    for (let k = j - 1; k >= lo && j - k <= SUBJECT_WINDOW; k--) {
      if (doc.quoteOf[k]! >= 0 || doc.markOf[k]) continue;
      const t = tokens[k]!;
      if (t.kind === TK.Punct && ".!?;:".includes(t.text)) break;
      if (doc.speech[k] || finiteEn(doc, k)) return passiveAgentEn(doc, k, j) ?? subjectBeforeEn(doc, k, lo);
    }
  }
  let a = j + 1;
  while (a > lo && j - a < SUBJECT_WINDOW) {
    const t = tokens[a - 1]!;
    // (A second verb after "and" looks across a partial quote for its subject: "The State
    // Department gave its “deepest sympathies” and said …".)
    if ((doc.markOf[a - 1] || doc.quoteOf[a - 1]! >= 0) && !coordinated) break;
    if (t.kind === TK.Punct && ".!?;:…".includes(t.text)) break;
    a--;
  }
  if (a > j) return null;
  const chunks = chunksOf(doc, a, j + 1);
  if (chunks.length === 0) return null;
  // "…, but on Friday the Senate announced": a coordinator opens the clause, it is no subject.
  for (const c of chunks) {
    if (c.b - c.a > 1 && isLowerWord(tokens[c.a]) && CLAUSE_COORD_EN.has(tokens[c.a]!.low)) c.a++;
    // "This Thursday the United States Commission … criticized": a time phrase without its comma.
    if (c.b - c.a > 2 && word(tokens[c.a]) && TIME_OPENERS_EN.has(tokens[c.a]!.low) && TIME_WORDS_EN.has(tokens[c.a + 1]!.low)) c.a += 2;
  }
  if (coordinated) {
    for (const c of chunks) {
      if (isModifier(doc, c)) continue;
      // "Jo Hart has accused Vale of misleading the Queen, and argued that …": the subject of the
      // first verb, not its object.
      for (let k = c.a + 1; k < c.b && k < j; k++) {
        if (doc.markOf[k] || doc.quoteOf[k]! >= 0) break;
        if (finiteEn(doc, k) || doc.speech[k]) {
          const m = subjectBeforeEn(doc, k, c.a);
          if (m) return m;
          break;
        }
      }
      return headOf(doc, c, true);
    }
    return null;
  }
  // A name, then appositions only: "Charles Federic Plotena, the mayor of Esperanza, Sultan Kudarat, announced".
  const first = chunks[0]!;
  if (chunks.length > 1 && isNameChunk(doc, first) && chunks.slice(1).every((c) => isModifier(doc, c) || !hasFiniteVerb(doc, c))) {
    return headOf(doc, first, false);
  }
  for (let i = chunks.length - 1; i >= 0; i--) {
    const c = chunks[i]!;
    if (isModifier(doc, c)) {
      // "The United States, which has retreated from … Bashar al-Assad, has stated": a relative
      // clause after the subject qualifies it, its last words are no subject.
      // (Only when a comma closes it: in "the vote, which Vos has called" the verb is its own.)
      if (i > 0 && c.b <= j && isLowerWord(tokens[c.a]) && RELATIVE_EN.has(tokens[c.a]!.low)) continue;
      // "Later he added", "On Sunday the SDF said", "On Thursday officials reported", "as news
      // sources noted": the subject ends the opening phrase.
      if (i === chunks.length - 1) {
        const end = endMention(doc, c) ?? trailingSubject(doc, c);
        if (end) return end;
      }
      continue;
    }
    // An apposition after a bare name: "Cindy Ferrer, head of a regional office, said".
    const before = chunks[i - 1];
    if (before && (isNameChunk(doc, before) || nameOfChunk(doc, before)) && !hasFiniteVerb(doc, c) && !isNameChunk(doc, c)) return headOf(doc, before, false);
    // The same after an opening phrase that lacks its comma: "In the blog post Chris Wright, the
    // Chief Technological Officer of Red Hat said" — the name follows a noun of the phrase, so it
    // opens the clause (not "After meeting Chris Wright, the minister said": a verb governs it).
    if (before && i === 1 && isModifier(doc, before) && !hasFiniteVerb(doc, c) && !isNameChunk(doc, c)) {
      const m = nameEndingOpenerEn(doc, before);
      if (m) return m;
    }
    return headOf(doc, c, false);
  }
  return null;
}

/** Nouns of figures whose source is named after "from"/"by" or before them with "'s": "data from X", "WHO's statistics". */
const DATA_NOUNS_EN = new Set(["data", "figures", "statistics", "estimates", "numbers", "records", "tally", "count"]);

/** Coordinators that open a clause of their own: "…, but on Friday the Senate announced …". */
const CLAUSE_COORD_EN = new Set(["but", "and", "yet", "so", "or"]);

/** Nouns of documents an organisation publishes: "a Corland Public Opinion Center poll". */
const DOC_NOUNS_EN = new Set(["poll", "survey", "report", "study", "figures", "data", "statement", "release", "analysis", "estimates", "estimate", "count", "tally", "records", "statistics"]);

/** Nouns of documents and messages whose author speaks: "a statement released by her family", "a Twitter post by X". */
export const AUTHORED_NOUNS_EN = new Set(["statement", "post", "tweet", "message", "letter", "release", "announcement", "remarks", "comments"]);
/** Heads of institutions' names that take "of"/"for": "Institute of …", "Centers for …". */
const ORG_WORDS_EN = new Set(
  `centers centre center centres institute institution department ministry bank university council society party office bureau
agency board court committee commission association union league foundation academy school college museum federation conference
organization organisation coalition alliance forces force army corps command project fund authority service services house
senate assembly parliament congress chamber church republic kingdom states government secretary division unit team network
federal school hospital clinic administration directorate secretariat inspectorate`.split(/\s+/),
);

/**
 * An institution's word among the capitalized words right before token k ("Institute of …",
 * "Directorate General of Civil Aviation", "Agency for …"): an "of"/"for" at k is inside its name.
 */
function orgWordBefore(tokens: Token[], k: number): boolean {
  for (let j = k - 1; j >= 0 && k - j <= 3 && isCapWord(tokens[j]); j--) if (ORG_WORDS_EN.has(tokens[j]!.low)) return true;
  return false;
}

/** Nouns of institutions whose "of" phrase is part of their name: "the government of American Samoa", "the Ministry of Health". */
const ORG_HEADS_EN = new Set(["government", "ministry", "department", "office", "council", "university", "bank", "court", "embassy", "state", "republic", "kingdom", "mayor", "city", "province", "people", "family", "members"]);

function isCapWord(t: Token | undefined): boolean {
  return word(t) && t.cap;
}

/** The capitalized words from k are followed by an abbreviation in parentheses: "Poland (NFP)". */
function acronymAfterRun(doc: Doc, k: number, b: number): boolean {
  const { tokens } = doc;
  let e = k;
  while (e < b && isCapWord(tokens[e])) e++;
  const a = tokens[e + 1];
  return e > k && tokens[e]?.text === "(" && a !== undefined && a.kind === TK.Word && /^\p{Lu}{2,6}$/u.test(a.text) && tokens[e + 2]?.text === ")";
}

/**
 * A name after a title of capitalized words at the start of chunk c: "Member of Parliament (MP)
 * Yvette Cooper of the Labour Party", "Secretary of State Ana Ruiz of …": the name, else null.
 */
function titledNameEn(doc: Doc, c: Chunk): Mention | null {
  const { tokens } = doc;
  if (!isCapWord(tokens[c.a])) return null;
  for (let k = c.a; k < c.b && k - c.a < 10; k++) {
    const mi = doc.mentionAt[k]!;
    if (mi >= 0 && k > c.a) {
      const m = doc.mentions[mi]!;
      if (m.kind === "name" && !isPossessive(doc, m) && !m.inQuote) return m;
    }
    const t = tokens[k]!;
    if (isCapWord(t) || t.text === "(" || t.text === ")") continue;
    if (isLowerWord(t) && (t.low === "of" || t.low === "for" || t.low === "the") && isCapWord(tokens[k + 1])) continue;
    return null;
  }
  return null;
}

/**
 * The head of a subject chunk [c.a, c.b): a person's name right before the verb ("Philippine Red
 * Cross chair Richard Gordon said"), else the first mention before a preposition, relative
 * pronoun or verb ("Nikki Holland of the … Agency (NCA)"), else the chunk's words as a phrase.
 */
function headOf(doc: Doc, c: Chunk, _coordinated: boolean): Mention | null {
  const { tokens } = doc;
  // Title + name right before the verb: the name ("Red Cross chair Richard Gordon said"), not
  // after a preposition ("The family of Don Imus said": the family).
  // "A Red Cross spokesman said", "a Pentagon spokeswoman told": an unnamed spokesperson is the body.
  if (c.b - c.a >= 2 && SPOKES_PERSON_EN.has(tokens[c.b - 1]!.low) && isCapWord(tokens[c.b - 2]) && !DET_EN.has(tokens[c.b - 2]!.low)) {
    let r = c.b - 2;
    while (r > c.a && isCapWord(tokens[r - 1]) && !DET_EN.has(tokens[r - 1]!.low)) r--;
    const body = phraseEn(doc, r, c.b - 1);
    if (body) return body;
  }
  const end = endMention(doc, c);
  if (end && end.kind !== "org") return end;
  const titled = titledNameEn(doc, c);
  if (titled) return titled;
  // "Biden and others in the Democratic Party warned": a group that a named person leads, no one
  // person; the phrase through to the verb.
  const lead = doc.mentionAt[c.a]!;
  if (lead >= 0) {
    const m = doc.mentions[lead]!;
    const and = tokens[m.last];
    if (m.first === c.a && m.kind === "name" && isLowerWord(and) && and!.low === "and" && isLowerWord(tokens[m.last + 1]) && (tokens[m.last + 1]!.low === "others" || tokens[m.last + 1]!.low === "other")) {
      const group = phraseEn(doc, c.a, c.b);
      if (group) return group;
    }
  }
  let b = c.b;
  let agentFrom = -1;
  for (let k = c.a + 1; k < c.b; k++) {
    const t = tokens[k]!;
    if (!word(t) || t.cap) continue;
    const prev = tokens[k - 1]!;
    // Inside a proper name: "Centers for Disease Control", "Institute of Volcanology and
    // Seismology", "Bill and Melinda Gates Foundation" — but "Lucy Fischer of The Times" is a
    // person and her outlet.
    // (Not a time after the name: "the Supreme Court on Monday".)
    if ((t.low === "and" || ((t.low === "of" || t.low === "for" || t.low === "on") && orgWordBefore(tokens, k))) && isCapWord(prev) && isCapWord(tokens[k + 1]) && k + 1 < c.b && !TIME_WORDS_EN.has(tokens[k + 1]!.low)) continue;
    // "Conference of the Philippines", "Institute for the Study of …": an article inside the name.
    if ((t.low === "of" || t.low === "for") && ORG_WORDS_EN.has(prev.low) && isCapWord(prev) && tokens[k + 1]?.low === "the" && isCapWord(tokens[k + 2]) && k + 2 < c.b) {
      k++;
      continue;
    }
    // "Notes from Poland (NFP)": capitalized words joined by a preposition, then their
    // abbreviation, are one name.
    if (PREP_EN.has(t.low) && isCapWord(prev) && isCapWord(tokens[k + 1]) && acronymAfterRun(doc, k + 1, c.b)) continue;
    // "the government of American Samoa": the institution's name.
    if (t.low === "of" && ORG_HEADS_EN.has(prev.low) && isCapWord(tokens[k + 1])) continue;
    // "One of the children said", "Some of the residents told": the quantifier's phrase.
    if (t.low === "of" && k === c.a + 1 && QUANT_OF_EN.has(prev.low)) continue;
    // "A tweet sent from …", "a statement posted on …": the document's participle, no verb.
    if (AUTHORED_NOUNS_EN.has(prev.low) && (PARTICIPLES_EN.has(t.low) || /ed$/.test(t.low)) && PREP_EN.has(tokens[k + 1]?.low ?? "")) continue;
    if (PREP_EN.has(t.low) || RELATIVE_EN.has(t.low) || finiteEn(doc, k) || doc.speech[k]) {
      if ((t.low === "for" || t.low === "of") && SPOKES_NOUNS_EN.has(prev.low)) agentFrom = k + 1;
      // "An official from TfL stated", "a spokesman from the Norland Police": an unnamed official
      // of a named body speaks for it.
      const bodyAfter = isCapWord(tokens[k + 1]) || (tokens[k + 1]?.low === "the" && isCapWord(tokens[k + 2]));
      if ((t.low === "from" || t.low === "of" || t.low === "at") && (prev.low === "official" || prev.low === "officials" || SPOKES_PERSON_EN.has(prev.low)) && bodyAfter) agentFrom = k + 1;
      // "data from the Gun Violence Archive", "figures from the ministry": the source of the data;
      // "a statement from the palace": its author.
      if ((t.low === "from" || t.low === "by") && (DATA_NOUNS_EN.has(prev.low) || AUTHORED_NOUNS_EN.has(prev.low))) agentFrom = k + 1;
      // "A tweet sent from Biden's Twitter account", "a post published on X's Facebook page": the account's owner.
      const authoredBefore = AUTHORED_NOUNS_EN.has(prev.low) || (k >= c.a + 2 && AUTHORED_NOUNS_EN.has(tokens[k - 2]!.low) && PARTICIPLES_EN.has(prev.low));
      const owner = authoredBefore && (t.low === "from" || t.low === "on") ? accountOwnerEn(doc, k + 1, c.b) : null;
      if (owner) return owner;
      b = k;
      break;
    }
    // "Reports citing sources within the party": a participle after a plural noun qualifies it.
    if (/ing$/.test(t.low) && t.low.length > 5 && word(prev) && /[^s]s$/.test(prev.low) && k > c.a) {
      b = k;
      break;
    }
    // "a statement released by her family", "a Twitter post by Amy Cook": the author.
    if (AUTHORED_NOUNS_EN.has(prev.low) || (k >= c.a + 2 && AUTHORED_NOUNS_EN.has(tokens[k - 2]!.low) && (/ed$/.test(prev.low) || PARTICIPLES_EN.has(prev.low)))) {
      if (t.low === "by" || t.low === "from") {
        agentFrom = k + 1;
        b = k;
        break;
      }
    }
  }
  // (Only for a participle inside the noun phrase, not for the clause's own passive verb: "Imus
  // was dropped … by MSNBC".)
  if (agentFrom < 0 && b < c.b && !finiteEn(doc, b) && !doc.speech[b]) {
    // "figures released by the mayor's office", "data compiled by the research firm X", "a
    // report published on Monday by the network": the agent is the source.
    for (let k = b; k < c.b && k - b <= 5; k++) {
      const t = tokens[k]!;
      if (t.kind === TK.Punct) break;
      if (t.low !== "by") continue;
      let p = k - 1;
      while (p > c.a && p > b - 1 && !(/ed$/.test(tokens[p]!.low) || AUTHORED_NOUNS_EN.has(tokens[p]!.low) || DOC_NOUNS_EN.has(tokens[p]!.low))) p--;
      const pt = tokens[p]!;
      if (AUTHORED_NOUNS_EN.has(pt.low) || DOC_NOUNS_EN.has(pt.low) || (/ed$/.test(pt.low) && p >= c.a + 1)) agentFrom = k + 1;
      break;
    }
  }
  if (agentFrom > 0) {
    // "A spokesperson for Calder Valley Power", "a statement released by her family": they speak.
    let e = agentFrom;
    let open = 0;
    while (e < c.b && (e - agentFrom < 12 || open > 0) && !(open === 0 && isLowerWord(tokens[e]) && (PREP_EN.has(tokens[e]!.low) || RELATIVE_EN.has(tokens[e]!.low)) && !isCapWord(tokens[e - 1]))) {
      if (tokens[e]!.text === "(") open++;
      else if (tokens[e]!.text === ")") open--;
      e++;
    }
    const m = accountOwnerEn(doc, agentFrom, e) ?? properPhrase(doc, agentFrom, e) ?? bestMention(doc, agentFrom, e) ?? phraseEn(doc, agentFrom, e);
    if (m) return m;
  }
  // "Hospital officials in Omsk said", "Some members of opposition parties claimed", "Initial
  // reports from the hospital reported": a group, body or document is named with where it is or
  // belongs, the phrase through to the verb.
  if (agentFrom < 0 && b < c.b && qualifiedGroupEn(doc, c, b)) b = c.b;
  // "The Emergency Situations Ministry further indicated": an adverb before the verb is no part of the subject.
  while (b > c.a + 1 && isLowerWord(tokens[b - 1]) && (BETWEEN_EN.has(tokens[b - 1]!.low) || isAdverbLy(tokens[b - 1]!.low) || tokens[b - 1]!.low === "further" || tokens[b - 1]!.low === "even")) b--;
  // "WHO's statistics", "the ministry's figures": whose data they are.
  // (Also whose statement, letter or post it is: "Trump's statement read", "the family's letter said".)
  if (b - c.a >= 2 && (DATA_NOUNS_EN.has(tokens[b - 1]!.low) || AUTHORED_NOUNS_EN.has(tokens[b - 1]!.low))) {
    const mi = doc.mentionAt[b - 2]!;
    const m = mi >= 0 ? doc.mentions[mi]! : null;
    if (m && m.last === b - 1 && m.first >= c.a && isPossessive(doc, m)) return m;
    // (Also when the owner and its document are one mention, "the judge's statement".)
    if ((!m || (m.kind === "org" && m.first < b - 1)) && word(tokens[b - 2]) && /[’']s$/.test(tokens[b - 2]!.low)) {
      // ("Part of the judge's statement reads": the owner, without the quantifier.)
      const from = b - c.a > 3 && QUANT_OF_EN.has(tokens[c.a]!.low) && tokens[c.a + 1]!.low === "of" ? c.a + 2 : c.a;
      const owner = phraseEn(doc, from, b - 1);
      if (owner) return owner;
    }
  }
  const proper = properPhrase(doc, c.a, b);
  if (proper) return proper;
  const best = bestMention(doc, c.a, b);
  // "an official government Twitter account": the organisation's noun is only part of the subject.
  if (best && best.kind === "org" && best.last < b) {
    let lower = true;
    for (let k = best.last; k < b; k++) if (!isLowerWord(tokens[k])) lower = false;
    // ("a Corland Public Opinion Center poll": a document of the organisation, which is the source.)
    // ("A Red Cross spokesman said": an unnamed spokesperson is the body it speaks for.)
    if (lower && !DOC_NOUNS_EN.has(tokens[b - 1]!.low) && !SPOKES_PERSON_EN.has(tokens[b - 1]!.low)) return phraseEn(doc, c.a, b) ?? best;
  }
  return best ?? phraseEn(doc, c.a, b);
}

/** Nouns of the places a person posts from: "Biden's Twitter account". */
const ACCOUNT_NOUNS_EN = new Set(["account", "feed", "page", "channel", "blog", "website"]);

/** "sent from Biden's Twitter account": the account's owner, a possessive mention at a followed by its account within [a, b). */
function accountOwnerEn(doc: Doc, a: number, b: number): Mention | null {
  const mi = doc.mentionAt[a]!;
  if (mi < 0) return null;
  const m = doc.mentions[mi]!;
  if (m.first !== a || !isPossessive(doc, m) || m.inQuote) return null;
  let k = m.last;
  if (!word(doc.tokens[k])) k++; // the apostrophe token of "Biden ' s"
  if (doc.tokens[k]?.low === "s") k++;
  for (let n = 0; k < b && n < 3; k++, n++) if (ACCOUNT_NOUNS_EN.has(doc.tokens[k]!.low)) return m;
  return null;
}

/** Prepositions that tie a group, body or document to where it is or belongs ("officials in Omsk"). */
const GROUP_QUALIFIERS_EN = new Set(["of", "in", "from"]);

/**
 * The subject chunk c, cut at a preposition at b, is a group, body or document with its
 * qualifier: no person named or referred to before the preposition (not "Lucy Fischer of The
 * Times", "The family of Don Imus"), and after it a short phrase without a verb, time or person.
 */
function qualifiedGroupEn(doc: Doc, c: Chunk, b: number): boolean {
  const { tokens } = doc;
  const p = tokens[b]!;
  if (!isLowerWord(p) || !GROUP_QUALIFIERS_EN.has(p.low) || c.b - b > 7 || c.b - b < 2) return false;
  const head = bestMention(doc, c.a, b);
  if (head && head.kind !== "org") return false;
  // A common noun ends the head ("Hospital officials", "Police"): a proper name of several
  // words is complete without its place ("the Centers for Disease Control … in the United
  // States", "Ross Spano of Florida").
  let s = c.a;
  while (s < b && word(tokens[s]) && DET_EN.has(tokens[s]!.low)) s++;
  if (!(isLowerWord(tokens[b - 1]) || b - s === 1)) return false;
  for (let k = b + 1; k < c.b; k++) {
    const t = tokens[k]!;
    // (A simple noun phrase: not "Critics from across Britain's political spectrum".)
    if (isLowerWord(t) && PREP_EN.has(t.low) && k === b + 1) return false;
    if (/[’']s$/.test(t.low) || t.text === "'" || t.text === "’") return false;
    if (t.kind === TK.Num || TIME_WORDS_EN.has(t.low) || doc.markOf[k] || doc.quoteOf[k]! >= 0) return false;
    if (t.kind === TK.Punct && !"().-".includes(t.text)) return false;
    if (finiteEn(doc, k) || doc.speech[k] || (isLowerWord(t) && (RELATIVE_EN.has(t.low) || /(ed|ing)$/.test(t.low)))) return false;
    const mi = doc.mentionAt[k]!;
    if (mi >= 0 && doc.mentions[mi]!.kind !== "org") return false;
  }
  return true;
}

/**
 * A proper name of several capitalized words that is not one person's name: "the Centers for
 * Disease Control and Prevention", "CNN Philippines", "the government of American Samoa", "US
 * authorities" (an acronym or place used as a modifier). Null when a person's name is in it.
 */
function properPhrase(doc: Doc, a: number, b: number): Mention | null {
  const { tokens } = doc;
  let s = a;
  while (s < b && word(tokens[s]) && DET_EN.has(tokens[s]!.low)) s++;
  if (b - s < 2) return null;
  let caps = 0;
  for (let k = s; k < b; k++) {
    const t = tokens[k]!;
    const mi = doc.mentionAt[k]!;
    if (mi >= 0 && doc.mentions[mi]!.kind === "name") return null;
    if (isCapWord(t)) caps++;
    else if (t.kind === TK.Punct && !"().-'’".includes(t.text)) return null;
    // "Sheldon Yett of UNICEF": a name and where the person works, not one name.
    else if (isLowerWord(t) && (t.low === "of" || t.low === "for" || t.low === "from") && k > s && isCapWord(tokens[k - 1]) && !orgWordBefore(tokens, k) && !ORG_HEADS_EN.has(tokens[k - 1]!.low) && !acronymAfterRun(doc, k + 1, b)) return null;
  }
  const first = tokens[s]!;
  const last = tokens[b - 1]!;
  // "US authorities", "UK police": an acronym or place before a noun.
  const modifier = isCapWord(first) && doc.mentionAt[s]! >= 0 && doc.mentions[doc.mentionAt[s]!]!.kind === "org" && isLowerWord(last) && b - s <= 3;
  if (!modifier && !(isCapWord(first) && (isCapWord(last) || last.text === ")") && caps >= 2)) {
    // "the government of American Samoa"
    if (!(ORG_HEADS_EN.has(first.low) && tokens[s + 1]?.low === "of" && isCapWord(last))) return null;
  }
  return phraseEn(doc, a, b);
}

/** The best speaker mention in [a, b): a person's name, else a role, else an organisation, else a pronoun. */
function bestMention(doc: Doc, a: number, b: number): Mention | null {
  let best: Mention | null = null;
  let rank = 9;
  for (let k = a; k < b; k++) {
    const mi = doc.mentionAt[k]!;
    if (mi < 0) continue;
    const m = doc.mentions[mi]!;
    k = m.last - 1;
    if (m.kind === "first-person" || m.inQuote || isPossessive(doc, m)) continue;
    const r = m.kind === "name" ? 0 : m.kind === "role" ? 1 : m.kind === "org" ? 2 : 3;
    if (r < rank) {
      best = m;
      rank = r;
    }
  }
  return best;
}

/**
 * A speaker named only by a short phrase ("Protesters", "US authorities", "The family"): its
 * words without a leading article, as an organisation or group. "They" becomes a plural pronoun
 * whose referent the attribution fills in from the groups that spoke before.
 */
export function phraseEn(doc: Doc, a: number, b: number): Mention | null {
  const { tokens, text } = doc;
  while (b > a && tokens[b - 1]!.kind === TK.Punct && tokens[b - 1]!.text !== ")") b--;
  while (a < b && tokens[a]!.kind === TK.Punct) a++;
  if (a >= b || b - a > 12) return null;
  // "These they compared to …": a fronted object before the subject pronoun; "they" speaks.
  if (b - a >= 2 && isLowerWord(tokens[b - 1]) && PLURAL_PRONOUN_EN.has(tokens[b - 1]!.low)) a = b - 1;
  for (let k = a; k < b; k++) {
    const t = tokens[k]!;
    if (t.kind === TK.Punct && !"()'’.-".includes(t.text)) return null;
    if (finiteEn(doc, k) || doc.speech[k]) return null;
  }
  const firstLow = tokens[a]!.low;
  if (b - a === 1 && PLURAL_PRONOUN_EN.has(firstLow)) {
    const t = tokens[a]!;
    return {
      first: a, last: b, start: t.start, end: t.end, kind: "pronoun", gender: "u", plural: true, person: null,
      surface: t.text, salient: false, inQuote: false, sentence: doc.sentOf[a]!,
    };
  }
  // "the Ethiopian said", "the 28-year-old told reporters": a person named before, by where
  // they come from or their age.
  const age = b - a === 4 && tokens[a + 1]!.kind === TK.Num && tokens[a + 2]!.text === "-" && tokens[a + 3]!.low === "year-old";
  if (firstLow === "the" && ((b - a === 2 && describesPersonEn(tokens[a + 1]!)) || age)) {
    const m = recentPersonEn(doc, a);
    if (m) {
      const t0 = tokens[a]!;
      const t1 = tokens[b - 1]!;
      return {
        first: a, last: b, start: t0.start, end: t1.end, kind: "role", gender: m.person!.gender, plural: false, person: m.person,
        surface: text.slice(t0.start, t1.end), salient: false, inQuote: false, sentence: doc.sentOf[a]!,
      };
    }
  }
  // "It said …", "In a statement, it said": a body named before; attribution.ts resolves it
  // (resolveTheyEn) or drops it.
  if (b - a === 1 && firstLow === "it") {
    const t = tokens[a]!;
    return {
      first: a, last: b, start: t.start, end: t.end, kind: "pronoun", gender: "n", plural: false, person: null,
      surface: t.text, salient: false, inQuote: false, sentence: doc.sentOf[a]!,
    };
  }
  if (NOT_SUBJECT_EN.has(firstLow) && b - a === 1) return null;
  // (A letter alone is no speaker: "[i]t felt like '…'", an editor's bracket inside a word.)
  if (b - a === 1 && tokens[a]!.text.length === 1) return null;
  if (!(word(tokens[b - 1]) || tokens[b - 1]!.text === ")") || NOT_SUBJECT_EN.has(tokens[b - 1]!.low)) return null;
  let n = a;
  while (n < b - 1 && (firstLow === "the" || firstLow === "a" || firstLow === "an") && n === a) n++;
  const surface = text.slice(tokens[a]!.start, tokens[b - 1]!.end);
  // "The Philippine Institute of Volcanology and Seismology (Phivolcs)": the name without its abbreviation.
  let nb = b;
  if (tokens[b - 1]!.text === ")" && b - 3 > n && tokens[b - 3]!.text === "(") nb = b - 3;
  else if (b - 2 > n && tokens[b - 2]!.text === "(") nb = b - 2; // (the closing parenthesis cut off)
  const name = text.slice(tokens[n]!.start, tokens[nb - 1]!.end);
  return {
    first: a, last: b, start: tokens[a]!.start, end: tokens[b - 1]!.end, kind: "org", gender: "n", plural: /s$/.test(tokens[b - 1]!.low),
    person: { name, gender: "n", plural: /s$/.test(tokens[b - 1]!.low), org: true, roles: new Set() },
    surface, salient: false, inQuote: false, sentence: doc.sentOf[a]!,
  };
}

/** Capitalized words in -an, -ian, -ese … that name a body or a place, not a person's origin. */
const NOT_DEMONYM_EN = new Set(["vatican", "taliban", "pentagon", "kremlin", "lebanon", "japan", "iran", "sudan", "oman", "pakistan", "afghanistan", "taiwan", "bhutan", "jordan", "yemen", "kazakhstan", "uzbekistan", "tajikistan", "turkmenistan", "kyrgyzstan", "azerbaijan", "vietnam", "bahrain", "spain", "britain", "guardian", "organisation", "organization", "union", "republican", "christian", "commission", "coalition", "foundation", "administration", "association", "institution"]);

/** "Ethiopian", "Japanese", "Spaniard": a word that describes a person by origin. */
function describesPersonEn(t: Token): boolean {
  if (t.kind !== TK.Word) return false;
  return t.cap && !NOT_DEMONYM_EN.has(t.low) && /(ian|an|ese|iard|ard|i|ish|ch|ede|ton|ane|ole)$/.test(t.low) && t.low.length >= 4 && !/(stan|tion|sion)$/.test(t.low);
}

/** The person mentioned last before token k, preferring a salient one, within two sentences (English). */
function recentPersonEn(doc: Doc, k: number): Mention | null {
  const s = doc.sentOf[k]!;
  let fallback: Mention | null = null;
  for (let j = k - 1, seen = 0; j >= 0 && seen < 80; j--, seen++) {
    const mi = doc.mentionAt[j]!;
    if (mi < 0) continue;
    const m = doc.mentions[mi]!;
    j = m.first;
    if (s - m.sentence > 2) break;
    if (!m.person || m.person.org || m.inQuote || m.kind === "first-person" || m.person.plural) continue;
    if (m.salient) return m;
    if (!fallback) fallback = m;
  }
  return fallback;
}

const BE_EN = new Set(["was", "were", "is", "are", "been", "be", "being"]);

/**
 * The agent of a passive speech verb: "were described by Johnson as a …", "was described as …
 * by the police" — the phrase after "by" (within the clause), or null.
 */
export function passiveAgentEn(doc: Doc, v: number, hi: number): Mention | null {
  const { tokens } = doc;
  const t = tokens[v]!;
  if (!/(ed|en|wn|ld|id)$/.test(t.low)) return null;
  let p = v - 1;
  while (p >= 0 && isLowerWord(tokens[p]) && isAdverbLy(tokens[p]!.low)) p--;
  const be = p >= 0 && BE_EN.has(tokens[p]!.low);
  // Without "was": a participle after a comma or "as" ("Amman, described as … by the police").
  const reduced = p >= 0 && (tokens[p]!.text === "," || tokens[p]!.low === "who");
  if (!be && !reduced) return null;
  for (let k = v + 1; k < hi && k <= v + 12; k++) {
    const u = tokens[k]!;
    if (u.kind === TK.Punct && ".!?;:,".includes(u.text)) return null;
    if (doc.speech[k]) return null;
    if (u.low !== "by") continue;
    let e = k + 1;
    while (e < hi && e - k <= 8 && !(tokens[e]!.kind === TK.Punct && !"().-'’".includes(tokens[e]!.text)) && !(isLowerWord(tokens[e]) && tokens[e]!.low === "as") && !(isLowerWord(tokens[e]) && PREP_EN.has(tokens[e]!.low) && !isCapWord(tokens[e - 1]))) e++;
    if (e <= k + 1) return null;
    return properPhrase(doc, k + 1, e) ?? bestMention(doc, k + 1, e) ?? phraseEn(doc, k + 1, e);
  }
  return null;
}

const TELL_VERBS_EN = new Set(["told", "tell", "tells", "telling", "informed", "informs", "assured", "reassured", "reminded"]);

/** Verbs whose object after them is the addressee, never the speaker ("told MSNBC"). */
export const ADDRESSEE_VERBS_EN = new Set(["told", "tell", "tells", "telling", "informed", "assured", "reassured", "urged", "warned", "asked", "reminded", "thanked"]);

/**
 * The subject of the clause that holds token q (a quote without a speech tag of its own, "Trump
 * called the investigation a “witch hunt”"): the subject of the nearest verb before it in the
 * sentence, or null.
 */
export function clauseSubjectEn(doc: Doc, q: number, lo: number): Mention | null {
  const { tokens } = doc;
  for (let k = q - 1; k >= lo && q - k <= SUBJECT_WINDOW; k--) {
    if (doc.quoteOf[k]! >= 0 || doc.markOf[k]) continue;
    const t = tokens[k]!;
    if (t.kind === TK.Punct && ".!?;".includes(t.text)) return null;
    if (doc.speech[k] || finiteEn(doc, k) || (isLowerWord(t) && /ed$/.test(t.low) && t.low.length > 4 && (isCapWord(tokens[k - 1]) || doc.mentionAt[k - 1]! >= 0))) {
      return subjectBeforeEn(doc, k, lo);
    }
  }
  return null;
}

/** Capitalized words that make a run of names a place, an institution or a title, not a person. */
export const NOT_PERSON_WORDS_EN = new Set(
  `hall bridge street road avenue square park airport station stadium river island islands mountain mount lake sea ocean bay valley
city county province region district state states hospital hotel tower palace castle church cathedral mosque temple base camp
prison market mall show magazine times post news journal herald tribune bulletin gazette observer guardian telegraph express mail
daily weekly radio tv television channel network online media press agency ministry department university college school academy
institute council committee commission court party union league foundation society association federation organization
organisation coalition alliance forces force army navy corps command project fund authority services service house senate assembly
parliament congress chamber republic kingdom government office bureau board bank group company corporation inc ltd museum
library centre center centers festival award awards prize cup championship games olympics world national international federal
royal united democratic republican liberal conservative labour labor socialist green islamic catholic christian muslim jewish
north south east west northern southern eastern western central upper lower new old great saint st fort port lord`.split(/\s+/),
);

/**
 * Whether the words ending at token `end` (exclusive) are the subject of a speech verb further on:
 * "Kitty Mak told …", "Sheldon Yett of UNICEF observed", "Nikki Holland of the … Agency (NCA)
 * said", "Cindy Ferrer, head of a regional office, said", "Danek, speaking separately, said".
 */
export function speechAheadEn(doc: Doc, end: number): boolean {
  const { tokens } = doc;
  let k = end;
  const n = tokens.length;
  for (let steps = 0; k < n && steps < 3; steps++) {
    const t = tokens[k]!;
    if (t.text === "(") {
      let e = k + 1;
      while (e < n && e - k <= 8 && tokens[e]!.text !== ")") e++;
      if (tokens[e]?.text !== ")") return false;
      k = e + 1;
      continue;
    }
    if (isLowerWord(t) && (t.low === "of" || t.low === "from" || t.low === "at" || t.low === "with" || t.low === "for")) {
      let e = k + 1;
      while (e < n && e - k <= 8 && !doc.speech[e] && (tokens[e]!.kind !== TK.Punct || "()'’.-".includes(tokens[e]!.text))) e++;
      k = e;
      continue;
    }
    if (t.text === ",") {
      // The name is itself the apposition: "a lawyer for the city, Piet Visser, said".
      if (doc.speech[k + 1] === 1) return true;
      // An apposition: ", the minister of …," / ", speaking separately,".
      let e = k + 1;
      while (e < n && e - k <= 14 && tokens[e]!.text !== "," && !doc.speech[e] && !(tokens[e]!.kind === TK.Punct && ".!?;:\"“”".includes(tokens[e]!.text))) e++;
      if (tokens[e]?.text !== "," || e === k + 1) return false;
      k = e + 1;
      continue;
    }
    break;
  }
  while (k < n && isLowerWord(tokens[k]) && (BETWEEN_EN.has(tokens[k]!.low) || isAdverbLy(tokens[k]!.low))) k++;
  return k < n && doc.speech[k] === 1;
}

/**
 * A role phrase in apposition right after or right before the words [a, b): "Bruno Parrilla, the
 * foreign affairs minister of Cuba," / "Lantria's health minister, Samuel Adeyemi,".
 */
export function roleAppositionEn(doc: Doc, a: number, b: number, isRole: (low: string) => boolean): boolean {
  const { tokens } = doc;
  if (tokens[b]?.text === ",") {
    for (let k = b + 1; k < tokens.length && k <= b + 7; k++) {
      const t = tokens[k]!;
      if (t.kind === TK.Punct) break;
      if (word(t) && !t.cap && isRole(t.low)) return true;
    }
  }
  if (tokens[a - 1]?.text === ",") {
    for (let k = a - 2; k >= 0 && k >= a - 5; k--) {
      const t = tokens[k]!;
      if (t.kind === TK.Punct) break;
      if (word(t) && isRole(t.low)) return k === a - 2;
    }
  }
  return false;
}

/**
 * "according to X" at token k ("according"): the speaker X (the head of the phrase up to the
 * next comma: "a statement released by her family" → her family, "the Centers for Disease
 * Control and Prevention in the United States" → the Centers …, "Iraqi military"), the token
 * after the phrase, and where the reported clause starts when the phrase opens the sentence
 * (after the comma, and after an apposition: "According to Sadie Weiner, Hagan's former
 * spokeswoman, Hagan died …").
 */
export function accordingToEn(doc: Doc, k: number, end: number): { mention: Mention | null; last: number; clause: number } {
  const { tokens } = doc;
  let e = k + 2;
  while (e < end && e - k < 24) {
    const t = tokens[e]!;
    if (doc.markOf[e]) break;
    // "According to U.S. Attorney Bash": the period of an abbreviation or an initial inside the sentence.
    if (t.text === "." && e + 1 < end && isCapWord(tokens[e - 1]) && tokens[e - 1]!.text.length <= 3 && word(tokens[e + 1])) {
      e++;
      continue;
    }
    if (t.kind === TK.Punct && ((t.text === "," && !dateComma(tokens, e)) || ".!?;:—–".includes(t.text))) break;
    if (e > k + 2 && (finiteEn(doc, e) && !/ed$/.test(t.low))) break;
    e++;
  }
  const mention = e > k + 2 ? headOf(doc, { a: k + 2, b: e }, false) : null;
  let clause = e;
  if (tokens[clause]?.text === ",") {
    clause++;
    // An apposition after the source: ", Hagan's former spokeswoman," / ", Amanda,".
    let c = clause;
    while (c < end && c - clause <= 8 && tokens[c]!.text !== "," && !finiteEn(doc, c) && !doc.speech[c] && !doc.markOf[c] && tokens[c]!.kind !== TK.Punct) c++;
    if (tokens[c]?.text === "," && c > clause && c + 1 < end) clause = c + 1;
  }
  return { mention, last: e, clause };
}

/** Adverbs that may stand between a speech verb and its clause ("said yesterday the …"). */
const CLAUSE_ADVERBS_EN = new Set(["yesterday", "today", "later", "earlier", "also", "again", "publicly", "previously", "separately", "recently", "then", "further", "last", "this", "on", "in", "at", "during", "via", "through", "after", "before", "to", "over"]);

/** Sentence adverbs set off by commas between a speech verb and its clause ("said, however, that"). */
const ASIDE_ADVERBS_EN = new Set(["however", "though", "too", "also", "meanwhile", "nevertheless", "nonetheless", "furthermore", "moreover", "additionally", "again", "instead", "previously", "later", "earlier", "separately", "further", "therefore", "still"]);
/** Documents and messages an adverbial names before the clause ("said in a statement released …"). */
const DOC_PARTICIPLE_NOUNS_EN = new Set(["statement", "statements", "report", "release", "letter", "post", "video", "message", "email", "e-mail", "notice", "filing", "announcement", "update", "briefing", "speech", "tweet", "interview", "document", "memo", "bulletin", "communique", "communiqué", "address"]);
/** Irregular participles that follow such a document ("a statement sent to …", "a video shot …"). */
const PARTICIPLES_EN = new Set(["sent", "given", "made", "written", "delivered", "broadcast", "held", "read", "shown", "seen", "put", "released", "issued", "published", "posted", "shared", "aired", "uploaded"]);

/** Verbs that put their subject after them in a tail tag ("…, said Smith", "…, added the minister"). */
const INVERSION_VERBS_EN = new Set(
  `said says add added adds wrote writes tweeted tweets explained explains continued continues asked asks replied replies noted notes
warned warns insisted insists argued argues recalled recalls declared declares commented comments observed observes stated states
remarked remarks conceded concedes responded responds quipped joked shouted told tells read reads posted posts`.split(/\s+/),
);

/** Modals that open a clause's verb phrase, and the pronouns that would be their own subject. */
const MODALS_EN = new Set(["can", "could", "will", "would", "may", "might", "must", "should", "shall"]);
const PRONOUN_SUBJ_EN = new Set(["i", "you", "he", "she", "it", "we", "they"]);

/** Whether a reported clause (a subject, then a finite verb) starts at token s. */
function clauseAtEn(doc: Doc, s: number, end: number): boolean {
  const { tokens } = doc;
  const t = tokens[s];
  if (!t || s >= end || doc.markOf[s] || doc.quoteOf[s]! >= 0 || t.kind === TK.Punct) return false;
  if (word(t) && !t.cap && (PREP_EN.has(t.low) || COORD_EN.has(t.low) || t.low === "to" || t.low === "as" || t.low === "not" || RELATIVE_EN.has(t.low) || finiteEn(doc, s) || doc.speech[s])) return false;
  let rel = false;
  let relVerb = false;
  let relWord = "";
  let sub = false;
  let lastComma = -1;
  for (let k = s + 1; k < end && k - s <= CLAUSE_WINDOW; k++) {
    const u = tokens[k]!;
    if (doc.quoteOf[k]! >= 0 || doc.markOf[k]) continue;
    if (u.kind === TK.Punct) {
      // (A period inside the sentence closes an abbreviation: "U.S.", "a.m.")
      if ("!?;:".includes(u.text)) return false;
      if (u.text === "," && !dateComma(tokens, k)) {
        // (A relative clause after "whereby" runs on over its commas; others end at one.)
        rel = rel && relWord === "whereby";
        relVerb = false;
        sub = false;
        lastComma = k;
        // ", but some militias …", ", and later banned …": a new clause, not this subject's verb.
        if (COORD_EN.has(tokens[k + 1]?.low ?? "")) return false;
        // ", beyond the zone it announced": a verb inside a prepositional phrase is not the clause's.
        if (PREP_EN.has(tokens[k + 1]?.low ?? "")) sub = true;
      }
      continue;
    }
    if (!u.cap && RELATIVE_EN.has(u.low) && !(u.low === "that" && TIME_NOUNS_EN.has(tokens[k + 1]?.low ?? ""))) {
      rel = true;
      relWord = u.low;
      continue;
    }
    // "promised protests every week until Sweden joined", "as she unveiled": the verb of a
    // subordinate clause.
    if (!u.cap && SUBORD_EN.has(u.low) && (u.low !== "as" || /^(he|she|it|they|we|i|the|a|an|his|her|its|their)$/.test(tokens[k + 1]?.low ?? ""))) {
      sub = true;
      continue;
    }
    // "posted a message on Facebook announcing he had …": a reporting participle's clause, not
    // this one (the participle is the cue of its own).
    if (doc.speech[k] && !u.cap && u.low.endsWith("ing") && !rel && !sub) return false;
    // "described the decline … and called on donors": the reporter's next verb, not the clause's.
    if (finiteEn(doc, k) && COORD_EN.has(tokens[k - 1]?.low ?? "")) return false;
    // "rocky planets which have a small radius can support …": after the relative clause's own
    // verb, a modal opens the verb of the reported clause (no comma closes such a relative).
    if (rel && relVerb && !sub && isLowerWord(u) && MODALS_EN.has(u.low) && !PRONOUN_SUBJ_EN.has(tokens[k - 1]?.low ?? "")) return true;
    if (rel && finiteEn(doc, k)) relVerb = true;
    if (!rel && !sub && finiteEn(doc, k)) {
      // "announced his resignation in 1995, Cummings joined the race": after a comma a new
      // subject with its own verb is a main clause of its own.
      if (lastComma > s && k - lastComma <= 4 && k - lastComma >= 2) {
        const n = tokens[lastComma + 1]!;
        if (word(n) && !RELATIVE_EN.has(n.low) && !isAdverbLy(n.low)) return false;
      }
      return true;
    }
  }
  return false;
}

/**
 * Where the clause reported by the English speech verb at v starts, or -1: after "that" ("said
 * that …"), right after the verb ("said the plan would fail"), after its addressee ("told the
 * Military Times the attack …", "told the press his nephew …") or after an adverbial ("said in
 * its report, the …", "said in an interview with Rolling Stone he …"). A direct quote after the
 * verb is not a reported clause.
 */
export function reportedClauseEn(doc: Doc, v: number, end: number): number {
  const { tokens } = doc;
  let k = v + 1;
  const p = tokens[k];
  if (p && word(p) && !p.cap && p.low === "out") k++; // "pointed out"
  // "said, however, that …": a sentence adverb between commas right after the verb.
  if (tokens[k]?.text === "," && isLowerWord(tokens[k + 1]) && ASIDE_ADVERBS_EN.has(tokens[k + 1]!.low) && tokens[k + 2]?.text === ",") k += 3;
  const addressee = ADDRESSEE_VERBS_EN.has(tokens[v]!.low);
  // "told the Harlow Gazette the bridges would …": "tell" always has its addressee first.
  const tell = TELL_VERBS_EN.has(tokens[v]!.low);
  // "far from where the records predicted it would be": a verb in an adverbial relative clause.
  for (let b = v - 1; b >= 0 && v - b <= 6; b--) {
    const u = tokens[b]!;
    if (u.kind === TK.Punct) break;
    if (word(u) && !u.cap && (u.low === "where" || u.low === "when" || u.low === "whereby")) return -1;
  }
  // "reported, citing police sources, that …": the aside between commas is skipped.
  if (tokens[k]?.text === "," && ["citing", "quoting", "according"].includes(tokens[k + 1]?.low ?? "")) {
    let c = k + 2;
    while (c < end && c - k <= 12 && tokens[c]!.text !== "," && !(tokens[c]!.kind === TK.Punct && ".;:!?".includes(tokens[c]!.text))) c++;
    if (tokens[c]?.text === "," && word(tokens[c + 1]) && tokens[c + 1]!.low === "that") return c + 2 < end ? c + 2 : -1;
  }
  for (let s = k; s < end && s - k <= 9; s++) {
    const t = tokens[s]!;
    if (doc.markOf[s] || doc.quoteOf[s]! >= 0) return -1;
    // "were told to stay off the roads", "urged them to return": an instruction, not a report.
    if (word(t) && !t.cap && t.low === "to" && isLowerWord(tokens[s + 1]) && !DET_EN.has(tokens[s + 1]!.low) && !["reporters", "journalists", "lawmakers", "supporters", "members"].includes(tokens[s + 1]!.low)) return -1;
    if (word(t) && !t.cap && (t.low === "that" || t.low === "whether")) {
      // "that" right after the verb or after its addressee/adverbial is the complementizer.
      return s + 1 < end ? s + 1 : -1;
    }
    if (t.kind === TK.Punct && t.text !== "," && t.text !== "(" && t.text !== ")") return -1;
    // "said in a statement issued late on Sunday that …", "in a report published on Wednesday":
    // a participle after the adverbial's document noun, not a verb of the clause.
    if (s > k + 1 && isLowerWord(t) && isLowerWord(tokens[s - 1]) && DOC_PARTICIPLE_NOUNS_EN.has(tokens[s - 1]!.low) && (t.low.endsWith("ed") || PARTICIPLES_EN.has(t.low))) continue;
    if (s > k && finiteEn(doc, s) && !clauseAtEn(doc, s, end)) return -1;
    if (s === k) {
      if (!tell && clauseAtEn(doc, s, end)) return s;
      // "said as a teenager she was forced …": the reported clause opens with its "as a …" phrase.
      if (word(t) && t.low === "as" && isLowerWord(tokens[s + 1]) && (tokens[s + 1]!.low === "a" || tokens[s + 1]!.low === "an")) {
        for (let j = s + 3; j < end && j - s <= 5; j++) {
          const u = tokens[j]!;
          if (!word(u)) break;
          if (["he", "she", "they", "we", "i", "it"].includes(u.low) && clauseAtEn(doc, j, end)) return s;
        }
      }
      // Only an addressee or an adverbial may come between the verb and its clause.
      if (!(addressee || (word(t) && !t.cap && CLAUSE_ADVERBS_EN.has(t.low)))) return -1;
      continue;
    }
    const prev = tokens[s - 1]!;
    // After an addressee or an adverbial the clause opens with a pronoun, an article, a number or
    // a name ("in an interview with Rolling Stone he …", "told the press his nephew …"), or after
    // a comma ("said in its report, the …").
    const opener = t.kind === TK.Num || (word(t) && (t.cap || DET_EN.has(t.low) || ["he", "she", "it", "they", "we", "i", "there"].includes(t.low)));
    const prevOk = prev.text === "," || prev.text === ")" || (opener && word(prev) && (prev.cap ? !(word(t) && t.cap) : !DET_EN.has(prev.low) && !PREP_EN.has(prev.low)));
    if (prevOk && clauseAtEn(doc, s, end)) return s;
  }
  return -1;
}

/** Personal pronouns that open a second clause of the same speech verb (", and they were …"). */
const CLAUSE_PRONOUNS_EN = new Set(["they", "he", "she", "we"]);

/**
 * The end (exclusive token) of a reported clause that starts at `start`: the sentence end, a
 * semicolon, ", and" / "and" before a past-tense verb of the reporter ("… for Imus and asked for
 * donations"), or a comma before a new reporting participle (", while noting …", ", saying …").
 * Also returns the start of a second clause of the same verb ("said A and that B", "reported
 * that A; that B"), or -1.
 */
export function clauseEndEn(doc: Doc, start: number, end: number): { end: number; next: number } {
  const { tokens } = doc;
  for (let k = start + 1; k < end; k++) {
    if (doc.quoteOf[k]! >= 0 || doc.markOf[k]) continue;
    const t = tokens[k]!;
    if (t.text === ";") {
      let n = k + 1;
      if (tokens[n]?.low === "and") n++;
      return { end: k, next: tokens[n]?.low === "that" ? n + 1 : -1 };
    }
    if (!word(t) || t.cap) {
      // "said their thoughts were with the families, and they were carrying out …": a second
      // clause of the same verb, its subject a personal pronoun.
      if (t.text === "," && tokens[k + 1]?.low === "and" && CLAUSE_PRONOUNS_EN.has(tokens[k + 2]?.low ?? "") && isLowerWord(tokens[k + 2]) && finiteEn(doc, k + 3) && !doc.speech[k + 3] && doc.quoteOf[k + 2]! < 0) return { end: k, next: k + 2 };
      if (t.text === "," && (doc.speech[k + 1] || ((tokens[k + 1]?.low === "while" || tokens[k + 1]?.low === "as") && doc.speech[k + 2]))) return { end: k, next: -1 };
      // ", while Vale said …", ", but the minister told …": a contrasting report with its own subject.
      if (t.text === "," && ["while", "whereas", "but"].includes(tokens[k + 1]?.low ?? "")) {
        for (let j = k + 2; j < end && j - k <= 6; j++) {
          const u = tokens[j]!;
          if (u.kind === TK.Punct || doc.markOf[j] || doc.quoteOf[j]! >= 0) break;
          if (doc.speech[j] === 1 && !/ing$/.test(u.low)) return { end: k, next: -1 };
        }
      }
      continue;
    }
    if (t.low === "that" && (tokens[k - 1]?.low === "and" || tokens[k - 1]?.text === ",")) {
      const e = tokens[k - 1]!.low === "and" && tokens[k - 2]?.text === "," ? k - 2 : k - 1;
      let n = k + 1;
      if (tokens[n]?.text === ",") n++;
      return { end: e, next: n };
    }
    if (t.low === "and") {
      const n = tokens[k + 1];
      if (n && word(n) && !n.cap && !AUX_EN.has(n.low) && (PAST_IRREGULAR_EN.has(n.low) || (/ed$/.test(n.low) && n.low.length > 4)) && doc.quoteOf[k + 1]! < 0) {
        return { end: tokens[k - 1]?.text === "," ? k - 1 : k, next: -1 };
      }
    }
  }
  return { end, next: -1 };
}

/**
 * A tail tag after the comma at token c ("…, the minister said.", "…, said Smith.", "…, he told
 * reporters on Monday, …"): the speech verb, whether the subject follows it, and the token after
 * the tag (the sentence end or a comma), or null when the words after the comma are no tag (a
 * subject with its verb and a clause or a quote after it: "…, but the commissioner stated the
 * purchase was …").
 */
export function tailTagEn(doc: Doc, c: number, end: number): { v: number; inverted: boolean; after: number } | null {
  const { tokens } = doc;
  let v = -1;
  for (let k = c + 1; k < end && k - c <= 12; k++) {
    const t = tokens[k]!;
    if (doc.markOf[k] || doc.quoteOf[k]! >= 0) return null;
    if (doc.speech[k] === 1 || doc.speech[k] === 2) {
      v = k;
      break;
    }
    if (t.kind === TK.Punct && t.text !== "," && t.text !== "(" && t.text !== ")" && t.text !== ".") return null;
    if (finiteEn(doc, k)) return null;
  }
  if (v < 0) return null;
  const inverted = v === c + 1;
  const lead = tokens[c + 1]!;
  // ", with market sales expected to …": an absolute phrase, not a tag.
  if (!inverted && word(lead) && !lead.cap && (PREP_EN.has(lead.low) || (SUBORD_EN.has(lead.low) && lead.low !== "as"))) return null;
  if (inverted && !INVERSION_VERBS_EN.has(tokens[v]!.low)) return null;
  // "…, expected to …": a verb of opinion with an infinitive reports nothing.
  if (tokens[v + 1]?.low === "to" && doc.speech[v] === 2) return null;
  // After the verb: its (inverted) subject, an addressee, a short adverbial — then the end or a comma.
  let k = v + 1;
  if (tokens[k]?.low === "out") k++;
  const stop = Math.min(end, k + 9);
  while (k < stop) {
    const t = tokens[k]!;
    if (doc.markOf[k] || doc.quoteOf[k]! >= 0) return null;
    if (t.kind === TK.Punct) {
      if (t.text === "," || ".!?;".includes(t.text)) break;
      if (t.text === "(" || t.text === ")" || t.text === "'" || t.text === "’") {
        k++;
        continue;
      }
      return null;
    }
    // "…, Okafor told the City Council on Tuesday as she unveiled …": the tag ends before its own
    // subordinate clause.
    if (word(t) && !t.cap && SUBORD_EN.has(t.low) && k > v + 1) return inverted || subjectBeforeEn(doc, v, c + 1) ? { v, inverted, after: end } : null;
    if (word(t) && !t.cap && (t.low === "that" || finiteEn(doc, k))) return null;
    // "…, the United States announced a complete withdrawal": an object after the verb, no tag
    // (only an inverted subject, an addressee or an adverbial may follow it).
    if (k === v + 1 + (tokens[v + 1]?.low === "out" ? 1 : 0) && !inverted && !ADDRESSEE_VERBS_EN.has(tokens[v]!.low) && word(t) && !t.cap && !CLAUSE_ADVERBS_EN.has(t.low) && !isAdverbLy(t.low)) return null;
    k++;
  }
  if (k < end && tokens[k]!.text !== ",") return null;
  // "X, a spokeswoman for …, told CNN, neighbors …": "told" puts its addressee after it, never its
  // subject; with a clause after the comma it is the main verb, not a tag.
  if (inverted && ADDRESSEE_VERBS_EN.has(tokens[v]!.low) && k < end) return null;
  // (Last, as the dearest check: the words between the comma and the verb are its subject.)
  if (!inverted && !subjectBeforeEn(doc, v, c + 1)) return null;
  return { v, inverted, after: k };
}

/** Whether [a, b) has a finite verb outside quotes. */
export function hasFiniteEn(doc: Doc, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (doc.quoteOf[k]! < 0 && !doc.markOf[k] && (finiteEn(doc, k) || doc.speech[k] === 1)) return true;
  return false;
}

/**
 * "according to" at token k inside a sentence reports the sentence only when it qualifies its
 * main clause ("Thunberg then led, according to Time, the largest …"); not inside a relative
 * clause ("… that had, according to government reports, killed …"), a participle phrase
 * ("…, killing at least 20 according to officials") or after words without a verb ("Magnitude
 * 6.3 according to Phivolcs, …").
 */
export function accordingToQualifiesClause(doc: Doc, f: number, k: number): boolean {
  const { tokens } = doc;
  // The words before the phrase, back to the comma before them.
  const e = tokens[k - 1]?.text === "," ? k - 1 : k;
  let c = e - 1;
  while (c > f && !(tokens[c]!.text === "," && !dateComma(tokens, c))) c--;
  const chunkStart = tokens[c]!.text === "," ? c + 1 : f;
  const lead = chunkStart < e ? tokens[chunkStart] : undefined;
  if (lead && isLowerWord(lead) && /ing$/.test(lead.low)) return false;
  for (let j = f; j < k; j++) {
    const t = tokens[j]!;
    if (doc.quoteOf[j]! >= 0 || doc.markOf[j]) continue;
    // (Not "that" after a preposition, a pronoun: "Fitness was a big factor in that according to X".)
    if (isLowerWord(t) && (t.low === "that" || t.low === "which" || t.low === "who") && j > f && !(t.low === "that" && PREP_EN.has(tokens[j - 1]!.low))) return false;
  }
  return hasFiniteEn(doc, f, k);
}

/**
 * After an inner tag whose sentence has no verb before it ("These orcas, she suggested,
 * specialize in …"): the word after the tag's comma is the plain verb of that subject — a
 * lower-case word that is no article, preposition, pronoun, conjunction or adverb, with a word
 * after it, and the subject before the tag ends in a plural noun.
 */
export function plainVerbAfterTagEn(doc: Doc, f: number, c: number, post: number, end: number): boolean {
  const { tokens } = doc;
  const t = tokens[post];
  const p = tokens[c - 1];
  if (!isLowerWord(t) || post + 1 >= end || !word(tokens[post + 1]) || c - f < 2 || c - f > 6) return false;
  const low = t!.low;
  if (DET_EN.has(low) || PREP_EN.has(low) || COORD_EN.has(low) || RELATIVE_EN.has(low) || SUBORD_EN.has(low) || PRONOUN_SUBJ_EN.has(low) || isAdverbLy(low) || /(s|ing|ed)$/.test(low)) return false;
  return isLowerWord(p) && /[^s]s$/.test(p!.low) && !hasFiniteEn(doc, f, c);
}

/**
 * A reporting participle that opens the sentence ("Confirming life can thrive there, Seager said
 * …", "Warning the river would rise, the mayor closed the bridge"): its clause starts at `start`
 * and ends at the first comma after which a main clause (a subject, then its verb) follows; the
 * speaker is that clause's subject. Null when there is no such comma or subject.
 */
export function frontedParticipleEn(doc: Doc, start: number, end: number): { end: number; subject: Mention } | null {
  const { tokens } = doc;
  for (let c = start + 2; c < end - 1; c++) {
    if (doc.quoteOf[c]! >= 0 || doc.markOf[c]) return null;
    const t = tokens[c]!;
    if (t.kind === TK.Punct && ".!?;:".includes(t.text)) return null;
    if (t.text !== "," || dateComma(tokens, c) || !clauseAtEn(doc, c + 1, end)) continue;
    for (let k = c + 2; k < end && k - c <= 8; k++) {
      if (doc.quoteOf[k]! >= 0 || doc.markOf[k]) return null;
      if (finiteEn(doc, k) || doc.speech[k]) {
        const subject = subjectBeforeEn(doc, k, c + 1);
        return subject ? { end: c, subject } : null;
      }
    }
    return null;
  }
  return null;
}

/**
 * "On Monday, according to the police, ten people were hurt", "As a result of the unrest,
 * according to a report …, twenty people were arrested", "Tesco's operation, according to X, is
 * …": the phrase follows an opening phrase without a verb (a preposition or a subordinator first,
 * or a short one: "Longer term,") with a clause after it, or a subject with its verb right after
 * it — it is inside the sentence, whose whole is the report (the en-real conventions).
 */
export function accordingAfterOpenerEn(doc: Doc, f: number, k: number, clause: number, end: number): boolean {
  const { tokens } = doc;
  const lead = tokens[f];
  if (k - f < 2 || tokens[k - 1]?.text !== "," || !lead || !word(lead) || clause >= end || tokens[clause - 1]?.text !== ",") return false;
  if (hasFiniteEn(doc, f, k - 1)) return false;
  for (let j = f; j < k - 1; j++) if (doc.speech[j] || doc.quoteOf[j]! >= 0 || doc.markOf[j] || (tokens[j]!.text === "," && !dateComma(tokens, j))) return false;
  // "Tesco's Polish operation, according to X, is too big …": the subject before the phrase,
  // its verb right after it.
  if (isLowerWord(tokens[clause]) && finiteEn(doc, clause) && !(PREP_EN.has(lead.low) || SUBORD_EN.has(lead.low))) return true;
  // (An opening phrase: a preposition or subordinator first, or at most three words: "Longer term,".)
  if (!(PREP_EN.has(lead.low) || SUBORD_EN.has(lead.low) || k - 1 - f <= 3)) return false;
  return clauseAtEn(doc, clause, end);
}

/**
 * The subject after an inverted English speech verb ("…," said Dr. Livermore; "…," writes Lena's
 * longtime friend Ivo Marsh on his blog; "…," reads a statement from the Ardell Rowing Club;
 * "…," tweeted Mayor of Carlow Dana Pryce): the phrase up to a comma, a preposition before lower
 * case or a verb, read as a subject — the author of a document, a name at its end, else its head.
 */
/**
 * In a tag after an inverted verb starting at a: a person's name that stands alone between a comma
 * and the end of the tag (a period, a comma or the bound), after a first phrase that is no name:
 * "said University of California, San Diego's chancellor, Pradeep Khosla", else null.
 */
function appositionNameAfterEn(doc: Doc, a: number, hi: number): Mention | null {
  const { tokens } = doc;
  const first = doc.mentionAt[a]! >= 0 ? doc.mentions[doc.mentionAt[a]!]! : null;
  if (first && first.kind === "name") return null;
  for (let k = a + 1; k < hi && k - a <= 16; k++) {
    const t = tokens[k]!;
    if (doc.markOf[k] || doc.quoteOf[k]! >= 0) return null;
    if (t.kind === TK.Punct && t.text !== "," && t.text !== "'" && t.text !== "’" && t.text !== ".") return null;
    if (t.text === "." && !(isCapWord(tokens[k - 1]) && tokens[k - 1]!.text.length <= 3)) return null;
    if (isLowerWord(t) && (finiteEn(doc, k) || doc.speech[k])) return null;
    if (t.text !== "," ) continue;
    const mi = doc.mentionAt[k + 1]!;
    if (mi < 0) continue;
    const m = doc.mentions[mi]!;
    const after = tokens[m.last];
    if (m.kind === "name" && m.first === k + 1 && !isPossessive(doc, m) && (m.last >= hi || !after || after.text === "," || after.text === "." || after.kind === TK.Punct)) return m;
  }
  return null;
}

export function subjectAfterEn(doc: Doc, v: number, hi: number): Mention | null {
  const { tokens } = doc;
  let a = v + 1;
  if (tokens[a]?.low === "out") a++;
  // "…," said University of California, San Diego's chancellor, Pradeep Khosla.": a name in
  // apposition at the end of the tag is the speaker.
  const appos = appositionNameAfterEn(doc, a, hi);
  if (appos) return appos;
  let b = a;
  while (b < hi && b - a < 14) {
    const t = tokens[b]!;
    if (doc.markOf[b] || doc.quoteOf[b]! >= 0) break;
    if (t.kind === TK.Punct && !"().-'’".includes(t.text)) break;
    // (A period ends the phrase, except after an initial or a title: "Donald J. Trump", "Dr. Lowe".)
    if (t.text === "." && !(isCapWord(tokens[b - 1]) && tokens[b - 1]!.text.length <= 3)) break;
    // A preposition ends it ("… Erick Rowan on Instagram"), except inside a title or a name
    // ("Mayor of Carlow", "Institute for …") and after a document noun ("a statement from …").
    const inName = (t.low === "of" || t.low === "for") && isCapWord(tokens[b - 1]) && isCapWord(tokens[b + 1]);
    const spokesFor = (t.low === "for" || t.low === "of") && SPOKES_PERSON_EN.has(tokens[b - 1]!.low);
    if (isLowerWord(t) && (finiteEn(doc, b) || (PREP_EN.has(t.low) && !inName && !spokesFor && !AUTHORED_NOUNS_EN.has(tokens[b - 1]!.low)))) break;
    b++;
  }
  if (b <= a) return null;
  // The author of a document: "a statement from the club".
  for (let k = a + 1; k < b; k++) {
    const t = tokens[k]!;
    if ((t.low === "from" || t.low === "by" || t.low === "of") && AUTHORED_NOUNS_EN.has(tokens[k - 1]!.low)) {
      return properPhrase(doc, k + 1, b) ?? bestMention(doc, k + 1, b) ?? phraseEn(doc, k + 1, b);
    }
    // "…," said a spokesperson for the Royal Ballet: the body speaks (unless a name follows in apposition, see above).
    if ((t.low === "for" || t.low === "of") && SPOKES_PERSON_EN.has(tokens[k - 1]!.low) && k + 1 < b) {
      return properPhrase(doc, k + 1, b) ?? bestMention(doc, k + 1, b) ?? phraseEn(doc, k + 1, b);
    }
  }
  // "said study co-author Ted Scambos of CU Boulder's Cooperative Institute for Research in …":
  // a person's name followed by "of" is the speaker, whatever the body's long name ends with.
  for (let k = a; k < b; k++) {
    const mi = doc.mentionAt[k]!;
    if (mi < 0) continue;
    const m = doc.mentions[mi]!;
    if (m.kind === "name" && m.first >= a && m.last < b && tokens[m.last]!.low === "of" && !isPossessive(doc, m)) return m;
    k = m.last - 1;
  }
  const end = mentionEndingAt(doc, b);
  if (end >= 0 && doc.mentions[end]!.kind === "name" && doc.mentions[end]!.first >= a) return doc.mentions[end]!;
  // A name of capitalized words at the end, after lower-case title words or "of <place>".
  let r = b;
  while (r > a && isCapWord(tokens[r - 1])) r--;
  if (r < b && r > a) {
    const before = tokens[r - 1]!;
    if (before.low === "of" && b - r >= 3) r = b - 2; // "Mayor of Carlow Dana Pryce"
    // "said Tom Yates of Harbour Watch": the person, and where the person works.
    if (before.low === "of" && r - 1 > a) {
      const pm = mentionEndingAt(doc, r - 1);
      if (pm >= 0 && doc.mentions[pm]!.kind === "name" && doc.mentions[pm]!.first >= a) return doc.mentions[pm]!;
    }
    if (isLowerWord(before) || before.low === "of") {
      const m = bestMention(doc, r, b);
      return m && m.kind === "name" ? m : phraseEn(doc, r, b);
    }
  }
  return headOf(doc, { a, b }, false);
}
