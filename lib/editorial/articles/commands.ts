// The article desk's decisions on candidates: accept one (→ a Quote or a draft Claim, and on
// the first acceptance the article's Source, and new speakers when the editor confirms them),
// edit one, reject one, accept all. Ingestion and extraction, which write the candidates, are
// ./extraction.ts.
//
// Every write is one transaction through createRecord/updateRecord (../records.ts): the
// created Speaker, Source, Quote and Claim rows get their own create revisions, and each
// decision is one revision of the Article, with the changed candidates as its field
// "candidates" (before/after). Decisions on one article are serialised by a row lock on the
// article (so two first acceptances cannot make two Sources).
import { db, type Db } from "../../db/client";
import type { ArticleStatus, Prisma, SpeechKind } from "../../generated/prisma/client";
import { can } from "../../auth/permissions";
import { list, msg, moment, type Message } from "../../messages";
import { createClaim, createClaimSchema } from "../claims";
import { ConflictError, ForbiddenError, NotFoundError, TransitionError, ValidationError, validated, type FieldErrors } from "../errors";
import { inTransaction, updateRecord, type Tx } from "../records";
import { createQuote, quoteInput } from "../quotes";
import { createSource } from "../sources";
import { createSpeaker, speakerInput, type Actor } from "../speakers";
import { ingestedTitle, norm, short } from "./rules";
import { CLAIM_MAX, type AcceptAllInput, type AcceptCandidateInput, type EditCandidateInput, type RejectCandidateInput } from "./schemas";

type Client = Db;

// ── The article and its revision ────────────────────────────────────────────────────────────

/** Locks the article row for the rest of the transaction and reads it (also ./extraction.ts). */
export async function lockArticle(tx: Tx, articleId: string) {
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

export function requireEdit(actor: Actor) {
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
