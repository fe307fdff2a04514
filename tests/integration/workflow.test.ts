// The claim's life, enforced on the server: every transition from every state, allowed or
// refused (with a reason, changing nothing), four eyes, rejection notes, corrections after
// publication (the public keeps the approved version meanwhile) and retraction.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../lib/auth/session";
import { loadSettings } from "../../lib/config";
import type { ClaimStatus } from "../../lib/generated/prisma/enums";
import { ConflictError, DomainError, ForbiddenError, TransitionError } from "../../lib/editorial/errors";
import { TRANSITIONS, transitionClaim, workflowOptions, type Transition } from "../../lib/editorial/workflow";
import { getPublicClaim } from "../../lib/public";
import { freezeMissingPublications } from "../../lib/editorial/publication";
import { bootstrap } from "../../lib/seed/bootstrap";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { refusalText, text, textOf } from "../helpers/messages";
import { msg } from "../../lib/messages";

let t: TestDatabase;
const actors = {} as Record<"admin" | "editor" | "editor2" | "reviewer" | "contributor", SessionUser>;
let verdicts: Record<string, string>;
let sourceId: string;
let counter = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  await bootstrap(t.db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));
  const user = async (email: string) => {
    const u = await t.db.user.findUniqueOrThrow({ where: { email } });
    return { id: u.id, name: u.name, email: u.email, role: u.role };
  };
  actors.admin = await user("admin@claimbase.local");
  actors.editor = await user("redaktion@claimbase.local");
  actors.reviewer = await user("pruefung@claimbase.local");
  actors.contributor = await user("mitarbeit@claimbase.local");
  const e2 = await t.db.user.create({ data: { email: "zweite@claimbase.local", name: "Zweite Redakteurin", role: "editor", passwordHash: "x" } });
  actors.editor2 = { id: e2.id, name: e2.name, email: e2.email, role: e2.role };
  verdicts = Object.fromEntries((await t.db.verdictLabel.findMany()).map((v) => [v.key, v.id]));
  sourceId = (await t.db.source.findFirstOrThrow()).id;
});
afterAll(() => t?.stop());

/** A claim in `status`, with a verdict by the editor and one piece of evidence unless told otherwise. */
async function claimIn(status: ClaimStatus, options: { verdict?: boolean; evidence?: boolean; published?: boolean } = {}) {
  const { verdict = true, evidence = true } = options;
  const published = options.published ?? ["published", "corrected", "retracted"].includes(status);
  counter++;
  const claim = await t.db.claim.create({
    data: {
      slug: `workflow-${counter}`,
      text: `Testbehauptung ${counter}`,
      status,
      verdictId: verdict ? verdicts["false"] : null,
      summary: verdict ? "Stimmt nicht." : null,
      analysis: verdict ? "Weil." : null,
      verdictAuthorId: verdict ? actors.editor.id : null,
      ...(published
        ? {
            publicState: status === "retracted" ? "retracted" : status === "corrected" ? "corrected" : "published",
            publishedVerdictId: verdicts["false"],
            publishedSummary: "Stimmt nicht.",
            publishedAnalysis: "Weil.",
            publishedAt: new Date("2026-01-01"),
          }
        : {}),
    },
  });
  if (evidence) await t.db.evidence.create({ data: { claimId: claim.id, sourceId, stance: "refutes", excerpt: "Beleg" } });
  // Made public around the workflow: frozen as an upgrade freezes such claims (bootstrap).
  if (published) await freezeMissingPublications(t.db);
  return t.db.claim.findUniqueOrThrow({ where: { id: claim.id } });
}

async function snapshot(claimId: string) {
  const [claim, revisions, decisions, corrections] = await Promise.all([
    t.db.claim.findUniqueOrThrow({ where: { id: claimId } }),
    t.db.revision.count({ where: { entityId: claimId } }),
    t.db.reviewDecision.count({ where: { claimId } }),
    t.db.correction.count({ where: { claimId } }),
  ]);
  return { claim, revisions, decisions, corrections };
}

function run(actor: SessionUser, claim: { id: string; version: number }, transition: Transition, extra: Record<string, string> = {}) {
  return transitionClaim(actor, { claimId: claim.id, version: claim.version, transition, ...extra }, t.db);
}

const ALL_STATUSES: ClaimStatus[] = ["draft", "in_research", "in_review", "published", "corrected", "retracted"];
const ALLOWED_FROM: Record<Transition, ClaimStatus[]> = {
  start_research: ["draft"],
  back_to_draft: ["in_research"],
  submit: ["draft", "in_research"],
  withdraw: ["in_review"],
  approve: ["in_review"],
  reject: ["in_review"],
  propose_correction: ["published", "corrected"],
  retract: ["published", "corrected"],
};
const NEXT: Record<Transition, ClaimStatus> = {
  start_research: "in_research",
  back_to_draft: "draft",
  submit: "in_review",
  withdraw: "in_research",
  approve: "published",
  reject: "in_research",
  propose_correction: "in_review",
  retract: "retracted",
};
const EXTRA: Partial<Record<Transition, Record<string, string>>> = {
  reject: { note: "Quelle fehlt." },
  retract: { note: "Die Grundlage war falsch." },
  propose_correction: { note: "Neue Zahlen.", summary: "Stimmt doch teilweise." },
};

describe("every transition from every state", () => {
  for (const transition of TRANSITIONS) {
    for (const status of ALL_STATUSES) {
      const allowed = ALLOWED_FROM[transition].includes(status);
      it(`${transition} from ${status}: ${allowed ? "allowed" : "refused"}`, async () => {
        const claim = await claimIn(status);
        const before = await snapshot(claim.id);
        // The reviewer did not author the verdict, so four eyes holds for approve.
        const attempt = run(actors.reviewer, claim, transition, EXTRA[transition] ?? {});
        if (!allowed) {
          await expect(attempt).rejects.toBeInstanceOf(TransitionError);
          expect(await snapshot(claim.id)).toEqual(before);
          return;
        }
        await attempt;
        const after = await snapshot(claim.id);
        expect(after.claim.status).toBe(NEXT[transition]);
        expect(after.claim.version).toBe(claim.version + 1);
        const revision = await t.db.revision.findFirstOrThrow({ where: { entityId: claim.id, action: "transition" }, orderBy: { id: "desc" } });
        expect(revision.userId).toBe(actors.reviewer.id);
        expect(revision.changes).toMatchObject({ status: { before: status, after: NEXT[transition] } });
      });
    }
  }
});

describe("who may do what", () => {
  it("a contributor drafts and researches but can never submit, approve, reject, correct or retract", async () => {
    const draft = await claimIn("draft");
    await run(actors.contributor, draft, "start_research");
    for (const [transition, status] of [
      ["submit", "in_research"],
      ["approve", "in_review"],
      ["reject", "in_review"],
      ["propose_correction", "published"],
      ["retract", "published"],
    ] as const) {
      const claim = await claimIn(status);
      const before = await snapshot(claim.id);
      await expect(run(actors.contributor, claim, transition, EXTRA[transition] ?? {})).rejects.toBeInstanceOf(ForbiddenError);
      expect(await snapshot(claim.id)).toEqual(before);
    }
  });

  it("lists the steps with the reason for each refused one", async () => {
    const claim = await claimIn("in_review");
    const forAuthor = await workflowOptions(actors.editor, claim.id, t.db);
    const approve = forAuthor.find((o) => o.transition === "approve");
    expect(approve?.allowed).toBe(false);
    expect(approve?.reason).toEqual(msg("msg.workflow.fourEyes"));
    expect(text(approve!.reason!)).toMatch(/Vier-Augen-Prinzip/);
    expect(text(approve!.reason!, "en")).toMatch(/^Four-eyes principle: you proposed this verdict yourself/);
    const forReviewer = await workflowOptions(actors.reviewer, claim.id, t.db);
    expect(forReviewer.find((o) => o.transition === "approve")?.allowed).toBe(true);
    const forContributor = await workflowOptions(actors.contributor, claim.id, t.db);
    expect(text(forContributor.find((o) => o.transition === "approve")!.reason!)).toMatch(/Mitarbeitende/);
  });
});

describe("submitting for review", () => {
  it("needs a proposed verdict, a summary and evidence, and says which is missing", async () => {
    const bare = await claimIn("in_research", { verdict: false, evidence: false });
    const error = await run(actors.editor, bare, "submit").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransitionError);
    expect(textOf(error)).toBe("Zur Prüfung fehlt noch: eine vorgeschlagene Bewertung, eine Zusammenfassung, mindestens einen Beleg.");
    expect(textOf(error, "en")).toBe("Still missing for review: a proposed verdict, a summary, at least one piece of evidence.");
    const noEvidence = await claimIn("in_research", { evidence: false });
    expect(await refusalText(run(actors.editor, noEvidence, "submit"))).toMatch("mindestens einen Beleg");
  });
});

describe("four eyes", () => {
  it("refuses the author of the verdict, whatever their role", async () => {
    const claim = await claimIn("in_review");
    const before = await snapshot(claim.id);
    expect(await refusalText(run(actors.editor, claim, "approve"))).toMatch(/Vier-Augen-Prinzip/);
    await t.db.claim.update({ where: { id: claim.id }, data: { verdictAuthorId: actors.admin.id } });
    const moved = await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(await refusalText(run(actors.admin, moved, "approve"))).toMatch(/Vier-Augen-Prinzip/);
    expect((await snapshot(claim.id)).decisions).toBe(before.decisions);
  });

  it("publishes on approval by another editor: the public sees the approved values", async () => {
    const claim = await claimIn("in_review");
    await run(actors.editor2, claim, "approve");
    const after = await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(after).toMatchObject({
      status: "published",
      publicState: "published",
      publishedVerdictId: verdicts["false"],
      publishedSummary: "Stimmt nicht.",
      publishedAnalysis: "Weil.",
    });
    expect(after.publishedAt).toBeInstanceOf(Date);
    const decision = await t.db.reviewDecision.findFirstOrThrow({ where: { claimId: claim.id } });
    expect(decision).toMatchObject({ outcome: "approved", reviewerId: actors.editor2.id });
    expect((await getPublicClaim(after.slug, t.db))?.verdict?.key).toBe("false");
  });
});

describe("rejection", () => {
  it("needs a note and sends the claim back to research with it", async () => {
    const claim = await claimIn("in_review");
    expect(await refusalText(run(actors.reviewer, claim, "reject"))).toMatch("Bitte eine Begründung für die Ablehnung angeben.");
    await run(actors.reviewer, claim, "reject", { note: "Die Zahl ist nicht belegt." });
    const after = await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(after.status).toBe("in_research");
    expect(after.publicState).toBeNull();
    const decision = await t.db.reviewDecision.findFirstOrThrow({ where: { claimId: claim.id } });
    expect(decision).toMatchObject({ outcome: "rejected", note: "Die Zahl ist nicht belegt.", reviewerId: actors.reviewer.id, verdictId: verdicts["false"] });
  });
});

describe("corrections after publication", () => {
  it("keep the public version until a second person approves, then publish the dated note", async () => {
    const claim = await claimIn("published");
    expect(await refusalText(run(actors.reviewer, claim, "propose_correction", { summary: "Neu." }))).toMatch("öffentliche Korrekturnotiz");
    expect(await refusalText(run(actors.reviewer, claim, "propose_correction", { note: "Nichts Neues." }))).toMatch("unterscheidet sich nicht");

    await run(actors.reviewer, claim, "propose_correction", {
      note: "Eine neue Statistik widerlegt die Zahl nur teilweise.",
      verdictId: verdicts["half-true"]!,
      summary: "Teilweise richtig.",
    });
    let current = await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(current).toMatchObject({ status: "in_review", publicState: "published", verdictAuthorId: actors.reviewer.id, summary: "Teilweise richtig." });
    // The public still sees the approved version, and no note yet.
    let page = await getPublicClaim(current.slug, t.db);
    expect(page?.verdict?.key).toBe("false");
    expect(page?.summary).toBe("Stimmt nicht.");
    expect(page?.corrections ?? []).toHaveLength(0);

    // The proposer cannot approve their own correction.
    expect(await refusalText(run(actors.reviewer, current, "approve"))).toMatch(/Vier-Augen-Prinzip/);
    await run(actors.editor, current, "approve");
    current = await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(current).toMatchObject({ status: "corrected", publicState: "corrected", publishedVerdictId: verdicts["half-true"], publishedSummary: "Teilweise richtig." });
    page = await getPublicClaim(current.slug, t.db);
    expect(page?.verdict?.key).toBe("half-true");
    expect(page?.corrections.map((c) => c.note)).toEqual(["Eine neue Statistik widerlegt die Zahl nur teilweise."]);
  });

  it("a rejected correction leaves the public page as it was and can be resubmitted", async () => {
    const claim = await claimIn("published");
    await run(actors.reviewer, claim, "propose_correction", { note: "Korrektur.", summary: "Anders." });
    let current = await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    await run(actors.editor, current, "reject", { note: "Noch nicht belegt." });
    current = await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(current).toMatchObject({ status: "in_research", publicState: "published", publishedSummary: "Stimmt nicht." });
    expect(await t.db.correction.count({ where: { claimId: claim.id, publishedAt: { not: null } } })).toBe(0);
    await run(actors.reviewer, current, "submit");
    current = await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    await run(actors.editor, current, "approve");
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } })).publishedSummary).toBe("Anders.");
  });
});

describe("retraction", () => {
  it("keeps the public page with a dated notice", async () => {
    const claim = await claimIn("published");
    expect(await refusalText(run(actors.editor, claim, "retract"))).toMatch("Begründung für den Rückzug");
    await run(actors.editor, claim, "retract", { note: "Die Aussage wurde falsch zugeordnet." });
    const after = await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(after).toMatchObject({ status: "retracted", publicState: "retracted" });
    const page = await getPublicClaim(after.slug, t.db);
    expect(page?.status).toBe("retracted");
    expect(page?.corrections.map((c) => [c.kind, c.note])).toEqual([["retraction", "Die Aussage wurde falsch zugeordnet."]]);
  });
});

describe("stale saves", () => {
  it("a transition from an outdated version is refused as a conflict and changes nothing", async () => {
    const claim = await claimIn("draft");
    await run(actors.editor, claim, "start_research");
    const before = await snapshot(claim.id);
    const error = await run(actors.reviewer, claim, "start_research").catch((e: unknown) => e);
    // The state moved on: either reason is a refusal that changes nothing.
    expect(error).toBeInstanceOf(DomainError);
    const stale = await run(actors.reviewer, { id: claim.id, version: claim.version }, "back_to_draft").catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(textOf(stale)).toContain(actors.editor.name);
    expect(await snapshot(claim.id)).toEqual(before);
  });
});
