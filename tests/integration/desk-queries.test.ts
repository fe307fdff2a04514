// No N+1 on the desk's lists, review queue and overview (issue 13, points 3 and 4): each page is
// rendered as the server renders it (tests/helpers/render-page.ts) once with 5 records of every
// kind and once with 50, and the SQL statements it sends are counted; the count must not grow
// with the rows. Statements are counted where every one of them passes: pg's Client#query
// (the Prisma adapter's pool sends each statement, in or out of a transaction, through it).
// The pages are rendered in English with the desk's layouts (their statements count too: they
// are the same every time), and what they say of the rows is checked too (the ages in the
// review queue and of stale drafts, in words).
import path from "node:path";
import pg from "pg";
import { createElement, type ReactNode } from "react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { renderPage } from "../helpers/render-page";
import { pageSession } from "../helpers/page-mocks";

vi.mock("../../lib/auth/auth", () => import("../helpers/page-mocks").then((m) => m.authModule()));
vi.mock("next/cache", () => import("../helpers/page-mocks").then((m) => m.cacheModule()));
vi.mock("next/navigation", (original) => import("../helpers/page-mocks").then((m) => m.navigationModule(original)));
vi.mock("next/headers", () => import("../helpers/page-mocks").then((m) => m.headersModule()));
pageSession.acceptLanguage = "en-GB";

const DESK = path.resolve(import.meta.dirname, "../../app/(desk)/admin");
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The pages measured, each with the query strings it is rendered with. */
const PAGES: Record<string, Record<string, string>[]> = {
  "page.tsx": [{}],
  "claims/page.tsx": [{}, { sort: "evidence", dir: "asc" }, { mine: "1", status: "open", sort: "claimant" }],
  "quotes/page.tsx": [{}, { sort: "claims" }],
  "speakers/page.tsx": [{}, { sort: "quotes", dir: "desc" }],
  "sources/page.tsx": [{}, { sort: "publisher" }],
  "articles/page.tsx": [{}, { author: "me", sort: "title", dir: "desc" }],
  "review/page.tsx": [{}, { page: "2" }],
};

let t: Awaited<ReturnType<typeof import("../helpers/db").createTestDatabase>>;
let adminId: string;
let colleagueId: string;
let speakerIds: string[] = [];
let made = 0;

beforeAll(async () => {
  const { createTestDatabase } = await import("../helpers/db");
  const { bootstrap } = await import("../../lib/seed/bootstrap");
  const { loadSettings } = await import("../../lib/config");
  const { startSession } = await import("../../lib/auth/sessions");
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url; // the app's own `db` (lib/db/client.ts) uses this
  await bootstrap(t.db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123", CLAIMBASE_DEMO: "false" }));
  const admin = await t.db.user.update({ where: { email: "admin@claimbase.local" }, data: { locale: "en" } });
  adminId = admin.id;
  colleagueId = (await t.db.user.create({ data: { email: "kollegin@test.local", name: "Kim Kollegin", role: "editor", passwordHash: "-" } })).id;
  pageSession.current = { user: { id: adminId }, sid: await startSession(t.db, adminId) };
});

afterAll(async () => {
  const { db } = await import("../../lib/db/client");
  await db.$disconnect().catch(() => {});
  await t?.stop();
});

/** `n` more records of every kind the measured pages show, each with what its row shows
 * (claimant, assignee, verdict, evidence, aliases, appearances, candidates, revisions). */
async function addRecords(n: number): Promise<void> {
  const verdict = await t.db.verdictLabel.findFirstOrThrow({ where: { active: true } });
  const now = Date.now();
  for (let k = 0; k < n; k++) {
    const i = made++;
    const speaker = await t.db.speaker.create({ data: { name: `Speaker ${i}`, slug: `speaker-${i}`, aliases: { create: [{ alias: `Alias ${i}` }] } } });
    speakerIds.push(speaker.id);
    const source = await t.db.source.create({ data: { title: `Source ${i}`, publisher: `Publisher ${i % 7}`, snapshotText: "Some words of a source." } });
    const quote = await t.db.quote.create({ data: { speakerId: speaker.id, text: `Quote ${i}`, appearances: { create: [{ sourceId: source.id, start: 0, end: 4 }] } } });
    // A claim of mine in research, with everything its row shows.
    const claim = await t.db.claim.create({
      data: {
        slug: `claim-${i}`,
        text: `Claim ${i}`,
        status: "in_research",
        claimantId: speaker.id,
        assigneeId: adminId,
        createdById: colleagueId,
        verdictId: verdict.id,
        quotes: { create: [{ quoteId: quote.id }] },
        evidence: { create: [{ sourceId: source.id, stance: "supports", excerpt: "Some words" }] },
      },
    });
    // A claim in review, proposed by a colleague, since i hours (for me to approve).
    const inReview = await t.db.claim.create({
      data: { slug: `review-${i}`, text: `Review ${i}`, status: "in_review", verdictId: verdict.id, summary: "A summary.", verdictAuthorId: colleagueId, claimantId: speaker.id },
    });
    await t.db.revision.create({
      data: { entityType: "Claim", entityId: inReview.id, action: "transition", userId: colleagueId, changes: { status: { before: "in_research", after: "in_review" } }, createdAt: new Date(now - (3 * DAY + i * MINUTE)) },
    });
    // A draft of mine nobody has touched for ten days.
    await t.db.claim.create({ data: { slug: `stale-${i}`, text: `Stale ${i}`, createdById: adminId, updatedAt: new Date(now - 10 * DAY - i * MINUTE) } });
    // Changes by a colleague since my last visit.
    await t.db.revision.createMany({
      data: [
        { entityType: "Claim", entityId: claim.id, action: "update", userId: colleagueId, changes: { text: { before: "x", after: `Claim ${i}` } } },
        { entityType: "Quote", entityId: quote.id, action: "create", userId: colleagueId, changes: {} },
        { entityType: "Speaker", entityId: speaker.id, action: "update", userId: colleagueId, changes: {} },
      ],
    });
    await t.db.article.create({
      data: {
        title: `Article ${i}`,
        rawContent: "Text.",
        text: "Text.",
        contentHash: `hash-${i}`,
        createdById: adminId,
        candidates: { create: [{ kind: "quote", start: 0, end: 4, text: "Text", fingerprint: `f-${i}` }] },
      },
    });
  }
}

/** The statements sent while `work` runs. */
async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const original = pg.Client.prototype.query;
  const sent: string[] = [];
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const q = args[0];
    sent.push(typeof q === "string" ? q : ((q as { text?: string })?.text ?? String(q)));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return sent;
}

type Component = (props: { children: ReactNode }) => unknown;

/** A page with the desk's layouts around it (the session check, the navigation, the messages
 * the browser gets), as the server renders it. */
async function render(file: string, query: Record<string, string>): Promise<string> {
  const module = (await import(path.join(DESK, file))) as { default: (props: unknown) => ReactNode };
  const layouts = [(await import("../../app/(desk)/layout")).default as Component, (await import("../../app/(desk)/admin/layout")).default as Component];
  const props = { params: Promise.resolve({}), searchParams: Promise.resolve(query) };
  return renderPage(layouts, createElement(module.default as (p: unknown) => ReactNode, props as object));
}

/** Each page's statements and HTML, the page rendered once before (what is loaded once per
 * process is not counted). The session is fresh and my last visit two hours ago, so that no
 * periodic write happens by chance and "changed since your last visit" has rows to read. */
async function measure(): Promise<Map<string, { statements: string[]; html: string }>> {
  const results = new Map<string, { statements: string[]; html: string }>();
  for (const [file, queries] of Object.entries(PAGES)) {
    for (const query of queries) {
      const key = `${file}?${new URLSearchParams(query)}`;
      const reset = async () => {
        await t.db.userSession.updateMany({ where: { userId: adminId }, data: { lastSeenAt: new Date() } });
        await t.db.user.update({ where: { id: adminId }, data: { lastVisitAt: new Date(Date.now() - 2 * 60 * MINUTE) } });
      };
      await reset();
      await render(file, query);
      await reset();
      let html = "";
      const statements = await statementsOf(async () => {
        html = await render(file, query);
      });
      results.set(key, { statements, html });
    }
  }
  return results;
}

const rows = (html: string) => (html.match(/<tr[ >]/g) ?? []).length;

/** The reads of the session, the account and the settings it needs: every layout and page
 * that asks for the user makes them here (React's cache() dedupes them only inside Next.js's
 * renderer). The same number each time; left out of the bound on the page's own reads. */
const isSessionRead = (sql: string) =>
  /FROM "public"\."(UserSession|TwoFactor|Setting)"/.test(sql) || (/FROM "public"\."User"/.test(sql) && sql.includes('"passwordChangedAt"'));

describe("the desk's lists, review queue and overview read a fixed number of times, whatever the rows", () => {
  let few: Map<string, { statements: string[]; html: string }>;
  let many: Map<string, { statements: string[]; html: string }>;

  beforeAll(async () => {
    await addRecords(5);
    few = await measure();
    await addRecords(45);
    many = await measure();
  });

  for (const [file, queries] of Object.entries(PAGES)) {
    for (const query of queries) {
      const key = `${file}?${new URLSearchParams(query)}`;
      it(key, () => {
        // The second page of the queue is empty with 5 claims in review: it is compared with the
        // first page of the 50.
        const small = query.page === "2" ? many.get(`${file}?`)! : few.get(key)!;
        const large = many.get(key)!;
        // The larger data shows more rows (else the comparison proves nothing)...
        if (query.page !== "2") expect(rows(large.html), key).toBeGreaterThan(rows(small.html));
        // ...with the same statements, and few of them.
        expect(large.statements.length, `${key}\n${large.statements.join("\n")}`).toBe(small.statements.length);
        expect(large.statements.filter((q) => !isSessionRead(q)).length, key).toBeLessThan(15);
      });
    }
  }

  it("the second page of the review queue has rows with 50 claims in review, none with 5", () => {
    expect(rows(few.get("review/page.tsx?page=2")!.html)).toBe(0);
    expect(rows(many.get("review/page.tsx?page=2")!.html)).toBeGreaterThan(0);
  });
});

describe("what the pages say of the rows", () => {
  it("the review queue: what waits for me, and for how long", async () => {
    const html = await render("review/page.tsx", {});
    expect(html).toContain("Waiting for you (50)");
    expect(html).toMatch(/waiting 3 days/);
    expect(html).not.toContain("Other claims in review");
  });

  it("the overview: my open work, changes since my last visit, stale drafts; the visit is recorded", async () => {
    const lastVisit = new Date(Date.now() - 2 * 60 * MINUTE);
    await t.db.user.update({ where: { id: adminId }, data: { lastVisitAt: lastVisit } });
    const before = new Date();
    const html = (await render("page.tsx", {})).replace(/<!-- -->/g, "");
    const seen = await t.db.user.findUniqueOrThrow({ where: { id: adminId }, select: { lastVisitAt: true, previousVisitAt: true } });
    expect(seen.lastVisitAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(seen.previousVisitAt).toEqual(lastVisit);

    expect(html).toContain("My open work");
    // 50 claims in research assigned to me, 50 drafts I created.
    expect(html).toContain("All my open claims (100)");
    expect(html).toContain('href="/admin/claims?mine=1&amp;status=open"');
    expect(html).toContain("Changed since your last visit");
    expect(html).toContain("Kim Kollegin");
    expect(html).toContain("Every change since then, in the change log");
    expect(html).toContain("unchanged for 10 days");
    expect(html).toContain('href="/admin/claims?status=draft&amp;sort=updated&amp;dir=asc"');
    // Ten rows a section.
    expect((html.match(/href="\/admin\/claims\/[^"]+"/g) ?? []).length).toBeGreaterThanOrEqual(20);
  });

  it("a list's headers sort it and say how it is sorted", async () => {
    const html = await render("claims/page.tsx", { sort: "text", dir: "asc", status: "in_research" });
    expect(html).toMatch(/<th scope="col" aria-sort="ascending"><a [^>]*href="\/admin\/claims\?status=in_research&amp;sort=text&amp;dir=desc"/);
    // The other columns start in their own direction, the filters kept and the page left.
    expect(html).toContain('href="/admin/claims?status=in_research&amp;sort=evidence&amp;dir=desc"');
    expect(html).toContain('href="/admin/claims?status=in_research&amp;sort=created&amp;dir=desc"');
    // The default order has no parameters.
    expect(html).toContain('href="/admin/claims?status=in_research"');
    expect((html.match(/aria-sort=/g) ?? []).length).toBe(1);
    // The filter form keeps the order.
    expect(html).toMatch(/<input type="hidden" name="sort" value="text"\/><input type="hidden" name="dir" value="asc"\/>/);
    expect(html).toContain("50 claims found");
  });
});

describe("the claim workspace reads a fixed number of times, whatever the claim holds", () => {
  /** Adds `n` of everything a claim's tabs list: evidence, comments, reviews, revisions. */
  async function grow(claimId: string, sourceId: string, n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      await t.db.evidence.create({ data: { claimId, sourceId, stance: "supports", excerpt: `Words ${i}`, createdById: colleagueId } });
      await t.db.claimComment.create({ data: { claimId, authorId: colleagueId, body: `Comment ${i}` } });
      await t.db.reviewDecision.create({ data: { claimId, reviewerId: colleagueId, outcome: "rejected", note: `Not yet ${i}` } });
      await t.db.revision.create({ data: { entityType: "Claim", entityId: claimId, action: "update", userId: colleagueId, changes: { text: { before: "a", after: "b" } } } });
    }
  }

  async function renderWorkspace(id: string, tab: string): Promise<string> {
    const module = (await import(path.join(DESK, "claims/[id]/page.tsx"))) as { default: (props: unknown) => ReactNode };
    const layouts = [(await import("../../app/(desk)/layout")).default as Component, (await import("../../app/(desk)/admin/layout")).default as Component];
    const props = { params: Promise.resolve({ id }), searchParams: Promise.resolve({ tab }) };
    return renderPage(layouts, createElement(module.default as (p: unknown) => ReactNode, props as object));
  }

  it("on every tab, with 2 and with 20 of each", async () => {
    const source = await t.db.source.create({ data: { title: "Workspace source", snapshotText: "Words of the workspace's source text." } });
    const claim = await t.db.claim.create({
      data: { slug: "workspace-n1", text: "A claim that grows", status: "in_research", createdById: colleagueId, assigneeId: adminId, passages: { create: [{ sourceId: source.id, start: 0, end: 5 }] } },
    });
    const measureTabs = async () => {
      const counts: Record<string, number> = {};
      for (const tab of ["details", "verdict", "evidence", "workflow", "discussion", "history"]) {
        await renderWorkspace(claim.id, tab); // what is loaded once per process is not counted
        counts[tab] = (await statementsOf(() => renderWorkspace(claim.id, tab))).length;
      }
      return counts;
    };
    await grow(claim.id, source.id, 2);
    const few = await measureTabs();
    await grow(claim.id, source.id, 18);
    const many = await measureTabs();
    // The larger claim shows more on its tabs (else the comparison proves nothing)...
    expect((await renderWorkspace(claim.id, "discussion")).match(/Comment \d+/g)?.length ?? 0).toBeGreaterThanOrEqual(20);
    // ...with the same statements.
    expect(many).toEqual(few);
  });
});
