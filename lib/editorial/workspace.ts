// The claim workspace of the desk (app/(desk)/admin/claims/[id]): what its page reads, through
// lib/ and not Prisma (issue 13 point 7), and the rules of its layout that are worth a test:
// - its tabs (Details, Verdict, Evidence, Workflow, Discussion, History), each reachable by URL
//   (?tab=verdict); an unknown value is Details;
// - the workflow's next steps the header shows on every tab (the rest is in the Workflow tab);
// - the claim's source text beside the tabs: the stored snapshot of the source its passages or
//   its quotes come from, with those passages marked.
//
// The page turns codes into words (desk.workspace.* of the catalogues); nothing here is text.
import type { ClaimStatus } from "../generated/prisma/enums";
import type { SessionUser } from "../auth/session";
import { db, type Db } from "../db/client";
import type { Locale } from "../i18n";
import { claimFormOptions, getClaimForEdit, type ClaimForEdit, type ClaimFormOptions } from "./claims";
import { approvalDigest, pendingPublicChanges, type PendingPublicChanges } from "./publication";
import { workflowOptions, type Transition, type TransitionOption } from "./workflow";

// ---------------------------------------------------------------------------------------
// Tabs

export const WORKSPACE_TABS = ["details", "verdict", "evidence", "workflow", "discussion", "history"] as const;
export type WorkspaceTab = (typeof WORKSPACE_TABS)[number];

export function isWorkspaceTab(value: unknown): value is WorkspaceTab {
  return typeof value === "string" && (WORKSPACE_TABS as readonly string[]).includes(value);
}

/** The tab a `?tab=` value names; Details for none or one that is not a tab. */
export function workspaceTab(value: string | string[] | undefined): WorkspaceTab {
  const first = Array.isArray(value) ? value[0] : value;
  return isWorkspaceTab(first) ? first : "details";
}

/** The tabs whose panels have forms that need the choices of the claim forms. */
const TABS_WITH_CHOICES: ReadonlySet<WorkspaceTab> = new Set(["details", "verdict", "evidence", "workflow"]);

// ---------------------------------------------------------------------------------------
// The header's next steps

/**
 * The steps that move a claim on from each state, in the order the header offers them. The
 * steps back (back to draft, withdraw) and the retraction are in the Workflow tab only.
 */
const FORWARD: Record<ClaimStatus, readonly Transition[]> = {
  draft: ["start_research", "submit"],
  in_research: ["submit"],
  in_review: ["approve", "reject"],
  published: ["propose_correction"],
  corrected: ["propose_correction"],
  retracted: [],
};

/** The steps that need more than a click (a required note, a corrected verdict): the header
 * links to their form in the Workflow tab instead of taking them. */
const NEEDS_FORM: ReadonlySet<Transition> = new Set(["reject", "propose_correction", "retract"]);

export interface NextStep {
  option: TransitionOption;
  /** "button": the header takes the step (a form with a submit button); "form": the header
   * links to the step's form in the Workflow tab. */
  kind: "button" | "form";
}

/**
 * The next steps of a claim in `status` among the workflow's options for the viewer (from
 * workflowOptions): each forward step, allowed or not (a step not allowed shows its reason,
 * so the header says what is missing). A step that needs a form and is not allowed is left
 * out (its reason is in the Workflow tab).
 */
export function nextSteps(status: ClaimStatus, options: readonly TransitionOption[]): NextStep[] {
  return FORWARD[status].flatMap((transition) => {
    const option = options.find((o) => o.transition === transition);
    if (!option) return [];
    const kind = NEEDS_FORM.has(transition) ? "form" : "button";
    if (kind === "form" && !option.allowed) return [];
    return [{ option, kind }];
  });
}

// ---------------------------------------------------------------------------------------
// The source text beside the claim

export type MarkKind = "passage" | "quote";

export interface MarkedRange {
  start: number;
  end: number;
  kind: MarkKind;
}

/** A piece of a text: [start, end) and the kinds of marked ranges that cover it (none: plain). */
export interface TextSegment {
  start: number;
  end: number;
  marks: MarkKind[];
}

/**
 * The text of `length` characters cut at every boundary of `ranges`, each piece with the kinds
 * of the ranges over it. Ranges outside the text or empty are left out (a source's text may
 * have changed since); overlapping ranges are allowed (a claim's passage inside its quote's).
 */
export function markedSegments(length: number, ranges: readonly MarkedRange[]): TextSegment[] {
  const valid = ranges.filter((r) => Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.start < r.end && r.end <= length);
  const cuts = [...new Set([0, length, ...valid.flatMap((r) => [r.start, r.end])])].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    const marks = [...new Set(valid.filter((r) => r.start <= start && r.end >= end).map((r) => r.kind))].sort();
    const last = segments[segments.length - 1];
    // Neighbours with the same marks are one piece.
    if (last && last.marks.join() === marks.join()) last.end = end;
    else segments.push({ start, end, marks });
  }
  return segments;
}

export interface SourceChoice {
  id: string;
  title: string;
  /** How many of the claim's passages and of its quotes' appearances are in this source. */
  passages: number;
  quotes: number;
}

export interface ClaimSourceText {
  /** Every source the claim's passages and quotes come from: passages' sources first. */
  sources: SourceChoice[];
  /** The one shown (the chosen one, else the first); null when there is none. */
  shown: {
    id: string;
    title: string;
    language: string;
    url: string | null;
    publisher: string | null;
    /** Null: the source has no stored text. */
    text: string | null;
    ranges: MarkedRange[];
    segments: TextSegment[];
  } | null;
}

/**
 * The source text for the claim's workspace: the sources of its passages and of its quotes'
 * appearances, and the stored text of one of them (`chosenId` if it is one of them) with the
 * claim's passages and its quotes' appearances in it marked. Only the shown source's text is
 * read.
 */
export async function claimSourceText(
  claim: Pick<ClaimForEdit, "passages" | "quotes">,
  chosenId: string | undefined,
  client: Db = db,
): Promise<ClaimSourceText> {
  const quoteIds = claim.quotes.map((q) => q.quote.id);
  const appearances = quoteIds.length
    ? await client.quoteAppearance.findMany({
        where: { quoteId: { in: quoteIds } },
        select: { sourceId: true, start: true, end: true, source: { select: { title: true } } },
        orderBy: [{ sourceId: "asc" }, { start: "asc" }],
      })
    : [];
  const ranges: (MarkedRange & { sourceId: string; title: string })[] = [
    ...claim.passages.map((p) => ({ sourceId: p.sourceId, title: p.source.title, start: p.start, end: p.end, kind: "passage" as const })),
    ...appearances.map((a) => ({ sourceId: a.sourceId, title: a.source.title, start: a.start, end: a.end, kind: "quote" as const })),
  ];
  const sources: SourceChoice[] = [];
  for (const r of ranges) {
    let choice = sources.find((s) => s.id === r.sourceId);
    if (!choice) sources.push((choice = { id: r.sourceId, title: r.title, passages: 0, quotes: 0 }));
    choice[r.kind === "passage" ? "passages" : "quotes"]++;
  }
  const shownId = sources.find((s) => s.id === chosenId)?.id ?? sources[0]?.id;
  if (!shownId) return { sources, shown: null };
  const source = await client.source.findUnique({
    where: { id: shownId },
    select: { id: true, title: true, language: true, url: true, publisher: true, snapshotText: true },
  });
  if (!source) return { sources, shown: null };
  const own = ranges
    .filter((r) => r.sourceId === shownId)
    .map(({ start, end, kind }) => ({ start, end, kind }))
    .filter((r, i, all) => all.findIndex((o) => o.start === r.start && o.end === r.end && o.kind === r.kind) === i);
  const text = source.snapshotText;
  return {
    sources,
    shown: {
      id: source.id,
      title: source.title,
      language: source.language,
      url: source.url,
      publisher: source.publisher,
      text,
      ranges: own,
      segments: text === null ? [] : markedSegments(text.length, own),
    },
  };
}

// ---------------------------------------------------------------------------------------
// The page's reads

export interface ClaimWorkspace {
  claim: ClaimForEdit;
  tab: WorkspaceTab;
  /** The choices of the claim forms; null on the tabs that have none of those forms. */
  options: ClaimFormOptions | null;
  steps: TransitionOption[];
  next: NextStep[];
  pending: PendingPublicChanges | null;
  /** For the approve forms: what the reviewer sees (approvalDigest); only in review. */
  digest: string | undefined;
  source: ClaimSourceText;
}

/**
 * Everything the claim workspace shows for `viewer` on `tab`, or null when there is no such
 * claim. The choices of the forms (bounded lists of speakers, quotes, sources) are read only for
 * the tabs whose forms need them.
 */
export async function loadClaimWorkspace(
  viewer: SessionUser,
  claimId: string,
  { tab, sourceId, locale }: { tab: WorkspaceTab; sourceId?: string; locale: Locale },
  client: Db = db,
): Promise<ClaimWorkspace | null> {
  const claim = await getClaimForEdit(claimId, client);
  if (!claim) return null;
  const sourceText = claimSourceText(claim, sourceId, client);
  const [options, steps, pending, digest, source] = await Promise.all([
    // Bounded choices (lib/editorial/choices.ts) that always hold the claim's own claimant,
    // quotes and sources: those of its passages, its evidence and its quotes' appearances (the
    // source text beside the tabs offers passages of these to the forms).
    TABS_WITH_CHOICES.has(tab)
      ? sourceText.then((text) =>
          claimFormOptions(client, locale, {
            claimantId: claim.claimantId,
            quoteIds: claim.quotes.map((q) => q.quote.id),
            sourceIds: [...claim.passages.map((p) => p.sourceId), ...claim.evidence.map((e) => e.sourceId), ...text.sources.map((s) => s.id)],
          }),
        )
      : null,
    workflowOptions(viewer, claim.id, client),
    // What readers do not see yet: desk edits since the last approval (PUBLIC MEANS APPROVED).
    claim.publicState ? pendingPublicChanges(claim.id, client) : null,
    // The approve form names what the reviewer sees, so that the approval publishes exactly that.
    claim.status === "in_review" ? approvalDigest(client, claim.id) : undefined,
    sourceText,
  ]);
  return { claim, tab, options, steps, next: nextSteps(claim.status, steps), pending, digest, source };
}

/** What the claim's workspace and history page name the claim by, or null when there is no such claim. */
export async function claimHeading(claimId: string, client: Db = db): Promise<{ id: string; text: string; language: string; version: number } | null> {
  if (!claimId || claimId.length > 64) return null;
  return client.claim.findUnique({ where: { id: claimId }, select: { id: true, text: true, language: true, version: true } });
}
