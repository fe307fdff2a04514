// The review queue (app/(desk)/admin/review): every claim in review, what waits for the viewer
// first. A claim waits for the viewer when it is assigned to them or when they may approve it:
// whether they may is the workflow's own rule (./workflow.ts `refusal`: a reviewing role, and
// four eyes: not the author of the proposed verdict), asked here, not repeated. Within each
// group the longest waiting first.
//
// How long a claim waits counts from its latest step into review (a submission or a proposed
// correction), read from the revision log; a claim in review without such a step (written
// outside the workflow) waits since its last change.
//
// Two queries whatever the length of the queue: the claims in review with their latest step into
// review (a lateral join on the revision log), and the texts and names of the page's rows. Of a
// queue longer than REVIEW_QUEUE_LIMIT, the claims unchanged longest are considered (a claim in
// review hardly changes: its latest change is about when it was submitted), as the index on
// status and updatedAt finds them at any size; the page says so.
import type { SessionUser } from "../auth/session";
import { db, type Db } from "../db/client";
import { REVIEW_QUEUE_LIMIT, type VerdictNames } from "./claims";
import { PAGE_SIZE, pageOf, type Page } from "./listing";
import { refusal, type RuleClaim } from "./workflow";

export const REVIEW_GROUPS = ["forYou", "others"] as const;
/** forYou: assigned to the viewer, or the viewer may approve it; others: the rest (the viewer's
 * own proposals, or claims the viewer's role may not approve). */
export type ReviewGroup = (typeof REVIEW_GROUPS)[number];

export interface ReviewQueueRow {
  id: string;
  text: string;
  language: string;
  claimant: string | null;
  verdict: VerdictNames | null;
  summary: string | null;
  /** Who proposed the verdict under review. */
  proposedBy: { id: string; name: string } | null;
  /** Who sent it to review (the latest step into review), when known. */
  submittedBy: string | null;
  /** Since when it waits: its latest step into review. */
  since: Date;
  evidenceCount: number;
  /** A correction of a published claim (rather than a first publication). */
  isCorrection: boolean;
  /** The viewer proposed it: four eyes, somebody else must approve. */
  own: boolean;
  /** The viewer may approve it (the workflow's rule). */
  mayApprove: boolean;
  assignedToViewer: boolean;
  assignee: string | null;
  group: ReviewGroup;
}

export interface ReviewQueuePage extends Page<ReviewQueueRow> {
  /** How many claims are in each group (on every page). */
  groups: Record<ReviewGroup, number>;
  /** More claims are in review than REVIEW_QUEUE_LIMIT: the queue holds those unchanged longest. */
  limited: boolean;
}

type Viewer = Pick<SessionUser, "id" | "role">;

interface WaitingClaim extends RuleClaim {
  id: string;
  assigneeId: string | null;
  evidenceCount: number;
  pendingCorrection: boolean;
  since: Date;
  submittedBy: string | null;
}

/** The claims in review (REVIEW_QUEUE_LIMIT + 1 of them at most, those unchanged longest) with
 * what the workflow needs to judge an approval, and since when each waits (one query). */
function waitingClaims(client: Db): Promise<WaitingClaim[]> {
  return client.$queryRaw<WaitingClaim[]>`
    SELECT c."id", c."status"::text AS "status", c."verdictId", c."summary", c."verdictAuthorId",
           c."publicState"::text AS "publicState", c."publishedAt", c."assigneeId",
           (SELECT count(*)::int FROM "Evidence" e WHERE e."claimId" = c."id") AS "evidenceCount",
           EXISTS (SELECT 1 FROM "Correction" k WHERE k."claimId" = c."id" AND k."publishedAt" IS NULL AND k."kind" = 'correction') AS "pendingCorrection",
           COALESCE(step."createdAt", c."updatedAt") AS "since",
           u."name" AS "submittedBy"
    FROM (
      SELECT "id", "status", "verdictId", "summary", "verdictAuthorId", "publicState", "publishedAt", "assigneeId", "updatedAt"
        FROM "Claim" WHERE "status" = 'in_review' ORDER BY "updatedAt" ASC, "id" ASC LIMIT ${REVIEW_QUEUE_LIMIT + 1}
    ) c
    LEFT JOIN LATERAL (
      SELECT r."createdAt", r."userId" FROM "Revision" r
      WHERE r."entityType" = 'Claim' AND r."entityId" = c."id" AND r."changes" -> 'status' ->> 'after' = 'in_review'
      ORDER BY r."createdAt" DESC, r."id" DESC
      LIMIT 1
    ) step ON true
    LEFT JOIN "User" u ON u."id" = step."userId"`;
}

function mayApprove(claim: WaitingClaim, viewer: Viewer): boolean {
  const { evidenceCount, pendingCorrection, ...workflowClaim } = claim;
  return refusal("approve", workflowClaim, viewer, { evidenceCount, pendingCorrection }) === null;
}

/** One page of the review queue for `viewer`: what waits for them first, the longest waiting
 * first within each group. */
export async function reviewQueuePage(viewer: Viewer, page = 1, client: Db = db): Promise<ReviewQueuePage> {
  const claims = await waitingClaims(client);
  const limited = claims.length > REVIEW_QUEUE_LIMIT;
  const waiting = claims
    .slice(0, REVIEW_QUEUE_LIMIT)
    .map((claim) => {
      const approvable = mayApprove(claim, viewer);
      const assigned = claim.assigneeId === viewer.id;
      return { claim, approvable, assigned, group: (approvable || assigned ? "forYou" : "others") as ReviewGroup };
    })
    .sort(
      (a, b) =>
        REVIEW_GROUPS.indexOf(a.group) - REVIEW_GROUPS.indexOf(b.group) ||
        a.claim.since.getTime() - b.claim.since.getTime() ||
        a.claim.id.localeCompare(b.claim.id),
    );
  const groups = { forYou: 0, others: 0 };
  for (const w of waiting) groups[w.group]++;

  const shown = waiting.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const details = shown.length
    ? await client.claim.findMany({
        where: { id: { in: shown.map((w) => w.claim.id) } },
        select: {
          id: true,
          text: true,
          language: true,
          claimant: { select: { name: true } },
          verdict: { select: { nameDe: true, nameEn: true } },
          verdictAuthor: { select: { id: true, name: true } },
          assignee: { select: { name: true } },
        },
      })
    : [];
  const byId = new Map(details.map((d) => [d.id, d]));
  const items = shown.flatMap(({ claim, approvable, assigned, group }) => {
    const d = byId.get(claim.id);
    // Gone between the two reads (deleted): left out of this page.
    if (!d) return [];
    return [
      {
        id: claim.id,
        text: d.text,
        language: d.language,
        claimant: d.claimant?.name ?? null,
        verdict: d.verdict ? { de: d.verdict.nameDe, en: d.verdict.nameEn } : null,
        summary: claim.summary,
        proposedBy: d.verdictAuthor,
        submittedBy: claim.submittedBy,
        since: claim.since,
        evidenceCount: claim.evidenceCount,
        isCorrection: claim.publicState !== null,
        own: claim.verdictAuthorId === viewer.id,
        mayApprove: approvable,
        assignedToViewer: assigned,
        assignee: d.assignee?.name ?? null,
        group,
      } satisfies ReviewQueueRow,
    ];
  });
  return { ...pageOf(items, waiting.length, page), groups, limited };
}

export const WAITING_UNITS = ["days", "hours", "minutes"] as const;

/** How long something has waited, in the largest whole unit (the page words it: "waiting 3
 * days"): days from one day on, hours from one hour on, minutes below. */
export function waitingTime(since: Date, now: Date = new Date()): { unit: (typeof WAITING_UNITS)[number]; count: number } {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000));
  if (minutes >= 24 * 60) return { unit: "days", count: Math.floor(minutes / (24 * 60)) };
  if (minutes >= 60) return { unit: "hours", count: Math.floor(minutes / 60) };
  return { unit: "minutes", count: minutes };
}
