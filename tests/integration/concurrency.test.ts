// Optimistic concurrency: two saves of the same record from the same version, started at the
// same moment. Exactly one wins; the other is refused with a ConflictError that names the
// winner, nothing of the loser is stored, the version moved by one and the log has exactly one
// update. Repeated a few times, for claims and for evidence.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../lib/auth/session";
import { loadSettings } from "../../lib/config";
import { createPrismaClient } from "../../lib/db/client";
import { createClaim, updateClaim, updateVerdictFields } from "../../lib/editorial/claims";
import { createSpeaker } from "../../lib/editorial/speakers";
import { ConflictError } from "../../lib/editorial/errors";
import { addEvidence, updateEvidence } from "../../lib/editorial/evidence";
import { bootstrap } from "../../lib/seed/bootstrap";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { textOf } from "../helpers/messages";

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
      expect(textOf(error)).toContain(winner.name);
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

// The failure that retired PGlite-over-a-socket (issue 9): statements of one connection ran
// inside another connection's transaction and were rolled back with it, so acknowledged writes
// vanished. On a real server every acknowledged write must be there.
describe("acknowledged writes under interleaving transactions", () => {
  it("keeps every acknowledged insert while another connection keeps rolling back", async () => {
    const connect = async () => {
      const c = new pg.Client({ connectionString: t.url });
      await c.connect();
      return c;
    };
    const setup = await connect();
    await setup.query("CREATE TABLE interleave (id int PRIMARY KEY, writer text NOT NULL)");
    const roller = await connect();
    const writers = await Promise.all([1, 2, 3, 4].map(() => connect()));
    let writing = true;
    let rolledBack = 0;
    const rolling = (async () => {
      while (writing) {
        await roller.query("BEGIN");
        await roller.query("INSERT INTO interleave VALUES ($1, 'roller')", [-1 - rolledBack]);
        await new Promise((r) => setTimeout(r, 5));
        await roller.query("ROLLBACK");
        rolledBack++;
      }
    })();
    const acknowledged: number[] = [];
    // 1,000 autocommit inserts over four connections, 250 each.
    await Promise.all(
      writers.map(async (client, w) => {
        for (let i = 0; i < 250; i++) {
          const id = w * 250 + i;
          await client.query("INSERT INTO interleave VALUES ($1, 'writer')", [id]);
          acknowledged.push(id);
        }
      }),
    );
    writing = false;
    await rolling;
    const stored = await setup.query<{ id: number }>("SELECT id FROM interleave ORDER BY id");
    expect(acknowledged).toHaveLength(1000);
    expect(rolledBack).toBeGreaterThan(0);
    // Every acknowledged insert and nothing of the rolled-back transactions.
    expect(stored.rows.map((r) => r.id)).toEqual([...acknowledged].sort((a, b) => a - b));
    await Promise.all([setup, roller, ...writers].map((c) => c.end()));
  });

  it("stores 20 concurrent saves of different claims while conflicting saves of one claim are refused", async () => {
    const desk = createPrismaClient(t.url, 10);
    try {
      const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => createClaim(editor, { text: `Parallel ${i}` }, desk)));
      const contested = await createClaim(editor, { text: "Umstritten" }, desk);
      const saves = [
        ...claims.map((c, i) => ({ kind: "own" as const, i, run: () => updateClaim(i % 2 ? editor : reviewer, { claimId: c.id, version: 1, text: `Gespeichert ${i}` }, desk) })),
        ...Array.from({ length: 10 }, (_, i) => ({
          kind: "contested" as const,
          i,
          run: () => updateClaim(i % 2 ? editor : reviewer, { claimId: contested.id, version: 1, text: `Konkurrenz ${i}` }, desk),
        })),
      ];
      const results = await Promise.allSettled(saves.map((s) => s.run()));
      const outcome = saves.map((s, n) => ({ ...s, result: results[n]! }));

      // Every save of its own claim was acknowledged and is stored, with one revision each.
      for (const { i, result } of outcome.filter((o) => o.kind === "own")) {
        expect(result.status).toBe("fulfilled");
        const row = await desk.claim.findUniqueOrThrow({ where: { id: claims[i]!.id } });
        expect(row).toMatchObject({ text: `Gespeichert ${i}`, version: 2 });
        expect(await desk.revision.count({ where: { entityType: "Claim", entityId: claims[i]!.id, action: "update" } })).toBe(1);
      }
      // Exactly one of the conflicting saves won; the others were refused and left nothing.
      const contestedResults = outcome.filter((o) => o.kind === "contested");
      const winners = contestedResults.filter((o) => o.result.status === "fulfilled");
      expect(winners).toHaveLength(1);
      for (const lost of contestedResults.filter((o) => o.result.status === "rejected")) {
        expect((lost.result as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
      }
      const row = await desk.claim.findUniqueOrThrow({ where: { id: contested.id } });
      expect(row).toMatchObject({ text: `Konkurrenz ${winners[0]!.i}`, version: 2 });
      expect(await desk.revision.count({ where: { entityType: "Claim", entityId: contested.id, action: "update" } })).toBe(1);
    } finally {
      await desk.$disconnect();
    }
  });
});

describe("records created at the same moment with the same text", () => {
  // Found by the fuzz drill: the form sent twice at once. Both slugs were read as free before
  // either was stored, and the second insert failed on the unique slug ("internal").
  it("each get their own slug, none fails", async () => {
    const desk = createPrismaClient(t.url, 10);
    try {
      const claims = await Promise.all(Array.from({ length: 6 }, () => createClaim(editor, { text: "Zweimal abgeschickt" }, desk)));
      expect(claims.map((c) => c.slug).sort()).toEqual(["zweimal-abgeschickt", ...[2, 3, 4, 5, 6].map((n) => `zweimal-abgeschickt-${n}`)].sort());
      // A text whose own slug is a numbered one ("… 7" wants the slug the seventh "…" gets).
      const mixed = await Promise.all(
        ["Zweimal abgeschickt", "Zweimal abgeschickt 8", "Zweimal abgeschickt", "Zweimal abgeschickt 8", "Zweimal abgeschickt"].map((text) =>
          createClaim(editor, { text }, desk),
        ),
      );
      expect(new Set([...claims, ...mixed].map((c) => c.slug)).size).toBe(11);

      const speakers = await Promise.all(
        Array.from({ length: 4 }, () => createSpeaker(editor, { name: "Gleicher Name", kind: "person", aliases: [], roles: [] }, desk)),
      );
      expect(new Set(speakers.map((s) => s.slug)).size).toBe(4);
      expect(speakers.map((s) => s.slug)).toContain("gleicher-name");
    } finally {
      await desk.$disconnect();
    }
  });
});
