// Ingestion and extraction: a pasted or uploaded article is checked and reduced to its text
// (lib/ingest: size, binary, UTF-8, HTML → main text), the snapshot every offset refers to; the
// extractor (lib/extract) runs right away, and its proposals become ArticleCandidate rows. A
// re-extraction skips every proposal whose fingerprint, or whose span, is already decided
// (accepted or rejected) or edited, and any span a quote or claim of the article's source
// already marks; unedited open proposals are replaced by the new run's.
import { db, type Db } from "../../db/client";
import { extractArticle as runExtractor, type ExtractionResult, type KnownSpeaker } from "../../extract";
import { detectLanguage, ingestFile, ingestPasted, IngestError, MAX_INGEST_BYTES, tooLarge, type IngestedText } from "../../ingest";
import { list, msg, type Message } from "../../messages";
import { NotFoundError, TransitionError, fieldError } from "../errors";
import { createRecord, inTransaction, updateRecord, type Tx } from "../records";
import { sha256 } from "../sources";
import type { Actor } from "../speakers";
import { lockArticle, requireEdit } from "./commands";
import { knownSpeakers } from "./queries";
import { clean, short, type CleanCandidate } from "./rules";
import type { ArticleRefInput, IngestArticleInput } from "./schemas";

type Client = Db;

// ── Extraction ──────────────────────────────────────────────────────────────────────────────

export interface StoreResult {
  proposed: number;
  skipped: number;
  removed: number;
  invalid: number;
  message: Message;
}

/**
 * Stores an extraction's proposals for the article (one transaction, one revision of the
 * article): skips what is decided, edited or already marked in the article's source, replaces
 * the unedited open proposals of an earlier run.
 */
export async function storeCandidates(actor: Actor, articleId: string, result: ExtractionResult, client: Client = db): Promise<StoreResult> {
  requireEdit(actor);
  return inTransaction((tx) => storeIn(tx, actor, articleId, result), client);
}

async function storeIn(tx: Tx, actor: Actor, articleId: string, result: ExtractionResult): Promise<StoreResult> {
  const article = await lockArticle(tx, articleId);
  const speakerIds = new Set((await tx.speaker.findMany({ select: { id: true } })).map((s) => s.id));
  const { items, invalid } = clean(article.text, result, speakerIds);
  const existing = await tx.articleCandidate.findMany({ where: { articleId } });
  const byFingerprint = new Map(existing.map((c) => [c.fingerprint, c]));
  // Spans that are taken: decided or edited candidates (as they are now), and the passages
  // of quotes and claims in the article's source.
  const taken = new Set(existing.filter((c) => c.status !== "proposed" || c.edited).map((c) => `${c.kind}:${c.start}:${c.end}`));
  if (article.sourceId) {
    const appearances = await tx.quoteAppearance.findMany({ where: { sourceId: article.sourceId }, select: { start: true, end: true } });
    const passages = await tx.claimPassage.findMany({ where: { sourceId: article.sourceId }, select: { start: true, end: true } });
    for (const a of appearances) taken.add(`quote:${a.start}:${a.end}`);
    for (const p of passages) taken.add(`claim:${p.start}:${p.end}`);
  }
  const keep = new Set<string>();
  const create: CleanCandidate[] = [];
  let skipped = 0;
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.fingerprint)) continue;
    seen.add(item.fingerprint);
    const old = byFingerprint.get(item.fingerprint);
    if (old) {
      if (old.status === "proposed" && !old.edited) keep.add(old.id);
      else skipped++;
      continue;
    }
    if (taken.has(`${item.kind}:${item.start}:${item.end}`)) {
      skipped++;
      continue;
    }
    create.push(item);
  }
  const stale = existing.filter((c) => c.status === "proposed" && !c.edited && !keep.has(c.id));
  if (stale.length) await tx.articleCandidate.deleteMany({ where: { id: { in: stale.map((c) => c.id) } } });
  if (create.length) await tx.articleCandidate.createMany({ data: create.map((c) => ({ ...c, articleId })) });
  const openBefore = existing.filter((c) => c.status === "proposed").length;
  const openAfter = openBefore - stale.length + create.length;
  const status = openAfter > 0 ? "extracted" : existing.some((c) => c.status !== "proposed") ? "reviewed" : "extracted";
  await updateRecord(tx, "Article", article.id, article.version, actor.id, status !== article.status ? { status } : {}, {
    links: { openCandidates: { before: openBefore, after: openAfter } },
  });
  const proposed = keep.size + create.length;
  const parts = [
    proposed === 0
      ? msg("msg.article.store.none")
      : create.length !== proposed
        ? msg("msg.article.store.proposedNew", { count: proposed, created: create.length })
        : msg("msg.article.store.proposed", { count: proposed }),
    skipped ? msg("msg.article.store.skipped", { count: skipped }) : null,
    invalid ? msg("msg.article.store.invalid", { count: invalid }) : null,
  ].filter((m): m is Message => m !== null);
  return { proposed, skipped, removed: stale.length, invalid, message: msg("msg.article.store.message", { parts: list(parts, "semicolon") }) };
}

/** Runs the extractor on the article's text and stores its proposals. */
export async function extractCandidates(actor: Actor, input: ArticleRefInput, client: Client = db): Promise<StoreResult> {
  requireEdit(actor);
  const article = await client.article.findUnique({ where: { id: input.id }, select: { id: true, text: true, language: true } });
  if (!article) throw new NotFoundError("Article");
  const result = runExtraction(article.text, article.language, await knownSpeakers(client));
  return storeCandidates(actor, article.id, result, client);
}

function runExtraction(text: string, language: string | null, speakers: KnownSpeaker[]): ExtractionResult {
  try {
    return runExtractor(text, { language: language === "de" || language === "en" ? language : "auto", knownSpeakers: speakers });
  } catch (error) {
    console.error(error);
    throw new TransitionError(msg("msg.article.extractionFailed"));
  }
}

// ── Ingestion ───────────────────────────────────────────────────────────────────────────────

/** Reads the upload or the pasted text; refusals name the field. */
async function readInput(input: IngestArticleInput): Promise<IngestedText> {
  if (input.file && input.text?.trim() === "") input = { ...input, text: undefined };
  if (input.file && input.text) throw fieldError("file", msg("msg.article.textAndFile"));
  try {
    if (input.file) {
      const file = input.file;
      // Checked before reading: an oversized upload is never read into memory as a whole.
      if (file.size > MAX_INGEST_BYTES) throw tooLarge(file.size, file.name);
      return ingestFile(file.name, new Uint8Array(await file.arrayBuffer()));
    }
    if (input.text !== undefined) return ingestPasted(input.text, input.format);
  } catch (error) {
    if (error instanceof IngestError) throw fieldError(input.file ? "file" : "text", error.detail);
    throw error;
  }
  throw fieldError("text", msg("msg.article.nothingGiven"));
}

/**
 * Stores a pasted or uploaded article and runs the extractor on it, in one transaction. Empty,
 * binary, oversized or non-UTF-8 input is refused with a message that says which, and nothing
 * is stored. A failing extractor does not stop the ingestion (the article is kept, without
 * proposals, and the message says so); otherwise the article and its proposals are stored in
 * one transaction.
 */
export async function ingestArticle(actor: Actor, input: IngestArticleInput, client: Client = db): Promise<{ id: string; message: Message; duplicateOf: string | null }> {
  requireEdit(actor);
  const ingested = await readInput(input);
  const language = input.language === "auto" ? (detectLanguage(ingested.text) ?? "de") : input.language;
  const title = input.title ?? (ingested.title ? short(ingested.title, 500) : null);
  const speakers = await knownSpeakers(client);
  let extraction: ExtractionResult | null = null;
  let extractionFailed = false;
  try {
    extraction = runExtraction(ingested.text, language, speakers);
  } catch {
    extractionFailed = true;
  }
  const contentHash = sha256(ingested.text);
  const duplicate = await client.article.findFirst({ where: { contentHash }, orderBy: { createdAt: "asc" }, select: { id: true } });
  // The article and the extractor's proposals in one transaction.
  const { article, stored } = await inTransaction(async (tx) => {
    const article = await createRecord<{ id: string }>(tx, "Article", actor.id, {
      title,
      format: ingested.format,
      originalFilename: input.file?.name ?? null,
      rawContent: ingested.raw,
      text: ingested.text,
      language,
      contentHash,
      url: input.url ?? null,
      publisher: input.publisher ?? null,
      publishedAt: input.publishedAt ?? null,
      status: "new",
      createdById: actor.id,
    });
    return { article, stored: extraction ? await storeIn(tx, actor, article.id, extraction) : null };
  }, client);
  const message = msg("msg.article.ingested", {
    chars: ingested.text.length,
    html: ingested.format === "html" ? "yes" : "no",
    language,
    extraction: extractionFailed || !stored ? msg("msg.article.extractionFailedRetry") : stored.message,
    duplicate: duplicate ? "yes" : "no",
  });
  return { id: article.id, message, duplicateOf: duplicate?.id ?? null };
}
