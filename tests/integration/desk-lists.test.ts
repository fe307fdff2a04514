// Lists an editor can work from (issue 13, point 3): every desk list sorts by its columns in
// either direction (kept in the URL, bad values falling back), the "mine" filters, the review
// queue that shows what waits for the viewer first with how long it has waited, and the
// overview: my open work, what others changed since my last visit (the visit recorded), and
// drafts that have not moved for a week.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../lib/auth/session";
import { loadSettings } from "../../lib/config";
import type { Role } from "../../lib/generated/prisma/enums";
import { listArticles } from "../../lib/editorial/articles";
import { assignClaim, claimListQuery, createClaim, listClaims, updateVerdictFields } from "../../lib/editorial/claims";
import { addEvidence } from "../../lib/editorial/evidence";
import { sortParam, type SortDirection } from "../../lib/editorial/listing";
import { changedSince, myOpenWork, overviewFor, recordOverviewVisit, staleDrafts, VISIT_GAP_MINUTES } from "../../lib/editorial/overview";
import { listQuotes, QUOTE_SORTING } from "../../lib/editorial/quotes";
import { reviewQueuePage, waitingTime } from "../../lib/editorial/review-queue";
import { listSources, SOURCE_SORTING } from "../../lib/editorial/sources";
import { listSpeakers, SPEAKER_SORTING } from "../../lib/editorial/speakers";
import { transitionClaim } from "../../lib/editorial/workflow";
import { bootstrap } from "../../lib/seed/bootstrap";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
let editor: SessionUser;
let reviewer: SessionUser;
let contributor: SessionUser;
let sourceId: string;
let verdictId: string;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

async function account(name: string, role: Role): Promise<SessionUser> {
  const u = await t.db.user.create({ data: { email: `${name.toLowerCase().replace(/\W+/g, ".")}@test.local`, name, role, passwordHash: "-" } });
  return { id: u.id, name: u.name, email: u.email, role: u.role };
}

beforeAll(async () => {
  t = await createTestDatabase();
  // No demo data: every claim, quote and change here is the test's own.
  await bootstrap(t.db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123", CLAIMBASE_DEMO: "false" }));
  editor = await account("Erika Redakteurin", "editor");
  reviewer = await account("Rolf Prüfer", "reviewer");
  contributor = await account("Carl Mitarbeiter", "contributor");
  sourceId = (await t.db.source.create({ data: { title: "Testquelle", snapshotText: "Ein Text, der etwas belegt." } })).id;
  verdictId = (await t.db.verdictLabel.findFirstOrThrow({ where: { active: true } })).id;
});
afterAll(() => t?.stop());

const version = async (claimId: string) => (await t.db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } })).version;

/** Whether `values` are in order for `dir` (compared as the database compares them: here plain
 * ASCII words and numbers). */
function inOrder<T extends string | number>(values: T[], dir: SortDirection): boolean {
  return values.every((v, i) => i === 0 || (dir === "asc" ? values[i - 1]! <= v : values[i - 1]! >= v));
}

describe("what each row of a list counts", () => {
  it("quotes, speakers and sources count their own links, and only theirs", async () => {
    const speaker = await t.db.speaker.create({ data: { name: "Zählsprecherin Dora", slug: "zaehlsprecherin-dora" } });
    const other = await t.db.speaker.create({ data: { name: "Zählsprecher Emil", slug: "zaehlsprecher-emil" } });
    const source = await t.db.source.create({ data: { title: "Zählquelle", snapshotText: "Zählzitat eins. Zählzitat zwei." } });
    const counted = await t.db.quote.create({ data: { speakerId: speaker.id, text: "Zählzitat eins" } });
    const quiet = await t.db.quote.create({ data: { speakerId: other.id, text: "Zählzitat zwei" } });
    await t.db.quoteAppearance.createMany({
      data: [
        { quoteId: counted.id, sourceId: source.id, start: 0, end: 14 },
        { quoteId: counted.id, sourceId: sourceId, start: 0, end: 4 },
      ],
    });
    const claim = await createClaim(editor, { text: "Zählbehauptung", claimantId: speaker.id }, t.db);
    await t.db.claimQuote.create({ data: { claimId: claim.id, quoteId: counted.id } });
    await t.db.claimPassage.create({ data: { claimId: claim.id, sourceId: source.id, start: 16, end: 30 } });
    await addEvidence(editor, { claimId: claim.id, sourceId: source.id, stance: "supports", excerpt: "Zählzitat zwei" }, t.db);

    const quotes = new Map((await listQuotes({ q: "Zählzitat" }, t.db)).items.map((q) => [q.id, q._count]));
    expect(quotes.get(counted.id)).toEqual({ appearances: 2, claims: 1 });
    expect(quotes.get(quiet.id)).toEqual({ appearances: 0, claims: 0 });
    const speakers = new Map((await listSpeakers({ q: "Zählsprech" }, t.db)).items.map((s) => [s.id, s._count]));
    expect(speakers.get(speaker.id)).toEqual({ quotes: 1, claims: 1 });
    expect(speakers.get(other.id)).toEqual({ quotes: 1, claims: 0 });
    const [listed] = (await listSources({ q: "Zählquelle" }, t.db)).items;
    expect(listed?._count).toEqual({ appearances: 1, passages: 1, evidence: 1 });
    // An empty page counts nothing and does not fail.
    expect((await listQuotes({ q: "kommt nirgends vor" }, t.db)).items).toEqual([]);
  });
});

describe("sorting every list by its columns, in either direction", () => {
  it("claims: by text, by evidence and by date, ascending and descending", async () => {
    const ids: string[] = [];
    for (const [i, word] of ["Bravo", "Alpha", "Charlie"].entries()) {
      const { id } = await createClaim(editor, { text: `Sortierprobe ${word}` }, t.db);
      ids.push(id);
      for (let n = 0; n < i; n++) await addEvidence(editor, { claimId: id, sourceId, stance: "supports", excerpt: "etwas belegt" }, t.db);
    }
    const texts = async (params: Record<string, string>) => (await listClaims(claimListQuery({ q: "Sortierprobe", ...params }), editor, t.db)).items.map((c) => c.text);
    expect(await texts({ sort: "text", dir: "asc" })).toEqual(["Sortierprobe Alpha", "Sortierprobe Bravo", "Sortierprobe Charlie"]);
    expect(await texts({ sort: "text", dir: "desc" })).toEqual(["Sortierprobe Charlie", "Sortierprobe Bravo", "Sortierprobe Alpha"]);
    // Text starts ascending when no direction is given.
    expect(await texts({ sort: "text" })).toEqual(["Sortierprobe Alpha", "Sortierprobe Bravo", "Sortierprobe Charlie"]);
    // Evidence: Bravo 0, Alpha 1, Charlie 2; the most first unless asked otherwise.
    expect(await texts({ sort: "evidence" })).toEqual(["Sortierprobe Charlie", "Sortierprobe Alpha", "Sortierprobe Bravo"]);
    expect(await texts({ sort: "evidence", dir: "asc" })).toEqual(["Sortierprobe Bravo", "Sortierprobe Alpha", "Sortierprobe Charlie"]);
    // Created in the order Bravo, Alpha, Charlie.
    expect(await texts({ sort: "created", dir: "asc" })).toEqual(["Sortierprobe Bravo", "Sortierprobe Alpha", "Sortierprobe Charlie"]);
    expect(await texts({ sort: "created", dir: "desc" })).toEqual(["Sortierprobe Charlie", "Sortierprobe Alpha", "Sortierprobe Bravo"]);
    // A bad column or direction is the default order (latest change first), not an error.
    expect(await texts({ sort: "passwordHash", dir: "up" })).toEqual(await texts({}));
  });

  it("claims: by assignee", async () => {
    const a = await createClaim(editor, { text: "Zuständigkeitsprobe eins" }, t.db);
    const b = await createClaim(editor, { text: "Zuständigkeitsprobe zwei" }, t.db);
    await createClaim(editor, { text: "Zuständigkeitsprobe drei" }, t.db);
    await assignClaim(editor, { claimId: a.id, version: 1, assigneeId: reviewer.id }, t.db); // Rolf
    await assignClaim(editor, { claimId: b.id, version: 1, assigneeId: contributor.id }, t.db); // Carl
    const assignees = async (dir: string) =>
      (await listClaims(claimListQuery({ q: "Zuständigkeitsprobe", sort: "assignee", dir }), editor, t.db)).items.map((c) => c.assignee);
    expect(await assignees("asc")).toEqual([contributor.name, reviewer.name, null]);
    expect((await assignees("desc")).filter((n) => n !== null)).toEqual([reviewer.name, contributor.name]);
  });

  it("quotes, speakers and sources: each sortable column in both directions", async () => {
    const speakers = [];
    for (const [i, name] of ["Sortsprecher Berta", "Sortsprecher Anton", "Sortsprecher Cäsar"].entries()) {
      const s = await t.db.speaker.create({ data: { name, slug: `sortsprecher-${i}` } });
      speakers.push(s);
      for (let n = 0; n <= i; n++) await t.db.quote.create({ data: { speakerId: s.id, text: `Sortzitat ${name} ${n}`, saidOn: new Date(Date.UTC(2020, i, n + 1)) } });
    }
    for (const dir of ["asc", "desc"] as const) {
      const byName = (await listSpeakers({ q: "Sortsprecher", sort: "name", dir }, t.db)).items.map((s) => s.name);
      expect(byName).toHaveLength(3);
      expect(inOrder(byName, dir)).toBe(true);
      const byQuotes = (await listSpeakers({ q: "Sortsprecher", sort: "quotes", dir }, t.db)).items.map((s) => s._count.quotes);
      expect(byQuotes).toEqual(dir === "asc" ? [1, 2, 3] : [3, 2, 1]);

      const quotes = await listQuotes({ q: "Sortzitat", sort: "text", dir }, t.db);
      expect(quotes.total).toBe(6);
      expect(inOrder(quotes.items.map((q) => q.text.replace("Cäsar", "Caesar")), dir)).toBe(true);
      const said = (await listQuotes({ q: "Sortzitat", sort: "said", dir }, t.db)).items.map((q) => q.saidOn!.getTime());
      expect(inOrder(said, dir)).toBe(true);
      const bySpeaker = (await listQuotes({ q: "Sortzitat", sort: "speaker", dir }, t.db)).items.map((q) => q.speaker.name);
      expect(bySpeaker[0]).toBe(dir === "asc" ? "Sortsprecher Anton" : "Sortsprecher Cäsar");
    }

    await t.db.source.createMany({
      data: [
        { title: "Sortquelle B", publisher: "Zeitung", publishedAt: new Date("2020-02-01T00:00:00Z") },
        { title: "Sortquelle A", publisher: "Agentur", publishedAt: new Date("2021-02-01T00:00:00Z") },
        { title: "Sortquelle C", publisher: null, publishedAt: null },
      ],
    });
    const titles = async (sort: string, dir: string) =>
      (await listSources({ q: "Sortquelle", ...sortParam({ sort, dir }, SOURCE_SORTING) }, t.db)).items.map((s) => s.title);
    expect(await titles("title", "asc")).toEqual(["Sortquelle A", "Sortquelle B", "Sortquelle C"]);
    expect(await titles("title", "desc")).toEqual(["Sortquelle C", "Sortquelle B", "Sortquelle A"]);
    // Without a date or a publisher: last, in either direction.
    expect(await titles("published", "desc")).toEqual(["Sortquelle A", "Sortquelle B", "Sortquelle C"]);
    expect(await titles("published", "asc")).toEqual(["Sortquelle B", "Sortquelle A", "Sortquelle C"]);
    expect(await titles("publisher", "asc")).toEqual(["Sortquelle A", "Sortquelle B", "Sortquelle C"]);
    expect(await titles("publisher", "desc")).toEqual(["Sortquelle B", "Sortquelle A", "Sortquelle C"]);
    // The URL's words reach the list only through the parser: a bad one is the default order.
    expect(sortParam({ sort: "snapshotText" }, SOURCE_SORTING)).toEqual({ sort: "updated", dir: "desc" });
    expect(sortParam({ sort: "said", dir: "sideways" }, QUOTE_SORTING)).toEqual({ sort: "said", dir: "desc" });
    expect(sortParam({ dir: "asc" }, SPEAKER_SORTING)).toEqual({ sort: "name", dir: "asc" });
  });

  it("articles: by title and by date, and the ones I ingested", async () => {
    const article = (title: string, createdById: string, createdAt: Date) =>
      t.db.article.create({ data: { title, rawContent: title, text: title, contentHash: title, createdById, createdAt } });
    await article("Sortartikel B", editor.id, new Date(Date.now() - 3 * DAY));
    await article("Sortartikel A", reviewer.id, new Date(Date.now() - 2 * DAY));
    await article("Sortartikel C", editor.id, new Date(Date.now() - 1 * DAY));
    const titles = async (params: Parameters<typeof listArticles>[0]) => (await listArticles({ q: "Sortartikel", ...params }, t.db)).items.map((a) => a.title);
    expect(await titles({})).toEqual(["Sortartikel C", "Sortartikel A", "Sortartikel B"]);
    expect(await titles({ sort: "created", dir: "asc" })).toEqual(["Sortartikel B", "Sortartikel A", "Sortartikel C"]);
    expect(await titles({ sort: "title", dir: "asc" })).toEqual(["Sortartikel A", "Sortartikel B", "Sortartikel C"]);
    expect(await titles({ sort: "title", dir: "desc" })).toEqual(["Sortartikel C", "Sortartikel B", "Sortartikel A"]);
    expect(await titles({ createdById: editor.id })).toEqual(["Sortartikel C", "Sortartikel B"]);
    expect((await listArticles({ q: "Sortartikel", createdById: editor.id }, t.db)).total).toBe(2);
  });
});

describe("the 'mine' filters of the claims list", () => {
  it("assigned to me, created by me, either, and open ones only", async () => {
    const mineCreated = await createClaim(editor, { text: "Meinprobe von mir" }, t.db);
    const mineAssigned = await createClaim(contributor, { text: "Meinprobe mir zugewiesen" }, t.db);
    await assignClaim(reviewer, { claimId: mineAssigned.id, version: 1, assigneeId: editor.id }, t.db);
    const both = await createClaim(editor, { text: "Meinprobe beides" }, t.db);
    await assignClaim(editor, { claimId: both.id, version: 1, assigneeId: editor.id }, t.db);
    const othersOnly = await createClaim(contributor, { text: "Meinprobe fremd" }, t.db);
    await assignClaim(editor, { claimId: othersOnly.id, version: 1, assigneeId: reviewer.id }, t.db);
    const published = await createClaim(editor, { text: "Meinprobe veröffentlicht" }, t.db);
    await t.db.claim.update({ where: { id: published.id }, data: { status: "published" } });

    const ids = async (params: Record<string, string>, viewer: SessionUser = editor) =>
      new Set((await listClaims(claimListQuery({ q: "Meinprobe", ...params }), viewer, t.db)).items.map((c) => c.id));
    expect(await ids({ author: "me" })).toEqual(new Set([mineCreated.id, both.id, published.id]));
    expect(await ids({ assignee: "me" })).toEqual(new Set([mineAssigned.id, both.id]));
    expect(await ids({ mine: "1" })).toEqual(new Set([mineCreated.id, mineAssigned.id, both.id, published.id]));
    expect(await ids({ mine: "1", status: "open" })).toEqual(new Set([mineCreated.id, mineAssigned.id, both.id]));
    // "me" is whoever looks.
    expect(await ids({ mine: "1" }, reviewer)).toEqual(new Set([othersOnly.id]));
    // Counts follow the filter.
    expect((await listClaims(claimListQuery({ q: "Meinprobe", mine: "1" }), editor, t.db)).total).toBe(4);
  });
});

/** A claim whose verdict `author` proposed, in review since `since` (the submission's revision
 * is dated back), optionally assigned. */
async function claimInReview(text: string, author: SessionUser, since: Date, assigneeId?: string): Promise<string> {
  const { id } = await createClaim(editor, { text }, t.db);
  await updateVerdictFields(author, { claimId: id, version: await version(id), verdictId, summary: "Eine Zusammenfassung." }, t.db);
  await addEvidence(editor, { claimId: id, sourceId, stance: "supports", excerpt: "etwas belegt" }, t.db);
  if (assigneeId) await assignClaim(editor, { claimId: id, version: await version(id), assigneeId }, t.db);
  await transitionClaim(author, { claimId: id, version: await version(id), transition: "submit" }, t.db);
  await t.db.revision.updateMany({ where: { entityType: "Claim", entityId: id, action: "transition" }, data: { createdAt: since } });
  return id;
}

describe("the review queue", () => {
  it("shows what waits for me first (assigned to me, or mine to approve), the longest waiting first, with its age", async () => {
    const otherReviewer = await account("Petra Zweitprüferin", "reviewer");
    const now = Date.now();
    const byEditor3d = await claimInReview("Prüfprobe von der Redaktion, drei Tage", editor, new Date(now - 3 * DAY - 5 * MINUTE));
    const ownProposal5d = await claimInReview("Prüfprobe eigener Vorschlag, fünf Tage", reviewer, new Date(now - 5 * DAY));
    const assigned1d = await claimInReview("Prüfprobe zugewiesen, ein Tag", editor, new Date(now - 1 * DAY - 5 * MINUTE), reviewer.id);
    const byEditor10d = await claimInReview("Prüfprobe von der Redaktion, zehn Tage", editor, new Date(now - 10 * DAY));
    const byOther2h = await claimInReview("Prüfprobe von der Zweitprüferin, zwei Stunden", otherReviewer, new Date(now - 2 * 60 * MINUTE - 5 * MINUTE));

    const queue = await reviewQueuePage(reviewer, 1, t.db);
    expect(queue.items.map((c) => [c.id, c.group])).toEqual([
      [byEditor10d, "forYou"],
      [byEditor3d, "forYou"],
      [assigned1d, "forYou"],
      [byOther2h, "forYou"],
      [ownProposal5d, "others"],
    ]);
    expect(queue.groups).toEqual({ forYou: 4, others: 1 });
    expect(queue.total).toBe(5);
    const own = queue.items.find((c) => c.id === ownProposal5d)!;
    expect(own).toMatchObject({ own: true, mayApprove: false, proposedBy: { id: reviewer.id, name: reviewer.name } });
    expect(queue.items.find((c) => c.id === assigned1d)).toMatchObject({ assignedToViewer: true, mayApprove: true, assignee: reviewer.name });

    // The age counts from the step into review, in the largest whole unit.
    const age = (id: string) => waitingTime(queue.items.find((c) => c.id === id)!.since, new Date(now));
    expect(age(byEditor3d)).toEqual({ unit: "days", count: 3 });
    expect(age(byEditor10d)).toEqual({ unit: "days", count: 10 });
    expect(age(byOther2h)).toEqual({ unit: "hours", count: 2 });
    expect(queue.items.find((c) => c.id === byEditor3d)).toMatchObject({ submittedBy: editor.name, evidenceCount: 1, isCorrection: false });

    // The editor may approve only what others proposed; their own wait for someone else.
    const forEditor = await reviewQueuePage(editor, 1, t.db);
    expect(forEditor.items.filter((c) => c.group === "forYou").map((c) => c.id)).toEqual([ownProposal5d, byOther2h]);
    expect(forEditor.items.filter((c) => c.group === "others").map((c) => c.id)).toEqual([byEditor10d, byEditor3d, assigned1d]);

    // A contributor approves nothing: nothing waits for them, everything is the rest, oldest first.
    const forContributor = await reviewQueuePage(contributor, 1, t.db);
    expect(forContributor.groups).toEqual({ forYou: 0, others: 5 });
    expect(forContributor.items.map((c) => c.id)).toEqual([byEditor10d, ownProposal5d, byEditor3d, assigned1d, byOther2h]);

    // A page past the end is empty, not an error; its counts stay.
    const past = await reviewQueuePage(reviewer, 9, t.db);
    expect(past).toMatchObject({ items: [], total: 5, page: 9, pageCount: 1 });

    // Published or withdrawn claims leave the queue.
    await transitionClaim(otherReviewer, { claimId: byEditor3d, version: await version(byEditor3d), transition: "approve" }, t.db);
    expect((await reviewQueuePage(reviewer, 1, t.db)).items.map((c) => c.id)).not.toContain(byEditor3d);
  });
});

describe("the overview", () => {
  it("records each visit; loads less than half an hour apart are one visit", async () => {
    const me = await account("Vera Besucherin", "editor");
    const t0 = new Date(Date.now() - 5 * 60 * MINUTE);
    const seen = async () => t.db.user.findUniqueOrThrow({ where: { id: me.id }, select: { lastVisitAt: true, previousVisitAt: true, version: true, updatedAt: true } });
    const before = await seen();
    expect(before).toMatchObject({ lastVisitAt: null, previousVisitAt: null });

    expect(await recordOverviewVisit(me.id, t0, t.db)).toBeNull();
    expect(await seen()).toMatchObject({ lastVisitAt: t0, previousVisitAt: null });
    const reload = new Date(t0.getTime() + (VISIT_GAP_MINUTES - 1) * MINUTE);
    expect(await recordOverviewVisit(me.id, reload, t.db)).toBeNull();
    expect(await seen()).toMatchObject({ lastVisitAt: reload, previousVisitAt: null });
    const later = new Date(reload.getTime() + 2 * 60 * MINUTE);
    expect(await recordOverviewVisit(me.id, later, t.db)).toEqual(reload);
    expect(await seen()).toMatchObject({ lastVisitAt: later, previousVisitAt: reload });
    // A reload of that visit keeps what it compares with.
    expect(await recordOverviewVisit(me.id, new Date(later.getTime() + MINUTE), t.db)).toEqual(reload);
    // A visit is no edit of the account.
    const after = await seen();
    expect(after.version).toBe(before.version);
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(await t.db.revision.count({ where: { entityType: "User", entityId: me.id } })).toBe(0);

    // The overview records the visit itself.
    const now = new Date();
    await overviewFor(me, now, t.db);
    expect((await seen()).lastVisitAt).toEqual(now);
  });

  it("shows what others changed since my last visit: not my own changes, not what came before", async () => {
    const me = await account("Mia Rückkehrerin", "editor");
    const other = await account("Otto Kollege", "editor");
    const now = new Date();
    // The last visit ended two hours ago.
    await t.db.user.update({ where: { id: me.id }, data: { lastVisitAt: new Date(now.getTime() - 2 * 60 * MINUTE) } });

    const before = await createClaim(other, { text: "Änderungsprobe vor dem Besuch" }, t.db);
    await t.db.revision.updateMany({ where: { entityId: before.id }, data: { createdAt: new Date(now.getTime() - 3 * 60 * MINUTE) } });
    const byOther = await createClaim(other, { text: "Änderungsprobe eines anderen" }, t.db);
    const mine = await createClaim(me, { text: "Änderungsprobe von mir" }, t.db);
    const mineWithEvidence = await createClaim(me, { text: "Änderungsprobe von mir, belegt von einem anderen" }, t.db);
    await addEvidence(other, { claimId: mineWithEvidence.id, sourceId, stance: "refutes", excerpt: "etwas belegt" }, t.db);
    const speaker = await t.db.speaker.create({ data: { name: "Änderungssprecher", slug: "aenderungssprecher" } });
    await t.db.revision.create({ data: { entityType: "Speaker", entityId: speaker.id, action: "update", userId: other.id, changes: { bio: { before: null, after: "Neu" } } } });

    const overview = await overviewFor(me, now, t.db);
    expect(overview.changed?.since).toEqual(new Date(now.getTime() - 2 * 60 * MINUTE));
    const changed = overview.changed!.items;
    const ids = changed.map((r) => r.id);
    expect(ids).toContain(byOther.id);
    expect(ids).toContain(mineWithEvidence.id);
    expect(ids).toContain(speaker.id);
    expect(ids).not.toContain(mine.id);
    expect(ids).not.toContain(before.id);
    expect(changed.find((r) => r.id === byOther.id)).toMatchObject({ type: "Claim", label: "Änderungsprobe eines anderen", language: "de", by: other.name, action: "create", exists: true });
    // Evidence is a change of its claim.
    expect(changed.find((r) => r.id === mineWithEvidence.id)).toMatchObject({ type: "Claim", by: other.name, action: "create", changes: 1 });
    expect(changed.find((r) => r.id === speaker.id)).toMatchObject({ type: "Speaker", label: "Änderungssprecher", action: "update" });
    // The latest change first.
    expect(changed.map((r) => r.at.getTime())).toEqual([...changed.map((r) => r.at.getTime())].sort((a, b) => b - a));

    // A record deleted since is shown as gone.
    const gone = await createClaim(other, { text: "Änderungsprobe gelöscht" }, t.db);
    await t.db.claim.delete({ where: { id: gone.id } });
    const withGone = await changedSince(me, new Date(now.getTime() - 2 * 60 * MINUTE), t.db);
    expect(withGone.items.find((r) => r.id === gone.id)).toMatchObject({ exists: false, label: null });

    // At most ten rows, and how many there are in all (the other tests' records count too:
    // they are others' changes of the last two hours).
    const base = withGone.total;
    for (let i = 0; i < 11; i++) await createClaim(other, { text: `Änderungsprobe Menge ${i}` }, t.db);
    const many = await changedSince(me, new Date(now.getTime() - 2 * 60 * MINUTE), t.db);
    expect(many.items).toHaveLength(10);
    expect(many.total).toBe(base + 11);
    // Until a first visit there is nothing to compare with.
    const newcomer = await account("Nora Neu", "editor");
    expect((await overviewFor(newcomer, new Date(), t.db)).changed).toBeNull();
  });

  it("shows my open work: claims assigned to or created by me that are not published", async () => {
    const me = await account("Ida Offen", "editor");
    const other = await account("Ole Anders", "editor");
    const mine = await createClaim(me, { text: "Offenprobe meine" }, t.db);
    const assigned = await createClaim(other, { text: "Offenprobe zugewiesen" }, t.db);
    await assignClaim(other, { claimId: assigned.id, version: 1, assigneeId: me.id }, t.db);
    await t.db.claim.update({ where: { id: assigned.id }, data: { status: "in_review" } });
    await createClaim(other, { text: "Offenprobe fremd" }, t.db);
    const published = await createClaim(me, { text: "Offenprobe veröffentlicht" }, t.db);
    await t.db.claim.update({ where: { id: published.id }, data: { status: "published" } });

    const work = await myOpenWork(me, t.db);
    expect(work.total).toBe(2);
    expect(work.items.map((c) => c.id).sort()).toEqual([mine.id, assigned.id].sort());
    expect(work.items.find((c) => c.id === mine.id)).toMatchObject({ status: "draft", createdByMe: true, assignedToMe: false });
    expect(work.items.find((c) => c.id === assigned.id)).toMatchObject({ status: "in_review", createdByMe: false, assignedToMe: true });
    // The same as the list the section links to.
    const list = await listClaims(claimListQuery({ mine: "1", status: "open" }), me, t.db);
    expect(list.items.map((c) => c.id).sort()).toEqual(work.items.map((c) => c.id).sort());
    // The other's: the ones they created, not mine.
    expect((await myOpenWork(other, t.db)).items.map((c) => c.text).sort()).toEqual(["Offenprobe fremd", "Offenprobe zugewiesen"]);
  });

  it("shows drafts that have not moved for a week, the oldest first", async () => {
    const now = new Date();
    const aged = async (text: string, days: number, status: "draft" | "in_research" = "draft") => {
      const { id } = await createClaim(editor, { text }, t.db);
      await t.db.claim.update({ where: { id }, data: { status, updatedAt: new Date(now.getTime() - days * DAY) } });
      return id;
    };
    const eight = await aged("Ruheprobe acht Tage", 8);
    const twelve = await aged("Ruheprobe zwölf Tage", 12);
    const two = await aged("Ruheprobe zwei Tage", 2);
    const researching = await aged("Ruheprobe in Recherche", 20, "in_research");

    const stale = await staleDrafts(now, t.db);
    const ids = stale.items.map((c) => c.id);
    expect(ids).toContain(eight);
    expect(ids).toContain(twelve);
    expect(ids).not.toContain(two);
    expect(ids).not.toContain(researching);
    expect(ids.indexOf(twelve)).toBeLessThan(ids.indexOf(eight));
    expect(stale.items.find((c) => c.id === eight)).toMatchObject({ days: 8, author: editor.name });
    expect(stale.total).toBe(await t.db.claim.count({ where: { status: "draft", updatedAt: { lte: new Date(now.getTime() - 7 * DAY) } } }));
  });
});
