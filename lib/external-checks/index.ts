// Other organisations' fact-checks in the desk (domain.md, "Other organisations'
// fact-checks"): listing them, and the editors' links to our speakers and claims. Imported by
// lib/import; never one of our verdicts.
//
// - Speaker: the claimant is matched by name or alias at import; an editor may choose another
//   speaker, clear it, or make the claimant a new speaker (only on that confirmation). A change
//   is a revision of the ExternalFactCheck, with its version checked (optimistic concurrency).
//   Our speaker is never shown on the public page.
// - Claims ("also checked by"): an editor links a fact-check to one of our claims
//   (external.link). PUBLISHED CONTENT CHANGES ONLY THROUGH REVIEW: the link is public only
//   once a second person approves it (claim.review, not the one who linked it: four eyes), and
//   the approval stores what the reviewer saw (./snapshot.ts; the form carries its digest, and
//   the approval is refused when the check changed since). The public page shows that snapshot,
//   never the live row: a re-import that changes the check leaves the page as approved, and the
//   desk shows the link as changed, waiting for a new approval.
// - Unlinking is immediate, also of a public link: it only takes something off the public page
//   (a takedown, like a retraction; docs/import.md says why). Link, approval and unlink are
//   revisions of the claim (its history and the audit page).
import { z } from "zod";
import type { Prisma } from "../generated/prisma/client";
import { can } from "../auth/permissions";
import { db, type Db } from "../db/client";
import { ForbiddenError, NotFoundError, TransitionError, ValidationError } from "../editorial/errors";
import { id, optionalId, version } from "../editorial/fields";
import { msg, zodMessage, type Message } from "../messages";
import { conflictFor, inTransaction, updateRecord, type Tx } from "../editorial/records";
import { createSpeaker } from "../editorial/speakers";
import { recordRevision } from "../revisions";
import { matchSpeakers } from "../import/stage";
import type { ClaimStatus } from "../generated/prisma/enums";
import { changedFields, readSnapshot, snapshotDigest, snapshotOf, snapshotSelect, type ExternalCheckSnapshot } from "./snapshot";

export interface ExternalActor {
  id: string;
  role: Parameters<typeof can>[0];
}

function requireLink(actor: ExternalActor): void {
  if (!can(actor.role, "external.link")) throw new ForbiddenError(msg("msg.external.linkForbidden"));
}

// ---------------------------------------------------------------------------------------
// Reads (desk)

export const EXTERNAL_PAGE_SIZE = 50;

export interface ExternalListParams {
  q?: string;
  linked?: "yes" | "no";
  page?: number;
}

export async function listExternalChecks(params: ExternalListParams, client: Db = db) {
  const q = params.q?.trim().slice(0, 200);
  const where: Prisma.ExternalFactCheckWhereInput = {
    ...(q
      ? {
          OR: [
            { claimText: { contains: q, mode: "insensitive" } },
            { publisherName: { contains: q, mode: "insensitive" } },
            { claimantName: { contains: q, mode: "insensitive" } },
            { url: { contains: q, mode: "insensitive" } },
          ],
        }
      : {}),
    ...(params.linked === "yes" ? { claims: { some: {} } } : params.linked === "no" ? { claims: { none: {} } } : {}),
  };
  const page = Math.max(1, Math.floor(params.page ?? 1));
  const [items, total] = await Promise.all([
    client.externalFactCheck.findMany({
      where,
      orderBy: [{ reviewDate: { sort: "desc", nulls: "last" } }, { id: "asc" }],
      skip: (page - 1) * EXTERNAL_PAGE_SIZE,
      take: EXTERNAL_PAGE_SIZE,
      select: {
        id: true,
        publisherName: true,
        claimText: true,
        claimantName: true,
        textualRating: true,
        ratingValue: true,
        bestRating: true,
        reviewDate: true,
        url: true,
        language: true,
        speaker: { select: { id: true, name: true } },
        _count: { select: { claims: true } },
      },
    }),
    client.externalFactCheck.count({ where }),
  ]);
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / EXTERNAL_PAGE_SIZE)) };
}

/** Who may approve a link, and why not; null when `actor` may (shared by the desk and approve). */
export function approvalRefusal(actor: ExternalActor, linkedById: string | null): Message | null {
  if (!can(actor.role, "claim.review")) return msg("msg.external.approveForbidden");
  if (linkedById === actor.id) return msg("msg.external.fourEyes");
  return null;
}

/** A link as the desk shows it: public or waiting for an approval, and what would change. */
export interface DeskLink {
  claim: { id: string; slug: string; text: string; status: ClaimStatus; isPublic: boolean };
  externalCheck: { id: string; publisherName: string; claimText: string; textualRating: string | null; ratingValue: number | null; bestRating: number | null };
  linkedBy: { id: string; name: string } | null;
  createdAt: Date;
  /** pending: never approved, not public. changed: public as approved, but the check changed
   * since (a re-import): the page keeps the approved fields until approved again. approved:
   * public as it is. */
  state: "pending" | "changed" | "approved";
  approvedBy: { name: string } | null;
  approvedAt: Date | null;
  /** The fields as they are now, and their digest (the approve form carries it). */
  current: ExternalCheckSnapshot;
  digest: string;
  /** changed: the public fields that differ from the approved ones. */
  changes: ReturnType<typeof changedFields>;
}

const deskLinkSelect = {
  createdAt: true,
  approved: true,
  approvedAt: true,
  claim: { select: { id: true, slug: true, text: true, status: true, publicState: true, publicationId: true } },
  linkedBy: { select: { id: true, name: true } },
  approvedBy: { select: { name: true } },
  externalCheck: { select: { id: true, claimText: true, ...snapshotSelect } },
} as const satisfies Prisma.ClaimExternalCheckSelect;

type DeskLinkRow = Prisma.ClaimExternalCheckGetPayload<{ select: typeof deskLinkSelect }>;

function toDeskLink(row: DeskLinkRow): DeskLink {
  const current = snapshotOf(row.externalCheck);
  const approved = row.approvedAt ? readSnapshot(row.approved) : null;
  const changes = approved ? changedFields(approved, current) : [];
  const e = row.externalCheck;
  return {
    claim: { id: row.claim.id, slug: row.claim.slug, text: row.claim.text, status: row.claim.status, isPublic: Boolean(row.claim.publicState && row.claim.publicationId) },
    externalCheck: { id: e.id, publisherName: e.publisherName, claimText: e.claimText, textualRating: e.textualRating, ratingValue: e.ratingValue, bestRating: e.bestRating },
    linkedBy: row.linkedBy,
    createdAt: row.createdAt,
    state: !approved ? "pending" : changes.length ? "changed" : "approved",
    approvedBy: approved ? row.approvedBy : null,
    approvedAt: approved ? row.approvedAt : null,
    current,
    digest: snapshotDigest(current),
    changes,
  };
}

export async function getExternalCheck(checkId: string, client: Db = db) {
  if (checkId.length > 64) return null;
  const check = await client.externalFactCheck.findUnique({
    where: { id: checkId },
    include: {
      speaker: { select: { id: true, name: true, slug: true } },
      importBatch: { select: { id: true, filename: true, createdAt: true } },
      claims: { select: deskLinkSelect, orderBy: { createdAt: "asc" } },
    },
  });
  if (!check) return null;
  const { claims, ...rest } = check;
  return { ...rest, links: claims.map(toDeskLink) };
}

/** The external checks linked to one of our claims (the desk's claim page). */
export async function externalChecksOfClaim(claimId: string, client: Db = db): Promise<DeskLink[]> {
  const rows = await client.claimExternalCheck.findMany({ where: { claimId }, orderBy: { createdAt: "asc" }, select: deskLinkSelect });
  return rows.map(toDeskLink);
}

/** Links waiting for an approval, the longest waiting first (the review queue): never approved,
 * or changed since their approval. */
export async function pendingExternalLinks(client: Db = db, limit = 200): Promise<DeskLink[]> {
  // Candidates: never approved, or approved at another version of the check (a version that
  // changed only what is not shown, such as our speaker, is no change: filtered below).
  const keys = await client.$queryRaw<{ claimId: string; externalCheckId: string }[]>`
    SELECT l."claimId", l."externalCheckId"
      FROM "ClaimExternalCheck" l JOIN "ExternalFactCheck" e ON e.id = l."externalCheckId"
     WHERE l."approvedAt" IS NULL OR l."approvedVersion" IS DISTINCT FROM e.version
     ORDER BY coalesce(l."approvedAt", l."createdAt"), l."claimId", l."externalCheckId"
     LIMIT ${limit}`;
  if (!keys.length) return [];
  const rows = await client.claimExternalCheck.findMany({
    where: { OR: keys.map((k) => ({ claimId: k.claimId, externalCheckId: k.externalCheckId })) },
    select: { ...deskLinkSelect, claimId: true, externalCheckId: true },
  });
  const order = new Map(keys.map((k, i) => [`${k.claimId}/${k.externalCheckId}`, i]));
  return rows
    .sort((a, b) => order.get(`${a.claimId}/${a.externalCheckId}`)! - order.get(`${b.claimId}/${b.externalCheckId}`)!)
    .map(toDeskLink)
    .filter((l) => l.state !== "approved");
}

/** The import a claim came from (our back catalogue), or null. */
export async function importOfClaim(claimId: string, client: Db = db): Promise<{ id: string; filename: string | null } | null> {
  const claim = await client.claim.findUnique({ where: { id: claimId }, select: { importBatch: { select: { id: true, filename: true } } } });
  return claim?.importBatch ?? null;
}

// ---------------------------------------------------------------------------------------
// Links to claims

export const linkClaimInput = z.object({
  externalCheckId: id("externalCheck"),
  /** Our claim: its id, or its slug or desk address as an editor pastes it. */
  claim: z
    .string({ error: zodMessage("msg.validation.required", { field: msg("msg.field.claim") }) })
    .trim()
    .min(1, zodMessage("msg.validation.required", { field: msg("msg.field.claim") }))
    .max(500, zodMessage("msg.validation.tooLong", { field: msg("msg.field.claim"), max: 500 })),
});
export const unlinkClaimInput = z.object({ externalCheckId: id("externalCheck"), claimId: id("claim") });
export const approveLinkInput = z.object({
  externalCheckId: id("externalCheck"),
  claimId: id("claim"),
  /** The digest of the fields the reviewer saw (./snapshot.ts): what is approved. */
  digest: z.string({ error: zodMessage("msg.external.digestMissing") }).regex(/^[0-9a-f]{64}$/, zodMessage("msg.external.digestMissing")),
});

/** A claim as an editor names it: id, slug, or an address of its desk or public page. */
async function findClaim(tx: Tx | Db, ref: string) {
  const last = ref.replace(/[?#].*$/, "").replace(/\/+$/, "").split("/").pop() ?? ref;
  const value = decodeURIComponent(last);
  return tx.claim.findFirst({
    where: { OR: [{ id: value }, { slug: value }] },
    select: { id: true, slug: true, publicState: true, publicationId: true },
  });
}

async function linksOf(tx: Tx, claimId: string): Promise<string[]> {
  return (await tx.claimExternalCheck.findMany({ where: { claimId }, select: { externalCheckId: true }, orderBy: { externalCheckId: "asc" } })).map(
    (l) => l.externalCheckId,
  );
}

/** A change of the claim's external checks, as a revision of the claim (its history, the audit page). */
async function recordLinkChange(tx: Tx, actor: ExternalActor, claimId: string, action: "update" | "transition", changes: Record<string, { before: unknown; after: unknown }>): Promise<void> {
  await recordRevision(tx, { entityType: "Claim", entityId: claimId, action, userId: actor.id, before: null, after: null, extraChanges: changes });
}

export interface LinkResult {
  message: Message;
  claimId: string;
  /** The slug of the claim when its public page changed. */
  publicSlug: string | null;
}

export async function linkExternalCheck(actor: ExternalActor, rawInput: z.input<typeof linkClaimInput>, client: Db = db): Promise<LinkResult> {
  requireLink(actor);
  const input = linkClaimInput.parse(rawInput);
  return inTransaction(async (tx) => {
    const check = await tx.externalFactCheck.findUnique({ where: { id: input.externalCheckId }, select: { id: true } });
    if (!check) throw new NotFoundError("ExternalFactCheck");
    const claim = await findClaim(tx, input.claim);
    if (!claim) throw new ValidationError(msg("msg.external.noSuchClaim"), { claim: [msg("msg.external.noSuchClaimField")] });
    // The claim's row lock: two links at once are recorded one after the other.
    await tx.$queryRaw`SELECT id FROM "Claim" WHERE id = ${claim.id} FOR UPDATE`;
    const before = await linksOf(tx, claim.id);
    if (before.includes(check.id)) return { message: msg("msg.external.alreadyLinked"), claimId: claim.id, publicSlug: null };
    // Not public: it waits for a second person's approval.
    await tx.claimExternalCheck.create({ data: { claimId: claim.id, externalCheckId: check.id, linkedById: actor.id } });
    await recordLinkChange(tx, actor, claim.id, "update", { externalCheckIds: { before, after: [...before, check.id].sort() } });
    return { message: msg("msg.external.linked"), claimId: claim.id, publicSlug: null };
  }, client);
}

/**
 * Approves a link (first time, or again after the check changed): the fields the reviewer saw
 * become what the public page shows. Four eyes: claim.review, and not the person who linked.
 */
export async function approveExternalLink(actor: ExternalActor, rawInput: z.input<typeof approveLinkInput>, client: Db = db): Promise<LinkResult> {
  const byRole = approvalRefusal(actor, null);
  if (byRole) throw new ForbiddenError(byRole);
  const input = approveLinkInput.parse(rawInput);
  return inTransaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: input.claimId }, select: { id: true, slug: true, publicState: true, publicationId: true } });
    if (!claim) throw new NotFoundError("Claim");
    await tx.$queryRaw`SELECT id FROM "Claim" WHERE id = ${claim.id} FOR UPDATE`;
    const link = await tx.claimExternalCheck.findUnique({
      where: { claimId_externalCheckId: { claimId: claim.id, externalCheckId: input.externalCheckId } },
      select: { linkedById: true, approved: true, approvedAt: true, approvedVersion: true, externalCheck: { select: { version: true, ...snapshotSelect } } },
    });
    if (!link) throw new TransitionError(msg("msg.external.linkGone"));
    const refusal = approvalRefusal(actor, link.linkedById);
    if (refusal) throw new TransitionError(refusal);
    // What the reviewer saw is what goes public.
    const current = snapshotOf(link.externalCheck);
    if (snapshotDigest(current) !== input.digest) {
      throw new TransitionError(msg("msg.external.changedSinceLoad"));
    }
    const previous = link.approvedAt ? readSnapshot(link.approved) : null;
    const publicSlug = claim.publicState && claim.publicationId ? claim.slug : null;
    if (previous && snapshotDigest(previous) === input.digest) {
      return { message: msg("msg.external.alreadyApproved"), claimId: claim.id, publicSlug: null };
    }
    await tx.claimExternalCheck.update({
      where: { claimId_externalCheckId: { claimId: claim.id, externalCheckId: input.externalCheckId } },
      data: { approved: current as unknown as Prisma.InputJsonValue, approvedVersion: link.externalCheck.version, approvedById: actor.id, approvedAt: new Date() },
    });
    await recordLinkChange(tx, actor, claim.id, "transition", {
      approvedExternalCheck: {
        before: previous ? { externalCheckId: input.externalCheckId, version: link.approvedVersion, ...previous } : null,
        after: { externalCheckId: input.externalCheckId, version: link.externalCheck.version, ...current },
      },
    });
    return {
      message: msg(publicSlug ? "msg.external.approvedPublic" : "msg.external.approvedLater"),
      claimId: claim.id,
      publicSlug,
    };
  }, client);
}

/** Removes a link at once, also a public one: a takedown (docs/import.md, "Also checked by"). */
export async function unlinkExternalCheck(actor: ExternalActor, rawInput: z.input<typeof unlinkClaimInput>, client: Db = db): Promise<LinkResult> {
  requireLink(actor);
  const input = unlinkClaimInput.parse(rawInput);
  return inTransaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: input.claimId }, select: { id: true, slug: true, publicState: true, publicationId: true } });
    if (!claim) throw new NotFoundError("Claim");
    await tx.$queryRaw`SELECT id FROM "Claim" WHERE id = ${claim.id} FOR UPDATE`;
    const before = await linksOf(tx, claim.id);
    const where = { claimId_externalCheckId: { claimId: claim.id, externalCheckId: input.externalCheckId } };
    const link = await tx.claimExternalCheck.findUnique({ where, select: { approved: true, approvedAt: true, approvedVersion: true } });
    if (!link) throw new TransitionError(msg("msg.external.linkGone"));
    await tx.claimExternalCheck.delete({ where });
    const approved = link.approvedAt ? readSnapshot(link.approved) : null;
    await recordLinkChange(tx, actor, claim.id, "update", {
      externalCheckIds: { before, after: before.filter((x) => x !== input.externalCheckId) },
      ...(approved ? { approvedExternalCheck: { before: { externalCheckId: input.externalCheckId, version: link.approvedVersion, ...approved }, after: null } } : {}),
    });
    const wasPublic = Boolean(approved && claim.publicState && claim.publicationId);
    return {
      message: msg(wasPublic ? "msg.external.unlinkedPublic" : "msg.external.unlinked"),
      claimId: claim.id,
      publicSlug: wasPublic ? claim.slug : null,
    };
  }, client);
}

// ---------------------------------------------------------------------------------------
// The speaker

export const setSpeakerInput = z.object({
  externalCheckId: id("externalCheck"),
  version,
  speakerId: optionalId(),
  /** Make the claimant's name a new speaker (only on this confirmation). */
  createFromClaimant: z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean()),
});

export async function setExternalCheckSpeaker(
  actor: ExternalActor,
  rawInput: { externalCheckId: string; version: number | string; speakerId?: string; createFromClaimant?: string | boolean },
  client: Db = db,
): Promise<{ message: Message; speakerId: string | null }> {
  requireLink(actor);
  const input = setSpeakerInput.parse(rawInput);
  return inTransaction(async (tx) => {
    const check = await tx.externalFactCheck.findUnique({ where: { id: input.externalCheckId } });
    if (!check) throw new NotFoundError("ExternalFactCheck");
    if (check.version !== input.version) throw await conflictFor(tx, "ExternalFactCheck", check);
    let speakerId = input.speakerId ?? null;
    let message = msg(speakerId ? "msg.external.speakerAssigned" : "msg.external.speakerUnassigned");
    if (input.createFromClaimant) {
      const name = check.claimantName?.replace(/\s+/g, " ").trim();
      if (!name) throw new ValidationError(msg("msg.external.noClaimant"));
      // A speaker of that name or alias may exist by now: then it is that one. The lock is the
      // import's (lib/import/commit.ts): whoever creates the name first, the other finds it.
      await tx.$queryRaw`SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(${`import-speaker:${name.toLowerCase()}`}))) AS locked`;
      speakerId = (await matchSpeakers(tx, [name])).get(name) ?? null;
      if (!speakerId) {
        speakerId = (await createSpeaker({ id: actor.id, name: "", email: "", role: actor.role }, { name: name.slice(0, 200), kind: "person", aliases: [], roles: [] }, tx)).id;
        message = msg("msg.external.speakerCreated", { name: name.slice(0, 200) });
      } else message = msg("msg.external.speakerExisted");
    } else if (speakerId && !(await tx.speaker.findUnique({ where: { id: speakerId }, select: { id: true } }))) {
      throw new ValidationError(msg("msg.external.noSuchSpeaker"), { speakerId: [msg("msg.external.chooseSpeaker")] });
    }
    await updateRecord(tx, "ExternalFactCheck", check.id, input.version, actor.id, { speakerId });
    return { message, speakerId };
  }, client);
}
