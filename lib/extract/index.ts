// PLACEHOLDER until the extractor lands (issue 5): the real implementation replaces this file.
import type { ExtractOptions, ExtractionResult } from "./types";

export type * from "./types";

export function extractArticle(text: string, options: ExtractOptions = {}): ExtractionResult {
  void text;
  return { language: options.language === "en" ? "en" : "de", quotes: [], claims: [] };
}
