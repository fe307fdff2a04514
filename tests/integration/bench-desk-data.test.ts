// The benchmark's desk dataset (npm run bench:public -- --desk, scripts/bench-desk.ts) is what
// the desk would hold after real work: its figures only mean something if the pages read the
// same kinds of rows. Generated small here, then read through the desk's own functions: the
// benchmark accounts sign in, every stage of the workflow is present, each claim's revision log
// rebuilds exactly the claim as it is (versions 1..n, in time order), the review queue has its
// waiting times and proposers, evidence passages are the source's text, the public claims'
// publications hold that evidence and do not make them look changed a moment ago.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizeCredentials } from "../../lib/auth/credentials";
import { hashPassword } from "../../lib/auth/password";
import { loadSettings } from "../../lib/config";
import { listArticles } from "../../lib/editorial/articles";
import { claimHistory, claimVersions, listClaims, claimListQuery } from "../../lib/editorial/claims";
import { reviewQueuePage, type ReviewQueueRow } from "../../lib/editorial/review-queue";
import { freezeMissingPublications, pendingPublicChanges } from "../../lib/editorial/publication";
import { bootstrap } from "../../lib/seed/bootstrap";
import { DESK_ACCOUNTS, deskAccountCount, settleDeskTimes } from "../../scripts/bench-desk";
import { generateDataset } from "../../scripts/bench-public";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

const SIZES = { claims: 240, quotes: 600, speakers: 40 };
const PASSWORD = "bench-desk-test-password";

let t: TestDatabase;
const quiet = console.log;

beforeAll(async () => {
  t = await createTestDatabase();
  await bootstrap(t.db, loadSettings({ CLAIMBASE_DEMO: "false", CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));
  console.log = () => undefined; // the generator prints its steps
  try {
    await generateDataset(t.url, { ...SIZES, desk: { passwordHash: await hashPassword(PASSWORD) } });
    await freezeMissingPublications(t.db);
    await settleDeskTimes(t.url);
  } finally {
    console.log = quiet;
  }
}, 240_000);
afterAll(() => t?.stop());

async function account(email: string) {
  const u = await t.db.user.findUniqueOrThrow({ where: { email } });
  return { id: u.id, name: u.name, email: u.email, role: u.role };
}

describe("the benchmark's desk dataset", () => {
  it("has desk accounts of every editorial role, and the benchmark's editor and reviewer sign in with the password", async () => {
    const roles = await t.db.user.groupBy({ by: ["role"], where: { id: { startsWith: "bus" } }, _count: { _all: true } });
    expect(roles.reduce((n, r) => n + r._count._all, 0)).toBe(deskAccountCount(SIZES.claims));
    expect(roles.map((r) => r.role).sort()).toEqual(["contributor", "editor", "reviewer"]);
    const editor = await authorizeCredentials({ email: DESK_ACCOUNTS.editor, password: PASSWORD }, undefined, t.db);
    const reviewer = await authorizeCredentials({ email: DESK_ACCOUNTS.reviewer, password: PASSWORD }, undefined, t.db);
    expect(editor).toMatchObject({ role: "editor" });
    expect(reviewer).toMatchObject({ role: "reviewer" });
    expect(await authorizeCredentials({ email: DESK_ACCOUNTS.editor, password: "not-the-password" }, undefined, t.db)).toBeNull();
  });

  it("has claims in every stage, most of the unpublished ones assigned, and the editor has work assigned to him", async () => {
    const statuses = await t.db.claim.groupBy({ by: ["status"], _count: { _all: true } });
    expect(statuses.map((s) => s.status).sort()).toEqual(["corrected", "draft", "in_research", "in_review", "published", "retracted"]);
    const open = await t.db.claim.count({ where: { publicState: null } });
    const openAssigned = await t.db.claim.count({ where: { publicState: null, assigneeId: { not: null } } });
    expect(openAssigned / open).toBeGreaterThan(0.5);
    const editor = await account(DESK_ACCOUNTS.editor);
    const mine = await listClaims(claimListQuery({ assignee: "me" }), editor, t.db);
    expect(mine.total).toBe(await t.db.claim.count({ where: { assigneeId: editor.id } }));
    expect(mine.total).toBeGreaterThan(0);
    expect(await t.db.claim.count({ where: { createdById: null } })).toBe(0);
  });

  it("rebuilds every claim from its revisions: versions 1..n in time order, ending in the claim's status, verdict, summary and assignee", async () => {
    const claims = await t.db.claim.findMany({ select: { id: true, version: true, status: true, verdictId: true, summary: true, assigneeId: true, publicState: true } });
    for (const claim of claims) {
      const versions = await claimVersions(claim.id, t.db);
      expect(versions.map((v) => v.version), claim.id).toEqual(Array.from({ length: claim.version }, (_, i) => i + 1));
      const times = versions.map((v) => v.at.getTime());
      expect(times, claim.id).toEqual([...times].sort((a, b) => a - b));
      const last = versions[versions.length - 1]!.values;
      expect(
        { status: last.status, verdictId: last.verdictId ?? null, summary: last.summary ?? null, assigneeId: last.assigneeId ?? null, publicState: last.publicState ?? null },
        claim.id,
      ).toEqual({ status: claim.status, verdictId: claim.verdictId, summary: claim.summary, assigneeId: claim.assigneeId, publicState: claim.publicState });
    }
  });

  it("gives a worked-on claim's history its evidence, its steps and its reviews", async () => {
    const claim = await t.db.claim.findFirstOrThrow({ where: { status: "corrected" }, select: { id: true, _count: { select: { evidence: true, reviewDecisions: true } } } });
    const history = await claimHistory(claim.id, t.db);
    expect(history.filter((h) => h.entityType === "Evidence")).toHaveLength(claim._count.evidence);
    expect(history.filter((h) => h.action === "transition").length).toBeGreaterThanOrEqual(4);
    expect(history.every((h) => h.by !== null || ("publicationId" in h.changes))).toBe(true);
    expect(claim._count.reviewDecisions).toBeGreaterThanOrEqual(2);
  });

  it("finds a claim's evidence in the revision log through its index (migration *_revision_evidence_claim), not by reading the log", async () => {
    const claim = await t.db.claim.findFirstOrThrow({ where: { status: "published", evidence: { some: {} } }, select: { id: true } });
    // The query Prisma sends for the JSON path filter, as claimHistory makes it.
    const sent: { text: string; values: unknown[] }[] = [];
    const original = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const config = args[0] as { text?: string; values?: unknown[] } | string;
      if (typeof config === "object" && config?.text?.includes("#>")) sent.push({ text: config.text, values: config.values ?? [] });
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    try {
      await claimHistory(claim.id, t.db);
    } finally {
      pg.Client.prototype.query = original;
    }
    expect(sent).toHaveLength(1);
    const explain = new pg.Client({ connectionString: t.url });
    await explain.connect();
    try {
      // Whether the index can serve this very query, whatever the table's size: a plan that
      // may not read the table sequentially takes it if its expression matches.
      await explain.query("SET enable_seqscan = off");
      const { rows } = await explain.query(`EXPLAIN (FORMAT JSON) ${sent[0]!.text}`, sent[0]!.values);
      const plan = JSON.stringify(rows[0]);
      expect(plan).toContain('"Index Name":"Revision_evidence_claim_idx"');
      expect(plan).not.toContain('"Node Type":"Seq Scan"');
    } finally {
      await explain.end();
    }
  });

  it("fills the review queue with what a reviewer sees there: proposer, time of submission, evidence, corrections among first publications", async () => {
    const reviewer = await account(DESK_ACCOUNTS.reviewer);
    // Every page of the queue (a page holds 25).
    const first = await reviewQueuePage(reviewer, 1, t.db);
    const queue: ReviewQueueRow[] = [...first.items];
    for (let page = 2; page <= first.pageCount; page++) queue.push(...(await reviewQueuePage(reviewer, page, t.db)).items);
    expect(first.total).toBe(await t.db.claim.count({ where: { status: "in_review" } }));
    expect(queue).toHaveLength(first.total);
    for (const item of queue) {
      expect(item.since, item.id).not.toBeNull();
      expect(item.proposedBy, item.id).not.toBeNull();
      expect(item.submittedBy, item.id).not.toBeNull();
      expect(item.evidenceCount, item.id).toBeGreaterThan(0);
      expect(item.own).toBe(false);
    }
    expect(queue.some((i) => i.isCorrection)).toBe(true);
    expect(queue.some((i) => !i.isCorrection)).toBe(true);
    // A correction waiting for review has its unpublished correction note.
    for (const item of queue.filter((i) => i.isCorrection)) {
      expect(await t.db.correction.count({ where: { claimId: item.id, kind: "correction", publishedAt: null } }), item.id).toBe(1);
    }
  });

  it("takes evidence passages from the source's stored text", async () => {
    const rows = await t.db.$queryRaw<{ withPassage: bigint; mismatched: bigint }[]>`
      SELECT count(*) FILTER (WHERE e.start IS NOT NULL) AS "withPassage",
             count(*) FILTER (WHERE e.start IS NOT NULL AND e.excerpt <> substr(s."snapshotText", e.start + 1, e."end" - e.start)) AS mismatched
        FROM "Evidence" e JOIN "Source" s ON s.id = e."sourceId"`;
    expect(Number(rows[0]!.withPassage)).toBeGreaterThan(0);
    expect(Number(rows[0]!.mismatched)).toBe(0);
  });

  it("freezes the public claims with their evidence as written for the desk, dated as of their last approval, not now", async () => {
    const recent = await t.db.claim.count({ where: { publicState: { not: null }, status: { not: "in_review" }, updatedAt: { gt: new Date(Date.now() - 60 * 60_000) } } });
    expect(recent).toBe(0);
    const published = await t.db.claim.findMany({
      where: { publicState: { not: null } },
      select: { id: true, status: true, updatedAt: true, publicUpdatedAt: true, publication: { select: { createdAt: true } } },
      orderBy: { id: "asc" },
      take: 40,
    });
    for (const claim of published) {
      const last = await t.db.revision.findFirstOrThrow({ where: { entityType: "Claim", entityId: claim.id }, orderBy: { id: "desc" } });
      expect(last.createdAt.getTime(), claim.id).toBe(claim.updatedAt.getTime());
      expect(claim.publication?.createdAt.getTime(), claim.id).toBe(claim.publicUpdatedAt?.getTime());
      // Nothing waits for an approval: the publication holds what the desk shows (evidence
      // included); only a correction in review changes the verdict part.
      const pending = await pendingPublicChanges(claim.id, t.db);
      expect(pending?.parts, claim.id).toEqual(claim.status === "in_review" ? ["verdict"] : []);
    }
  });

  it("lists articles with their extracted candidates", async () => {
    const page = await listArticles({ page: 1 }, t.db);
    expect(page.total).toBe(Math.max(10, Math.round(SIZES.claims / 20)));
    const counted = page.items.reduce((n, a) => n + a.candidates.proposed + a.candidates.accepted + a.candidates.rejected, 0);
    expect(counted).toBeGreaterThan(0);
    expect(page.items.some((a) => a.candidates.accepted > 0)).toBe(true);
  });
});
