// "Also checked by" goes public only through review (docs/import.md): an editor's link of
// another organisation's fact-check to one of our claims is not public until a second person
// approves it; the linker cannot approve it; the public page shows the fields as approved; a
// re-import that changes the check does not reach the public page until the link is approved
// again; unlinking is an immediate takedown. Each step is recorded in the claim's history.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { bootstrap } from "../../lib/seed/bootstrap";
import { loadSettings } from "../../lib/config";
import type { Db } from "../../lib/db/client";
import type { Role } from "../../lib/generated/prisma/enums";
import { confirmImport, importFile, type ImportActor } from "../../lib/import";
import {
  approveExternalLink,
  externalChecksOfClaim,
  getExternalCheck,
  linkExternalCheck,
  pendingExternalLinks,
  setExternalCheckSpeaker,
  unlinkExternalCheck,
} from "../../lib/external-checks";
import { getPublicClaim, publicClaimWhere } from "../../lib/public";
import { refusalText, text } from "../helpers/messages";

let t: TestDatabase;
let db: Db;
const actors = {} as Record<Role, ImportActor>;
let claim: { id: string; slug: string };
let checkId: string;

const URL_ = "https://pruefstelle.example.org/checks/stromnetz";
const csv = (rating: string, title = "Nein, das Stromnetz bricht nicht zusammen") =>
  `url,claim,claimant,publisher,publisher_site,title,rating,review_date,language\n${URL_},Das Stromnetz bricht im Winter zusammen.,Max Beispiel,Beispiel-Prüfstelle,pruefstelle.example.org,"${title}",${rating},2026-11-02,de\n`;

async function importCsv(content: string) {
  const summary = await importFile(
    actors.editor,
    { kind: "external", filename: "checks.csv" },
    (async function* () {
      yield Buffer.from(content);
    })(),
    {},
    db,
  );
  return confirmImport(actors.admin, { batchId: summary.id, version: 1 }, db);
}

/** What the desk shows of the link now (its state and the digest the approve form carries). */
async function deskLink() {
  const link = (await externalChecksOfClaim(claim.id, db)).find((l) => l.externalCheck.id === checkId);
  if (!link) throw new Error("no link");
  return link;
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await bootstrap(db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));
  for (const [role, email] of [
    ["admin", "admin@claimbase.local"],
    ["editor", "redaktion@claimbase.local"],
    ["reviewer", "pruefung@claimbase.local"],
    ["contributor", "mitarbeit@claimbase.local"],
  ] as const) {
    actors[role] = { id: (await db.user.findUniqueOrThrow({ where: { email } })).id, role };
  }
  claim = await db.claim.findFirstOrThrow({ where: publicClaimWhere, select: { id: true, slug: true }, orderBy: { slug: "asc" } });
  expect(await importCsv(csv("Falsch"))).toMatchObject({ created: 1 });
  checkId = (await db.externalFactCheck.findFirstOrThrow({ where: { url: URL_ } })).id;
});
afterAll(async () => {
  await t?.stop();
});

describe("a link of an external fact-check to a public claim", () => {
  it("is not public before a second person approves it; the desk lists it as waiting", async () => {
    const linked = await linkExternalCheck(actors.editor, { externalCheckId: checkId, claim: claim.slug }, db);
    expect(linked).toMatchObject({ claimId: claim.id, publicSlug: null });
    expect(text(linked.message)).toMatch(/zweite Person/);
    expect(text(linked.message, "en")).toMatch(/second person approves/);

    expect((await getPublicClaim(claim.slug, db))!.alsoCheckedBy).toEqual([]);
    expect((await deskLink()).state).toBe("pending");
    expect((await getExternalCheck(checkId, db))!.links.map((l) => [l.claim.id, l.state])).toEqual([[claim.id, "pending"]]);
    const queue = await pendingExternalLinks(db);
    expect(queue.map((l) => [l.claim.id, l.externalCheck.id, l.state])).toContainEqual([claim.id, checkId, "pending"]);
    // The history records the link and who made it.
    const revision = await db.revision.findFirstOrThrow({ where: { entityType: "Claim", entityId: claim.id }, orderBy: { id: "desc" } });
    expect(revision).toMatchObject({ userId: actors.editor.id, changes: { externalCheckIds: { before: [], after: [checkId] } } });
  });

  it("cannot be approved by the person who linked it, nor by a role without claim.review", async () => {
    const { digest } = await deskLink();
    expect(await refusalText(approveExternalLink(actors.editor, { externalCheckId: checkId, claimId: claim.id, digest }, db))).toMatch(/Vier-Augen-Prinzip/);
    await expect(approveExternalLink(actors.contributor, { externalCheckId: checkId, claimId: claim.id, digest }, db)).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await db.claimExternalCheck.findUniqueOrThrow({ where: { claimId_externalCheckId: { claimId: claim.id, externalCheckId: checkId } } })).toMatchObject({
      approvedAt: null,
      approved: null,
    });
    expect((await getPublicClaim(claim.slug, db))!.alsoCheckedBy).toEqual([]);
  });

  it("after a reviewer's approval, shows exactly the fields the reviewer approved", async () => {
    const { digest, current } = await deskLink();
    expect(current).toMatchObject({ textualRating: "Falsch", publisherName: "Beispiel-Prüfstelle" });
    const result = await approveExternalLink(actors.reviewer, { externalCheckId: checkId, claimId: claim.id, digest }, db);
    expect(result).toMatchObject({ claimId: claim.id, publicSlug: claim.slug });

    expect((await getPublicClaim(claim.slug, db))!.alsoCheckedBy).toEqual([
      {
        publisherName: "Beispiel-Prüfstelle",
        publisherSite: "pruefstelle.example.org",
        url: URL_,
        title: "Nein, das Stromnetz bricht nicht zusammen",
        textualRating: "Falsch",
        ratingValue: null,
        bestRating: null,
        worstRating: null,
        reviewDate: new Date("2026-11-02T00:00:00.000Z"),
        language: "de",
      },
    ]);
    const link = await deskLink();
    expect(link).toMatchObject({ state: "approved", approvedBy: { name: expect.any(String) } });
    expect((await pendingExternalLinks(db)).some((l) => l.externalCheck.id === checkId)).toBe(false);
    // The approval is in the claim's history, with what was approved and by whom.
    const revision = await db.revision.findFirstOrThrow({ where: { entityType: "Claim", entityId: claim.id }, orderBy: { id: "desc" } });
    expect(revision).toMatchObject({
      action: "transition",
      userId: actors.reviewer.id,
      changes: { approvedExternalCheck: { before: null, after: { externalCheckId: checkId, textualRating: "Falsch" } } },
    });
    // Approving the same fields again changes nothing.
    expect(text((await approveExternalLink(actors.admin, { externalCheckId: checkId, claimId: claim.id, digest }, db)).message)).toMatch(/schon freigegeben/);
  });

  it("a change of what is not shown (our speaker) needs no new approval", async () => {
    const check = await db.externalFactCheck.findUniqueOrThrow({ where: { id: checkId } });
    await setExternalCheckSpeaker(actors.editor, { externalCheckId: checkId, version: check.version, createFromClaimant: "on" }, db);
    expect((await deskLink()).state).toBe("approved");
    expect((await pendingExternalLinks(db)).some((l) => l.externalCheck.id === checkId)).toBe(false);
  });

  it("a re-import that changes the check leaves the public page as approved until the link is approved again", async () => {
    const before = (await deskLink()).digest;
    const result = await importCsv(csv("Teilweise falsch", "Das Stromnetz hält, mit Einschränkungen"));
    expect(result).toMatchObject({ updated: 1, linksToReapprove: 1, publicChange: null });
    expect((await db.externalFactCheck.findUniqueOrThrow({ where: { id: checkId } })).textualRating).toBe("Teilweise falsch");

    // The public page still shows what the reviewer approved.
    const shown = (await getPublicClaim(claim.slug, db))!.alsoCheckedBy;
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ textualRating: "Falsch", title: "Nein, das Stromnetz bricht nicht zusammen" });

    // The desk shows it as changed, with what would change, in the review queue too.
    const link = await deskLink();
    expect(link.state).toBe("changed");
    expect(link.changes).toEqual([
      { field: "title", before: "Nein, das Stromnetz bricht nicht zusammen", after: "Das Stromnetz hält, mit Einschränkungen" },
      { field: "textualRating", before: "Falsch", after: "Teilweise falsch" },
    ]);
    expect((await pendingExternalLinks(db)).map((l) => [l.externalCheck.id, l.state])).toContainEqual([checkId, "changed"]);

    // An approval of what a reviewer saw before the import is refused: it is not what would go public.
    expect(await refusalText(approveExternalLink(actors.reviewer, { externalCheckId: checkId, claimId: claim.id, digest: before }, db))).toMatch(/seit Sie die Seite geladen haben/);
    // The linker still cannot approve it.
    expect(await refusalText(approveExternalLink(actors.editor, { externalCheckId: checkId, claimId: claim.id, digest: link.digest }, db))).toMatch(/Vier-Augen-Prinzip/);
    expect((await getPublicClaim(claim.slug, db))!.alsoCheckedBy[0]).toMatchObject({ textualRating: "Falsch" });

    await approveExternalLink(actors.admin, { externalCheckId: checkId, claimId: claim.id, digest: link.digest }, db);
    expect((await getPublicClaim(claim.slug, db))!.alsoCheckedBy[0]).toMatchObject({
      textualRating: "Teilweise falsch",
      title: "Das Stromnetz hält, mit Einschränkungen",
    });
    const revision = await db.revision.findFirstOrThrow({ where: { entityType: "Claim", entityId: claim.id }, orderBy: { id: "desc" } });
    expect(revision).toMatchObject({
      userId: actors.admin.id,
      changes: { approvedExternalCheck: { before: { textualRating: "Falsch" }, after: { textualRating: "Teilweise falsch" } } },
    });
  });

  it("is taken off the public page at once when unlinked (a takedown), recorded with what was public", async () => {
    const result = await unlinkExternalCheck(actors.editor, { externalCheckId: checkId, claimId: claim.id }, db);
    expect(result).toMatchObject({ publicSlug: claim.slug });
    expect((await getPublicClaim(claim.slug, db))!.alsoCheckedBy).toEqual([]);
    const revision = await db.revision.findFirstOrThrow({ where: { entityType: "Claim", entityId: claim.id }, orderBy: { id: "desc" } });
    expect(revision).toMatchObject({
      userId: actors.editor.id,
      changes: {
        externalCheckIds: { before: [checkId], after: [] },
        approvedExternalCheck: { before: { externalCheckId: checkId, textualRating: "Teilweise falsch" }, after: null },
      },
    });
    // Reviewers approve links; taking one down is for the roles that make them.
    await linkExternalCheck(actors.editor, { externalCheckId: checkId, claim: claim.slug }, db);
    await expect(unlinkExternalCheck(actors.reviewer, { externalCheckId: checkId, claimId: claim.id }, db)).rejects.toMatchObject({ code: "forbidden" });
    // Linked again, it waits for an approval again: the old approval went with the link.
    expect((await deskLink()).state).toBe("pending");
    expect((await getPublicClaim(claim.slug, db))!.alsoCheckedBy).toEqual([]);
  });
});
