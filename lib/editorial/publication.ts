// PUBLIC MEANS APPROVED (domain.md; docs/publication.md). What a public claim's page shows is
// what two people approved: the approval step (./workflow.ts, "approve") freezes it here into a
// ClaimPublication, and lib/public reads only that, never the working records.
//
// - Frozen: the claim's date, its claimant's name, its topics, its quotes (text, language,
//   speech kind, date, occasion, place, speaker and reporter by name, translations, the
//   passages of sources where they appear), the other passages of sources it comes from, the
//   sources' metadata and the excerpts around every passage, and the evidence (stance, excerpt,
//   note, source). The verdict, summary and analysis are frozen the same way, in the claim's
//   published* columns; text, language and claimant never change after the first publication
//   (./claims/rules.ts), so the public reads them from the claim.
// - Desk edits of quotes, sources, speakers, evidence and claim fields change the working
//   records only. They reach readers with the next approval of every public claim that shows
//   them, i.e. through the correction workflow (a public dated note, a fresh approval by a
//   second person). pendingPublicChanges says what a claim's next approval would change.
// - A speaker's own page (name, bio, aliases, roles) is not part of any claim: it shows the
//   speaker's working record, which only desk roles may change once the speaker is public
//   (./speakers.ts). Topic and verdict names are the newsroom's taxonomy, read live as well.
// - The frozen copy keeps the ids of speakers, sources and quotes so that lib/public can find
//   current addresses (speaker slugs) and the desk can compare; no id is ever shown publicly.
import { createHash } from "node:crypto";
import { db, type Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { EvidenceStance, SourceKind, SpeakerKind, SpeechKind } from "../generated/prisma/enums";
import { passageInContext, type PassageInContext } from "../passage";
import { CONTEXT_RADIUS, publicClaimWhere } from "../public";
import { inTransaction, updateRecord, type Tx } from "./records";

// ---------------------------------------------------------------------------------------
// The frozen content (ClaimPublication.content). Dates are ISO 8601 strings (JSON).

export interface FrozenSpeaker {
  id: string;
  name: string;
  kind: SpeakerKind;
  wikidataId: string | null;
}

export interface FrozenSource {
  id: string;
  kind: SourceKind;
  url: string | null;
  title: string;
  publisher: string | null;
  author: string | null;
  publishedAt: string | null;
  language: string;
}

/** A passage of a source with the excerpt of its stored text around it, as the page shows it
 * (null: the source had no stored text, or the offsets did not fit it). */
export interface FrozenPassage {
  sourceId: string;
  context: PassageInContext | null;
}

export interface FrozenQuote {
  quoteId: string;
  text: string;
  language: string;
  kind: SpeechKind;
  saidOn: string | null;
  occasion: string | null;
  place: string | null;
  speaker: FrozenSpeaker;
  reportedBy: FrozenSpeaker | null;
  translations: { language: string; text: string }[];
  appearances: FrozenPassage[];
}

export interface FrozenEvidence {
  stance: EvidenceStance;
  excerpt: string;
  note: string | null;
  sourceId: string;
}

export const PUBLISHED_CONTENT_FORMAT = 1;

export interface PublishedContent {
  format: typeof PUBLISHED_CONTENT_FORMAT;
  text: string;
  language: string;
  claimDate: string | null;
  claimant: FrozenSpeaker | null;
  /** Sorted. The topics' names are the taxonomy's, read live. */
  topicIds: string[];
  /** In the order the page shows them: as they appear in their sources. */
  quotes: FrozenQuote[];
  /** Passages the claim comes from, except those where one of its quotes appears (the page
   * shows those with the quote). */
  passages: FrozenPassage[];
  /** Every source the quotes, passages and evidence point to, by id. */
  sources: FrozenSource[];
  evidence: FrozenEvidence[];
}

/** The content as stored, checked for the format this code reads. */
export function readPublishedContent(value: unknown): PublishedContent {
  const content = value as Partial<PublishedContent> | null;
  if (!content || typeof content !== "object" || content.format !== PUBLISHED_CONTENT_FORMAT) {
    throw new Error("ClaimPublication.content: unknown format");
  }
  return content as PublishedContent;
}

// ---------------------------------------------------------------------------------------
// Building it from the working records.

const speakerSelect = { id: true, name: true, kind: true, wikidataId: true } satisfies Prisma.SpeakerSelect;

const workingSelect = {
  text: true,
  language: true,
  claimDate: true,
  verdictId: true,
  summary: true,
  analysis: true,
  publishedVerdictId: true,
  publishedSummary: true,
  publishedAnalysis: true,
  publicState: true,
  claimant: { select: speakerSelect },
  topics: { select: { topicId: true } },
  quotes: {
    select: {
      quote: {
        select: {
          id: true,
          text: true,
          language: true,
          kind: true,
          saidOn: true,
          occasion: true,
          place: true,
          speaker: { select: speakerSelect },
          reportedBy: { select: speakerSelect },
          translations: { select: { language: true, text: true }, orderBy: { language: "asc" } },
          appearances: { select: { sourceId: true, start: true, end: true }, orderBy: [{ start: "asc" }, { sourceId: "asc" }] },
        },
      },
    },
    orderBy: { quoteId: "asc" },
  },
  passages: { select: { sourceId: true, start: true, end: true }, orderBy: [{ start: "asc" }, { sourceId: "asc" }] },
  evidence: {
    select: { stance: true, excerpt: true, note: true, sourceId: true },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.ClaimSelect;

type WorkingClaim = Prisma.ClaimGetPayload<{ select: typeof workingSelect }>;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function frozenSpeaker(s: { id: string; name: string; kind: SpeakerKind; wikidataId: string | null }): FrozenSpeaker {
  return { id: s.id, name: s.name, kind: s.kind, wikidataId: s.wikidataId };
}

async function loadWorking(client: Tx | Db, claimId: string): Promise<WorkingClaim | null> {
  return client.claim.findUnique({ where: { id: claimId }, select: workingSelect });
}

/** What the claim's page would show if it were approved now (its working records). */
async function contentOf(client: Tx | Db, claim: WorkingClaim): Promise<PublishedContent> {
  const sourceIds = [
    ...new Set([
      ...claim.quotes.flatMap(({ quote }) => quote.appearances.map((a) => a.sourceId)),
      ...claim.passages.map((p) => p.sourceId),
      ...claim.evidence.map((e) => e.sourceId),
    ]),
  ].sort();
  const rows = sourceIds.length
    ? await client.source.findMany({
        where: { id: { in: sourceIds } },
        select: { id: true, kind: true, url: true, title: true, publisher: true, author: true, publishedAt: true, language: true, snapshotText: true },
        orderBy: { id: "asc" },
      })
    : [];
  const texts = new Map(rows.map((s) => [s.id, s.snapshotText]));
  const passage = (sourceId: string, start: number, end: number): FrozenPassage => {
    const text = texts.get(sourceId) ?? null;
    return { sourceId, context: text === null ? null : passageInContext(text, start, end, CONTEXT_RADIUS) };
  };

  const quotes = claim.quotes
    .map(({ quote }) => quote)
    // Nested and continued quotes read best in the order they appear in the text (a stable
    // sort: quotes without a passage keep their order by id).
    .sort((a, b) => (a.appearances[0]?.start ?? Infinity) - (b.appearances[0]?.start ?? Infinity));
  const quotedSpans = new Set(quotes.flatMap((q) => q.appearances.map((a) => `${a.sourceId}:${a.start}:${a.end}`)));

  return {
    format: PUBLISHED_CONTENT_FORMAT,
    text: claim.text,
    language: claim.language,
    claimDate: iso(claim.claimDate),
    claimant: claim.claimant ? frozenSpeaker(claim.claimant) : null,
    topicIds: claim.topics.map((t) => t.topicId).sort(),
    quotes: quotes.map((q) => ({
      quoteId: q.id,
      text: q.text,
      language: q.language,
      kind: q.kind,
      saidOn: iso(q.saidOn),
      occasion: q.occasion,
      place: q.place,
      speaker: frozenSpeaker(q.speaker),
      reportedBy: q.reportedBy ? frozenSpeaker(q.reportedBy) : null,
      translations: q.translations.map((t) => ({ language: t.language, text: t.text })),
      appearances: q.appearances.map((a) => passage(a.sourceId, a.start, a.end)),
    })),
    passages: claim.passages.filter((p) => !quotedSpans.has(`${p.sourceId}:${p.start}:${p.end}`)).map((p) => passage(p.sourceId, p.start, p.end)),
    sources: rows.map((s) => ({
      id: s.id,
      kind: s.kind,
      url: s.url,
      title: s.title,
      publisher: s.publisher,
      author: s.author,
      publishedAt: iso(s.publishedAt),
      language: s.language,
    })),
    evidence: claim.evidence.map((e) => ({ stance: e.stance, excerpt: e.excerpt, note: e.note, sourceId: e.sourceId })),
  };
}

/** What the claim's page would show if it were approved now. */
export async function buildPublishedContent(client: Tx | Db, claimId: string): Promise<PublishedContent> {
  const claim = await loadWorking(client, claimId);
  if (!claim) throw new Error(`buildPublishedContent: no claim ${claimId}`);
  return contentOf(client, claim);
}

// ---------------------------------------------------------------------------------------
// Freezing it.

const json = (value: unknown) => value as Prisma.InputJsonValue;
const ref = (s: FrozenSpeaker) => json({ name: s.name, kind: s.kind, wikidataId: s.wikidataId });

/**
 * Freezes what the claim's page shows now into a new ClaimPublication and rewrites the rows
 * the speaker and topic pages and the search read (PublishedQuote, PublishedClaimTopic).
 * Returns the publication's id: the caller points Claim.publicationId at it in the same
 * transaction (the approval step, or freezeMissingPublications).
 */
export async function freezePublication(tx: Tx, claimId: string, now: Date): Promise<string> {
  const content = await buildPublishedContent(tx, claimId);
  const publication = await tx.claimPublication.create({
    data: { claimId, content: json(content), claimant: content.claimant ? json(content.claimant) : Prisma.DbNull, createdAt: now },
    select: { id: true },
  });
  await tx.publishedQuote.deleteMany({ where: { claimId } });
  if (content.quotes.length) {
    await tx.publishedQuote.createMany({
      data: content.quotes.map((q) => ({
        claimId,
        quoteId: q.quoteId,
        speakerId: q.speaker.id,
        reportedById: q.reportedBy?.id ?? null,
        text: q.text,
        language: q.language,
        kind: q.kind,
        saidOn: q.saidOn ? new Date(q.saidOn) : null,
        occasion: q.occasion,
        place: q.place,
        speakerRef: ref(q.speaker),
        reportedByRef: q.reportedBy ? ref(q.reportedBy) : Prisma.DbNull,
      })),
    });
  }
  await tx.publishedClaimTopic.deleteMany({ where: { claimId } });
  if (content.topicIds.length) {
    await tx.publishedClaimTopic.createMany({ data: content.topicIds.map((topicId) => ({ claimId, topicId })) });
  }
  return publication.id;
}

/**
 * Gives every public claim without a publication its first one, frozen from what its page
 * showed until now (data from before publications existed, or written around the workflow by
 * a script): run at every start (lib/seed/bootstrap.ts), so an upgrade changes nothing readers
 * see. One transaction per claim, under the claim's row lock, so two servers starting at once
 * freeze each claim once. Returns how many it froze.
 */
export async function freezeMissingPublications(client: Db = db): Promise<number> {
  const missing = (await client.claim.findMany({ where: { publicState: { not: null }, publicationId: null }, select: { id: true } })).map((c) => c.id);
  let frozen = 0;
  const freezeOne = (id: string) =>
    inTransaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Claim" WHERE id = ${id} FOR UPDATE`;
      const claim = await tx.claim.findUnique({ where: { id }, select: { version: true, publicState: true, publicationId: true } });
      if (!claim || !claim.publicState || claim.publicationId) return 0;
      const publicationId = await freezePublication(tx, id, new Date());
      // Recorded in the claim's history as a change by nobody (the system).
      await updateRecord(tx, "Claim", id, claim.version, null, { publicationId });
      return 1;
    }, client);
  // A few at a time: a large newsroom's upgrade (10,000 public claims) then takes a minute or
  // two once, not several.
  const workers = Array.from({ length: Math.min(FREEZE_CONCURRENCY, missing.length) }, async () => {
    for (let id = missing.pop(); id !== undefined; id = missing.pop()) {
      const done = await freezeOne(id);
      frozen += done;
    }
  });
  await Promise.all(workers);
  return frozen;
}

const FREEZE_CONCURRENCY = 3;

// ---------------------------------------------------------------------------------------
// What the next approval would change.

/** The parts of a public claim's page, as the desk names them (messages: publication.parts). */
export const PUBLICATION_PARTS = ["verdict", "claim", "claimant", "topics", "quotes", "passages", "sources", "evidence"] as const;
export type PublicationPart = (typeof PUBLICATION_PARTS)[number];

/** JSON with every object's keys sorted: PostgreSQL's jsonb keeps keys in an order of its own,
 * so a stored publication and a freshly built one compare equal only like this. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

function partsDiffering(working: PublishedContent, published: PublishedContent): PublicationPart[] {
  const sections: Record<Exclude<PublicationPart, "verdict">, (c: PublishedContent) => unknown> = {
    claim: (c) => [c.text, c.language, c.claimDate],
    claimant: (c) => c.claimant,
    topics: (c) => c.topicIds,
    quotes: (c) => c.quotes,
    passages: (c) => c.passages,
    sources: (c) => c.sources,
    evidence: (c) => c.evidence,
  };
  return (Object.keys(sections) as (keyof typeof sections)[]).filter((part) => !same(sections[part](working), sections[part](published)));
}

export interface PendingPublicChanges {
  /** The parts whose working version differs from the public one, in PUBLICATION_PARTS order. */
  parts: PublicationPart[];
  /** A digest of what the next approval would publish (the working version, the verdict
   * included): the approve form sends it, so that an approval publishes what the reviewer saw. */
  digest: string;
}

function digestOf(content: PublishedContent, claim: Pick<WorkingClaim, "verdictId" | "summary" | "analysis">): string {
  return createHash("sha256")
    .update(canonical([content, claim.verdictId, claim.summary, claim.analysis]))
    .digest("hex");
}

/** The digest of what approving the claim now would publish. */
export async function approvalDigest(client: Tx | Db, claimId: string): Promise<string> {
  const claim = await loadWorking(client, claimId);
  if (!claim) throw new Error(`approvalDigest: no claim ${claimId}`);
  return digestOf(await contentOf(client, claim), claim);
}

/**
 * For a public claim: which parts of its page its next approval would change (the desk's
 * notice "changes not yet public", and the check that a correction changes something). Null
 * when the claim is not public (or not yet frozen).
 */
export async function pendingPublicChanges(claimId: string, client: Tx | Db = db): Promise<PendingPublicChanges | null> {
  // One after the other: in a transaction they share one connection.
  const claim = await loadWorking(client, claimId);
  const current = await client.claim.findUnique({ where: { id: claimId }, select: { publication: { select: { content: true } } } });
  if (!claim || !claim.publicState || !current?.publication) return null;
  const working = await contentOf(client, claim);
  const verdictChanged =
    claim.verdictId !== claim.publishedVerdictId || claim.summary !== claim.publishedSummary || claim.analysis !== claim.publishedAnalysis;
  return {
    parts: [...(verdictChanged ? (["verdict"] as const) : []), ...partsDiffering(working, readPublishedContent(current.publication.content))],
    digest: digestOf(working, claim),
  };
}

// ---------------------------------------------------------------------------------------
// The public pages a publication shows on (for the cache: lib/public/revalidate.ts).

export interface PublicPages {
  claims: string[];
  speakers: string[];
  topics: string[];
}

/**
 * The pages a change of the claim's public version shows on: its own, and those of the
 * speakers and topics of its current and previous publication (a speaker or topic it no longer
 * shows lists it no more). Null when the claim is not public.
 */
export async function publicPagesOf(claimId: string, client: Db = db): Promise<PublicPages | null> {
  const claim = await client.claim.findUnique({
    where: { id: claimId },
    select: { slug: true, publicState: true, publications: { select: { content: true }, orderBy: { createdAt: "desc" }, take: 2 } },
  });
  if (!claim?.publicState) return null;
  const speakerIds = new Set<string>();
  const topicIds = new Set<string>();
  for (const { content } of claim.publications) {
    const c = readPublishedContent(content);
    if (c.claimant) speakerIds.add(c.claimant.id);
    for (const q of c.quotes) {
      speakerIds.add(q.speaker.id);
      if (q.reportedBy) speakerIds.add(q.reportedBy.id);
    }
    for (const id of c.topicIds) topicIds.add(id);
  }
  const [speakers, topics] = await Promise.all([
    client.speaker.findMany({ where: { id: { in: [...speakerIds] } }, select: { slug: true } }),
    client.topic.findMany({ where: { id: { in: [...topicIds] } }, select: { slug: true } }),
  ]);
  return { claims: [claim.slug], speakers: speakers.map((s) => s.slug), topics: topics.map((t) => t.slug) };
}

// ---------------------------------------------------------------------------------------
// Shared records on public pages (the desk's notice on quotes and sources).

/** How many public claims show the quote, as approved or in their working version (which
 * their next correction publishes). */
export async function publicClaimsWithQuote(quoteId: string, client: Db = db): Promise<number> {
  return client.claim.count({
    where: { ...publicClaimWhere, OR: [{ publishedQuotes: { some: { quoteId } } }, { quotes: { some: { quoteId } } }] },
  });
}

/** How many public claims show the source, as approved or in their working version. */
export async function publicClaimsWithSource(sourceId: string, client: Db = db): Promise<number> {
  return client.claim.count({
    where: {
      ...publicClaimWhere,
      OR: [
        { publication: { content: { path: ["sources"], array_contains: [{ id: sourceId }] } } },
        { passages: { some: { sourceId } } },
        { evidence: { some: { sourceId } } },
        { quotes: { some: { quote: { appearances: { some: { sourceId } } } } } },
      ],
    },
  });
}
