// THE CLAIM'S LIFE (domain.md): draft → in_research → in_review → published → (corrected |
// retracted), enforced here and only here. Every step is one transaction: the claim's status
// and fields (through updateRecord: version check + revision), the review decision, the
// correction note. A step that is not allowed throws a TransitionError saying why, and
// changes nothing.
//
// Four eyes: a verdict goes public only when approved by a reviewer/editor/admin who is not its
// author (`verdictAuthorId`: whoever last set the working verdict, summary or analysis).
// After publication the public sees the published* columns and the claim's publication: the
// approval freezes everything else its page shows (./publication.ts; PUBLIC MEANS APPROVED).
// A correction changes the working values (the verdict, or the claim's records: its quotes,
// sources, evidence, ...), goes through review like the first verdict, and publishes with a
// dated public note: the approval freezes the working version anew.
import { z } from "zod";
import type { ClaimStatus } from "../generated/prisma/enums";
import { can, type Permission } from "../auth/permissions";
import type { SessionUser } from "../auth/session";
import { db, type Db } from "../db/client";
import { ForbiddenError, TransitionError } from "./errors";
import { id, optionalId, optionalText, version } from "./fields";
import { approvalDigest, freezePublication, pendingPublicChanges } from "./publication";
import { inTransaction, updateRecord, type Tx } from "./records";

export const TRANSITIONS = [
  "start_research",
  "back_to_draft",
  "submit",
  "withdraw",
  "approve",
  "reject",
  "propose_correction",
  "retract",
] as const;
export type Transition = (typeof TRANSITIONS)[number];

export const TRANSITION_PERMISSIONS: Record<Transition, Permission> = {
  start_research: "record.edit",
  back_to_draft: "record.edit",
  submit: "claim.submit",
  withdraw: "claim.submit",
  approve: "claim.review",
  reject: "claim.review",
  propose_correction: "claim.correct",
  retract: "claim.correct",
};

export const TRANSITION_LABELS: Record<Transition, string> = {
  start_research: "Recherche beginnen",
  back_to_draft: "Zurück zum Entwurf",
  submit: "Zur Prüfung einreichen",
  withdraw: "Aus der Prüfung zurückziehen",
  approve: "Freigeben und veröffentlichen",
  reject: "Ablehnen (zurück in die Recherche)",
  propose_correction: "Korrektur vorschlagen",
  retract: "Zurückziehen (Retraktion)",
};

const FROM: Record<Transition, readonly ClaimStatus[]> = {
  start_research: ["draft"],
  back_to_draft: ["in_research"],
  submit: ["draft", "in_research"],
  withdraw: ["in_review"],
  approve: ["in_review"],
  reject: ["in_review"],
  propose_correction: ["published", "corrected"],
  retract: ["published", "corrected", "in_research", "in_review"],
};

const STATUS_NAMES: Record<ClaimStatus, string> = {
  draft: "Entwurf",
  in_research: "in Recherche",
  in_review: "in Prüfung",
  published: "veröffentlicht",
  corrected: "korrigiert",
  retracted: "zurückgezogen",
};

export const transitionSchema = z.object({
  claimId: id("Die Behauptung"),
  version,
  transition: z.enum(TRANSITIONS, { error: "Unbekannter Arbeitsschritt." }),
  note: optionalText("Die Notiz", 5_000),
  verdictId: optionalId(),
  summary: optionalText("Die Zusammenfassung", 2_000),
  analysis: optionalText("Die Analyse", 100_000),
  /** Approve only: the digest of what the reviewer saw (./publication.ts approvalDigest). When
   * given, the approval is refused if what it would publish has changed since. */
  contentDigest: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^[0-9a-f]{64}$/).optional()),
});
export type TransitionInput = z.infer<typeof transitionSchema>;

interface WorkflowClaim {
  id: string;
  status: ClaimStatus;
  version: number;
  verdictId: string | null;
  summary: string | null;
  analysis: string | null;
  verdictAuthorId: string | null;
  publicState: "published" | "corrected" | "retracted" | null;
  publishedVerdictId: string | null;
  publishedSummary: string | null;
  publishedAnalysis: string | null;
  publishedAt: Date | null;
}

interface Context {
  evidenceCount: number;
  pendingCorrection: boolean;
}

export interface TransitionOption {
  transition: Transition;
  label: string;
  allowed: boolean;
  /** Why not, in words for the person who tried. */
  reason?: string;
}

/** Why `role` may never take `transition`; null when the role allows it. */
function roleRefusal(transition: Transition, role: SessionUser["role"]): string | null {
  if (can(role, TRANSITION_PERMISSIONS[transition])) return null;
  return role === "contributor"
    ? "Mitarbeitende können Entwürfe anlegen und bearbeiten, aber nichts einreichen, freigeben, veröffentlichen oder korrigieren."
    : "Dafür fehlt Ihrer Rolle die Berechtigung.";
}

/** Why `actor` may not take `transition` on `claim` now; null when it may. */
export function refusal(transition: Transition, claim: WorkflowClaim, actor: Pick<SessionUser, "id" | "role">, context: Context): string | null {
  const byRole = roleRefusal(transition, actor.role);
  if (byRole) return byRole;
  if (!FROM[transition].includes(claim.status)) {
    return `Nicht möglich, solange die Behauptung ${STATUS_NAMES[claim.status]} ist.`;
  }
  switch (transition) {
    case "back_to_draft":
      if (claim.publishedAt) return "Eine bereits veröffentlichte Behauptung wird nicht wieder zum Entwurf.";
      return null;
    case "submit": {
      const missing = [
        !claim.verdictId && "eine vorgeschlagene Bewertung",
        !claim.summary?.trim() && "eine Zusammenfassung",
        context.evidenceCount === 0 && "mindestens einen Beleg",
      ].filter(Boolean);
      if (missing.length) return `Zur Prüfung fehlt noch: ${missing.join(", ")}.`;
      if (claim.publishedAt && !context.pendingCorrection) {
        return "Die Behauptung ist schon veröffentlicht: Änderungen gehen über „Korrektur vorschlagen“ mit einer öffentlichen Notiz.";
      }
      return null;
    }
    case "approve":
      if (claim.verdictAuthorId === actor.id) {
        return "Vier-Augen-Prinzip: Sie haben diese Bewertung selbst vorgeschlagen; freigeben muss jemand anderes.";
      }
      if (!claim.verdictId || !claim.summary?.trim()) return "Es gibt keine vorgeschlagene Bewertung mit Zusammenfassung.";
      return null;
    case "retract":
      if (!claim.publicState) return "Nur veröffentlichte Behauptungen können zurückgezogen werden.";
      if (claim.publicState === "retracted") return "Die Behauptung ist bereits zurückgezogen.";
      return null;
    default:
      return null;
  }
}

async function loadClaim(tx: Tx | Db, claimId: string): Promise<{ claim: WorkflowClaim; context: Context }> {
  const claim = await tx.claim.findUnique({
    where: { id: claimId },
    select: {
      id: true,
      status: true,
      version: true,
      verdictId: true,
      summary: true,
      analysis: true,
      verdictAuthorId: true,
      publicState: true,
      publishedVerdictId: true,
      publishedSummary: true,
      publishedAnalysis: true,
      publishedAt: true,
      _count: { select: { evidence: true, corrections: { where: { publishedAt: null, kind: "correction" } } } },
    },
  });
  if (!claim) throw new TransitionError("Die Behauptung wurde nicht gefunden.");
  const { _count, ...rest } = claim;
  return { claim: rest, context: { evidenceCount: _count.evidence, pendingCorrection: _count.corrections > 0 } };
}

/** Every step with whether `actor` may take it now, and why not (for the workflow panel). */
export async function workflowOptions(actor: SessionUser, claimId: string, client: Db = db): Promise<TransitionOption[]> {
  const { claim, context } = await loadClaim(client, claimId);
  return TRANSITIONS.filter((t) => FROM[t].includes(claim.status) || t === "approve" || t === "submit").map((transition) => {
    const reason = refusal(transition, claim, actor, context);
    return { transition, label: TRANSITION_LABELS[transition], allowed: reason === null, ...(reason ? { reason } : {}) };
  });
}

function requireNote(input: TransitionInput, what: string): string {
  if (!input.note?.trim()) throw new TransitionError(`Bitte ${what} angeben.`);
  return input.note.trim();
}

/**
 * Takes one step of the claim's life for `actor`. `client` may be a transaction already open
 * (the step is then part of the caller's write, as when the demo data is loaded). `now` is the
 * moment of the step (publishedAt, publicUpdatedAt, a retraction's date): the present, except
 * for the demo data, which replays its newsroom's history at the dates it happened.
 */
export async function transitionClaim(
  actor: SessionUser,
  input: TransitionInput,
  client: Db | Tx = db,
  options: { now?: Date } = {},
): Promise<{ message: string }> {
  const byRole = roleRefusal(input.transition, actor.role);
  if (byRole) throw new ForbiddenError(byRole);
  return inTransaction(async (tx) => {
    // Lock the claim first: evidence writes take a share lock on it, so the checks below
    // (evidence count, pending correction) cannot change until this step commits.
    await tx.$queryRaw`SELECT id FROM "Claim" WHERE id = ${input.claimId} FOR UPDATE`;
    const { claim, context } = await loadClaim(tx, input.claimId);
    const reason = refusal(input.transition, claim, actor, context);
    if (reason) throw new TransitionError(reason);
    const update = (data: Record<string, unknown>) => updateRecord(tx, "Claim", claim.id, input.version, actor.id, data, { action: "transition" });
    const now = options.now ?? new Date();

    switch (input.transition) {
      case "start_research":
        await update({ status: "in_research" });
        return { message: "Die Recherche hat begonnen." };
      case "back_to_draft":
        await update({ status: "draft" });
        return { message: "Die Behauptung ist wieder ein Entwurf." };
      case "submit":
        await update({ status: "in_review" });
        return { message: "Zur Prüfung eingereicht." };
      case "withdraw":
        await update({ status: "in_research" });
        return { message: "Aus der Prüfung zurückgezogen." };
      case "reject": {
        const note = requireNote(input, "eine Begründung für die Ablehnung");
        await update({ status: "in_research" });
        await tx.reviewDecision.create({
          data: { claimId: claim.id, reviewerId: actor.id, outcome: "rejected", verdictId: claim.verdictId, summary: claim.summary, note },
        });
        return { message: "Abgelehnt: die Behauptung ist zurück in der Recherche, mit Ihrer Notiz." };
      }
      case "approve": {
        // What the reviewer saw is what goes public: the shared records (quotes, sources,
        // speakers) may have been edited since the page was loaded.
        if (input.contentDigest && input.contentDigest !== (await approvalDigest(tx, claim.id))) {
          throw new TransitionError(
            "Nicht freigegeben: Seit Sie die Seite geladen haben, hat sich geändert, was veröffentlicht würde (etwa ein Zitat oder eine Quelle). Bitte laden Sie die Seite neu und prüfen Sie erneut.",
          );
        }
        const firstPublication = claim.publishedAt === null;
        const correction = firstPublication
          ? null
          : await tx.correction.findFirst({ where: { claimId: claim.id, publishedAt: null, kind: "correction" }, orderBy: { createdAt: "desc" } });
        // Everything else the page shows, frozen as it is now (the claim is locked, its
        // evidence with it; the shared records are read in this transaction).
        const publicationId = await freezePublication(tx, claim.id, now);
        await update({
          status: firstPublication ? "published" : "corrected",
          publicState: firstPublication ? "published" : correction ? "corrected" : claim.publicState,
          publishedVerdictId: claim.verdictId,
          publishedSummary: claim.summary,
          publishedAnalysis: claim.analysis,
          publishedAt: claim.publishedAt ?? now,
          publicUpdatedAt: now,
          publicationId,
        });
        await tx.reviewDecision.create({
          data: { claimId: claim.id, reviewerId: actor.id, outcome: "approved", verdictId: claim.verdictId, summary: claim.summary, note: input.note ?? null },
        });
        if (correction) await tx.correction.update({ where: { id: correction.id }, data: { publishedAt: now } });
        return { message: firstPublication ? "Freigegeben und veröffentlicht." : "Die Korrektur ist freigegeben und veröffentlicht." };
      }
      case "propose_correction": {
        const note = requireNote(input, "eine öffentliche Korrekturnotiz");
        const verdictId = input.verdictId ?? claim.publishedVerdictId;
        const summary = input.summary ?? claim.publishedSummary;
        const analysis = input.analysis ?? claim.publishedAnalysis;
        if (!verdictId || !summary) throw new TransitionError("Eine Korrektur braucht eine Bewertung und eine Zusammenfassung.");
        if (verdictId === claim.publishedVerdictId && summary === claim.publishedSummary && analysis === claim.publishedAnalysis) {
          // The verdict stays: the correction is of the rest of the page (quotes, sources,
          // evidence, ...), changed on the desk since the last approval.
          const pending = await pendingPublicChanges(claim.id, tx);
          if (!pending || pending.parts.length === 0) {
            throw new TransitionError(
              "Die vorgeschlagene Fassung unterscheidet sich nicht von der veröffentlichten: weder die Bewertung noch Zitate, Quellen, Belege oder Angaben wurden seit der Freigabe geändert.",
            );
          }
        }
        if (!(await tx.verdictLabel.findFirst({ where: { id: verdictId, active: true } }))) {
          throw new TransitionError("Diese Bewertungsstufe gibt es nicht (mehr).");
        }
        await update({ status: "in_review", verdictId, summary, analysis, verdictAuthorId: actor.id });
        await tx.correction.create({
          data: {
            claimId: claim.id,
            kind: "correction",
            note,
            previousVerdictId: claim.publishedVerdictId,
            previousSummary: claim.publishedSummary,
            authorId: actor.id,
          },
        });
        return { message: "Korrektur vorgeschlagen: sie wird nach der Freigabe durch eine zweite Person veröffentlicht." };
      }
      case "retract": {
        const note = requireNote(input, "eine öffentliche Begründung für den Rückzug");
        await update({ status: "retracted", publicState: "retracted", publicUpdatedAt: now });
        await tx.correction.create({
          data: {
            claimId: claim.id,
            kind: "retraction",
            note,
            previousVerdictId: claim.publishedVerdictId,
            previousSummary: claim.publishedSummary,
            authorId: actor.id,
            publishedAt: now,
          },
        });
        return { message: "Die Behauptung ist zurückgezogen; die öffentliche Seite zeigt den Hinweis." };
      }
    }
  }, client);
}

/** For tests and the admin page: the claim as the workflow sees it. */
export async function workflowState(claimId: string, client: Db = db) {
  return loadClaim(client, claimId);
}
