// The extractor: direct and indirect quotes with their speakers, and check-worthy claims, from a
// German or English news text. Pure: no database, no network, no global state; the same text
// and options always give the same result. Linear in the length of the text (see
// docs/extraction.md for the measurements and the rules behind each step).

import { acceptQuotes, attribute, cueAt, cueOf, markQuotes, speakerOf } from "./attribution";
import { findClaims } from "./claims";
import type { Doc } from "./context";
import { detectLanguage } from "./language";
import { buildMentions } from "./mentions";
import { findQuoteSpans } from "./quotes";
import { splitSentences } from "./sentences";
import { markSpeechVerbs } from "./speech";
import { tokenize } from "./text";
import type { ExtractOptions, ExtractionResult, QuoteCandidate } from "./types";

export type * from "./types";
export { detectLanguage } from "./language";
export { parseQuantity, parseNumber } from "./quantity";

export function extractArticle(text: string, options: ExtractOptions = {}): ExtractionResult {
  const lang = options.language === "de" || options.language === "en" ? options.language : detectLanguage(text);
  const tokens = tokenize(text);
  const sentences = splitSentences(tokens, lang);
  const sentOf = new Int32Array(tokens.length);
  sentences.forEach((s, i) => sentOf.fill(i, s.first, s.last));
  const doc: Doc = {
    text,
    lang,
    tokens,
    sentences,
    sentOf,
    spans: findQuoteSpans(text),
    quoteOf: new Int32Array(tokens.length).fill(-1),
    markOf: new Int8Array(tokens.length),
    speech: markSpeechVerbs(tokens, lang),
    mentions: [],
    mentionAt: new Int32Array(tokens.length).fill(-1),
  };
  const accepted = acceptQuotes(doc);
  markQuotes(doc, accepted);
  buildMentions(doc, options.knownSpeakers ?? []);
  const { quotes, indirect } = attribute(doc, accepted);
  const all: QuoteCandidate[] = [...quotes];
  for (const ind of indirect) {
    all.push({
      kind: "indirect",
      text: text.slice(ind.start, ind.end),
      start: ind.start,
      end: ind.end,
      speaker: speakerOf(ind.attr),
      reportedBy: null,
      cue: ind.attr ? cueOf(doc, ind.attr) : cueAt(doc, ind.cue),
    });
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  return { language: lang, quotes: all, claims: findClaims(doc) };
}
