// No private field on the public site (issue 4, point 8; domain.md "Public vs. private").
//
// The spec plants a unique token in EVERY private field, straight into the running app's
// database (the embedded PostgreSQL server of the data folder): a draft claim, a
// claim in research, a claim in review, the working columns of a published claim, a review
// comment, a rejected review decision with its rejected verdict, a pending correction, a user,
// an audit event, a revision, unpublished quotes (one by a public speaker, reported by
// another), a speaker with only private items, a private source, an ingested article. Then it
// fetches every public URL anonymously, as HTML and as RSC payload (`RSC: 1` and `?_rsc=1`),
// and asserts that the token is in none of the responses (200 and 404 alike; pages still being
// built are fetched anyway). A signed-in editor does see the planted values in the newsroom,
// which shows that the check looks at the data the app really serves.
//
// Nothing is published: every planted row is non-public by the rule of lib/public. Everything
// planted is deleted at the end, and the published claim's working columns are restored.
import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { EDITOR, signIn } from "./desk";
import { createPrismaClient, type Db } from "../lib/db/client";
import { findRunningServer } from "../lib/db/embedded";
import { E2E_DATA_DIR } from "../playwright.config";

// The token in every private value; it must appear in no public response. Planted values read
// "Leckprobe <RUN> <field>", so a leak names its field. "Leckprobe" is the word the search
// pages are asked for: the echo of the query then carries no token.
const RUN = randomBytes(6).toString("hex");
const WORD = "Leckprobe";
const mark = (field: string) => `${WORD} ${RUN} ${field}`;
// Private slugs carry a second token: a 404 page for a requested URL may echo that URL, so the
// slug token only counts in responses to other URLs.
const SLUG_RUN = randomBytes(6).toString("hex");
const slug = (what: string) => `probe-${SLUG_RUN}-${what}`;
const id = (what: string) => `probe${RUN}${what}`;

interface Planted {
  publishedClaimId: string;
  restore: { summary: string | null; analysis: string | null; researchNotes: string | null; verdictId: string | null; assigneeId: string | null };
  draftClaimId: string;
  userId: string;
  auditEventId: bigint;
  revisionId: bigint;
}

async function databaseUrl(): Promise<string> {
  const running = await findRunningServer(E2E_DATA_DIR);
  if (!running) throw new Error(`No embedded database server runs on ${E2E_DATA_DIR}`);
  return running.url;
}

async function plant(db: Db): Promise<Planted> {
  const published = await db.claim.findFirstOrThrow({
    where: { status: "published", publicState: "published" },
    orderBy: { publishedAt: "desc" },
    select: { id: true, summary: true, analysis: true, researchNotes: true, verdictId: true, assigneeId: true, claimantId: true },
  });
  // Speakers that are public: the claimant of a public claim, and a speaker of a public quote.
  const publicSpeaker = await db.speaker.findFirstOrThrow({ where: { claims: { some: { publicState: { not: null } } } } });
  const otherPublicSpeaker =
    (await db.speaker.findFirst({
      where: { id: { not: publicSpeaker.id }, quotes: { some: { claims: { some: { claim: { publicState: { not: null } } } } } } },
    })) ?? publicSpeaker;
  const publicTopic = await db.topic.findFirstOrThrow({ where: { claims: { some: { claim: { publicState: { not: null } } } } } });

  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        id: id("user"),
        email: `leckprobe-${RUN}@example.test`,
        name: mark("user-name"),
        passwordHash: `not-a-hash-${RUN}`,
        role: "contributor",
      },
    });
    // A rejected verdict: a label that is not on the active scale.
    const label = await tx.verdictLabel.create({
      data: {
        id: id("label"),
        key: `probe-${RUN}`,
        nameDe: mark("rejected-verdict-de"),
        nameEn: mark("rejected-verdict-en"),
        explanationDe: mark("rejected-verdict-explanation-de"),
        explanationEn: mark("rejected-verdict-explanation-en"),
        ratingValue: 3,
        position: 999,
        active: false,
      },
    });
    const speaker = await tx.speaker.create({
      data: {
        id: id("speaker"),
        slug: slug("speaker"),
        name: mark("private-speaker-name"),
        kind: "person",
        bio: mark("private-speaker-bio"),
        aliases: { create: { id: id("alias"), alias: mark("private-speaker-alias") } },
        roles: { create: { id: id("role"), title: mark("private-speaker-role") } },
      },
    });
    const source = await tx.source.create({
      data: {
        id: id("source"),
        title: mark("private-source-title"),
        url: `https://example.test/${RUN}/private-source`,
        publisher: mark("private-source-publisher"),
        snapshotText: `${mark("private-source-text")} und mehr Text.`,
      },
    });
    await tx.article.create({
      data: {
        id: id("article"),
        title: mark("article-title"),
        rawContent: mark("article-raw"),
        text: mark("article-text"),
        contentHash: `hash-${RUN}`,
        createdById: user.id,
      },
    });
    const quote = await tx.quote.create({
      data: {
        id: id("quote"),
        speakerId: speaker.id,
        text: mark("private-quote-text"),
        occasion: mark("private-quote-occasion"),
        reportedById: otherPublicSpeaker.id,
        translations: { create: { id: id("translation"), language: "en", text: mark("private-quote-translation") } },
        appearances: { create: { id: id("appearance"), sourceId: source.id, start: 0, end: 10 } },
      },
    });
    // A quote of a public speaker that no public claim uses.
    await tx.quote.create({
      data: { id: id("quote2"), speakerId: publicSpeaker.id, text: mark("public-speaker-private-quote"), reportedById: otherPublicSpeaker.id },
    });

    const draft = await tx.claim.create({
      data: {
        id: id("draft"),
        slug: slug("draft"),
        text: mark("draft-text"),
        status: "draft",
        claimantId: speaker.id,
        summary: mark("draft-summary"),
        analysis: mark("draft-analysis"),
        researchNotes: mark("draft-notes"),
        verdictId: label.id,
        createdById: user.id,
        assigneeId: user.id,
        verdictAuthorId: user.id,
        quantityUnit: mark("draft-quantity-unit"),
        topics: { create: { topicId: publicTopic.id } },
      },
    });
    await tx.claim.create({
      data: {
        id: id("research"),
        slug: slug("research"),
        text: mark("research-text"),
        status: "in_research",
        claimantId: publicSpeaker.id,
        researchNotes: mark("research-notes"),
        topics: { create: { topicId: publicTopic.id } },
        quotes: { create: { quoteId: quote.id } },
        evidence: {
          create: { id: id("evidence"), sourceId: source.id, stance: "refutes", excerpt: mark("evidence-excerpt"), note: mark("evidence-note") },
        },
      },
    });
    await tx.claim.create({
      data: {
        id: id("review"),
        slug: slug("review"),
        text: mark("review-text"),
        status: "in_review",
        claimantId: publicSpeaker.id,
        verdictId: label.id,
        summary: mark("review-summary"),
        analysis: mark("review-analysis"),
        verdictAuthorId: user.id,
      },
    });

    // The working (unapproved) columns of a published claim.
    await tx.claim.update({
      where: { id: published.id },
      data: {
        summary: mark("published-working-summary"),
        analysis: mark("published-working-analysis"),
        researchNotes: mark("published-research-notes"),
        verdictId: label.id,
        assigneeId: user.id,
      },
    });
    await tx.claimComment.create({ data: { id: id("comment"), claimId: published.id, authorId: user.id, body: mark("comment") } });
    await tx.reviewDecision.create({
      data: {
        id: id("decision"),
        claimId: published.id,
        reviewerId: user.id,
        outcome: "rejected",
        verdictId: label.id,
        summary: mark("rejected-summary"),
        note: mark("rejected-note"),
      },
    });
    await tx.correction.create({
      data: {
        id: id("correction"),
        claimId: published.id,
        kind: "correction",
        note: mark("pending-correction-note"),
        previousVerdictId: label.id,
        previousSummary: mark("pending-correction-previous-summary"),
        authorId: user.id,
      },
    });
    const audit = await tx.auditEvent.create({
      data: { action: "probe.leak", userId: user.id, email: user.email, ip: "192.0.2.1", details: { note: mark("audit-details") } },
    });
    const revision = await tx.revision.create({
      data: {
        entityType: "Claim",
        entityId: published.id,
        action: "update",
        version: 999,
        userId: user.id,
        changes: { summary: { before: null, after: mark("revision-changes") } },
      },
    });

    return {
      publishedClaimId: published.id,
      restore: {
        summary: published.summary,
        analysis: published.analysis,
        researchNotes: published.researchNotes,
        verdictId: published.verdictId,
        assigneeId: published.assigneeId,
      },
      draftClaimId: draft.id,
      userId: user.id,
      auditEventId: audit.id,
      revisionId: revision.id,
    };
  });
}

async function cleanUp(db: Db, planted: Planted): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.claim.update({ where: { id: planted.publishedClaimId }, data: planted.restore });
    await tx.auditEvent.deleteMany({ where: { id: planted.auditEventId } });
    await tx.revision.deleteMany({ where: { id: planted.revisionId } });
    await tx.claimComment.deleteMany({ where: { id: id("comment") } });
    await tx.reviewDecision.deleteMany({ where: { id: id("decision") } });
    await tx.correction.deleteMany({ where: { id: id("correction") } });
    // Claims cascade to their topics, quotes links, evidence and comments.
    await tx.claim.deleteMany({ where: { id: { in: [id("draft"), id("research"), id("review")] } } });
    await tx.quote.deleteMany({ where: { id: { in: [id("quote"), id("quote2")] } } });
    await tx.article.deleteMany({ where: { id: id("article") } });
    await tx.source.deleteMany({ where: { id: id("source") } });
    await tx.speaker.deleteMany({ where: { id: id("speaker") } });
    await tx.verdictLabel.deleteMany({ where: { id: id("label") } });
    await tx.user.deleteMany({ where: { id: planted.userId } });
  });
}

// ---------------------------------------------------------------------------------------

interface Fetched {
  url: string;
  status: number;
  body: string;
}

/** The planted values found in a response: the field names after the token. */
function leaksIn(response: Fetched): string[] {
  const body = response.body.toLowerCase();
  const found = new Set<string>();
  for (const m of body.matchAll(new RegExp(`${RUN}\\s+([a-z0-9-]+)`, "g"))) found.add(m[1]!);
  if (body.includes(RUN) && found.size === 0) found.add("(token)");
  // A private slug counts unless the URL asked for it (a 404 page may echo its own URL).
  if (!response.url.includes(SLUG_RUN) && body.includes(SLUG_RUN)) found.add("(private slug)");
  return [...found];
}

async function fetchAll(request: APIRequestContext, urls: string[], headers: Record<string, string> = {}): Promise<Fetched[]> {
  const out: Fetched[] = [];
  for (const url of urls) {
    const response = await request.get(url, { headers, maxRedirects: 5 });
    out.push({ url, status: response.status(), body: await response.text() });
  }
  return out;
}

function rscUrl(url: string): string {
  return `${url}${url.includes("?") ? "&" : "?"}_rsc=1`;
}

// Not serial: a failing check does not skip the others. After a failure Playwright starts a
// new worker, whose beforeAll plants a new token (the old worker's afterAll cleaned up).
test.describe("no private field on the public site", () => {
  let db: Db;
  let planted: Planted | undefined;
  let pages: string[] = [];
  let other: string[] = [];

  test.beforeAll(async ({}, testInfo) => {
    const baseURL = String(testInfo.project.use.baseURL);
    db = createPrismaClient(await databaseUrl(), 2);
    planted = await plant(db);

    const [claims, speakers, topics] = await Promise.all([
      db.claim.findMany({ select: { slug: true } }), // public and private: private ones must 404
      db.speaker.findMany({ select: { slug: true } }),
      db.topic.findMany({ select: { slug: true } }),
    ]);
    const publicClaims = await db.claim.findMany({ where: { publicState: { not: null } }, select: { slug: true } });
    const enc = encodeURIComponent;
    pages = [
      "/",
      "/?page=2",
      "/methodology",
      "/corrections",
      "/topics",
      "/speakers",
      "/search",
      `/search?q=${WORD}`,
      `/search?q=${WORD.toLowerCase()}&type=claims`,
      `/search?q=${WORD}&type=speakers`,
      `/search?q=${WORD}&type=quotes`,
      ...claims.map((c) => `/claims/${enc(c.slug)}`),
      ...claims.map((c) => `/embed/claims/${enc(c.slug)}`),
      ...speakers.map((s) => `/speakers/${enc(s.slug)}`),
      ...topics.map((t) => `/topics/${enc(t.slug)}`),
    ];
    other = [
      "/feed.xml",
      "/sitemap.xml",
      "/robots.txt",
      // Every claim page URL, public (200) and private (404).
      ...claims.map((c) => `/api/oembed?format=json&maxwidth=400&url=${enc(`${baseURL}/claims/${enc(c.slug)}`)}`),
      `/api/oembed?format=xml&url=${enc(`${baseURL}/claims/${enc(slug("draft"))}`)}`,
      // The public API (docs/api.md; tests/integration/api-leak.test.ts checks it route by route
      // with more planted values): its lists, every claim URL, its searches and the feeds.
      "/api/v1/claims?limit=100",
      "/api/v1/speakers?limit=100",
      "/api/v1/quotes?limit=100",
      "/api/v1/topics?limit=100",
      `/api/v1/search?q=${WORD}`,
      `/api/v1/claims:search?query=${WORD}`,
      "/api/v1/claimreview-feed.json",
      "/api/v1/claimreview-feed.json?lang=en",
      ...claims.map((c) => `/api/v1/claims/${enc(c.slug)}`),
      `/api/v1/speakers/${enc(slug("speaker"))}`,
    ];
    expect(publicClaims.length).toBeGreaterThan(0);
  });

  test.afterAll(async () => {
    if (planted) await cleanUp(db, planted);
    await db?.$disconnect();
  });

  test("the planted values are in the database the app serves (an editor sees them)", async ({ page }) => {
    await signIn(page, EDITOR);
    // The workspace shows the text and notes on its first tab, the summary on the Verdict tab.
    let html = "";
    for (const tab of ["", "?tab=verdict"]) {
      const response = await page.goto(`/admin/claims/${planted!.draftClaimId}${tab}`);
      expect(response?.status()).toBe(200);
      html += await page.content();
    }
    for (const field of ["draft-text", "draft-notes", "draft-summary"]) expect(html).toContain(mark(field));
  });

  test("pages: HTML", async ({ request }) => {
    const responses = await fetchAll(request, pages);
    const byStatus = new Map<number, number>();
    for (const r of responses) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    const counts = [...byStatus].map(([status, n]) => `${n} × ${status}`).join(", ");
    test.info().annotations.push({ type: "fetched", description: `${responses.length} pages: ${counts}` });
    console.log(`fetched ${responses.length} pages: ${counts}`);
    const leaks = responses.flatMap((r) => leaksIn(r).map((field) => `${r.url} (${r.status}): ${field}`));
    expect(leaks).toEqual([]);
    // The check is not vacuous: public claim pages render, private ones do not exist.
    const publicPage = responses.find((r) => r.url.startsWith("/claims/") && r.status === 200);
    expect(publicPage, "no public claim page answered 200").toBeDefined();
    for (const what of ["draft", "research", "review"]) {
      expect(responses.find((r) => r.url === `/claims/${slug(what)}`)?.status, what).toBe(404);
      expect(responses.find((r) => r.url === `/embed/claims/${slug(what)}`)?.status, what).toBe(404);
    }
    expect(responses.find((r) => r.url === `/speakers/${slug("speaker")}`)?.status).toBe(404);
  });

  test("pages: RSC payloads (RSC: 1 header and ?_rsc=1)", async ({ request }) => {
    const withHeader = await fetchAll(request, pages, { RSC: "1" });
    const withQuery = await fetchAll(request, pages.map(rscUrl), { RSC: "1" });
    const plainQuery = await fetchAll(request, pages.map(rscUrl));
    const leaks = [...withHeader, ...withQuery, ...plainQuery].flatMap((r) => leaksIn(r).map((field) => `${r.url} (${r.status}): ${field}`));
    expect(leaks).toEqual([]);
    // The header really gave a flight payload, not HTML.
    const payload = withHeader.find((r) => r.url === "/");
    expect(payload?.body.trimStart().startsWith("<")).toBe(false);
  });

  test("feed, sitemap, robots.txt, oEmbed and the public API", async ({ request }) => {
    const responses = await fetchAll(request, other);
    const leaks = responses.flatMap((r) => leaksIn(r).map((field) => `${r.url} (${r.status}): ${field}`));
    expect(leaks).toEqual([]);
    expect(responses.find((r) => r.url === "/feed.xml")?.status).toBe(200);
    expect(responses.find((r) => r.url === "/sitemap.xml")?.status).toBe(200);
    expect(responses.some((r) => r.url.startsWith("/api/oembed") && r.status === 200), "no oEmbed answer for a public claim").toBe(true);
    expect(responses.find((r) => r.url === "/api/v1/claims?limit=100")?.status).toBe(200);
    expect(responses.find((r) => r.url === `/api/v1/claims/${slug("draft")}`)?.status).toBe(404);
  });
});
