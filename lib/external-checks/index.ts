// Other organisations' fact-checks in the desk (domain.md, "Other organisations'
// fact-checks"): listing them, and the editors' links to our speakers and claims. Imported by
// lib/import; never one of our verdicts.
//
// - Speaker: the claimant is matched by name or alias at import; an editor may choose another
//   speaker, clear it, or make the claimant a new speaker (only on that confirmation). A change
//   is a revision of the ExternalFactCheck, with its version checked (optimistic concurrency).
// - Claims ("also checked by"): an editor links a fact-check to one of our claims. The public
//   page of a public claim shows its linked checks at once: they are other organisations'
//   published work, shown as theirs (publisher, their rating, a link), not part of our
//   approved verdict, so no approval of ours is needed; only editors and admins may link
//   (external.link). The link and its removal are kept in the claim's history.
import { z } from "zod";
import type { Prisma } from "../generated/prisma/client";
import { can } from "../auth/permissions";
import { db, type Db } from "../db/client";
import { ForbiddenError, NotFoundError, TransitionError, ValidationError } from "../editorial/errors";
import { id, optionalId, version } from "../editorial/fields";
import { conflictFor, inTransaction, updateRecord, type Tx } from "../editorial/records";
import { createSpeaker } from "../editorial/speakers";
import { recordRevision } from "../revisions";
import { matchSpeakers } from "../import/stage";

export interface ExternalActor {
  id: string;
  role: Parameters<typeof can>[0];
}

function requireLink(actor: ExternalActor): void {
  if (!can(actor.role, "external.link")) throw new ForbiddenError("Externe Faktenchecks verknüpfen dürfen Chefredaktion und Administration.");
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
        speaker: { select: { id: true, name: true } },
        _count: { select: { claims: true } },
      },
    }),
    client.externalFactCheck.count({ where }),
  ]);
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / EXTERNAL_PAGE_SIZE)) };
}

export async function getExternalCheck(checkId: string, client: Db = db) {
  if (checkId.length > 64) return null;
  return client.externalFactCheck.findUnique({
    where: { id: checkId },
    include: {
      speaker: { select: { id: true, name: true, slug: true } },
      importBatch: { select: { id: true, filename: true, createdAt: true } },
      claims: {
        select: { createdAt: true, claim: { select: { id: true, slug: true, text: true, status: true } }, linkedBy: { select: { name: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
}

/** The external checks linked to one of our claims (the desk's claim page). */
export async function externalChecksOfClaim(claimId: string, client: Db = db) {
  return client.claimExternalCheck.findMany({
    where: { claimId },
    orderBy: { createdAt: "asc" },
    select: {
      createdAt: true,
      externalCheck: { select: { id: true, publisherName: true, textualRating: true, ratingValue: true, bestRating: true, url: true, reviewDate: true, claimText: true } },
    },
  });
}

/** The import a claim came from (our back catalogue), or null. */
export async function importOfClaim(claimId: string, client: Db = db): Promise<{ id: string; filename: string | null } | null> {
  const claim = await client.claim.findUnique({ where: { id: claimId }, select: { importBatch: { select: { id: true, filename: true } } } });
  return claim?.importBatch ?? null;
}

// ---------------------------------------------------------------------------------------
// Links to claims

export const linkClaimInput = z.object({
  externalCheckId: id("Der externe Faktencheck"),
  /** Our claim: its id, or its slug or desk address as an editor pastes it. */
  claim: z
    .string({ error: "Bitte die Behauptung angeben." })
    .trim()
    .min(1, "Bitte die Behauptung angeben.")
    .max(500, "Die Angabe der Behauptung ist zu lang."),
});
export const unlinkClaimInput = z.object({ externalCheckId: id("Der externe Faktencheck"), claimId: id("Die Behauptung") });

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

/** The link and its removal, as a change of the claim's list of external checks (its history). */
async function recordLinkChange(tx: Tx, actor: ExternalActor, claimId: string, before: string[], after: string[]): Promise<void> {
  await recordRevision(tx, {
    entityType: "Claim",
    entityId: claimId,
    action: "update",
    userId: actor.id,
    before: null,
    after: null,
    extraChanges: { externalCheckIds: { before, after } },
  });
}

export interface LinkResult {
  message: string;
  claimId: string;
  /** The slug of the claim when it is public: its page shows the change. */
  publicSlug: string | null;
}

export async function linkExternalCheck(actor: ExternalActor, rawInput: z.input<typeof linkClaimInput>, client: Db = db): Promise<LinkResult> {
  requireLink(actor);
  const input = linkClaimInput.parse(rawInput);
  return inTransaction(async (tx) => {
    const check = await tx.externalFactCheck.findUnique({ where: { id: input.externalCheckId }, select: { id: true } });
    if (!check) throw new NotFoundError("Der externe Faktencheck");
    const claim = await findClaim(tx, input.claim);
    if (!claim) throw new ValidationError("Diese Behauptung gibt es nicht.", { claim: ["Keine Behauptung mit dieser ID oder Kurzadresse."] });
    // The claim's row lock: two links at once are recorded one after the other.
    await tx.$queryRaw`SELECT id FROM "Claim" WHERE id = ${claim.id} FOR UPDATE`;
    const before = await linksOf(tx, claim.id);
    const publicSlug = claim.publicState && claim.publicationId ? claim.slug : null;
    if (before.includes(check.id)) return { message: "Die Verknüpfung besteht schon.", claimId: claim.id, publicSlug: null };
    await tx.claimExternalCheck.create({ data: { claimId: claim.id, externalCheckId: check.id, linkedById: actor.id } });
    await recordLinkChange(tx, actor, claim.id, before, [...before, check.id].sort());
    return { message: publicSlug ? "Verknüpft: die öffentliche Seite der Behauptung zeigt den Faktencheck." : "Verknüpft.", claimId: claim.id, publicSlug };
  }, client);
}

export async function unlinkExternalCheck(actor: ExternalActor, rawInput: z.input<typeof unlinkClaimInput>, client: Db = db): Promise<LinkResult> {
  requireLink(actor);
  const input = unlinkClaimInput.parse(rawInput);
  return inTransaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: input.claimId }, select: { id: true, slug: true, publicState: true, publicationId: true } });
    if (!claim) throw new NotFoundError("Die Behauptung");
    await tx.$queryRaw`SELECT id FROM "Claim" WHERE id = ${claim.id} FOR UPDATE`;
    const before = await linksOf(tx, claim.id);
    if (!before.includes(input.externalCheckId)) throw new TransitionError("Diese Verknüpfung besteht nicht (mehr).");
    await tx.claimExternalCheck.delete({ where: { claimId_externalCheckId: { claimId: claim.id, externalCheckId: input.externalCheckId } } });
    await recordLinkChange(tx, actor, claim.id, before, before.filter((x) => x !== input.externalCheckId));
    return { message: "Die Verknüpfung ist gelöst.", claimId: claim.id, publicSlug: claim.publicState && claim.publicationId ? claim.slug : null };
  }, client);
}

// ---------------------------------------------------------------------------------------
// The speaker

export const setSpeakerInput = z.object({
  externalCheckId: id("Der externe Faktencheck"),
  version,
  speakerId: optionalId(),
  /** Make the claimant's name a new speaker (only on this confirmation). */
  createFromClaimant: z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean()),
});

export async function setExternalCheckSpeaker(
  actor: ExternalActor,
  rawInput: { externalCheckId: string; version: number | string; speakerId?: string; createFromClaimant?: string | boolean },
  client: Db = db,
): Promise<{ message: string; speakerId: string | null }> {
  requireLink(actor);
  const input = setSpeakerInput.parse(rawInput);
  return inTransaction(async (tx) => {
    const check = await tx.externalFactCheck.findUnique({ where: { id: input.externalCheckId } });
    if (!check) throw new NotFoundError("Der externe Faktencheck");
    if (check.version !== input.version) throw await conflictFor(tx, "ExternalFactCheck", check);
    let speakerId = input.speakerId ?? null;
    let message = speakerId ? "Der Sprecher ist zugeordnet." : "Die Zuordnung zum Sprecher ist gelöst.";
    if (input.createFromClaimant) {
      const name = check.claimantName?.replace(/\s+/g, " ").trim();
      if (!name) throw new ValidationError("Der Faktencheck nennt keinen Urheber, aus dem ein Sprecher werden könnte.");
      // A speaker of that name or alias may exist by now: then it is that one. The lock is the
      // import's (lib/import/commit.ts): whoever creates the name first, the other finds it.
      await tx.$queryRaw`SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(${`import-speaker:${name.toLowerCase()}`}))) AS locked`;
      speakerId = (await matchSpeakers(tx, [name])).get(name) ?? null;
      if (!speakerId) {
        speakerId = (await createSpeaker({ id: actor.id, name: "", email: "", role: actor.role }, { name: name.slice(0, 200), kind: "person", aliases: [], roles: [] }, tx)).id;
        message = `Der Sprecher „${name.slice(0, 200)}“ ist angelegt und zugeordnet.`;
      } else message = "Ein Sprecher dieses Namens war schon da: er ist zugeordnet.";
    } else if (speakerId && !(await tx.speaker.findUnique({ where: { id: speakerId }, select: { id: true } }))) {
      throw new ValidationError("Diesen Sprecher gibt es nicht.", { speakerId: ["Bitte einen vorhandenen Sprecher wählen."] });
    }
    await updateRecord(tx, "ExternalFactCheck", check.id, input.version, actor.id, { speakerId });
    return { message, speakerId };
  }, client);
}
