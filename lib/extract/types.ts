// The extractor's contract: shared by the library (lib/extract), the command-line interface
// (scripts/extract.ts), the evaluation (scripts/eval-extract.ts) and the article review screen.
// Offsets are JavaScript string offsets (UTF-16 code units) into the stored text, `end` exclusive.

export type ExtractLanguage = "de" | "en";

export interface Span {
  start: number;
  end: number;
}

/**
 * Who said it: the mention that attributes the words (the name, role noun, pronoun or source
 * next to the cue: "er", "der Kremlchef", "Angaben der Polizei"; `start`/`end` are its span and
 * `text` its words), and the person or organisation it refers to where the extractor could
 * resolve it (`name`, and `speakerId` when it is a known speaker).
 */
export interface SpeakerMention extends Span {
  /** The resolved full name ("Wladimir Putin"), or the mention itself when nothing better is known. */
  name: string;
  /** The words of the mention: text.slice(start, end) ("er"). */
  text: string;
  /** The id of the matching known speaker (from ExtractOptions.knownSpeakers), if any. */
  speakerId?: string | null;
}

export interface QuoteCandidate extends Span {
  kind: "direct" | "indirect";
  /** The quoted words without the quotation marks (text.slice(start, end)). */
  text: string;
  speaker: SpeakerMention | null;
  /** Who reports the quote when it is nested in another speaker's words. */
  reportedBy: SpeakerMention | null;
  /**
   * The cue that attributes the words: the speech verb (with its separated particle, "wies …
   * zurück"), or "laut", "zufolge", "nach", "according to". Empty when the speaker comes from
   * the context (a quote or reported sentence that continues an earlier one).
   */
  cue: Span[];
}

export interface Quantity {
  value: number;
  /** "percent", "EUR", "USD", "people", "km2", ... or a short unit word from the text. */
  unit: string | null;
}

export interface ClaimCandidate extends Span {
  text: string;
  quantity: Quantity | null;
}

export interface ExtractionResult {
  language: ExtractLanguage;
  quotes: QuoteCandidate[];
  claims: ClaimCandidate[];
}

export interface KnownSpeaker {
  id: string;
  name: string;
  aliases: string[];
}

export interface ExtractOptions {
  /** "auto" (the default) detects German or English from the text. */
  language?: ExtractLanguage | "auto";
  /** Speakers already in the database, matched by name and alias. */
  knownSpeakers?: KnownSpeaker[];
}
