// No private field in any answer of the public API or any export (issue 14 point 5; domain.md
// "Public vs. private"), as e2e/no-private-leak.spec.ts checks the pages: a token is planted in
// every private value (a draft, a claim in research with evidence, a claim in review, the working
// columns of a published claim, a working edit of one of its quotes, translations and sources
// that was never approved, a working topic never approved, a rejected review, a pending
// correction, a comment, a user and their e-mail address, an audit event, a revision, a speaker
// with only private items, an unpublished quote of a public speaker, other organisations'
// fact-checks that are not linked, linked but waiting for approval, or changed by a re-import
// after their approval), then every API route is called (every list walked to its end, every
// slug of the database asked for, searches for the planted word, the Fact Check Tools search for
// each publisher site, both feeds, the OpenAPI document and its page) and every export made, and
// the token must be in none of them. The check is not vacuous: public items answer 200 with
// their approved values, and the planted private ones answer 404.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { apiGet, deskActors, linkExternal } from "../helpers/api";
import { bootstrap } from "../../lib/seed/bootstrap";
import { loadSettings } from "../../lib/config";
import { EXPORT_FORMATS, EXPORT_KINDS, exportChunks } from "../../lib/export";
import { publicClaimWhere } from "../../lib/public";
import { readPublishedContent } from "../../lib/editorial/publication";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string }; sid: string } }));
vi.mock("../../lib/auth/auth", () => ({
  auth: vi.fn(async () => session.current),
  signIn: vi.fn(async () => undefined),
  signOut: vi.fn(async () => undefined),
  handlers: { GET: vi.fn(), POST: vi.fn() },
}));

const RUN = randomBytes(6).toString("hex");
const WORD = "Leckprobe";
const mark = (field: string) => `${WORD} ${RUN} ${field}`;
// Private slugs carry their own token: a response may echo a parameter it was asked with.
const SLUG_RUN = randomBytes(6).toString("hex");
const slug = (what: string) => `probe-${SLUG_RUN}-${what}`;
const EMAIL = `leckprobe-${RUN}@example.test`;

let t: TestDatabase;
let published: { id: string; slug: string; approvedQuote: string; approvedSummary: string | null };

interface Fetched {
  url: string;
  status: number;
  body: string;
}

const fetched: Fetched[] = [];

async function get(url: string): Promise<Fetched> {
  const response = await apiGet(url);
  const out = { url, status: response.status, body: await response.text() };
  fetched.push(out);
  return out;
}

function leaksIn(r: Fetched): string[] {
  const found = new Set<string>();
  for (const m of r.body.matchAll(new RegExp(`${RUN}\\s+([a-z0-9-]+)`, "g"))) found.add(m[1]!);
  if (r.body.includes(RUN) && found.size === 0) found.add("(token)");
  if (r.body.includes("leckprobe-")) found.add("(e-mail)");
  if (!decodeURIComponent(r.url).includes(SLUG_RUN) && r.body.includes(SLUG_RUN)) found.add("(private slug)");
  return [...found];
}

async function plant(): Promise<void> {
  const db = t.db;
  const actors = await deskActors(db);
  const claim = await db.claim.findFirstOrThrow({
    where: { ...publicClaimWhere, publishedQuotes: { some: {} } },
    orderBy: { slug: "asc" },
    select: { id: true, slug: true, publishedSummary: true, publication: { select: { content: true } } },
  });
  const content = readPublishedContent(claim.publication!.content);
  published = { id: claim.id, slug: claim.slug, approvedQuote: content.quotes[0]!.text, approvedSummary: claim.publishedSummary };
  const publicSpeaker = await db.speaker.findFirstOrThrow({ where: { claims: { some: publicClaimWhere } } });
  const publicTopic = await db.topic.findFirstOrThrow({ where: { publishedClaims: { some: { claim: publicClaimWhere } } } });

  const user = await db.user.create({ data: { email: EMAIL, name: mark("user-name"), passwordHash: `x-${RUN}`, role: "contributor" } });
  const label = await db.verdictLabel.create({
    data: {
      key: slug("label"),
      nameDe: mark("rejected-verdict-de"),
      nameEn: mark("rejected-verdict-en"),
      explanationDe: mark("rejected-verdict-explanation"),
      explanationEn: mark("rejected-verdict-explanation-en"),
      ratingValue: 3,
      position: 999,
      active: false,
    },
  });
  const speaker = await db.speaker.create({
    data: {
      slug: slug("speaker"),
      name: mark("private-speaker-name"),
      bio: mark("private-speaker-bio"),
      aliases: { create: { alias: mark("private-speaker-alias") } },
      roles: { create: { title: mark("private-speaker-role") } },
    },
  });
  const source = await db.source.create({
    data: { title: mark("private-source-title"), url: `https://example.test/${RUN}/private`, publisher: mark("private-source-publisher"), snapshotText: mark("private-source-text") },
  });
  const quote = await db.quote.create({
    data: { speakerId: speaker.id, text: mark("private-quote-text"), occasion: mark("private-quote-occasion"), reportedById: publicSpeaker.id },
  });
  await db.quote.create({ data: { speakerId: publicSpeaker.id, text: mark("public-speaker-private-quote") } });
  const privateTopic = await db.topic.create({ data: { slug: slug("topic"), nameDe: mark("private-topic-de"), nameEn: mark("private-topic-en") } });

  await db.claim.create({
    data: {
      slug: slug("draft"),
      text: mark("draft-text"),
      status: "draft",
      claimantId: speaker.id,
      summary: mark("draft-summary"),
      analysis: mark("draft-analysis"),
      researchNotes: mark("draft-notes"),
      verdictId: label.id,
      createdById: user.id,
      topics: { create: [{ topicId: publicTopic.id }, { topicId: privateTopic.id }] },
    },
  });
  await db.claim.create({
    data: {
      slug: slug("research"),
      text: mark("research-text"),
      status: "in_research",
      claimantId: publicSpeaker.id,
      researchNotes: mark("research-notes"),
      quotes: { create: { quoteId: quote.id } },
      evidence: { create: { sourceId: source.id, stance: "refutes", excerpt: mark("evidence-excerpt"), note: mark("evidence-note") } },
    },
  });
  await db.claim.create({
    data: {
      slug: slug("review"),
      text: mark("review-text"),
      status: "in_review",
      claimantId: publicSpeaker.id,
      verdictId: label.id,
      summary: mark("review-summary"),
      verdictAuthorId: user.id,
    },
  });

  // The working record of a published claim, edited and never approved.
  await db.claim.update({
    where: { id: claim.id },
    data: {
      summary: mark("published-working-summary"),
      analysis: mark("published-working-analysis"),
      researchNotes: mark("published-research-notes"),
      quantityUnit: mark("published-quantity-unit"),
      verdictId: label.id,
      assigneeId: user.id,
      topics: { create: { topicId: privateTopic.id } },
    },
  });
  const workingQuote = content.quotes[0]!;
  await db.quote.update({ where: { id: workingQuote.quoteId }, data: { text: mark("working-quote-text"), occasion: mark("working-quote-occasion") } });
  await db.quoteTranslation.create({ data: { quoteId: workingQuote.quoteId, language: "fr", text: mark("working-quote-translation") } });
  for (const s of content.sources) await db.source.update({ where: { id: s.id }, data: { title: mark("working-source-title"), publisher: mark("working-source-publisher") } });
  await db.claimComment.create({ data: { claimId: claim.id, authorId: user.id, body: mark("comment") } });
  await db.reviewDecision.create({ data: { claimId: claim.id, reviewerId: user.id, outcome: "rejected", verdictId: label.id, summary: mark("rejected-summary"), note: mark("rejected-note") } });
  await db.correction.create({
    data: { claimId: claim.id, kind: "correction", note: mark("pending-correction-note"), previousVerdictId: label.id, previousSummary: mark("pending-previous-summary"), authorId: user.id },
  });
  await db.auditEvent.create({ data: { action: "probe.leak", userId: user.id, email: EMAIL, ip: "192.0.2.1", details: { note: mark("audit-details") } } });
  await db.revision.create({ data: { entityType: "Claim", entityId: claim.id, action: "update", version: 999, userId: user.id, changes: { summary: { before: null, after: mark("revision") } } } });

  // Other organisations' fact-checks: linked and approved, then changed by a re-import (the
  // approved fields stay public, the new ones wait); linked and waiting; not linked at all.
  const check = { claim: mark("external-claim-text"), reviewDate: "2026-11-02", language: "de" };
  const approvedId = await linkExternal(
    db,
    actors,
    claim.slug,
    { ...check, url: "https://approved.example.org/check", publisher: "Freigegebene Prüfstelle", site: "approved.example.org", title: "Freigegebener Titel", rating: "Falsch" },
    true,
  );
  await db.externalFactCheck.update({
    where: { id: approvedId },
    data: { title: mark("reimported-title"), textualRating: mark("reimported-rating"), publisherName: mark("reimported-publisher"), claimantName: mark("external-claimant") },
  });
  await linkExternal(
    db,
    actors,
    claim.slug,
    { ...check, url: `https://waiting.example.org/${RUN}`, publisher: mark("waiting-publisher"), site: "waiting.example.org", title: mark("waiting-title"), rating: mark("waiting-rating") },
    false,
  );
  await db.externalFactCheck.create({
    data: { key: `url:https://unlinked.example.org/${RUN}`, url: `https://unlinked.example.org/${RUN}`, publisherName: mark("unlinked-publisher"), claimText: mark("unlinked-claim"), publisherSite: "unlinked.example.org" },
  });
  session.current = { user: { id: actors.editor.id }, sid: "" };
}

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  process.env.CLAIMBASE_PUBLIC_URL = "https://faktencheck.example";
  process.env.CLAIMBASE_API_RATE_LIMIT = "0";
  await bootstrap(t.db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));
  await plant();
  const { startSession } = await import("../../lib/auth/sessions");
  session.current = { user: { id: session.current!.user.id }, sid: await startSession(t.db, session.current!.user.id) };
});
afterAll(async () => {
  const { db } = await import("../../lib/db/client");
  await db.$disconnect().catch(() => {});
  await t?.stop();
});

async function walkAll(url: string): Promise<void> {
  let next: string | null = url;
  while (next) {
    const r = await get(next);
    expect(r.status, next).toBe(200);
    const body = JSON.parse(r.body) as { nextCursor: string | null };
    next = body.nextCursor ? `${url}${url.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(body.nextCursor)}` : null;
  }
}

describe("no private field in the API or the exports", () => {
  it("every API route, with every slug in the database and searches for the planted word", async () => {
    const [claims, speakers, topics] = await Promise.all([
      t.db.claim.findMany({ select: { slug: true } }),
      t.db.speaker.findMany({ select: { slug: true, name: true } }),
      t.db.topic.findMany({ select: { slug: true } }),
    ]);
    const enc = encodeURIComponent;
    await walkAll("/api/v1/claims?limit=3");
    await walkAll("/api/v1/speakers?limit=3");
    await walkAll("/api/v1/quotes?limit=3");
    await walkAll("/api/v1/topics?limit=3");
    for (const filter of [`verdict=${enc(slug("label"))}`, `speaker=${enc(slug("speaker"))}`, `topic=${enc(slug("topic"))}`]) {
      const r = await get(`/api/v1/claims?${filter}`);
      expect(JSON.parse(r.body), filter).toEqual({ items: [], nextCursor: null });
    }
    await get(`/api/v1/quotes?speaker=${enc(slug("speaker"))}`);
    for (const c of claims) await get(`/api/v1/claims/${enc(c.slug)}`);
    for (const s of speakers) await get(`/api/v1/speakers/${enc(s.slug)}`);
    for (const x of topics) await get(`/api/v1/topics/${enc(x.slug)}`);
    // The search echoes its parameters (`query`): it is asked for the planted word and the
    // private slugs, which carry no token of the planted values.
    for (const type of ["all", "claims", "quotes", "speakers"]) await get(`/api/v1/search?q=${WORD}&type=${type}`);
    await get(`/api/v1/search?speaker=${enc(slug("speaker"))}`);
    await get(`/api/v1/search?topic=${enc(slug("topic"))}`);
    for (const query of [WORD, RUN, "Stromnetz", published.approvedQuote.split(" ").slice(0, 3).join(" ")]) {
      await get(`/api/v1/claims:search?query=${enc(query)}`);
    }
    for (const site of ["approved.example.org", "waiting.example.org", "unlinked.example.org", "faktencheck.example"]) {
      await get(`/api/v1/claims:search?reviewPublisherSiteFilter=${site}&pageSize=100`);
    }
    await get("/api/v1/claimreview-feed.json");
    await get("/api/v1/claimreview-feed.json?lang=en");
    await get("/api/v1/openapi.json");

    const leaks = fetched.flatMap((r) => leaksIn(r).map((field) => `${r.url} (${r.status}): ${field}`));
    expect(leaks).toEqual([]);

    // Not vacuous: the private claims and speaker do not exist for the API, the public claim
    // answers with what was approved (its approved quote, summary and external check).
    for (const what of ["draft", "research", "review"]) expect(fetched.find((r) => r.url === `/api/v1/claims/${slug(what)}`)?.status, what).toBe(404);
    expect(fetched.find((r) => r.url === `/api/v1/speakers/${slug("speaker")}`)?.status).toBe(404);
    expect(fetched.find((r) => r.url === `/api/v1/topics/${slug("topic")}`)?.status).toBe(404);
    const page = fetched.find((r) => r.url === `/api/v1/claims/${enc(published.slug)}`)!;
    expect(page.status).toBe(200);
    const claim = JSON.parse(page.body) as { quotes: { text: string }[]; summary: string | null; alsoCheckedBy: { title: string | null; publisher: { name: string } }[] };
    expect(claim.quotes[0]!.text).toBe(published.approvedQuote);
    expect(claim.summary).toBe(published.approvedSummary);
    expect(claim.alsoCheckedBy).toEqual([expect.objectContaining({ title: "Freigegebener Titel", publisher: { name: "Freigegebene Prüfstelle", site: "approved.example.org" } })]);
    const approvedSearch = fetched.find((r) => r.url.includes("reviewPublisherSiteFilter=approved.example.org"))!;
    expect(JSON.parse(approvedSearch.body)).toMatchObject({ claims: [{ claimReview: [{ title: "Freigegebener Titel", textualRating: "Falsch", external: true }] }] });
    expect(fetched.length).toBeGreaterThan(claims.length + speakers.length + topics.length);
  });

  it("every export, from the command's code and the desk's route", async () => {
    const outputs: Fetched[] = [];
    for (const kind of EXPORT_KINDS) {
      for (const format of EXPORT_FORMATS) {
        for (const spreadsheet of [false, true]) {
          let body = "";
          for await (const chunk of exportChunks(kind, format, { pageSize: 2, spreadsheet })) body += chunk;
          outputs.push({ url: `export ${kind} ${format}${spreadsheet ? " spreadsheet" : ""}`, status: 200, body });
        }
        const route = await import("../../app/api/admin/export/route");
        const response = await route.GET(new Request(`http://localhost/api/admin/export?kind=${kind}&format=${format}`));
        expect(response.status).toBe(200);
        outputs.push({ url: `/api/admin/export?kind=${kind}&format=${format}`, status: response.status, body: await response.text() });
      }
    }
    const leaks = outputs.flatMap((r) => leaksIn(r).map((field) => `${r.url}: ${field}`));
    expect(leaks).toEqual([]);
    const claimsCsv = outputs.find((o) => o.url === "export claims csv")!.body;
    expect(claimsCsv).toContain(published.slug);
    expect(claimsCsv).toContain("https://approved.example.org/check");
    expect(outputs.find((o) => o.url === "export quotes jsonl")!.body).toContain(JSON.stringify(published.approvedQuote));
  });
});
