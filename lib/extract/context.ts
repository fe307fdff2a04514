// The analysed document shared by the extraction steps: tokens, sentences, quotation marks,
// speech verbs and person mentions, each with per-token lookup arrays so that every later
// question ("which sentence is this token in?", "is there a mention here?") is O(1).

import type { Gender } from "./lexicon";
import type { QuoteSpan } from "./quotes";
import type { Sentence } from "./sentences";
import type { Token } from "./text";
import type { ExtractLanguage } from "./types";

export interface Person {
  name: string;
  gender: Gender;
  plural: boolean;
  /** Organisations and documents can speak but are never "er"/"he". */
  org: boolean;
  speakerId?: string;
  /** Role words bound to this person in the text ("kremlsprecher"). */
  roles: Set<string>;
}

export type MentionKind = "name" | "pronoun" | "role" | "org" | "first-person";

export interface Mention {
  /** Token range [first, last). */
  first: number;
  last: number;
  start: number;
  end: number;
  kind: MentionKind;
  gender: Gender;
  plural: boolean;
  /** The entity this mention refers to, when resolved. */
  person: Person | null;
  /** The words of the mention, used as the name when nothing better is known. */
  surface: string;
  /** Subject of a speech verb, or the first mention of its sentence: a likely antecedent. */
  salient: boolean;
  /** Inside a direct quote. */
  inQuote: boolean;
  sentence: number;
}

export interface Doc {
  text: string;
  lang: ExtractLanguage;
  tokens: Token[];
  sentences: Sentence[];
  /** Token index → sentence index. */
  sentOf: Int32Array;
  /** All matched quotation-mark pairs (accepted or not as quotes). */
  spans: QuoteSpan[];
  /** Token index → index into `spans` of the innermost accepted quote containing it, or -1. */
  quoteOf: Int32Array;
  /** Token index → 1 when the token is an accepted quote's opening or closing mark. */
  markOf: Int8Array;
  /** Token index → 0 none, 1 speech verb, 2 verb of opinion. */
  speech: Int8Array;
  mentions: Mention[];
  /** Token index → index into `mentions`, or -1. */
  mentionAt: Int32Array;
}
