// Article ingestion (pure functions): bytes or pasted text → the article's plain text.
export { htmlToText, MAX_HTML_DEPTH, type HtmlText } from "./html";
export { ingestFile, ingestPasted, looksLikeHtml, tooLarge, IngestError, MAX_INGEST_BYTES, type IngestedText, type IngestFormat } from "./decode";
export { detectLanguage, type Language } from "./language";
