// The record picker (issue 13 point 4, "screens that are quick"): a form that picks a quote, a
// source or a speaker lists a bounded set of them (the current values, the related ones, the
// most recent ones: lib/editorial/choices.ts), whatever the size of the archive, and searches
// the rest through GET /api/admin/choices/[kind]. With 300 more quotes, sources and speakers
// than the demo data, all newer than the claim's own: the claim workspace's and the new-claim
// page's selects stay bounded and still hold the current values; the search route is the
// newsroom's only, bounded, finds what it is asked for, refuses bad parameters and answers
// ids and labels only.
import path from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ReactNode } from "react";
import { createElement } from "react";
import { renderPage } from "../helpers/render-page";
import { pageSession } from "../helpers/page-mocks";

vi.mock("../../lib/auth/auth", () => import("../helpers/page-mocks").then((m) => m.authModule()));
vi.mock("next/cache", () => import("../helpers/page-mocks").then((m) => m.cacheModule()));
vi.mock("next/navigation", (original) => import("../helpers/page-mocks").then((m) => m.navigationModule(original)));
vi.mock("next/headers", () => import("../helpers/page-mocks").then((m) => m.headersModule()));

const ROOT = path.resolve(import.meta.dirname, "../..");
const WORKSPACE = path.join(ROOT, "app/(desk)/admin/claims/[id]/page.tsx");
const NEW_CLAIM = path.join(ROOT, "app/(desk)/admin/claims/new/page.tsx");
const QUOTES = path.join(ROOT, "app/(desk)/admin/quotes/page.tsx");
const CLAIMS = path.join(ROOT, "app/(desk)/admin/claims/page.tsx");
const MANY = 300;

let t: Awaited<ReturnType<typeof import("../helpers/db").createTestDatabase>>;
let editor = "";
let limits: { recent: number; related: number; found: number };
/** A claim with a claimant, a quote, a passage and evidence, all older than the bulk records. */
let claim: { id: string; claimantId: string; quoteIds: string[]; passageSourceIds: string[]; evidenceSourceIds: string[] };
let quoteFromDemo: { id: string; speakerId: string; sourceIds: string[] };

beforeAll(async () => {
  const { createTestDatabase } = await import("../helpers/db");
  const { bootstrap } = await import("../../lib/seed/bootstrap");
  const { loadSettings } = await import("../../lib/config");
  const choices = await import("../../lib/editorial/choices");
  limits = { recent: choices.RECENT_CHOICES, related: choices.RELATED_CHOICES, found: choices.FOUND_CHOICES };
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url; // the app's own `db` (lib/db/client.ts) uses this
  await bootstrap(t.db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));
  editor = (await t.db.user.findUniqueOrThrow({ where: { email: "redaktion@claimbase.local" } })).id;

  // A draft (its claimant editable) linked like a demo claim that has everything.
  const model = await t.db.claim.findFirstOrThrow({
    where: { claimantId: { not: null }, quotes: { some: {} }, passages: { some: {} }, evidence: { some: {} } },
    include: { quotes: true, passages: true, evidence: true },
    orderBy: { id: "asc" },
  });
  const c = await t.db.claim.create({
    data: {
      slug: "auswahl-begrenzt",
      text: "Eine Behauptung mit Urheber, Zitat, Textstelle und Beleg.",
      createdById: editor,
      claimantId: model.claimantId,
      quotes: { create: model.quotes.map((q) => ({ quoteId: q.quoteId })) },
      passages: { create: model.passages.map((p) => ({ sourceId: p.sourceId, start: p.start, end: p.end })) },
      evidence: { create: model.evidence.map((e) => ({ sourceId: e.sourceId, stance: e.stance, excerpt: e.excerpt, start: e.start, end: e.end, createdById: editor })) },
    },
    include: { quotes: true, passages: { orderBy: { start: "asc" } }, evidence: true },
  });
  claim = {
    id: c.id,
    claimantId: c.claimantId!,
    quoteIds: c.quotes.map((q) => q.quoteId),
    passageSourceIds: c.passages.map((p) => p.sourceId),
    evidenceSourceIds: c.evidence.map((e) => e.sourceId),
  };
  const q = await t.db.quote.findFirstOrThrow({ where: { appearances: { some: {} } }, include: { appearances: true }, orderBy: { id: "asc" } });
  quoteFromDemo = { id: q.id, speakerId: q.speakerId, sourceIds: q.appearances.map((a) => a.sourceId) };

  // The archive grows: MANY speakers, sources (with stored text) and quotes, newer than the demo's.
  const later = new Date(Date.now() + 60_000);
  const n = Array.from({ length: MANY }, (_, i) => i);
  await t.db.speaker.createMany({ data: n.map((i) => ({ id: `bulk-speaker-${i}`, slug: `bulk-speaker-${i}`, name: `Massensprecher ${i}`, updatedAt: later })) });
  await t.db.source.createMany({
    data: n.map((i) => ({ id: `bulk-source-${i}`, title: `Massenquelle ${i}`, snapshotText: `GEHEIMER-TEXT-${i} `.repeat(10), updatedAt: later })),
  });
  await t.db.quote.createMany({ data: n.map((i) => ({ id: `bulk-quote-${i}`, speakerId: `bulk-speaker-${i}`, text: `Massenzitat Nummer ${i}`, updatedAt: later })) });
});

afterAll(async () => {
  const { db } = await import("../../lib/db/client");
  await db.$disconnect().catch(() => {});
  await t?.stop();
});

async function signIn(userId: string | null) {
  if (!userId) {
    pageSession.current = null;
    return;
  }
  const { startSession } = await import("../../lib/auth/sessions");
  pageSession.current = { user: { id: userId }, sid: await startSession(t.db, userId) };
}

type Component = (props: { children: ReactNode }) => unknown;

async function render(file: string, params: Record<string, string>, query: Record<string, string> = {}) {
  const layouts = [(await import("../../app/(desk)/layout")).default as Component, (await import("../../app/(desk)/admin/layout")).default as Component];
  const module = (await import(file)) as { default: (props: unknown) => ReactNode };
  const props = { params: Promise.resolve(params), searchParams: Promise.resolve(query) };
  const html = await renderPage(layouts, createElement(module.default as (p: unknown) => ReactNode, props as object));
  return { document: parseHTML(html).document, html };
}

type Doc = Awaited<ReturnType<typeof render>>["document"];

/** The options (without the empty one) of the select named `name`, and which are selected. */
function optionsOf(doc: Doc, name: string, within: ParentNode = doc) {
  const selects = [...within.querySelectorAll(`select[name="${name}"]`)];
  expect(selects.length, `select ${name}`).toBeGreaterThan(0);
  const options = [...selects[0]!.querySelectorAll("option")].filter((o) => o.getAttribute("value") !== "");
  return { values: options.map((o) => o.getAttribute("value")!), selected: options.filter((o) => o.hasAttribute("selected")).map((o) => o.getAttribute("value")!) };
}

describe("the claim forms' choices are bounded", () => {
  it("the workspace's Details tab lists at most the current, related and recent records, the current ones selected", async () => {
    await signIn(editor);
    const { document, html } = await render(WORKSPACE, { id: claim.id });
    const bound = (current: number) => current + limits.related + limits.recent;

    const claimant = optionsOf(document, "claimantId");
    expect(claimant.values.length).toBeLessThanOrEqual(bound(1));
    expect(claimant.values).toContain(claim.claimantId);
    expect(claimant.selected).toEqual([claim.claimantId]);

    const quotes = optionsOf(document, "quoteIds[]");
    expect(quotes.values.length).toBeLessThanOrEqual(bound(claim.quoteIds.length));
    expect(new Set(quotes.selected)).toEqual(new Set(claim.quoteIds));

    const passage = optionsOf(document, "passage0SourceId");
    expect(passage.values.length).toBeLessThanOrEqual(bound(claim.passageSourceIds.length + claim.evidenceSourceIds.length + 5));
    expect(passage.selected).toEqual([claim.passageSourceIds[0]]);
    // Not the archive: far fewer than MANY of the bulk records.
    expect(passage.values.filter((v) => v.startsWith("bulk-")).length).toBeLessThanOrEqual(limits.recent);
    expect(quotes.values.filter((v) => v.startsWith("bulk-")).length).toBeLessThanOrEqual(limits.recent);
    expect(claimant.values.filter((v) => v.startsWith("bulk-")).length).toBeLessThanOrEqual(limits.recent);
    // The listed sources' labels say their length; no stored text is in the page.
    expect(document.querySelector('select[name="passage0SourceId"] option[value="bulk-source-0"]')?.textContent).toMatch(/Massenquelle 0 \(\d+ Zeichen\)/);
    expect(html).not.toContain("GEHEIMER-TEXT");
  });

  it("the Evidence tab's source lists hold each piece of evidence's source, bounded", async () => {
    await signIn(editor);
    const { document } = await render(WORKSPACE, { id: claim.id }, { tab: "evidence" });
    const selects = [...document.querySelectorAll('select[name="sourceId"]')];
    // One per piece of evidence (edit forms) and the form for new evidence.
    expect(selects.length).toBe(claim.evidenceSourceIds.length + 1);
    for (const select of selects) {
      const values = [...select.querySelectorAll("option")].map((o) => o.getAttribute("value")).filter(Boolean);
      expect(values.length).toBeLessThanOrEqual(claim.passageSourceIds.length + claim.evidenceSourceIds.length + 5 + limits.recent);
      for (const id of claim.evidenceSourceIds) expect(values).toContain(id);
    }
  });

  it("the new-claim page lists a bounded set, and from a quote holds its speaker, the quote and its sources", async () => {
    await signIn(editor);
    const blank = (await render(NEW_CLAIM, {})).document;
    for (const name of ["claimantId", "quoteIds[]", "passage0SourceId"]) expect(optionsOf(blank, name).values.length).toBeLessThanOrEqual(limits.recent);

    const { document } = await render(NEW_CLAIM, {}, { quoteId: quoteFromDemo.id });
    expect(optionsOf(document, "claimantId").selected).toEqual([quoteFromDemo.speakerId]);
    expect(optionsOf(document, "quoteIds[]").selected).toEqual([quoteFromDemo.id]);
    expect(optionsOf(document, "passage0SourceId").selected).toEqual([quoteFromDemo.sourceIds[0]]);
    for (const name of ["claimantId", "quoteIds[]", "passage0SourceId"]) {
      expect(optionsOf(document, name).values.length).toBeLessThanOrEqual(quoteFromDemo.sourceIds.length + 1 + limits.related + limits.recent);
    }
  });
});

describe("the lists' filters are bounded", () => {
  it("the quotes list filters by speaker and source from bounded lists that hold the chosen ones", async () => {
    await signIn(editor);
    const blank = (await render(QUOTES, {})).document;
    for (const name of ["speaker", "source"]) expect(optionsOf(blank, name).values.length).toBeLessThanOrEqual(limits.recent);
    // A speaker and a source of the demo (older than every bulk record) stay listed when chosen.
    const { document } = await render(QUOTES, {}, { speaker: quoteFromDemo.speakerId, source: quoteFromDemo.sourceIds[0]! });
    expect(optionsOf(document, "speaker").selected).toEqual([quoteFromDemo.speakerId]);
    expect(optionsOf(document, "source").selected).toEqual([quoteFromDemo.sourceIds[0]]);
    for (const name of ["speaker", "source"]) expect(optionsOf(document, name).values.length).toBeLessThanOrEqual(1 + limits.recent);
  });

  it("the claims list's claimant filter too", async () => {
    await signIn(editor);
    const { document } = await render(CLAIMS, {}, { claimant: claim.claimantId });
    const claimant = optionsOf(document, "claimant");
    expect(claimant.selected).toEqual([claim.claimantId]);
    expect(claimant.values.length).toBeLessThanOrEqual(1 + limits.recent);
  });
});

describe("GET /api/admin/choices/[kind]", () => {
  async function get(kind: string, q: string | null) {
    const { GET } = await import("../../app/api/admin/choices/[kind]/route");
    const url = `http://localhost/api/admin/choices/${kind}${q === null ? "" : `?q=${encodeURIComponent(q)}`}`;
    const res = await GET(new Request(url), { params: Promise.resolve({ kind }) });
    return { res, body: (await res.json()) as { items?: { value: string; label: string }[]; error?: string } };
  }

  it("answers 401 without a session, never cached", async () => {
    await signIn(null);
    const { res } = await get("quote", "Massen");
    expect(res.status).toBe(401);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });

  it("finds records anywhere in the table, at most FOUND_CHOICES, as ids and labels only", async () => {
    await signIn(editor);
    const many = await get("quote", "massenzitat");
    expect(many.res.status).toBe(200);
    expect(many.res.headers.get("cache-control")).toBe("private, no-store");
    expect(many.body.items).toHaveLength(limits.found);
    for (const item of many.body.items!) expect(Object.keys(item).sort()).toEqual(["label", "value"]);

    // One record that is not among the recent ones (the oldest of the bulk, and a demo record).
    expect((await get("quote", "Massenzitat Nummer 123")).body.items).toEqual([{ value: "bulk-quote-123", label: "Massensprecher 123: Massenzitat Nummer 123" }]);
    const source = await get("source", "massenquelle 7");
    expect(source.body.items!.map((i) => i.value).sort()).toEqual(["bulk-source-7", ...Array.from({ length: 10 }, (_, i) => `bulk-source-7${i}`)].sort());
    // The label says the stored text's length, never the text.
    expect(source.body.items!.find((i) => i.value === "bulk-source-7")!.label).toBe(`Massenquelle 7 (${"GEHEIMER-TEXT-7 ".repeat(10).length} Zeichen)`);
    expect(JSON.stringify(source.body)).not.toContain("GEHEIMER");
    const demoSpeaker = await t.db.speaker.findUniqueOrThrow({ where: { id: claim.claimantId } });
    expect((await get("speaker", demoSpeaker.name.slice(0, 6))).body.items!.map((i) => i.value)).toContain(demoSpeaker.id);
    expect((await get("speaker", "nichts-dergleichen-xyz")).body.items).toEqual([]);
  });

  it("finds a speaker by an alias", async () => {
    await signIn(editor);
    const alias = await t.db.speakerAlias.findFirst({ orderBy: { id: "asc" } });
    if (!alias) return;
    expect((await get("speaker", alias.alias)).body.items!.map((i) => i.value)).toContain(alias.speakerId);
  });

  it("answers 400 for another kind, a missing, blank or too long q", async () => {
    await signIn(editor);
    for (const [kind, q] of [
      ["user", "a"],
      ["claim", "a"],
      ["quote", null],
      ["quote", "   "],
      ["source", "x".repeat(201)],
    ] as const) {
      const { res, body } = await get(kind, q);
      expect(res.status, `${kind} ${q}`).toBe(400);
      expect(body.items).toBeUndefined();
    }
    expect((await get("source", "x".repeat(200))).res.status).toBe(200);
  });
});
