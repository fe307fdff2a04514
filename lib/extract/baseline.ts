// The plain quotation-mark baseline the evaluation prints beside the extractor's figures: every
// span between a pair of quotation marks is a direct quote, with no speaker. The pairs are the
// ones quotes.ts finds (so apostrophes in "don't" are not marks), nested pairs included, and
// nothing is filtered: no scare quotes or titles are told apart. The extractor must not score
// below it on direct quotes.

import { findQuoteSpans } from "./quotes";
import type { ExtractionResult, ExtractLanguage, QuoteCandidate } from "./types";

export function quotationMarkBaseline(text: string, language: ExtractLanguage): ExtractionResult {
  const quotes: QuoteCandidate[] = findQuoteSpans(text).map((s) => ({
    kind: "direct",
    text: text.slice(s.start, s.end),
    start: s.start,
    end: s.end,
    speaker: null,
    reportedBy: null,
    cue: [],
  }));
  return { language, quotes, claims: [] };
}
