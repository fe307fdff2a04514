// The first start of a fresh install: bootstrap() loads the verdict scale, the admin and, in
// demo mode, the demo newsroom built from the seed article (lib/seed/demo.ts), whose accounts
// each get their own generated password, printed once (no shared, documented password). A
// second start adds nothing; demo accounts left on the old shared password get their own; with
// CLAIMBASE_DEMO=false only the admin exists; the demo accounts can be switched off.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { bootstrap, describeSignIn, disableDemoAccounts, type BootstrapReport } from "../../lib/seed/bootstrap";
import { DEMO_USERS } from "../../lib/seed/demo";
import { loadSettings } from "../../lib/config";
import { authorizeCredentials } from "../../lib/auth/credentials";
import { hashPassword, verifyPassword } from "../../lib/auth/password";
import type { Db } from "../../lib/db/client";
import { getPublicClaim, getPublicSpeaker, getPublicSpeakerPage, type PublicClaim } from "../../lib/public";

const settings = loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" });
/** The demo accounts' shared password up to issue 11, documented in the README back then. */
const OLD_SHARED_PASSWORD = "claimbase-demo";

/** The sign-in's credentials check (each call from its own address, so throttling stays out of it). */
let address = 0;
const signIn = (db: Db, email: string, password: string) =>
  authorizeCredentials(
    { email, password },
    new Request("http://localhost/api/auth/callback/credentials", { method: "POST", headers: { "x-forwarded-for": `192.0.2.${++address}` } }),
    db,
  );

async function counts(db: Db) {
  const [users, speakers, aliases, roles, quotes, appearances, claims, passages, evidence, sources, topics, reviews, comments, articles, revisions, labels] =
    await Promise.all([
      db.user.count(),
      db.speaker.count(),
      db.speakerAlias.count(),
      db.speakerRole.count(),
      db.quote.count(),
      db.quoteAppearance.count(),
      db.claim.count(),
      db.claimPassage.count(),
      db.evidence.count(),
      db.source.count(),
      db.topic.count(),
      db.reviewDecision.count(),
      db.claimComment.count(),
      db.article.count(),
      db.revision.count(),
      db.verdictLabel.count(),
    ]);
  return { users, speakers, aliases, roles, quotes, appearances, claims, passages, evidence, sources, topics, reviews, comments, articles, revisions, labels };
}

describe("bootstrap with the demo data", () => {
  let t: TestDatabase;
  let db: Db;
  let first: BootstrapReport;

  beforeAll(async () => {
    t = await createTestDatabase();
    db = t.db;
    first = await bootstrap(db, settings);
    expect(first.demoLoaded).toBe(true);
    expect(first.demoPresent).toBe(true);
  });

  afterAll(async () => {
    await t?.stop();
  });

  it("creates the three demo desk accounts, each with its own generated password, printed once beside the admin's", async () => {
    const users = await db.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } } });
    expect(users.map((u) => u.role).sort()).toEqual(["contributor", "editor", "reviewer"]);
    expect(first.demoAccounts.map((a) => a.email).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
    const passwords = first.demoAccounts.map((a) => a.password!);
    for (const p of passwords) expect(p).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(new Set(passwords).size).toBe(3);
    expect(passwords).not.toContain(OLD_SHARED_PASSWORD);
    for (const account of first.demoAccounts) {
      const user = users.find((u) => u.email === account.email)!;
      expect(await verifyPassword(user.passwordHash, account.password!)).toBe(true);
      // Not another account's.
      for (const other of first.demoAccounts.filter((a) => a !== account)) expect(await verifyPassword(user.passwordHash, other.password!)).toBe(false);
    }
    const banner = describeSignIn(first, "http://localhost:3000");
    for (const account of first.demoAccounts) expect(banner).toMatch(new RegExp(`${account.role}\\s+${account.email.replace(/\./g, "\\.")}\\s+password: ${account.password}`));
    expect(banner).toContain("CLAIMBASE_DEMO=false");
  });

  it("lets the demo accounts sign in with their own password, and not with the old shared one", async () => {
    for (const account of first.demoAccounts) {
      expect((await signIn(db, account.email, account.password!))?.email).toBe(account.email);
      expect(await signIn(db, account.email, OLD_SHARED_PASSWORD)).toBeNull();
    }
  });

  it("loads 7 direct and 6 indirect quotes whose text is the snapshot at their offsets", async () => {
    const quotes = await db.quote.findMany({ include: { appearances: { include: { source: true } } } });
    expect(quotes.filter((q) => q.kind === "direct")).toHaveLength(7);
    expect(quotes.filter((q) => q.kind === "indirect")).toHaveLength(6);
    for (const q of quotes) {
      expect(q.appearances).toHaveLength(1);
      const a = q.appearances[0]!;
      expect(a.source.snapshotText!.slice(a.start, a.end)).toBe(q.text);
    }
    const translated = await db.quoteTranslation.findMany({ where: { language: "en" }, include: { quote: true } });
    expect(translated.map((t) => t.quote.kind).sort()).toEqual(Array(7).fill("direct"));
  });

  it("keeps the article's snapshot with its hash, and its ingested Article", async () => {
    const article = await db.article.findFirstOrThrow({ include: { source: true } });
    expect(article.status).toBe("reviewed");
    expect(article.source?.snapshotText).toBe(article.text);
    expect(article.source?.contentHash).toBe(article.contentHash);
    expect(article.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("nests Putin's words (q3) inside Trump's quote (q2), reported by Trump", async () => {
    const trump = await db.speaker.findUniqueOrThrow({ where: { slug: "donald-trump" } });
    const putin = await db.speaker.findUniqueOrThrow({ where: { slug: "wladimir-putin" } });
    const q2 = await db.quote.findFirstOrThrow({ where: { text: { startsWith: "Jedes Mal, wenn er mich sieht" } } });
    const q3 = await db.quote.findFirstOrThrow({ where: { text: "Ich habe das nicht gemacht" } });
    expect(q3.parentId).toBe(q2.id);
    expect(q3.speakerId).toBe(putin.id);
    expect(q3.reportedById).toBe(trump.id);
    expect(q2.parentId).toBeNull();
    expect(await db.quote.count({ where: { parentId: { not: null } } })).toBe(1);
  });

  it("gives the speakers their aliases and roles", async () => {
    const speakers = await db.speaker.findMany({ include: { aliases: true, roles: true } });
    const bySlug = new Map(speakers.map((s) => [s.slug, s]));
    const aliases = (slug: string) => bySlug.get(slug)?.aliases.map((a) => a.alias).sort();
    expect(aliases("wladimir-putin")).toEqual(["Kremlchef", "Putin", "Vladimir Putin"]);
    expect(aliases("donald-trump")).toEqual(["Trump"]);
    expect(aliases("dmitri-peskow")).toEqual(["Dmitry Peskov", "Kremlsprecher Dmitri Peskow", "Peskow"]);
    expect(bySlug.get("nachrichtenagentur")?.kind).toBe("publication");
    expect(bySlug.get("wladimir-putin")?.wikidataId).toBe("Q7747");
    const trumpRole = bySlug.get("donald-trump")?.roles.find((r) => r.endDate !== null);
    expect(trumpRole?.title).toBe("Präsident der USA");
    expect(trumpRole?.startDate?.toISOString().slice(0, 10)).toBe("2017-01-20");
    for (const s of speakers) expect(s.bio).toBeTruthy();
  });

  it("loads the 8 annotated claims and one made from a quote, in every stage of the workflow", async () => {
    const claims = await db.claim.findMany({
      include: { passages: { include: { source: true } }, quotes: { include: { quote: true } } },
    });
    expect(claims).toHaveLength(9);
    for (const status of ["draft", "in_research", "in_review", "published"] as const) {
      expect(claims.filter((c) => c.status === status).length).toBeGreaterThanOrEqual(1);
    }
    for (const c of claims) {
      // The passage reads the claim (a sentence of the article) or the quote it is made from.
      const p = c.passages[0]!;
      const words = p.source.snapshotText!.slice(p.start, p.end);
      expect([c.text, ...c.quotes.map((q) => q.quote.text)]).toContain(words);
      expect(c.claimantId).not.toBeNull();
    }
    expect(claims.filter((c) => c.passages[0]!.source.snapshotText!.slice(c.passages[0]!.start, c.passages[0]!.end) !== c.text)).toHaveLength(1);
    const c1 = claims.find((c) => c.text.includes("95 Prozent"))!;
    expect(c1.quantityValue?.toString()).toBe("95");
    expect(c1.quantityUnit).toBe("percent");
    expect(c1.quantityAsOf).toBe("2017-11");
    // Nothing unpublished shows a public verdict.
    for (const c of claims.filter((c) => c.status !== "published")) {
      expect(c.publishedVerdictId).toBeNull();
      expect(c.publishedSummary).toBeNull();
      expect(c.publishedAt).toBeNull();
    }
  });

  it("publishes at least three claims, among them the 95-percent claim, each approved by a second person", async () => {
    const published = await db.claim.findMany({
      where: { status: "published" },
      include: { evidence: true, reviewDecisions: true },
    });
    expect(published.length).toBeGreaterThanOrEqual(3);
    expect(published.some((c) => c.text.includes("95 Prozent"))).toBe(true);
    for (const c of published) {
      expect(c.publishedVerdictId).toBeTruthy();
      expect(c.publishedVerdictId).toBe(c.verdictId);
      expect(c.publishedSummary).toBeTruthy();
      expect(c.publishedAnalysis).toBeTruthy();
      expect(c.publishedAt).not.toBeNull();
      expect(c.evidence.length).toBeGreaterThanOrEqual(1);
      const approvals = c.reviewDecisions.filter((r) => r.outcome === "approved");
      expect(approvals.length).toBeGreaterThanOrEqual(1);
      for (const r of approvals) {
        expect(r.reviewerId).toBeTruthy();
        expect(r.reviewerId).not.toBe(c.verdictAuthorId);
      }
      // Through the workflow: submitted by the verdict's author, then approved by the reviewer.
      const steps = await db.revision.findMany({ where: { entityType: "Claim", entityId: c.id, action: "transition" }, orderBy: { id: "asc" } });
      expect(steps.map((r) => r.changes)).toMatchObject([
        { status: { before: "draft", after: "in_review" } },
        { status: { before: "in_review", after: "published" }, publicState: { before: null, after: "published" } },
      ]);
      expect(steps[0]!.userId).toBe(c.verdictAuthorId);
      expect(steps[1]!.userId).toBe(approvals[0]!.reviewerId);
    }
  });

  it("publishes claims from quotes of Trump and of Putin: their pages list the quotes, the claim pages show them in context", async () => {
    const article = await db.article.findFirstOrThrow({ include: { source: true } });
    const shownBy: Record<string, PublicClaim[]> = {};
    for (const slug of ["donald-trump", "wladimir-putin"]) {
      // The speaker's public page lists the quotes ("Zitate (n)", n > 0), among them direct
      // quotes the speaker said (Trump's page also lists q3, which he reports).
      const page = await getPublicSpeakerPage(slug, {}, db);
      expect(page, slug).not.toBeNull();
      expect(page!.quotes.total, slug).toBeGreaterThanOrEqual(1);
      const said = page!.quotes.items.filter((q) => q.speaker.slug === slug && q.kind === "direct");
      expect(said.length, slug).toBeGreaterThanOrEqual(1);
      expect((await getPublicSpeaker(slug, {}, db))!.quotes.total, slug).toBe(page!.quotes.total);
      // Each is on a published claim, whose page shows it where it stands in the article.
      const claimSlugs = [...new Set(said.flatMap((q) => q.claims.map((c) => c.slug)))];
      expect(claimSlugs.length, slug).toBeGreaterThanOrEqual(1);
      shownBy[slug] = [];
      for (const claimSlug of claimSlugs) {
        const claim = await getPublicClaim(claimSlug, db);
        expect(claim?.status, claimSlug).toBe("published");
        const own = claim!.quotes.filter((q) => q.speaker.slug === slug && q.kind === "direct");
        expect(own.length, claimSlug).toBeGreaterThanOrEqual(1);
        for (const q of own) {
          expect(q.appearances.length).toBeGreaterThanOrEqual(1);
          for (const a of q.appearances) {
            expect(a.source.title).toBe(article.title);
            expect(a.context, q.text).not.toBeNull();
            expect(a.context!.passage).toBe(q.text);
            expect(a.context!.before.length).toBeGreaterThan(0);
            expect(article.source!.snapshotText).toContain(`${a.context!.before}${a.context!.passage}${a.context!.after}`);
          }
        }
        shownBy[slug].push(claim!);
      }
    }
    // Among them a claim of each president's own, with a verdict, a summary and evidence.
    for (const slug of ["donald-trump", "wladimir-putin"]) {
      const own = shownBy[slug]!.filter((c) => c.claimant?.slug === slug);
      expect(own.length, slug).toBeGreaterThanOrEqual(1);
      for (const c of own) {
        expect(c.verdict).not.toBeNull();
        expect(c.summary).toBeTruthy();
        expect(c.analysis).toBeTruthy();
        expect(c.evidence.length).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it("keeps the in-review proposal private and a rejected review on record", async () => {
    const inReview = await db.claim.findFirstOrThrow({ where: { status: "in_review" }, include: { evidence: true, comments: true } });
    expect(inReview.verdictId).toBeTruthy();
    expect(inReview.summary).toBeTruthy();
    expect(inReview.verdictAuthorId).toBeTruthy();
    expect(inReview.evidence.length).toBeGreaterThanOrEqual(1);
    expect(inReview.comments.length).toBeGreaterThanOrEqual(1);
    const rejected = await db.reviewDecision.findFirstOrThrow({ where: { outcome: "rejected" }, include: { claim: true } });
    expect(rejected.note).toMatch(/Quelle fehlt/);
    expect(rejected.claim.status).toBe("in_research");
  });

  it("points every evidence excerpt at its place in the source's snapshot", async () => {
    const evidence = await db.evidence.findMany({ include: { source: true } });
    expect(evidence.length).toBeGreaterThanOrEqual(3);
    for (const e of evidence) {
      expect(e.start).not.toBeNull();
      expect(e.source.snapshotText!.slice(e.start!, e.end!)).toBe(e.excerpt);
      expect(e.source.contentHash).toMatch(/^[0-9a-f]{64}$/);
    }
    const c1 = await db.claim.findFirstOrThrow({ where: { text: { contains: "95 Prozent" } }, include: { passages: true } });
    const context = evidence.find((e) => e.claimId === c1.id && e.stance === "context");
    expect(context?.sourceId).toBe(c1.passages[0]!.sourceId);
  });

  it("links claims to the quotes with the same words", async () => {
    const links = await db.claimQuote.findMany({ include: { claim: true, quote: true } });
    const sameText = links.filter((l) => l.claim.text === l.quote.text);
    expect(sameText).toHaveLength(2); // c4 ↔ i3, c8 ↔ i1
  });

  it("records a create revision for every editorial record, by a demo user", async () => {
    const demoUserIds = new Set((await db.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } } })).map((u) => u.id));
    const entities: [string, { id: string }[]][] = [
      ["Speaker", await db.speaker.findMany({ select: { id: true } })],
      ["Source", await db.source.findMany({ select: { id: true } })],
      ["Quote", await db.quote.findMany({ select: { id: true } })],
      ["Claim", await db.claim.findMany({ select: { id: true } })],
      ["Evidence", await db.evidence.findMany({ select: { id: true } })],
    ];
    for (const [entityType, rows] of entities) {
      const revisions = await db.revision.findMany({ where: { entityType, action: "create" } });
      expect(new Set(revisions.map((r) => r.entityId))).toEqual(new Set(rows.map((r) => r.id)));
      for (const r of revisions) expect(demoUserIds.has(r.userId!)).toBe(true);
    }
  });

  it("adds nothing on a second start, and prints no password again", async () => {
    const before = await counts(db);
    const report = await bootstrap(db, settings);
    expect(report.demoLoaded).toBe(false);
    expect(report.demoPresent).toBe(true);
    expect(report.demoAccounts.map((a) => a.password)).toEqual([null, null, null]);
    const banner = describeSignIn(report, "http://localhost:3000");
    for (const account of first.demoAccounts) expect(banner).not.toContain(account.password!);
    expect(banner).toContain("redaktion@claimbase.local");
    expect(await counts(db)).toEqual(before);
  });

  it("gives a demo account still on the old shared password (an earlier version's install) its own at the next start", async () => {
    const editor = await db.user.findUniqueOrThrow({ where: { email: "redaktion@claimbase.local" } });
    await db.user.update({ where: { id: editor.id }, data: { passwordHash: await hashPassword(OLD_SHARED_PASSWORD), passwordChangedAt: null } });
    const report = await bootstrap(db, settings);
    const replaced = report.demoAccounts.find((a) => a.email === editor.email)!;
    expect(replaced.password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(report.demoAccounts.filter((a) => a.password !== null)).toHaveLength(1);
    const after = await db.user.findUniqueOrThrow({ where: { id: editor.id } });
    expect(await verifyPassword(after.passwordHash, OLD_SHARED_PASSWORD)).toBe(false);
    expect(await verifyPassword(after.passwordHash, replaced.password!)).toBe(true);
    // Sessions signed in with the known password end.
    expect(after.passwordChangedAt).not.toBeNull();
    expect(describeSignIn(report, "http://localhost:3000")).toContain(replaced.password!);
    expect(await signIn(db, editor.email, OLD_SHARED_PASSWORD)).toBeNull();
  });
});

describe("demo accounts for tests, and switched off", () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase();
  });

  afterAll(async () => {
    await t?.stop();
  });

  it("get CLAIMBASE_DEMO_PASSWORD when it is set (the browser tests), and are switched off by db:seed --disable-demo-accounts", async () => {
    const withPassword = loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123", CLAIMBASE_DEMO_PASSWORD: "e2e-demo-password" });
    const report = await bootstrap(t.db, withPassword);
    expect(report.demoLoaded).toBe(true);
    expect(report.demoPasswordFromEnv).toBe(true);
    expect(report.demoAccounts.map((a) => a.password)).toEqual([null, null, null]);
    expect(describeSignIn(report, "http://localhost:3000")).toContain("password: the value of CLAIMBASE_DEMO_PASSWORD");
    for (const u of DEMO_USERS) expect((await signIn(t.db, u.email, "e2e-demo-password"))?.email).toBe(u.email);

    expect((await disableDemoAccounts(t.db, withPassword)).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
    const users = await t.db.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } } });
    expect(users.every((u) => !u.active && u.passwordChangedAt !== null)).toBe(true);
    expect(await t.db.auditEvent.count({ where: { action: "user.deactivated", userId: { in: users.map((u) => u.id) } } })).toBe(3);
    for (const u of DEMO_USERS) expect(await signIn(t.db, u.email, "e2e-demo-password")).toBeNull();
    // Their work stays; the banner no longer offers them; a second run finds nothing to do.
    const again = await bootstrap(t.db, withPassword);
    expect(again.demoPresent).toBe(false);
    expect(again.demoAccounts).toEqual([]);
    expect(describeSignIn(again, "http://localhost:3000")).not.toContain("demo accounts");
    expect(await t.db.claim.count()).toBeGreaterThan(0);
    expect(await disableDemoAccounts(t.db, withPassword)).toEqual([]);
  });
});

describe("bootstrap without the demo data", () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase();
  });

  afterAll(async () => {
    await t?.stop();
  });

  it("creates only the admin and the verdict scale", async () => {
    const report = await bootstrap(t.db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123", CLAIMBASE_DEMO: "false" }));
    expect(report.demoLoaded).toBe(false);
    expect(report.demoPresent).toBe(false);
    const users = await t.db.user.findMany();
    expect(users.map((u) => u.role)).toEqual(["admin"]);
    const c = await counts(t.db);
    expect(c).toMatchObject({ speakers: 0, claims: 0, quotes: 0, sources: 0, evidence: 0, revisions: 0, labels: 7 });
  });
});
