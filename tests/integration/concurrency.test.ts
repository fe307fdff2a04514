// Optimistic concurrency: two saves of the same record from the same version, started at the
// same moment. Exactly one wins; the other is refused with a ConflictError that names the
// winner, nothing of the loser is stored, the version moved by one and the log has exactly one
// update. Repeated a few times, for claims and for evidence.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../lib/auth/session";
import { loadSettings } from "../../lib/config";
import { createClaim, updateClaim, updateVerdictFields } from "../../lib/editorial/claims";
import { ConflictError } from "../../lib/editorial/errors";
import { addEvidence, updateEvidence } from "../../lib/editorial/evidence";
import { bootstrap } from "../../lib/seed/bootstrap";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
let editor: SessionUser;
let reviewer: SessionUser;
let sourceId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await bootstrap(t.db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));
  const user = async (email: string) => {
    const u = await t.db.user.findUniqueOrThrow({ where: { email } });
    return { id: u.id, name: u.name, email: u.email, role: u.role };
  };
  editor = await user("redaktion@claimbase.local");
  reviewer = await user("pruefung@claimbase.local");
  sourceId = (await t.db.source.findFirstOrThrow({ where: { title: { startsWith: "Resolution 2254" } } })).id;
});
afterAll(() => t?.stop());

/** Runs both saves at once; returns the winner's index and the loser's error. */
async function race(saves: [() => Promise<unknown>, () => Promise<unknown>]) {
  const results = await Promise.allSettled(saves.map((save) => save()));
  const won = results.map((r, i) => (r.status === "fulfilled" ? i : -1)).filter((i) => i >= 0);
  const lost = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
  return { won, lost };
}

describe("two saves of a claim from the same version", () => {
  for (let round = 1; round <= 3; round++) {
    it(`lets exactly one win (round ${round})`, async () => {
      const { id } = await createClaim(editor, { text: `Gleichzeitig ${round}` }, t.db);
      const base = { claimId: id, version: 1 };
      const { won, lost } = await race([
        () => updateClaim(editor, { ...base, text: `Fassung der Redaktion ${round}`, researchNotes: "Redaktion" }, t.db),
        () => updateClaim(reviewer, { ...base, text: `Fassung der Prüfung ${round}`, researchNotes: "Prüfung" }, t.db),
      ]);
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const winner = won[0] === 0 ? editor : reviewer;
      const error = lost[0];
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).conflict.changedBy).toBe(winner.name);
      expect((error as ConflictError).message).toContain(winner.name);
      expect((error as ConflictError).conflict.currentVersion).toBe(2);

      const row = await t.db.claim.findUniqueOrThrow({ where: { id } });
      expect(row.version).toBe(2);
      expect(row.text).toBe(winner === editor ? `Fassung der Redaktion ${round}` : `Fassung der Prüfung ${round}`);
      expect(row.researchNotes).toBe(winner === editor ? "Redaktion" : "Prüfung");
      const updates = await t.db.revision.findMany({ where: { entityType: "Claim", entityId: id, action: "update" } });
      expect(updates).toHaveLength(1);
      expect(updates[0]!.userId).toBe(winner.id);
    });
  }

  it("lets exactly one verdict proposal win, and its author is the winner", async () => {
    const labels = await t.db.verdictLabel.findMany({ where: { key: { in: ["true", "false"] } } });
    const { id } = await createClaim(editor, { text: "Gleichzeitige Bewertung" }, t.db);
    const { won, lost } = await race([
      () => updateVerdictFields(editor, { claimId: id, version: 1, verdictId: labels[0]!.id, summary: "A" }, t.db),
      () => updateVerdictFields(reviewer, { claimId: id, version: 1, verdictId: labels[1]!.id, summary: "B" }, t.db),
    ]);
    expect(won).toHaveLength(1);
    expect(lost[0]).toBeInstanceOf(ConflictError);
    const winner = won[0] === 0 ? editor : reviewer;
    const row = await t.db.claim.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ version: 2, verdictAuthorId: winner.id, summary: won[0] === 0 ? "A" : "B" });
  });
});

describe("two saves of a piece of evidence from the same version", () => {
  for (let round = 1; round <= 3; round++) {
    it(`lets exactly one win (round ${round})`, async () => {
      const { id: claimId } = await createClaim(editor, { text: `Belege gleichzeitig ${round}` }, t.db);
      const { id } = await addEvidence(editor, { claimId, sourceId, stance: "supports", excerpt: "einstimmig angenommen" }, t.db);
      const base = { evidenceId: id, version: 1, sourceId, excerpt: "einstimmig angenommen" };
      const { won, lost } = await race([
        () => updateEvidence(editor, { ...base, stance: "refutes", note: "Redaktion" }, t.db),
        () => updateEvidence(reviewer, { ...base, stance: "context", note: "Prüfung" }, t.db),
      ]);
      expect(won).toHaveLength(1);
      const winner = won[0] === 0 ? editor : reviewer;
      expect(lost[0]).toBeInstanceOf(ConflictError);
      expect((lost[0] as ConflictError).conflict.changedBy).toBe(winner.name);

      const row = await t.db.evidence.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ version: 2, stance: winner === editor ? "refutes" : "context", note: winner === editor ? "Redaktion" : "Prüfung" });
      const updates = await t.db.revision.findMany({ where: { entityType: "Evidence", entityId: id, action: "update" } });
      expect(updates).toHaveLength(1);
      expect(updates[0]!.userId).toBe(winner.id);
    });
  }
});
