// Articles: pasted or uploaded documents that editors mine for quotes and claims. The public
// API of the article desk, by responsibility:
// - ./schemas.ts     the input of the writes (zod schemas, parsed types);
// - ./rules.ts       pure: a candidate's fingerprint, the cleaning of the extractor's proposals,
//                    the text's segments for highlighting;
// - ./extraction.ts  ingestion (the upload or pasted text → the article's snapshot) and the
//                    extractor's proposals stored as candidates;
// - ./commands.ts    the decisions on candidates (accept → Quote or draft Claim, and the
//                    article's Source on the first one; edit; reject; accept all);
// - ./queries.ts     the list, an article with its candidates for review, the known speakers.
//
// - Ingestion (ingestArticle): the upload or pasted text is checked and reduced to its text
//   (lib/ingest: size, binary, UTF-8, HTML → main text). That text is the snapshot every
//   offset refers to; it never changes afterwards. The extractor runs right away.
// - Extraction (extractCandidates → storeCandidates): the extractor's proposals (lib/extract)
//   become ArticleCandidate rows. Each has a fingerprint (kind + normalised words); a
//   re-extraction skips every proposal whose fingerprint, or whose span, is already decided
//   (accepted or rejected) or edited, and any span a quote or claim of the article's source
//   already marks. Unedited open proposals are replaced by the new run's.
// - Review: a candidate is accepted (→ a Quote or a draft Claim), edited (text, speaker, span,
//   speech kind) or rejected; or all open ones are accepted at once. The first acceptance makes
//   the article a Source (publisher, date, URL, language from the ingestion; snapshot = the
//   article's text, with its SHA-256), so the offsets stay valid on the Source.
// - Speakers: a candidate's speaker is the known speaker the extractor matched (or one whose
//   name or alias is exactly the mention), else a new speaker, created only when the editor
//   confirms it.
export {
  acceptAllInput,
  acceptCandidateInput,
  articleRefInput,
  editCandidateInput,
  ingestArticleInput,
  rejectCandidateInput,
  type AcceptAllInput,
  type AcceptCandidateInput,
  type ArticleRefInput,
  type EditCandidateInput,
  type IngestArticleInput,
  type RejectCandidateInput,
} from "./schemas";
export { ARTICLE_STATUSES, candidateFingerprint, segmentText, type TextSegment } from "./rules";
export { extractCandidates, ingestArticle, storeCandidates, type StoreResult } from "./extraction";
export { acceptAllCandidates, acceptCandidate, editCandidate, rejectCandidate } from "./commands";
export {
  ARTICLE_SORTING,
  getArticleForReview,
  knownSpeakers,
  listArticles,
  type ArticleForReview,
  type ArticleListParams,
  type ArticleSort,
  type ReviewCandidate,
} from "./queries";
