// Evidence on a claim: versioned writes with revisions, offsets checked against the source's
// stored text (the excerpt must be that passage), and the workflow's rules: nothing changes
// while the claim is in review, a public claim's evidence only by desk roles, a retracted
// claim's never.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../lib/auth/session";
import { loadSettings } from "../../lib/config";
import { createClaim } from "../../lib/editorial/claims";
import { ConflictError, ForbiddenError, TransitionError, ValidationError } from "../../lib/editorial/errors";
import { addEvidence, addEvidenceSchema, deleteEvidence, updateEvidence } from "../../lib/editorial/evidence";
import { transitionClaim } from "../../lib/editorial/workflow";
import { bootstrap } from "../../lib/seed/bootstrap";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { refusalText } from "../helpers/messages";

let t: TestDatabase;
let editor: SessionUser;
let reviewer: SessionUser;
let contributor: SessionUser;
let source: { id: string; snapshotText: string };

beforeAll(async () => {
  t = await createTestDatabase();
  await bootstrap(t.db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));
  const user = async (email: string) => {
    const u = await t.db.user.findUniqueOrThrow({ where: { email } });
    return { id: u.id, name: u.name, email: u.email, role: u.role };
  };
  editor = await user("redaktion@claimbase.local");
  reviewer = await user("pruefung@claimbase.local");
  contributor = await user("mitarbeit@claimbase.local");
  const s = await t.db.source.findFirstOrThrow({ where: { title: { startsWith: "Resolution 2254" } } });
  source = { id: s.id, snapshotText: s.snapshotText! };
});
afterAll(() => t?.stop());

const revisionsOf = (entityId: string) => t.db.revision.findMany({ where: { entityType: "Evidence", entityId }, orderBy: { id: "asc" } });
const excerpt = "einstimmig angenommen";
const offsets = () => {
  const start = source.snapshotText.indexOf(excerpt);
  return { start, end: start + excerpt.length };
};

async function draft() {
  return (await createClaim(contributor, { text: `Belegprobe ${Math.random().toString(36).slice(2)}` }, t.db)).id;
}

describe("writes", () => {
  it("adds, updates and deletes evidence, each with its revision and version", async () => {
    const claimId = await draft();
    const { id } = await addEvidence(contributor, { claimId, sourceId: source.id, stance: "supports", excerpt, ...offsets(), note: "Warum" }, t.db);
    let row = await t.db.evidence.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ claimId, stance: "supports", excerpt, ...offsets(), note: "Warum", position: 0, version: 1, createdById: contributor.id });

    await updateEvidence(contributor, { evidenceId: id, version: 1, sourceId: source.id, stance: "context", excerpt, ...offsets(), note: "Besser" }, t.db);
    row = await t.db.evidence.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ stance: "context", note: "Besser", version: 2 });

    await deleteEvidence(contributor, { evidenceId: id, version: 2 }, t.db);
    expect(await t.db.evidence.findUnique({ where: { id } })).toBeNull();

    const revisions = await revisionsOf(id);
    expect(revisions.map((r) => [r.action, r.version])).toEqual([
      ["create", 1],
      ["update", 2],
      ["delete", null],
    ]);
    expect(revisions[0]!.changes).toMatchObject({ claimId: { before: null, after: claimId }, excerpt: { before: null, after: excerpt } });
    expect(revisions[1]!.changes).toEqual({ stance: { before: "supports", after: "context" }, note: { before: "Warum", after: "Besser" } });
    expect(revisions[2]!.changes).toMatchObject({ excerpt: { before: excerpt, after: null } });
  });

  it("numbers new evidence after the last and finds a unique excerpt's offsets", async () => {
    const claimId = await draft();
    await addEvidence(editor, { claimId, sourceId: source.id, stance: "supports", excerpt: "Genfer Kommuniqués" }, t.db);
    const second = await addEvidence(editor, { claimId, sourceId: source.id, stance: "context", excerpt }, t.db);
    const row = await t.db.evidence.findUniqueOrThrow({ where: { id: second.id } });
    expect(row.position).toBe(1);
    expect(row).toMatchObject(offsets());
    // Not in the text: no offsets, still accepted (the excerpt may be a translation).
    const third = await addEvidence(editor, { claimId, sourceId: source.id, stance: "context", excerpt: "Nicht im Text" }, t.db);
    expect(await t.db.evidence.findUniqueOrThrow({ where: { id: third.id } })).toMatchObject({ start: null, end: null, position: 2 });
  });

  it("checks offsets against the stored text and the excerpt against the passage, saving nothing", async () => {
    const claimId = await draft();
    const count = await t.db.evidence.count();
    const { start, end } = offsets();
    expect(await refusalText(addEvidence(editor, { claimId, sourceId: source.id, stance: "supports", excerpt: "etwas anderes", start, end }, t.db))).toMatch(
      /wörtlich der Textstelle entsprechen.*einstimmig angenommen/,
    );
    const tooFar = addEvidence(editor, { claimId, sourceId: source.id, stance: "supports", excerpt, start, end: source.snapshotText.length + 1 }, t.db);
    await expect(tooFar).rejects.toBeInstanceOf(ValidationError);
    expect(await refusalText(addEvidence(editor, { claimId, sourceId: source.id, stance: "supports", excerpt, start }, t.db))).toMatch(/Anfang und Ende/);
    expect(await refusalText(addEvidence(editor, { claimId, sourceId: "nope", stance: "supports", excerpt }, t.db))).toMatch(/Quelle/);
    try {
      await addEvidence(editor, { claimId, sourceId: source.id, stance: "supports", excerpt: "x", start, end }, t.db);
    } catch (error) {
      expect((error as ValidationError).fieldErrors.excerpt).toHaveLength(1);
    }
    expect(await t.db.evidence.count()).toBe(count);
  });

  it("validates the form", () => {
    expect(addEvidenceSchema.safeParse({ claimId: "c", sourceId: "s", stance: "supports", excerpt: " x ", start: "", end: "" }).data).toEqual({
      claimId: "c",
      sourceId: "s",
      stance: "supports",
      excerpt: "x",
    });
    expect(addEvidenceSchema.safeParse({ claimId: "c", sourceId: "s", stance: "maybe", excerpt: "x" }).success).toBe(false);
    expect(addEvidenceSchema.safeParse({ claimId: "c", sourceId: "s", stance: "refutes", excerpt: "" }).success).toBe(false);
  });

  it("refuses a stale update with a conflict", async () => {
    const claimId = await draft();
    const { id } = await addEvidence(editor, { claimId, sourceId: source.id, stance: "supports", excerpt }, t.db);
    await updateEvidence(editor, { evidenceId: id, version: 1, sourceId: source.id, stance: "refutes", excerpt }, t.db);
    await expect(updateEvidence(contributor, { evidenceId: id, version: 1, sourceId: source.id, stance: "context", excerpt }, t.db)).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(deleteEvidence(contributor, { evidenceId: id, version: 1 }, t.db)).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("the workflow's rules", () => {
  it("changes nothing while the claim is in review", async () => {
    const inReview = await t.db.claim.findFirstOrThrow({ where: { status: "in_review" }, include: { evidence: true } });
    const ev = inReview.evidence[0]!;
    expect(await refusalText(addEvidence(editor, { claimId: inReview.id, sourceId: source.id, stance: "supports", excerpt }, t.db))).toMatch(/Während der Prüfung/);
    await expect(deleteEvidence(editor, { evidenceId: ev.id, version: ev.version }, t.db)).rejects.toBeInstanceOf(TransitionError);
    await expect(
      updateEvidence(editor, { evidenceId: ev.id, version: ev.version, sourceId: ev.sourceId, stance: "refutes", excerpt: ev.excerpt }, t.db),
    ).rejects.toBeInstanceOf(TransitionError);
    expect(await t.db.evidence.count({ where: { claimId: inReview.id } })).toBe(inReview.evidence.length);
  });

  it("lets only desk roles change a published claim's evidence", async () => {
    const published = await t.db.claim.findFirstOrThrow({ where: { status: "published" }, include: { evidence: true } });
    await expect(addEvidence(contributor, { claimId: published.id, sourceId: source.id, stance: "context", excerpt }, t.db)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const ev = published.evidence[0]!;
    await expect(deleteEvidence(contributor, { evidenceId: ev.id, version: ev.version }, t.db)).rejects.toBeInstanceOf(ForbiddenError);
    const added = await addEvidence(reviewer, { claimId: published.id, sourceId: source.id, stance: "context", excerpt }, t.db);
    await deleteEvidence(editor, { evidenceId: added.id, version: 1 }, t.db);
  });

  it("changes nothing on a retracted claim", async () => {
    const published = await t.db.claim.findFirstOrThrow({ where: { status: "published", text: { startsWith: "Der RT-Ableger" } } });
    await transitionClaim(editor, { claimId: published.id, version: published.version, transition: "retract", note: "Zurückgezogen für den Test." }, t.db);
    expect(await refusalText(addEvidence(editor, { claimId: published.id, sourceId: source.id, stance: "context", excerpt }, t.db))).toMatch(/zurückgezogen/);
  });

  it("is refused for unknown claims and evidence", async () => {
    expect(await refusalText(addEvidence(editor, { claimId: "nope", sourceId: source.id, stance: "context", excerpt }, t.db))).toMatch(/nicht gefunden/);
    expect(await refusalText(deleteEvidence(editor, { evidenceId: "nope", version: 1 }, t.db))).toMatch(/nicht gefunden/);
  });
});
