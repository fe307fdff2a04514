// Imports on the real database (issue 14): the preview writes nothing; confirming writes what
// it said; the same file twice creates nothing new; bad rows are reported and the rest goes in
// (or nothing, all-or-nothing); claimants match our speakers, new speakers only on
// confirmation; editors link external checks to claims and the public claim shows them, with
// nothing private; our own back catalogue becomes published claims through the publication
// rules (an admin who did not upload confirms).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { bootstrap } from "../../lib/seed/bootstrap";
import { loadSettings } from "../../lib/config";
import type { Db } from "../../lib/db/client";
import type { Role } from "../../lib/generated/prisma/enums";
import { cancelImport, confirmImport, importFile, previewRows, unknownClaimants, getImportBatch, type ImportActor } from "../../lib/import";
import { createImportBatch, readIntoBatch } from "../../lib/import/stage";
import { approveExternalLink, externalChecksOfClaim, linkExternalCheck, setExternalCheckSpeaker, unlinkExternalCheck } from "../../lib/external-checks";
import { getPublicClaim, publicClaimWhere } from "../../lib/public";
import { importPlainText, type ImportText } from "../../lib/import/messages";
import { refusalText, text as messageText } from "../helpers/messages";

/** A row's reason as the desk writes it (German unless told), its detail after a colon. */
const said = (value: ImportText | null | undefined, locale: "de" | "en" = "de") => importPlainText(value!, (m) => messageText(m, locale));

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/import");
const file = (name: string) => fs.createReadStream(path.join(FIXTURES, name), { highWaterMark: 64 });
const text = (s: string) =>
  (async function* () {
    yield Buffer.from(s);
  })();

let t: TestDatabase;
let db: Db;
const actors = {} as Record<Role, ImportActor>;
let secondAdmin: ImportActor;

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
  const other = await db.user.create({ data: { email: "admin2@claimbase.local", name: "Zweite Administratorin", role: "admin", passwordHash: "x" } });
  secondAdmin = { id: other.id, role: "admin" };
});
afterAll(async () => {
  await t?.stop();
});

async function preview(actor: ImportActor, name: string, kind: "external" | "own" = "external") {
  const summary = await importFile(actor, { kind, filename: name }, file(name), {}, db);
  const batch = (await getImportBatch(summary.id, db))!;
  return { summary, batch };
}

describe("preview", () => {
  it("lists what will be created, and writes nothing but the preview", async () => {
    const before = await db.externalFactCheck.count();
    const { summary, batch } = await preview(actors.editor, "datafeed.json");
    expect(summary.status).toBe("previewed");
    expect(summary.counts).toEqual({ create: 3, update: 0, unchanged: 0, duplicate: 0, invalid: 1 });
    expect(batch).toMatchObject({ status: "previewed", total: 4, processed: 4, format: "claimreview", kind: "external" });
    expect(await db.externalFactCheck.count()).toBe(before);
    const { rows } = await previewRows(summary.id, {}, db);
    expect(rows.map((r) => [r.line, r.action])).toEqual([
      [8, "create"],
      [25, "create"],
      [25, "create"],
      [52, "invalid"],
    ]);
    expect(said(rows[3]!.message)).toMatch(/^Kein lesbarer Faktencheck: .*claimReviewed is missing/);
    expect(said(rows[3]!.message, "en")).toMatch(/^No readable fact-check: .*claimReviewed is missing/);
    // "vladimir putin" is an alias of the demo's Wladimir Putin (case ignored).
    expect(rows[0]!.speaker?.name).toBe("Wladimir Putin");
    await cancelImport(actors.editor, { batchId: summary.id, version: batch.version }, db);
    expect(await db.importRow.count({ where: { batchId: summary.id } })).toBe(0);
  });

  it("a file that cannot be read leaves a failed batch with the reason and no rows", async () => {
    const summary = await importFile(actors.editor, { kind: "external" }, text('{"@graph": [{"@type": "ClaimReview"'), {}, db);
    expect(summary).toMatchObject({ status: "failed", error: { code: "json_structure" } });
    expect(said((await getImportBatch(summary.id, db))!.error)).toMatch(/^Die JSON-Datei ist ab Zeile 1 nicht lesbar/);
    expect(said((await getImportBatch(summary.id, db))!.error, "en")).toMatch(/^The JSON file cannot be read from line 1: /);
    expect(await db.importRow.count({ where: { batchId: summary.id } })).toBe(0);
    expect(await refusalText(confirmImport(actors.editor, { batchId: summary.id, version: 1 }, db))).toMatch(/fehlgeschlagen/);
  });

  it("reads a file into a batch once", async () => {
    const { id } = await createImportBatch(actors.editor, { kind: "external" }, db);
    await readIntoBatch(id, file("claimreview-single.json"), {}, db);
    expect(await refusalText(readIntoBatch(id, file("claimreview-single.json"), {}, db))).toMatch(/schon eingelesen/);
  });
});

describe("writing, idempotency, bad rows", () => {
  it("imports the CSV with BOM and semicolons: good rows go in, bad rows are reported with line and reason", async () => {
    const { summary, batch } = await preview(actors.editor, "checks-semicolon-bom.csv");
    expect(summary.counts).toEqual({ create: 3, update: 0, unchanged: 0, duplicate: 1, invalid: 2 });
    const { rows } = await previewRows(summary.id, {}, db);
    expect(rows.map((r) => [r.line, r.action, r.reason])).toEqual([
      [2, "create", null],
      [3, "create", null],
      [4, "invalid", "csv_record"],
      [5, "invalid", "bad_date"],
      [6, "duplicate", "duplicate_in_file"],
      [7, "create", null],
    ]);
    expect(said(rows[3]!.message)).toBe("claim_date: „2024-13-40“ ist kein Datum (JJJJ-MM-TT, TT.MM.JJJJ oder ISO 8601).");
    expect(said(rows[3]!.message, "en")).toBe("claim_date: “2024-13-40” is not a date (YYYY-MM-DD, DD.MM.YYYY or ISO 8601).");
    expect(said(rows[4]!.message)).toBe("Dieselbe Adresse steht schon in Zeile 2 dieser Datei.");
    expect(rows[4]!.message!.message).toEqual({ key: "msg.import.duplicate_in_file", values: { line: 2 } });

    const result = await confirmImport(actors.editor, { batchId: summary.id, version: batch.version }, db);
    expect(result).toMatchObject({ created: 3, updated: 0, failed: 0 });
    const stored = await db.externalFactCheck.findUniqueOrThrow({ where: { url: undefined, key: "url:pruefstelle.example.de/fc/1" } });
    expect(stored).toMatchObject({ publisherName: "Beispiel-Prüfstelle", textualRating: "falsch", ratingValue: 1, bestRating: 5, worstRating: 1, language: "de" });
    expect(stored.claimDate?.toISOString()).toBe("2024-02-01T00:00:00.000Z");
    // Claimants: "Wladimir Putin" is the demo speaker, "KREMLCHEF" an alias of his; the
    // unknown "Stadtrat Beispiel" stays a name (no speaker without confirmation).
    const putin = await db.speaker.findFirstOrThrow({ where: { name: "Wladimir Putin" } });
    expect(stored.speakerId).toBe(putin.id);
    expect((await db.externalFactCheck.findUniqueOrThrow({ where: { key: "url:pruefstelle.example.de/fc/5" } })).speakerId).toBe(putin.id);
    const unknown = await db.externalFactCheck.findUniqueOrThrow({ where: { key: "url:pruefstelle.example.de/fc/2" } });
    expect(unknown).toMatchObject({ claimantName: "Stadtrat Beispiel", speakerId: null });
    expect(await db.speaker.count({ where: { name: "Stadtrat Beispiel" } })).toBe(0);
    expect((await getImportBatch(summary.id, db))!).toMatchObject({ status: "done", result: { created: 3 } });
  });

  it("the same file again creates nothing new; a changed rating is an update", async () => {
    const count = await db.externalFactCheck.count();
    const again = await preview(actors.editor, "checks-semicolon-bom.csv");
    expect(again.summary.counts).toMatchObject({ create: 0, update: 0, unchanged: 3 });
    const result = await confirmImport(actors.editor, { batchId: again.summary.id, version: again.batch.version }, db);
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await db.externalFactCheck.count()).toBe(count);

    const changed = await importFile(
      actors.editor,
      { kind: "external" },
      text("url;claim;publisher;rating\nhttps://pruefstelle.example.de/fc/2/;Die Stadt hat 500 neue Bäume gepflanzt.;Beispiel-Prüfstelle;teilweise richtig\n"),
      {},
      db,
    );
    expect(changed.counts).toMatchObject({ update: 1 });
    const [row] = (await previewRows(changed.id, {}, db)).rows;
    expect(said(row!.message)).toMatch(/^Schon importiert; wird aktualisiert: .*rating/);
    await confirmImport(actors.editor, { batchId: changed.id, version: 1 }, db);
    expect(await db.externalFactCheck.count()).toBe(count);
    expect((await db.externalFactCheck.findUniqueOrThrow({ where: { key: "url:pruefstelle.example.de/fc/2" } })).textualRating).toBe("teilweise richtig");
  });

  it("all-or-nothing refuses a preview with bad rows and writes nothing", async () => {
    const count = await db.externalFactCheck.count();
    const { summary, batch } = await preview(actors.editor, "claimreview-array.json");
    const bad = await importFile(actors.editor, { kind: "external" }, text("claim;publisher;rating;review_date\nA;P;falsch;gestern\nB;P;richtig;2020-01-01\n"), {}, db);
    expect(bad.counts).toMatchObject({ create: 1, invalid: 1 });
    expect(await refusalText(confirmImport(actors.editor, { batchId: bad.id, version: 1, allOrNothing: true }, db))).toBe("1 Eintrag ist fehlerhaft; mit „alles oder nichts“ wird nichts importiert.");
    expect(await db.externalFactCheck.count()).toBe(count);
    // Without bad rows, all-or-nothing writes everything in one transaction.
    const result = await confirmImport(actors.editor, { batchId: summary.id, version: batch.version, allOrNothing: true }, db);
    expect(result.created).toBe(3);
    expect(await db.externalFactCheck.count()).toBe(count + 3);
  });

  it("a confirmation is taken once (the version is the lock)", async () => {
    const { summary, batch } = await preview(actors.editor, "claimreview-graph.json");
    const results = await Promise.allSettled([
      confirmImport(actors.editor, { batchId: summary.id, version: batch.version }, db),
      confirmImport(actors.admin, { batchId: summary.id, version: batch.version }, db),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.externalFactCheck.count({ where: { publisherName: "Verificado Ejemplo" } })).toBe(1);
  });
});

describe("interrupted imports", () => {
  it("a write whose process stopped is refused while it may still run, and resumes once stalled, writing each row once", async () => {
    const summary = await importFile(
      actors.editor,
      { kind: "external" },
      text("url,claim,publisher,rating\nhttps://r.example/1,Eins,P,falsch\nhttps://r.example/2,Zwei,P,falsch\nhttps://r.example/3,Drei,P,falsch\n"),
      {},
      db,
    );
    // As if a process had confirmed it and written the first row, then stopped.
    const first = await db.importRow.findFirstOrThrow({ where: { batchId: summary.id, position: 0 } });
    const made = await db.externalFactCheck.create({
      data: { key: first.key!, url: "https://r.example/1", publisherName: "P", claimText: "Eins", textualRating: "falsch", importBatchId: summary.id },
    });
    await db.importRow.update({ where: { id: first.id }, data: { done: true, resultId: made.id } });
    await db.importBatch.update({ where: { id: summary.id }, data: { status: "importing", processed: 1, version: 2, heartbeatAt: new Date() } });
    expect(await refusalText(confirmImport(actors.editor, { batchId: summary.id, version: 2 }, db))).toBe("Der Import läuft bereits.");
    expect((await getImportBatch(summary.id, db))!.stalled).toBe(false);

    await db.importBatch.update({ where: { id: summary.id }, data: { heartbeatAt: new Date(Date.now() - 10 * 60_000) } });
    expect((await getImportBatch(summary.id, db))!.stalled).toBe(true);
    const result = await confirmImport(actors.editor, { batchId: summary.id, version: 2 }, db);
    expect(result.created).toBe(2);
    expect(await db.externalFactCheck.count({ where: { url: { startsWith: "https://r.example/" } } })).toBe(3);
    expect((await getImportBatch(summary.id, db))!).toMatchObject({ status: "done", processed: 3 });
  });

  it("a reading whose process stopped can be discarded", async () => {
    const { id } = await createImportBatch(actors.editor, { kind: "external" }, db);
    await db.importBatch.update({ where: { id }, data: { total: -1, heartbeatAt: new Date(Date.now() - 10 * 60_000) } });
    await cancelImport(actors.editor, { batchId: id, version: 1 }, db);
    expect((await getImportBatch(id, db))!.status).toBe("cancelled");
  });
});

describe("speakers", () => {
  it("creates speakers for unmatched claimants only when confirmed: the names ticked", async () => {
    const { summary, batch } = await preview(actors.editor, "factcheck-tools.json");
    expect(summary.counts).toMatchObject({ create: 3 });
    const { rows } = await previewRows(summary.id, {}, db);
    // Donald Trump and Sergej Lawrow are demo speakers.
    expect(rows.map((r) => r.speaker?.name ?? null)).toEqual(["Donald Trump", "Donald Trump", "Sergej Lawrow"]);
    expect(await unknownClaimants(summary.id, 10, db)).toEqual([]);

    const feed = await preview(actors.editor, "claimreview-array.json");
    expect(feed.summary.counts).toMatchObject({ unchanged: 3 });
    const fresh = await importFile(
      actors.editor,
      { kind: "external" },
      text("url,claim,claimant,publisher,rating\nhttps://n.example/1,A,Neue Person,P,falsch\nhttps://n.example/2,B,Noch Jemand,P,falsch\nhttps://n.example/3,C,Neue  Person,P,richtig\n"),
      {},
      db,
    );
    expect(await unknownClaimants(fresh.id, 10, db)).toEqual([
      { name: "Neue Person", rows: 2 },
      { name: "Noch Jemand", rows: 1 },
    ]);
    const result = await confirmImport(actors.editor, { batchId: fresh.id, version: 1, createSpeakers: "listed", speakerNames: ["Neue Person"] }, db);
    expect(result.speakersCreated).toBe(1);
    const created = await db.speaker.findFirstOrThrow({ where: { name: "Neue Person" } });
    expect(await db.externalFactCheck.count({ where: { speakerId: created.id } })).toBe(2);
    expect(await db.speaker.count({ where: { name: "Noch Jemand" } })).toBe(0);
    // Recorded like any new speaker: a revision by the person who confirmed.
    expect(await db.revision.count({ where: { entityType: "Speaker", entityId: created.id, userId: actors.editor.id } })).toBe(1);
    await confirmImport(actors.editor, { batchId: summary.id, version: batch.version }, db);
  });

  it("an editor chooses a speaker or makes the claimant one; contributors and reviewers may not", async () => {
    const check = await db.externalFactCheck.findFirstOrThrow({ where: { claimantName: "Noch Jemand" } });
    for (const who of ["contributor", "reviewer"] as const) {
      expect(await refusalText(setExternalCheckSpeaker(actors[who], { externalCheckId: check.id, version: check.version, createFromClaimant: "on" }, db))).toMatch(/dürfen/);
    }
    const result = await setExternalCheckSpeaker(actors.editor, { externalCheckId: check.id, version: check.version, createFromClaimant: "on" }, db);
    expect(messageText(result.message)).toMatch(/angelegt/);
    expect(messageText(result.message, "en")).toMatch(/is created and assigned/);
    const after = await db.externalFactCheck.findUniqueOrThrow({ where: { id: check.id } });
    expect(after).toMatchObject({ speakerId: result.speakerId, version: check.version + 1 });
    // A stale version is a conflict, not a silent overwrite.
    expect(await refusalText(setExternalCheckSpeaker(actors.editor, { externalCheckId: check.id, version: check.version, speakerId: "" }, db))).toMatch(/Nicht gespeichert/);
  });
});

/** A reviewer approves the link as the desk shows it. */
async function approveLink(externalCheckId: string, claimId: string) {
  const link = (await externalChecksOfClaim(claimId, db)).find((l) => l.externalCheck.id === externalCheckId)!;
  await approveExternalLink(actors.reviewer, { externalCheckId, claimId, digest: link.digest }, db);
}

describe("linked to our claims, on the public page", () => {
  it("shows the linked external checks of a public claim, their public fields only, escaped text and http(s) links", async () => {
    const hostile = await preview(actors.editor, "page.html");
    await confirmImport(actors.editor, { batchId: hostile.summary.id, version: hostile.batch.version }, db);
    const check = await db.externalFactCheck.findFirstOrThrow({ where: { url: "https://hostile.example/checks/moon-photo" } });
    const claim = await db.claim.findFirstOrThrow({ where: publicClaimWhere, select: { id: true, slug: true } });

    for (const who of ["contributor", "reviewer"] as const) {
      expect(await refusalText(linkExternalCheck(actors[who], { externalCheckId: check.id, claim: claim.slug }, db))).toMatch(/dürfen/);
    }
    const linked = await linkExternalCheck(actors.editor, { externalCheckId: check.id, claim: `/admin/claims/${claim.id}` }, db);
    expect(linked).toMatchObject({ claimId: claim.id, publicSlug: null });
    expect(messageText((await linkExternalCheck(actors.editor, { externalCheckId: check.id, claim: claim.slug }, db)).message)).toMatch(/besteht schon/);
    // Public once a second person approved it (tests/integration/import-link-approval.test.ts).
    await approveLink(check.id, claim.id);

    const page = (await getPublicClaim(claim.slug, db))!;
    expect(page.alsoCheckedBy).toHaveLength(1);
    const shown = page.alsoCheckedBy[0]!;
    expect(Object.keys(shown).sort()).toEqual(
      ["bestRating", "language", "publisherName", "publisherSite", "ratingValue", "reviewDate", "textualRating", "title", "url", "worstRating"].sort(),
    );
    expect(shown).toMatchObject({
      publisherName: "<script>alert('x')</script><img src=x onerror=alert(1)> Hostile Checks",
      publisherSite: "hostile.example",
      url: "https://hostile.example/checks/moon-photo",
      textualRating: "<b onmouseover=alert(2)>False</b>",
    });
    // Nothing of the desk's: ids, the import, the claimant matching, who linked.
    const json = JSON.stringify(page);
    for (const secret of [check.id, check.key, hostile.summary.id, actors.editor.id, "Anonymous poster"]) expect(json).not.toContain(secret);

    // The claim's history has the link, then its approval.
    const [approval, link] = await db.revision.findMany({ where: { entityType: "Claim", entityId: claim.id }, orderBy: { id: "desc" }, take: 2 });
    expect(link!.changes).toMatchObject({ externalCheckIds: { before: [], after: [check.id] } });
    expect(approval).toMatchObject({ userId: actors.reviewer.id, changes: { approvedExternalCheck: { before: null, after: { externalCheckId: check.id } } } });

    await unlinkExternalCheck(actors.editor, { externalCheckId: check.id, claimId: claim.id }, db);
    expect((await getPublicClaim(claim.slug, db))!.alsoCheckedBy).toEqual([]);
  });

  it("renders the publisher's markup as text on the claim page", async () => {
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { createElement } = await import("react");
    const check = await db.externalFactCheck.findFirstOrThrow({ where: { url: "https://hostile.example/checks/moon-photo" } });
    const claim = await db.claim.findFirstOrThrow({ where: publicClaimWhere, select: { id: true, slug: true } });
    await linkExternalCheck(actors.editor, { externalCheckId: check.id, claim: claim.slug }, db);
    await approveLink(check.id, claim.id);
    const { ExternalCheckList } = await import("../../components/ExternalCheckList");
    const page = (await getPublicClaim(claim.slug, db))!;
    const html = renderToStaticMarkup(
      createElement(ExternalCheckList, {
        checks: page.alsoCheckedBy,
        locale: "de",
        labels: { heading: "Auch geprüft von", note: "n", rating: "Bewertung dort", reviewedOn: "geprüft am", open: (p: string) => `öffnen ${p}`, ratingValue: (v: string, b: string) => `${v} von ${b}` },
      }),
    );
    expect(html).not.toMatch(/<script|<img|<b /);
    expect(html).toContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;");
    expect(html).toContain('href="https://hostile.example/checks/moon-photo"');
    expect(html).not.toContain("javascript:");
  });
});

describe("our own verdicts (a back catalogue)", () => {
  it("becomes published claims with their original dates, after an admin who did not upload confirms", async () => {
    const { summary, batch } = await preview(actors.editor, "own-verdicts.csv", "own");
    expect(summary.counts).toEqual({ create: 2, update: 0, unchanged: 0, duplicate: 0, invalid: 2 });
    const { rows } = await previewRows(summary.id, {}, db);
    expect(rows.map((r) => r.reason)).toEqual([null, null, "verdict_missing", "verdict_unknown"]);
    expect(said(rows[3]!.message)).toBe("„Pants on Fire“ ist keine Stufe unserer Bewertungsskala.");
    expect(said(rows[3]!.message, "en")).toBe("“Pants on Fire” is not a level of our verdict scale.");

    // Editors upload; only an admin publishes, and not their own upload.
    expect(await refusalText(confirmImport(actors.editor, { batchId: summary.id, version: batch.version }, db))).toMatch(/Administrator/);
    const ownUpload = await preview(actors.admin, "own-verdicts.csv", "own");
    expect(await refusalText(confirmImport(actors.admin, { batchId: ownUpload.summary.id, version: ownUpload.batch.version }, db))).toMatch(/Vier-Augen-Prinzip/);

    const result = await confirmImport(actors.admin, { batchId: summary.id, version: batch.version }, db);
    expect(result).toMatchObject({ created: 2, failed: 0, publicChange: "all" });
    const claim = await db.claim.findUniqueOrThrow({
      where: { importKey: "url:alt.faktencheck.example/2015/fluechtlinge-kosten" },
      include: { publishedVerdict: true, reviewDecisions: true, claimant: true },
    });
    expect(claim).toMatchObject({
      status: "published",
      publicState: "published",
      importBatchId: summary.id,
      verdictAuthorId: actors.editor.id,
      publishedSummary: "Die Rechnung unterstellt Ausgaben, die es so nicht gibt.",
    });
    expect(claim.publishedAt?.toISOString()).toBe("2015-09-10T08:00:00.000Z");
    expect(claim.claimDate?.toISOString()).toBe("2015-09-01T00:00:00.000Z");
    expect(claim.publishedVerdict?.key).toBe("false");
    expect(claim.claimant?.name).toBe("Donald Trump");
    expect(claim.reviewDecisions).toEqual([expect.objectContaining({ outcome: "approved", reviewerId: actors.admin.id })]);
    // Public, as frozen at the approval: the original fact-check is its source.
    const page = (await getPublicClaim(claim.slug, db))!;
    expect(page).toMatchObject({ status: "published", verdict: { key: "false" }, summary: "Die Rechnung unterstellt Ausgaben, die es so nicht gibt." });
    expect(page.evidence[0]!.source).toMatchObject({ url: "https://alt.faktencheck.example/2015/fluechtlinge-kosten", title: "Was kosten Flüchtlinge?" });

    // Again: nothing new.
    const again = await preview(actors.editor, "own-verdicts.csv", "own");
    expect(again.summary.counts).toMatchObject({ create: 0, unchanged: 2 });
  });

  it("reads our own ClaimReview DataFeed (a Claimbase export): the rating maps to our scale by label or by number", async () => {
    const review = (n: number, rating: Record<string, unknown>) => ({
      "@type": "ClaimReview",
      url: `https://alt.faktencheck.example/feed/${n}`,
      claimReviewed: `Aussage aus dem Feed ${n}.`,
      datePublished: "2016-03-01T09:00:00Z",
      author: { "@type": "Organization", name: "Alter Faktencheck" },
      reviewRating: { "@type": "Rating", ratingExplanation: "Begründung.", ...rating },
      itemReviewed: { "@type": "Claim", author: { "@type": "Person", name: "Wladimir Putin" }, datePublished: "2016-02-20" },
    });
    const feed = {
      "@context": "https://schema.org",
      "@type": "DataFeed",
      dataFeedElement: [
        { "@type": "DataFeedItem", item: [review(1, { alternateName: "mostly false" })] },
        // No label, a number on our scale (6 = richtig).
        { "@type": "DataFeedItem", item: [review(2, { ratingValue: 6, bestRating: 6, worstRating: 1 })] },
        // A number on another scale does not map.
        { "@type": "DataFeedItem", item: [review(3, { ratingValue: 4, bestRating: 5, worstRating: 1 })] },
      ],
    };
    const summary = await importFile(actors.editor, { kind: "own" }, text(JSON.stringify(feed)), {}, db);
    expect(summary.counts).toMatchObject({ create: 2, invalid: 1 });
    await confirmImport(secondAdmin, { batchId: summary.id, version: 1 }, db);
    const claims = await db.claim.findMany({ where: { importBatchId: summary.id }, include: { publishedVerdict: true, claimant: true }, orderBy: { text: "asc" } });
    expect(claims.map((c) => [c.publishedVerdict?.key, c.claimant?.name, c.publishedAt?.toISOString()])).toEqual([
      ["mostly-false", "Wladimir Putin", "2016-03-01T09:00:00.000Z"],
      ["true", "Wladimir Putin", "2016-03-01T09:00:00.000Z"],
    ]);
  });

  it("chunks written side by side create a new claimant's speaker once", async () => {
    // 120 rows: three chunks of 50, written by two writers at once, all by the same unknown claimant.
    const rows = Array.from({ length: 120 }, (_, i) => `https://alt.faktencheck.example/viele/${i},Archivaussage ${i},Neuer Archivsprecher,2013-05-02,falsch,Stimmt nicht.`);
    const summary = await importFile(actors.editor, { kind: "own" }, text(`url,claim,claimant,review_date,verdict,summary\n${rows.join("\n")}\n`), {}, db);
    expect(summary.counts).toMatchObject({ create: 120 });
    const result = await confirmImport(actors.admin, { batchId: summary.id, version: 1, createSpeakers: "all" }, db);
    expect(result).toMatchObject({ created: 120, failed: 0, speakersCreated: 1 });
    const speakers = await db.speaker.findMany({ where: { name: "Neuer Archivsprecher" } });
    expect(speakers).toHaveLength(1);
    expect(await db.claim.count({ where: { importBatchId: summary.id, claimantId: speakers[0]!.id, publicState: "published" } })).toBe(120);
    // 120 publications: about 10 s on a quiet machine, 85 s seen under a load average of 11.
  }, 300_000);

  it("a row the database refuses at writing is reported and the rest goes in; all-or-nothing then writes nothing", async () => {
    const csv = (n: number) =>
      `url,claim,review_date,verdict,summary\nhttps://alt.faktencheck.example/w/${n}a,Aussage ${n}a,2014-01-01,richtig,Stimmt.\nhttps://alt.faktencheck.example/w/${n}b,Aussage ${n}b,2014-01-02,irreführend,Führt in die Irre.\n`;
    const misleading = await db.verdictLabel.findUniqueOrThrow({ where: { key: "misleading" } });
    const partial = await importFile(actors.editor, { kind: "own" }, text(csv(1)), {}, db);
    const whole = await importFile(actors.editor, { kind: "own" }, text(csv(2)), {}, db);
    expect(partial.counts).toMatchObject({ create: 2 });
    // The scale changes between preview and confirmation: "irreführend" is gone.
    await db.verdictLabel.update({ where: { id: misleading.id }, data: { active: false } });
    try {
      const claims = await db.claim.count();
      expect(await refusalText(confirmImport(actors.admin, { batchId: whole.id, version: 1, allOrNothing: true }, db))).toMatch(/Beim Schreiben von Eintrag 3 abgelehnt .*mit „alles oder nichts“ wurde nichts importiert/);
      expect(await db.claim.count()).toBe(claims);
      expect((await getImportBatch(whole.id, db))!.status).toBe("failed");

      const result = await confirmImport(actors.admin, { batchId: partial.id, version: 1 }, db);
      expect(result).toMatchObject({ created: 1, failed: 1 });
      expect(await db.claim.count()).toBe(claims + 1);
      const rows = (await previewRows(partial.id, {}, db)).rows;
      expect(rows.map((r) => [r.line, r.action, r.reason])).toEqual([
        [2, "create", null],
        [3, "invalid", "write_failed"],
      ]);
    } finally {
      await db.verdictLabel.update({ where: { id: misleading.id }, data: { active: true } });
    }
  });
});

describe("authorization of the domain", () => {
  it("refuses contributors and reviewers to import at all", async () => {
    for (const who of ["contributor", "reviewer"] as const) {
      expect(await refusalText(createImportBatch(actors[who], { kind: "external" }, db))).toMatch(/Importieren dürfen/);
    }
    const { id } = await createImportBatch(actors.editor, { kind: "external" }, db);
    await readIntoBatch(id, file("claimreview-single.json"), {}, db);
    expect(await refusalText(confirmImport(actors.reviewer, { batchId: id, version: 1 }, db))).toMatch(/Importieren dürfen/);
    await expect(confirmImport(secondAdmin, { batchId: id, version: 1 }, db)).resolves.toMatchObject({ created: 1 });
  });
});
