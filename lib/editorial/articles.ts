// Articles: pasted or uploaded documents that editors mine for quotes and claims.
//
// - Ingestion (ingestArticle): the upload or pasted text is checked and reduced to its text
//   (lib/ingest: size, binary, UTF-8, HTML → main text). That text is the snapshot every
//   offset refers to; it never changes afterwards. The extractor runs right away.
// - Extraction (extractArticle → storeCandidates): the extractor's proposals (lib/extract)
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
//
// Every write is one transaction through createRecord/updateRecord (lib/editorial/records.ts):
// the created Speaker, Source, Quote and Claim rows get their own create revisions, and each
// decision is one revision of the Article, with the changed candidates as its field
// "candidates" (before/after). Decisions on one article are serialised by a row lock on the
// article (so two first acceptances cannot make two Sources).
import { createHash } from "node:crypto";
import { z } from "zod";
import { db, type Db } from "../db/client";
import type { ArticleStatus, CandidateKind, CandidateStatus, Prisma, SpeechKind } from "../generated/prisma/client";
import { can } from "../auth/permissions";
import { extractArticle as runExtractor, type ExtractionResult, type KnownSpeaker } from "../extract";
import { detectLanguage, ingestFile, ingestPasted, IngestError, MAX_INGEST_BYTES, tooLarge, type IngestedText } from "../ingest";
import { contentText } from "../content-text";
import { isLocale, NEWSROOM_LANGUAGE } from "../i18n";
import { formatDay, list, msg, moment, zodMessage, type Message } from "../messages";
import { createClaim, createClaimSchema } from "./claims";
import { ConflictError, ForbiddenError, NotFoundError, TransitionError, ValidationError, fieldError, validated, type FieldErrors } from "./errors";
import { checkbox, id, optionalDate, optionalId, optionalText, optionalUrl, version } from "./fields";
import { PAGE_SIZE, pageOf, sortColumns, type SortDirection } from "./listing";
import { createRecord, inTransaction, updateRecord, type Tx } from "./records";
import { createQuote, quoteInput } from "./quotes";
import { createSource, sha256 } from "./sources";
import { createSpeaker, speakerInput, type Actor } from "./speakers";

type Client = Db;

// ── States (their names are in the catalogue, desk.articles.status.*) ───────────────────────

export const ARTICLE_STATUSES = ["new", "extracted", "reviewed", "archived"] as const satisfies readonly ArticleStatus[];

/** The longest text of a quote and of a claim (as lib/editorial/quotes.ts and claims.ts allow). */
const QUOTE_MAX = 10_000;
const CLAIM_MAX = 2_000;

// ── Input ───────────────────────────────────────────────────────────────────────────────────

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const fileField = z.preprocess(
  (v) => (v instanceof File && v.size === 0 && v.name === "" ? undefined : v),
  z.instanceof(File, { error: zodMessage("msg.article.fileMissing") }).optional(),
);

export const ingestArticleInput = z.object({
  title: optionalText("title", 500),
  // The pasted text; its size is checked in bytes (lib/ingest), this only bounds the form.
  // Only "" is no text: whitespace alone is an empty article (a clearer message).
  text: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(MAX_INGEST_BYTES * 2, zodMessage("msg.article.pastedTooLarge")).optional()),
  file: fileField,
  format: z.preprocess(blank, z.enum(["auto", "text", "html"], { error: zodMessage("msg.article.chooseFormat") }).default("auto")),
  publisher: optionalText("publisher", 300),
  publishedAt: optionalDate("publishedAt"),
  url: optionalUrl("url"),
  language: z.preprocess(blank, z.enum(["auto", "de", "en"], { error: zodMessage("msg.article.chooseLanguage") }).default("auto")),
});
export type IngestArticleInput = z.output<typeof ingestArticleInput>;

export const articleRefInput = z.object({ id: id("article") });
export type ArticleRefInput = z.output<typeof articleRefInput>;

const offset = (label: "candidateStart" | "candidateEnd") =>
  z.preprocess(
    blank,
    z.coerce
      .number({ error: zodMessage("msg.validation.number", { field: msg(`msg.field.${label}`) }) })
      .int(zodMessage("msg.validation.integer", { field: msg(`msg.field.${label}`) }))
      .min(0, zodMessage("msg.validation.notNegative", { field: msg(`msg.field.${label}`) })),
  );

/** Accepting one candidate: the speaker (an existing one, or "" for the mention as a new one). */
export const acceptCandidateInput = z.object({
  id: id("candidate"),
  version,
  // Quotes: the speaker; claims: the claimant. "" = the candidate's own (matched or new).
  speakerId: optionalId(),
  confirmNewSpeaker: checkbox,
});
export type AcceptCandidateInput = z.output<typeof acceptCandidateInput>;

export const rejectCandidateInput = z.object({ id: id("candidate"), version });
export type RejectCandidateInput = z.output<typeof rejectCandidateInput>;

export const editCandidateInput = z.object({
  id: id("candidate"),
  version,
  start: offset("candidateStart"),
  end: offset("candidateEnd"),
  // Blank: the words at the span.
  text: z.preprocess(
    (v) => (typeof v === "string" ? blank(v.replace(/\r\n?/g, "\n").trim()) : v),
    z.string().max(QUOTE_MAX, zodMessage("msg.validation.tooLong", { field: msg("msg.field.text"), max: QUOTE_MAX })).optional(),
  ),
  speechKind: z.preprocess(blank, z.enum(["direct", "indirect"], { error: zodMessage("msg.article.chooseSpeech") }).optional()),
  // An existing speaker, or none (then the mention's name, or newSpeakerName, is a new one).
  speakerId: optionalId(),
  newSpeakerName: optionalText("newSpeakerName", 200),
});
export type EditCandidateInput = z.output<typeof editCandidateInput>;

export const acceptAllInput = z.object({ id: id("article"), confirmNewSpeakers: checkbox });
export type AcceptAllInput = z.output<typeof acceptAllInput>;

// ── Helpers ─────────────────────────────────────────────────────────────────────────────────

const short = (s: string, max = 80) => {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};

const norm = (s: string) => s.normalize("NFC").toLocaleLowerCase("de").replace(/\s+/g, " ").trim();

/**
 * The fingerprint of a proposal: its kind and its words, lower-cased, without punctuation and
 * with collapsed whitespace (so a re-run that finds the same words with slightly different
 * quotation marks or spacing is the same proposal).
 */
export function candidateFingerprint(kind: CandidateKind, text: string, start: number, end: number): string {
  const words = text
    .normalize("NFC")
    .toLocaleLowerCase("de")
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return createHash("sha256")
    .update(`${kind}|${words || `@${start}-${end}`}`, "utf8")
    .digest("hex")
    .slice(0, 40);
}

/** A decimal for the DECIMAL(20, 6) column, or null when the number does not fit. */
function decimal(value: number | null | undefined): string | null {
  if (value === null || value === undefined || !Number.isFinite(value) || Math.abs(value) >= 1e14) return null;
  return value.toFixed(6).replace(/\.?0+$/, "");
}

/** Locks the article row for the rest of the transaction and reads it. */
async function lockArticle(tx: Tx, articleId: string) {
  await tx.$queryRaw`SELECT "id" FROM "Article" WHERE "id" = ${articleId} FOR UPDATE`;
  const article = await tx.article.findUnique({ where: { id: articleId } });
  if (!article) throw new NotFoundError("Article");
  return article;
}

type ArticleRow = Awaited<ReturnType<typeof lockArticle>>;
type CandidateRow = Prisma.ArticleCandidateGetPayload<object>;

/** What the article's revision records of a candidate. */
function summary(c: CandidateRow) {
  return {
    id: c.id,
    kind: c.kind,
    status: c.status,
    start: c.start,
    end: c.end,
    text: short(c.text, 200),
    speakerName: c.speakerName,
    speakerId: c.speakerId,
    quoteId: c.createdQuoteId,
    claimId: c.createdClaimId,
  };
}

/** The article's status after a change of its candidates. */
async function statusAfter(tx: Tx, articleId: string, current: ArticleStatus): Promise<ArticleStatus> {
  if (current === "archived") return current;
  const open = await tx.articleCandidate.count({ where: { articleId, status: "proposed" } });
  if (open > 0) return "extracted";
  const decided = await tx.articleCandidate.count({ where: { articleId, status: { not: "proposed" } } });
  return decided > 0 ? "reviewed" : "extracted";
}

/** One revision of the article for a set of candidate changes (and its own changed columns). */
async function recordDecision(
  tx: Tx,
  actor: Actor,
  article: ArticleRow,
  before: CandidateRow[],
  after: CandidateRow[],
  data: Record<string, unknown> = {},
): Promise<void> {
  const status = await statusAfter(tx, article.id, article.status);
  const update = { ...data, ...(status !== article.status ? { status } : {}) };
  await updateRecord(tx, "Article", article.id, article.version, actor.id, update, {
    links: { candidates: { before: before.map(summary), after: after.map(summary) } },
  });
}

// ── Speakers ────────────────────────────────────────────────────────────────────────────────

/** Speakers whose name or an alias is exactly `name` (case-insensitive). */
async function speakersNamed(tx: Tx | Client, name: string): Promise<{ id: string; name: string }[]> {
  return tx.speaker.findMany({
    where: {
      OR: [{ name: { equals: name, mode: "insensitive" } }, { aliases: { some: { alias: { equals: name, mode: "insensitive" } } } }],
    },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: 2,
  });
}

/** The known speakers, as the extractor wants them. */
export async function knownSpeakers(client: Tx | Client = db): Promise<KnownSpeaker[]> {
  const rows = await client.speaker.findMany({ select: { id: true, name: true, aliases: { select: { alias: true } } }, orderBy: { name: "asc" } });
  return rows.map((s) => ({ id: s.id, name: s.name, aliases: s.aliases.map((a) => a.alias) }));
}

interface SpeakerPlan {
  /** An existing speaker, or null when `newName` is to be created. */
  id: string | null;
  newName: string | null;
  /** The words of the mention in the text, kept as an alias of a new speaker. */
  mention: string | null;
}

/**
 * Who a candidate's speaker (or reporter) is: the chosen speaker, the matched one, the one
 * whose name or alias is exactly the mention (when only one is), or a new one by the name.
 */
async function planSpeaker(tx: Tx, text: string, chosenId: string | null, matchedId: string | null, name: string | null, start: number | null, end: number | null): Promise<SpeakerPlan | null> {
  const mention = start !== null && end !== null && start >= 0 && end <= text.length && start < end ? text.slice(start, end) : null;
  if (chosenId) return { id: chosenId, newName: null, mention: null };
  if (matchedId) return { id: matchedId, newName: null, mention: null };
  if (!name) return null;
  const named = await speakersNamed(tx, name);
  if (named.length === 1) return { id: named[0]!.id, newName: null, mention: null };
  return { id: null, newName: name, mention: mention && norm(mention) !== norm(name) ? mention.trim() : null };
}

interface BatchContext {
  tx: Tx;
  actor: Actor;
  article: ArticleRow;
  /** The article's source (created on the first acceptance). */
  source: { id: string; text: string } | null;
  sourceCreated: boolean;
  /** Speakers created in this transaction, by normalised name (one per name). */
  created: Map<string, string>;
}

async function createSpeakerNamed(ctx: BatchContext, name: string, mention: string | null): Promise<string> {
  const key = norm(name);
  const known = ctx.created.get(key);
  if (known) return known;
  const { id } = await createSpeaker(
    ctx.actor,
    validated(speakerInput, { name, kind: "person", aliases: mention && mention !== name ? [mention] : [], roles: [] }),
    ctx.tx,
  );
  ctx.created.set(key, id);
  return id;
}

async function resolveSpeaker(ctx: BatchContext, plan: SpeakerPlan): Promise<string> {
  if (plan.id) {
    const exists = await ctx.tx.speaker.findUnique({ where: { id: plan.id }, select: { id: true } });
    if (!exists) throw new ValidationError(msg("msg.quote.speakerGoneChoose"), { speakerId: [msg("msg.quote.speakerGone")] });
    return plan.id;
  }
  return createSpeakerNamed(ctx, plan.newName!, plan.mention);
}

// ── The source ──────────────────────────────────────────────────────────────────────────────

/** The article's Source: the linked one, or a new one made from the article (first acceptance). */
async function ensureSource(ctx: BatchContext): Promise<{ id: string; text: string }> {
  if (ctx.source) return ctx.source;
  const { article } = ctx;
  if (article.sourceId) {
    const source = await ctx.tx.source.findUnique({ where: { id: article.sourceId }, select: { id: true, snapshotText: true } });
    if (source) {
      ctx.source = { id: source.id, text: source.snapshotText ?? "" };
      return ctx.source;
    }
  }
  // The article's fields were checked at ingestion; the snapshot and its hash come from
  // createSource.
  const row = await createSource(
    ctx.actor,
    {
      kind: "news_article",
      url: article.url ?? undefined,
      // A title is content: in the article's language (lib/content-text.ts), whoever reads the desk.
      title: article.title ?? ingestedTitle(article),
      publisher: article.publisher ?? undefined,
      author: undefined,
      publishedAt: article.publishedAt ?? undefined,
      accessedAt: article.createdAt,
      language: article.language ?? "de",
      snapshotText: article.text,
    },
    ctx.tx,
  );
  ctx.source = { id: row.id, text: article.text };
  ctx.sourceCreated = true;
  return ctx.source;
}

/** The span must read the same in the source's stored text as in the article. */
function checkSourceSpan(ctx: BatchContext, source: { text: string }, c: CandidateRow): void {
  if (source.text.slice(c.start, c.end) !== ctx.article.text.slice(c.start, c.end) || c.end > source.text.length) {
    throw new ValidationError(msg("msg.article.sourceSpanChanged", { start: String(c.start), end: String(c.end) }));
  }
}

// ── Accepting ───────────────────────────────────────────────────────────────────────────────

interface Choices {
  speakerId: string | null;
  confirmNewSpeaker: boolean;
}

/** Names of the new speakers accepting `c` would create, given the choices. */
async function newSpeakersFor(tx: Tx, article: ArticleRow, c: CandidateRow, choices: Choices): Promise<{ speaker: SpeakerPlan | null; reporter: SpeakerPlan | null }> {
  if (c.kind !== "quote") return { speaker: null, reporter: null };
  const speaker = await planSpeaker(tx, article.text, choices.speakerId, c.speakerId, c.speakerName, c.speakerStart, c.speakerEnd);
  const reporter = await planSpeaker(tx, article.text, null, c.reportedById, c.reportedByName, c.reportedByStart, c.reportedByEnd);
  return { speaker, reporter };
}

/** The smallest accepted quote of this article whose span contains [start, end) (not equal). */
async function enclosingQuote(tx: Tx, articleId: string, start: number, end: number, sourceId: string) {
  const outer = await tx.articleCandidate.findMany({
    where: { articleId, kind: "quote", status: "accepted", createdQuoteId: { not: null }, start: { lte: start }, end: { gte: end } },
    select: { start: true, end: true, createdQuoteId: true, createdQuote: { select: { id: true, speakerId: true, appearances: { where: { sourceId }, select: { id: true } } } } },
  });
  return outer
    .filter((o) => (o.start !== start || o.end !== end) && o.createdQuote && o.createdQuote.appearances.length > 0)
    .sort((a, b) => a.end - a.start - (b.end - b.start))[0]?.createdQuote ?? null;
}

/** Accepts one candidate in the batch's transaction; returns the candidate as it is now. */
async function acceptOne(ctx: BatchContext, c: CandidateRow, choices: Choices): Promise<CandidateRow> {
  const { tx, actor, article } = ctx;
  const text = c.text.trim();
  if (c.kind === "quote") {
    const { speaker, reporter } = await newSpeakersFor(tx, article, c, choices);
    if (!speaker) {
      throw new ValidationError(msg("msg.article.noSpeaker"), { speakerId: [msg("msg.article.chooseSpeaker")] });
    }
    const fresh = [speaker, reporter].filter((p): p is SpeakerPlan => !!p && p.id === null).map((p) => p.newName!);
    if (fresh.length && !choices.confirmNewSpeaker) {
      const names = list(
        [...new Set(fresh)].map((text) => msg("msg.quote.quoted", { text })),
        "and",
      );
      throw new ValidationError(msg("msg.article.newSpeakersUnconfirmed", { count: fresh.length, names }), {
        confirmNewSpeaker: [msg("msg.article.toBeCreated", { names })],
      });
    }
    const kind: SpeechKind = c.speechKind ?? "direct";
    const speakerId = await resolveSpeaker(ctx, speaker);
    let reportedById = reporter ? await resolveSpeaker(ctx, reporter) : null;
    if (reportedById === speakerId) reportedById = null;
    const source = await ensureSource(ctx);
    checkSourceSpan(ctx, source, c);
    const parent = await enclosingQuote(tx, article.id, c.start, c.end, source.id);
    // The quote desk's own rules (lib/editorial/quotes.ts): the text, and a direct quote's
    // passage reading exactly its words; indirect speech may word it differently.
    const quote = await createQuote(
      actor,
      validated(quoteInput, {
        speakerId,
        text,
        language: article.language ?? "de",
        kind,
        reportedById: reportedById ?? undefined,
        parentId: parent?.id ?? undefined,
        translations: [],
        appearances: [{ sourceId: source.id, start: c.start, end: c.end }],
        allowMismatch: kind === "indirect" ? "on" : "",
      }),
      tx,
    );
    return tx.articleCandidate.update({
      where: { id: c.id },
      data: { status: "accepted", createdQuoteId: quote.id, speakerId, reportedById, decidedById: actor.id, decidedAt: new Date(), version: { increment: 1 } },
    });
  }

  // A claim: a draft with the passage, the quotes of this article it lies in, the quantity.
  let claimantId: string | null = null;
  if (choices.speakerId) {
    const exists = await tx.speaker.findUnique({ where: { id: choices.speakerId }, select: { id: true } });
    if (!exists) throw new ValidationError(msg("msg.article.claimantGone"), { speakerId: [msg("msg.article.chooseAgain")] });
    claimantId = exists.id;
  }
  const source = await ensureSource(ctx);
  checkSourceSpan(ctx, source, c);
  const quote = await enclosingQuoteOrSame(tx, article.id, c, source.id);
  if (!claimantId && quote) claimantId = quote.speakerId;
  // The claim desk's own rules (lib/editorial/claims.ts): text, quantity, references, passages.
  const claim = await createClaim(
    actor,
    validated(createClaimSchema, {
      text,
      language: article.language ?? "de",
      claimantId: claimantId ?? undefined,
      topicIds: [],
      quoteIds: quote ? [quote.id] : [],
      passages: [{ sourceId: source.id, start: c.start, end: c.end }],
      quantityValue: c.quantityValue === null ? undefined : String(c.quantityValue),
      quantityUnit: c.quantityValue === null ? undefined : (c.quantityUnit ?? undefined),
    }),
    tx,
  );
  return tx.articleCandidate.update({
    where: { id: c.id },
    data: { status: "accepted", createdClaimId: claim.id, speakerId: claimantId, decidedById: actor.id, decidedAt: new Date(), version: { increment: 1 } },
  });
}

/** An accepted quote of the article whose span contains the claim's (or is the same). */
async function enclosingQuoteOrSame(tx: Tx, articleId: string, c: CandidateRow, sourceId: string) {
  const rows = await tx.articleCandidate.findMany({
    where: { articleId, kind: "quote", status: "accepted", createdQuoteId: { not: null }, start: { lte: c.start }, end: { gte: c.end } },
    select: { start: true, end: true, createdQuote: { select: { id: true, speakerId: true, appearances: { where: { sourceId }, select: { id: true } } } } },
  });
  return rows.filter((r) => r.createdQuote && r.createdQuote.appearances.length > 0).sort((a, b) => a.end - a.start - (b.end - b.start))[0]?.createdQuote ?? null;
}

function requireEdit(actor: Actor) {
  if (!can(actor.role, "record.edit")) throw new ForbiddenError();
}

async function loadCandidate(tx: Tx, candidateId: string): Promise<CandidateRow> {
  const c = await tx.articleCandidate.findUnique({ where: { id: candidateId } });
  if (!c) throw new NotFoundError("Candidate");
  return c;
}

async function decidedMessage(tx: Tx, c: CandidateRow): Promise<TransitionError> {
  const who = c.decidedById ? (await tx.user.findUnique({ where: { id: c.decidedById }, select: { name: true } }))?.name : null;
  const status = c.status;
  if (!who) return new TransitionError(msg("msg.article.alreadyDecided", { status }));
  if (!c.decidedAt) return new TransitionError(msg("msg.article.alreadyDecidedBy", { status, who }));
  return new TransitionError(msg("msg.article.alreadyDecidedByAt", { status, who, when: moment(c.decidedAt) }));
}

function conflict(c: CandidateRow): ConflictError {
  return new ConflictError({
    current: { id: c.id, version: c.version, text: c.text, start: c.start, end: c.end, speakerName: c.speakerName, speakerId: c.speakerId, speechKind: c.speechKind },
    currentVersion: c.version,
    changedBy: null,
    changedAt: c.updatedAt.toISOString(),
  });
}

/** Reads the candidate for a decision: it must be open and at the version the form showed. */
async function openCandidate(tx: Tx, candidateId: string, expectedVersion: number): Promise<{ article: ArticleRow; candidate: CandidateRow }> {
  const first = await loadCandidate(tx, candidateId);
  const article = await lockArticle(tx, first.articleId);
  // Read again under the article's lock: a decision that was waiting for it has landed.
  const candidate = await loadCandidate(tx, candidateId);
  if (candidate.status !== "proposed") throw await decidedMessage(tx, candidate);
  if (candidate.version !== expectedVersion) throw conflict(candidate);
  return { article, candidate };
}

export async function acceptCandidate(
  actor: Actor,
  input: AcceptCandidateInput,
  client: Client = db,
): Promise<{ id: string; articleId: string; quoteId: string | null; claimId: string | null; message: Message }> {
  requireEdit(actor);
  return inTransaction(async (tx) => {
    const { article, candidate } = await openCandidate(tx, input.id, input.version);
    const ctx: BatchContext = { tx, actor, article, source: null, sourceCreated: false, created: new Map() };
    const after = await acceptOne(ctx, candidate, { speakerId: input.speakerId ?? null, confirmNewSpeaker: input.confirmNewSpeaker });
    await recordDecision(tx, actor, article, [candidate], [after], ctx.sourceCreated ? { sourceId: ctx.source!.id } : {});
    const what = msg(after.createdQuoteId ? "msg.article.quoteCreated" : "msg.article.claimCreated");
    const extras = [
      ctx.sourceCreated ? msg("msg.article.sourceCreated") : null,
      ctx.created.size ? msg("msg.article.speakersCreated", { count: ctx.created.size }) : null,
    ].filter((m): m is Message => m !== null);
    return {
      id: after.id,
      articleId: article.id,
      quoteId: after.createdQuoteId,
      claimId: after.createdClaimId,
      message: extras.length ? msg("msg.article.acceptedWith", { what, extras: list(extras) }) : msg("msg.article.accepted", { what }),
    };
  }, client);
}

export async function rejectCandidate(actor: Actor, input: RejectCandidateInput, client: Client = db): Promise<{ articleId: string; message: Message }> {
  requireEdit(actor);
  return inTransaction(async (tx) => {
    const { article, candidate } = await openCandidate(tx, input.id, input.version);
    const after = await tx.articleCandidate.update({
      where: { id: candidate.id },
      data: { status: "rejected", decidedById: actor.id, decidedAt: new Date(), version: { increment: 1 } },
    });
    await recordDecision(tx, actor, article, [candidate], [after]);
    return { articleId: article.id, message: msg("msg.article.rejected", { text: short(candidate.text, 60) }) };
  }, client);
}

/** Changes an open candidate: its span, its text, its speaker, its kind of speech. */
export async function editCandidate(actor: Actor, input: EditCandidateInput, client: Client = db): Promise<{ articleId: string; changed: boolean; message: Message }> {
  requireEdit(actor);
  return inTransaction(async (tx) => {
    const { article, candidate } = await openCandidate(tx, input.id, input.version);
    const errors: FieldErrors = {};
    const add = (field: string, message: Message) => (errors[field] ??= []).push(message);
    const length = article.text.length;
    const span = { start: String(input.start), end: String(input.end) };
    if (!(input.start < input.end && input.end <= length)) add("end", msg("msg.article.spanOutside", { ...span, length: String(length) }));
    const words = article.text.slice(input.start, input.end);
    const speechKind = candidate.kind === "quote" ? (input.speechKind ?? candidate.speechKind ?? "direct") : null;
    const text = input.text ?? words.trim();
    if (!errors.end && words.trim() !== "" && words !== words.trim()) {
      add("start", msg("msg.article.spanWhitespace", { ...span, words: short(words.trim(), 60) }));
    } else if (!errors.end) {
      if (speechKind === "direct" && text !== words) {
        add("text", msg("msg.article.spanMismatch", { ...span, words: short(words, 120), text: short(text, 120) }));
      }
      if (text === "") add("text", msg("msg.article.spanOnlyWhitespace"));
    }
    if (candidate.kind === "claim" && text.length > CLAIM_MAX) add("text", msg("msg.article.claimTooLong", { max: CLAIM_MAX }));
    let speakerId = candidate.speakerId;
    let speakerName = candidate.speakerName;
    let speakerStart = candidate.speakerStart;
    let speakerEnd = candidate.speakerEnd;
    if (candidate.kind === "quote") {
      if (input.newSpeakerName) {
        speakerId = null;
        speakerName = input.newSpeakerName;
        speakerStart = speakerEnd = null;
      } else if (input.speakerId) {
        const s = await tx.speaker.findUnique({ where: { id: input.speakerId }, select: { id: true, name: true } });
        if (!s) add("speakerId", msg("msg.quote.speakerGone"));
        else if (s.id !== candidate.speakerId) {
          speakerId = s.id;
          speakerName = s.name;
        }
      } else if (candidate.speakerId) {
        // "– neu: mention –" chosen while a known speaker was matched: the mention becomes a new speaker.
        speakerId = null;
      }
    }
    if (Object.keys(errors).length) {
      const first = Object.values(errors)[0]?.[0];
      throw new ValidationError(Object.keys(errors).length === 1 && first ? first : msg("msg.error.checkFields"), errors);
    }
    const data = { start: input.start, end: input.end, text, speechKind, speakerId, speakerName, speakerStart, speakerEnd };
    const changed = (Object.keys(data) as (keyof typeof data)[]).some((k) => data[k] !== candidate[k]);
    if (!changed) return { articleId: article.id, changed: false, message: msg("msg.record.noChanges") };
    const after = await tx.articleCandidate.update({ where: { id: candidate.id }, data: { ...data, edited: true, version: { increment: 1 } } });
    await recordDecision(tx, actor, article, [candidate], [after]);
    return { articleId: article.id, changed: true, message: msg("msg.article.edited") };
  }, client);
}

/**
 * Accepts every open candidate that can be accepted as it is: quotes first (so that claims and
 * nested quotes can link to them), in text order. Quotes that need a new speaker are accepted
 * only with `confirmNewSpeakers` (one new speaker per name); quotes without any speaker and
 * claims whose text is too long stay open. One transaction, one revision of the article.
 */
export async function acceptAllCandidates(
  actor: Actor,
  input: AcceptAllInput,
  client: Client = db,
): Promise<{ articleId: string; accepted: number; open: number; message: Message }> {
  requireEdit(actor);
  return inTransaction(async (tx) => {
    const article = await lockArticle(tx, input.id);
    const candidates = await tx.articleCandidate.findMany({ where: { articleId: article.id, status: "proposed" } });
    candidates.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "quote" ? -1 : 1) || a.start - b.start || b.end - a.end);
    if (candidates.length === 0) throw new TransitionError(msg("msg.article.noOpen"));
    const ctx: BatchContext = { tx, actor, article, source: null, sourceCreated: false, created: new Map() };
    const before: CandidateRow[] = [];
    const after: CandidateRow[] = [];
    const skipped = { speaker: 0, newSpeaker: 0, other: 0 };
    for (const c of candidates) {
      const choices = { speakerId: null, confirmNewSpeaker: input.confirmNewSpeakers };
      if (c.kind === "quote") {
        const { speaker, reporter } = await newSpeakersFor(tx, article, c, choices);
        if (!speaker) {
          skipped.speaker++;
          continue;
        }
        if (!input.confirmNewSpeakers && [speaker, reporter].some((p) => p && p.id === null)) {
          skipped.newSpeaker++;
          continue;
        }
        if ((c.speechKind ?? "direct") === "direct" && article.text.slice(c.start, c.end) !== c.text) {
          skipped.other++;
          continue;
        }
      } else if (c.text.trim().length > CLAIM_MAX || !c.text.trim()) {
        skipped.other++;
        continue;
      }
      before.push(c);
      after.push(await acceptOne(ctx, c, choices));
    }
    if (after.length === 0) {
      throw new ValidationError(
        msg(skipped.newSpeaker ? "msg.article.nothingNewSpeakers" : "msg.article.nothingAcceptable"),
        skipped.newSpeaker ? { confirmNewSpeakers: [msg("msg.article.pleaseConfirm")] } : {},
      );
    }
    await recordDecision(tx, actor, article, before, after, ctx.sourceCreated ? { sourceId: ctx.source!.id } : {});
    const open = skipped.speaker + skipped.newSpeaker + skipped.other;
    const reasons = [
      skipped.newSpeaker ? msg("msg.article.acceptAll.reason.newSpeaker", { count: skipped.newSpeaker }) : null,
      skipped.speaker ? msg("msg.article.acceptAll.reason.noSpeaker", { count: skipped.speaker }) : null,
      skipped.other ? msg("msg.article.acceptAll.reason.needsEditing", { count: skipped.other }) : null,
    ].filter((m): m is Message => m !== null);
    const accepted = ctx.created.size
      ? msg("msg.article.acceptAll.acceptedCreated", { count: after.length, created: ctx.created.size })
      : msg("msg.article.acceptAll.accepted", { count: after.length });
    return {
      articleId: article.id,
      accepted: after.length,
      open,
      message: open ? msg("msg.article.acceptAll.doneOpen", { accepted, open, reasons: list(reasons) }) : msg("msg.article.acceptAll.done", { accepted }),
    };
  }, client);
}

// ── Extraction ──────────────────────────────────────────────────────────────────────────────

interface CleanCandidate {
  kind: CandidateKind;
  speechKind: SpeechKind | null;
  start: number;
  end: number;
  text: string;
  speakerName: string | null;
  speakerStart: number | null;
  speakerEnd: number | null;
  speakerId: string | null;
  reportedByName: string | null;
  reportedByStart: number | null;
  reportedByEnd: number | null;
  reportedById: string | null;
  quantityValue: string | null;
  quantityUnit: string | null;
  fingerprint: string;
}

const validSpan = (s: { start: unknown; end: unknown }, length: number) =>
  Number.isInteger(s.start) && Number.isInteger(s.end) && (s.start as number) >= 0 && (s.start as number) < (s.end as number) && (s.end as number) <= length;

/** The span without whitespace at its edges, or null when nothing else is in it. */
function trimSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return s < e ? { start: s, end: e } : null;
}

/** The extractor's proposals, checked against the text: bad offsets and unknown ids are dropped. */
function clean(text: string, result: ExtractionResult, speakerIds: Set<string>): { items: CleanCandidate[]; invalid: number } {
  const items: CleanCandidate[] = [];
  let invalid = 0;
  const mention = (m: { start: number; end: number; name: string; speakerId?: string | null } | null) => {
    if (!m || typeof m.name !== "string" || !m.name.trim()) return { name: null, start: null, end: null, id: null };
    const ok = validSpan(m, text.length);
    return {
      name: short(m.name, 200),
      start: ok ? m.start : null,
      end: ok ? m.end : null,
      id: m.speakerId && speakerIds.has(m.speakerId) ? m.speakerId : null,
    };
  };
  for (const q of Array.isArray(result.quotes) ? result.quotes : []) {
    if (!validSpan(q, text.length) || (q.kind !== "direct" && q.kind !== "indirect")) {
      invalid++;
      continue;
    }
    const span = trimSpan(text, q.start, q.end);
    if (!span) {
      invalid++;
      continue;
    }
    const words = text.slice(span.start, span.end);
    const s = mention(q.speaker);
    const r = mention(q.reportedBy);
    items.push({
      kind: "quote",
      speechKind: q.kind,
      ...span,
      // Offsets are the truth: the text is what stands there.
      text: words,
      speakerName: s.name,
      speakerStart: s.start,
      speakerEnd: s.end,
      speakerId: s.id,
      reportedByName: r.name,
      reportedByStart: r.start,
      reportedByEnd: r.end,
      reportedById: r.id,
      quantityValue: null,
      quantityUnit: null,
      fingerprint: candidateFingerprint("quote", words, span.start, span.end),
    });
  }
  for (const c of Array.isArray(result.claims) ? result.claims : []) {
    if (!validSpan(c, text.length)) {
      invalid++;
      continue;
    }
    const span = trimSpan(text, c.start, c.end);
    if (!span) {
      invalid++;
      continue;
    }
    const words = (typeof c.text === "string" && c.text.trim() ? c.text : text.slice(span.start, span.end)).trim();
    const value = c.quantity ? decimal(c.quantity.value) : null;
    items.push({
      kind: "claim",
      speechKind: null,
      ...span,
      text: words,
      speakerName: null,
      speakerStart: null,
      speakerEnd: null,
      speakerId: null,
      reportedByName: null,
      reportedByStart: null,
      reportedByEnd: null,
      reportedById: null,
      quantityValue: value,
      quantityUnit: value !== null && c.quantity?.unit ? short(c.quantity.unit, 50) : null,
      fingerprint: candidateFingerprint("claim", words, span.start, span.end),
    });
  }
  return { items, invalid };
}

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

// ── Reads ───────────────────────────────────────────────────────────────────────────────────

/** The list's sortable columns and the direction each starts in; the first is the default. */
export const ARTICLE_SORTING = sortColumns({ created: "desc", title: "asc", publisher: "asc", status: "asc" });
export type ArticleSort = (typeof ARTICLE_SORTING.columns)[number];

export interface ArticleListParams {
  q?: string;
  status?: ArticleStatus;
  /** Only the articles this account ingested. */
  createdById?: string;
  sort?: ArticleSort;
  /** Default: the column's own direction. */
  dir?: SortDirection;
  page?: number;
}

export async function listArticles(params: ArticleListParams, client: Client = db) {
  const page = params.page ?? 1;
  const where: Prisma.ArticleWhereInput = {
    ...(params.status ? { status: params.status } : {}),
    ...(params.createdById ? { createdById: params.createdById } : {}),
    ...(params.q
      ? {
          OR: [
            { title: { contains: params.q, mode: "insensitive" } },
            { publisher: { contains: params.q, mode: "insensitive" } },
            { url: { contains: params.q, mode: "insensitive" } },
            { originalFilename: { contains: params.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const sort = params.sort ?? ARTICLE_SORTING.columns[0]!;
  const dir = params.dir ?? ARTICLE_SORTING.initial[sort];
  // Untitled articles and those without a publisher come last; ties newest first.
  const orders: Record<ArticleSort, Prisma.ArticleOrderByWithRelationInput[]> = {
    created: [{ createdAt: dir }],
    title: [{ title: { sort: dir, nulls: "last" } }, { createdAt: "desc" }],
    publisher: [{ publisher: { sort: dir, nulls: "last" } }, { createdAt: "desc" }],
    status: [{ status: dir }, { createdAt: "desc" }],
  };
  const [rows, total] = await Promise.all([
    client.article.findMany({
      where,
      orderBy: [...orders[sort], { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        title: true,
        publisher: true,
        publishedAt: true,
        language: true,
        format: true,
        status: true,
        sourceId: true,
        createdAt: true,
        createdBy: { select: { name: true } },
      },
    }),
    client.article.count({ where }),
  ]);
  const counts = rows.length
    ? await client.articleCandidate.groupBy({ by: ["articleId", "status"], where: { articleId: { in: rows.map((r) => r.id) } }, _count: { _all: true } })
    : [];
  const items = rows.map((r) => {
    const of = (status: CandidateStatus) => counts.find((c) => c.articleId === r.id && c.status === status)?._count._all ?? 0;
    return { ...r, candidates: { proposed: of("proposed"), accepted: of("accepted"), rejected: of("rejected") } };
  });
  return pageOf(items, total, page);
}

export interface ReviewCandidate {
  id: string;
  version: number;
  kind: CandidateKind;
  speechKind: SpeechKind | null;
  status: CandidateStatus;
  start: number;
  end: number;
  text: string;
  /** The words at [start, end) now (the text may be edited, for indirect speech and claims). */
  words: string;
  speakerName: string | null;
  speakerMention: string | null;
  speakerId: string | null;
  /** An existing speaker for the mention: the matched one, else exactly one of that name or alias. */
  suggestedSpeakerId: string | null;
  reportedByName: string | null;
  reportedById: string | null;
  /** Names that accepting as proposed would create as new speakers. */
  newSpeakers: string[];
  quantityValue: string | null;
  quantityUnit: string | null;
  edited: boolean;
  quoteId: string | null;
  claimId: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
}

export async function getArticleForReview(articleId: string, client: Client = db) {
  const article = await client.article.findUnique({
    where: { id: articleId },
    include: {
      createdBy: { select: { name: true } },
      source: { select: { id: true, title: true } },
      candidates: { orderBy: [{ start: "asc" }, { end: "desc" }, { id: "asc" }], include: { decidedBy: { select: { name: true } } } },
    },
  });
  if (!article) return null;
  const speakers = await client.speaker.findMany({ select: { id: true, name: true, aliases: { select: { alias: true } } }, orderBy: { name: "asc" } });
  // Other articles with the same text (ingested twice), oldest first.
  const sameText = await client.article.findMany({
    where: { contentHash: article.contentHash, id: { not: article.id } },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true, createdAt: true },
    take: 5,
  });
  const byName = new Map<string, string[]>();
  for (const s of speakers) {
    for (const n of [s.name, ...s.aliases.map((a) => a.alias)]) {
      const key = n.toLocaleLowerCase("de");
      const list = byName.get(key) ?? [];
      if (!list.includes(s.id)) list.push(s.id);
      byName.set(key, list);
    }
  }
  const speakerIds = new Set(speakers.map((s) => s.id));
  const suggest = (id: string | null, name: string | null): string | null => {
    if (id && speakerIds.has(id)) return id;
    if (!name) return null;
    const found = byName.get(name.toLocaleLowerCase("de")) ?? [];
    return found.length === 1 ? found[0]! : null;
  };
  const candidates: ReviewCandidate[] = article.candidates.map((c) => {
    const suggestedSpeakerId = c.kind === "quote" ? suggest(c.speakerId, c.speakerName) : null;
    const reporter = c.kind === "quote" ? suggest(c.reportedById, c.reportedByName) : null;
    const newSpeakers = [
      c.kind === "quote" && !suggestedSpeakerId && c.speakerName ? c.speakerName : null,
      c.kind === "quote" && !reporter && c.reportedByName ? c.reportedByName : null,
    ].filter((n): n is string => n !== null);
    return {
      id: c.id,
      version: c.version,
      kind: c.kind,
      speechKind: c.speechKind,
      status: c.status,
      start: c.start,
      end: c.end,
      text: c.text,
      words: article.text.slice(c.start, c.end),
      speakerName: c.speakerName,
      speakerMention: c.speakerStart !== null && c.speakerEnd !== null ? article.text.slice(c.speakerStart, c.speakerEnd) : null,
      speakerId: c.speakerId,
      suggestedSpeakerId,
      reportedByName: c.reportedByName,
      reportedById: reporter,
      newSpeakers: [...new Set(newSpeakers)],
      quantityValue: c.quantityValue === null ? null : String(c.quantityValue),
      quantityUnit: c.quantityUnit,
      edited: c.edited,
      quoteId: c.createdQuoteId,
      claimId: c.createdClaimId,
      decidedBy: c.decidedBy?.name ?? null,
      decidedAt: c.decidedAt,
    };
  });
  const { candidates: _rows, rawContent: _raw, ...rest } = article;
  void _rows;
  void _raw;
  return {
    ...rest,
    rawLength: article.rawContent.length,
    sameText,
    candidates,
    speakers: speakers.map((s) => ({ value: s.id, label: s.name })),
    speakerNames: new Map(speakers.map((s) => [s.id, s.name])),
  };
}

export type ArticleForReview = NonNullable<Awaited<ReturnType<typeof getArticleForReview>>>;

export interface TextSegment {
  text: string;
  /** The candidates covering this segment, innermost (latest start, shortest) first. */
  candidateIds: string[];
}

/**
 * The text cut at every start and end of the given spans, each piece with the spans that cover
 * it: for highlighting overlapping and nested candidates. O((n + k) log k) for k spans.
 */
export function segmentText(text: string, spans: readonly { id: string; start: number; end: number }[]): TextSegment[] {
  const valid = spans.filter((s) => s.start >= 0 && s.start < s.end && s.end <= text.length);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const starting = new Map<number, typeof valid>();
  for (const s of valid) starting.set(s.start, [...(starting.get(s.start) ?? []), s]);
  const active: typeof valid = [];
  const segments: TextSegment[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const from = cuts[i]!;
    const to = cuts[i + 1]!;
    for (let j = active.length - 1; j >= 0; j--) if (active[j]!.end <= from) active.splice(j, 1);
    active.push(...(starting.get(from) ?? []));
    const covering = [...active].sort((a, b) => b.start - a.start || a.end - b.end).map((s) => s.id);
    segments.push({ text: text.slice(from, to), candidateIds: covering });
  }
  return segments;
}

/** The title of the source made from an article without one: "Article ingested on 3 Dec 2026",
 * in the article's language (it is the source's content, lib/content-text.ts). */
function ingestedTitle(article: { language: string | null; createdAt: Date }): string {
  const locale = isLocale(article.language) ? article.language : NEWSROOM_LANGUAGE;
  return contentText(locale, msg("msg.article.ingestedTitle", { date: formatDay(article.createdAt, locale) }));
}
