// The claim workspace (app/(desk)/admin/claims/[id], issue 13 point 2), rendered as the server
// renders it (tests/helpers/render-page.ts) with the demo data: the WAI-ARIA tabs (a tab list,
// six tabs with aria-selected, aria-controls and a roving tabindex, the panel labelled by its
// tab), each tab reachable by its address (?tab=) with only its own panel's forms in the page,
// Details for an unknown tab; the source text beside the tabs with the claim's passage marked
// (or why there is none); the header with the workflow state and the next step on every tab;
// the claim's history in its tab and on its own page.
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
const PAGE = path.join(ROOT, "app/(desk)/admin/claims/[id]/page.tsx");
const HISTORY_PAGE = path.join(ROOT, "app/(desk)/admin/claims/[id]/history/page.tsx");
const TABS = ["details", "verdict", "evidence", "workflow", "discussion", "history"] as const;

let t: Awaited<ReturnType<typeof import("../helpers/db").createTestDatabase>>;
const users: Record<"editor" | "reviewer" | "contributor", string> = { editor: "", reviewer: "", contributor: "" };
const claims: Record<string, string> = {};

beforeAll(async () => {
  const { createTestDatabase } = await import("../helpers/db");
  const { bootstrap } = await import("../../lib/seed/bootstrap");
  const { loadSettings } = await import("../../lib/config");
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url; // the app's own `db` (lib/db/client.ts) uses this
  await bootstrap(t.db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));
  for (const [role, email] of [
    ["editor", "redaktion@claimbase.local"],
    ["reviewer", "pruefung@claimbase.local"],
    ["contributor", "mitarbeit@claimbase.local"],
  ] as const) {
    users[role] = (await t.db.user.findUniqueOrThrow({ where: { email } })).id;
  }
  for (const status of ["draft", "in_research", "in_review", "published"] as const) {
    claims[status] = (await t.db.claim.findFirstOrThrow({ where: { status }, orderBy: { id: "asc" } })).id;
  }
  // A claim that comes from nowhere yet: no passage, no quote.
  claims.bare = (await t.db.claim.create({ data: { slug: "ohne-quelle", text: "Eine Behauptung ohne Quelle.", createdById: users.editor } })).id;
});

afterAll(async () => {
  const { db } = await import("../../lib/db/client");
  await db.$disconnect().catch(() => {});
  await t?.stop();
});

async function as(role: keyof typeof users, locale: "de" | "en" = "de") {
  const { startSession } = await import("../../lib/auth/sessions");
  await t.db.user.update({ where: { id: users[role] }, data: { locale } });
  pageSession.current = { user: { id: users[role] }, sid: await startSession(t.db, users[role]) };
}

type Component = (props: { children: ReactNode }) => unknown;

/** The page at `file` for `id` with `query`, as a document. */
async function render(file: string, id: string, query: Record<string, string> = {}) {
  const layouts = [(await import("../../app/(desk)/layout")).default as Component, (await import("../../app/(desk)/admin/layout")).default as Component];
  const module = (await import(file)) as { default: (props: unknown) => ReactNode };
  const props = { params: Promise.resolve({ id }), searchParams: Promise.resolve(query) };
  const html = await renderPage(layouts, createElement(module.default as (p: unknown) => ReactNode, props as object));
  return parseHTML(html).document;
}

type Doc = Awaited<ReturnType<typeof render>>;
const text = (el: Element | null | undefined) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();

/** The tabs, their panels, and which one is selected, as a reader of the ARIA tree sees them. */
function tabsOf(doc: Doc) {
  const lists = doc.querySelectorAll('[role="tablist"]');
  expect(lists.length).toBe(1);
  const tabs = [...lists[0]!.querySelectorAll('[role="tab"]')];
  return {
    list: lists[0]!,
    tabs,
    selected: tabs.filter((tab) => tab.getAttribute("aria-selected") === "true"),
    panel: (tab: Element) => doc.getElementById(tab.getAttribute("aria-controls") ?? ""),
  };
}

/** The panel that is shown (the one panel that is not hidden). */
function shownPanel(doc: Doc): Element {
  const shown = [...doc.querySelectorAll('[role="tabpanel"]')].filter((p) => !p.hasAttribute("hidden"));
  expect(shown.length).toBe(1);
  return shown[0]!;
}

const buttons = (root: Element | Doc) => [...root.querySelectorAll("button")].map((b) => text(b));

describe("the tabs", () => {
  it("follow the WAI-ARIA tabs pattern: one tab list, six tabs, the selected one in the Tab order, each controlling its panel", async () => {
    await as("editor");
    const doc = await render(PAGE, claims.in_research!);
    const { list, tabs, selected, panel } = tabsOf(doc);
    expect(list.getAttribute("aria-label")).toBe("Bereiche der Behauptung");
    expect(tabs.map((tab) => tab.id)).toEqual(TABS.map((tab) => `claim-tab-${tab}`));
    expect(tabs.map((tab) => text(tab))).toEqual(["Angaben", "Bewertung", expect.stringMatching(/^Belege \(\d+\)$/), "Arbeitsablauf", expect.stringMatching(/^Diskussion \(\d+\)$/), "Verlauf"]);
    expect(selected.map((tab) => tab.id)).toEqual(["claim-tab-details"]);
    expect(tabs.map((tab) => tab.getAttribute("aria-selected"))).toEqual(["true", "false", "false", "false", "false", "false"]);
    // Roving tabindex: only the selected tab is reached with Tab.
    expect(tabs.map((tab) => tab.getAttribute("tabindex"))).toEqual(["0", "-1", "-1", "-1", "-1", "-1"]);
    // Each tab is a link to its own address, and controls a panel that is labelled by it.
    expect(tabs.map((tab) => tab.getAttribute("href"))).toEqual(
      TABS.map((tab) => `/admin/claims/${claims.in_research}${tab === "details" ? "" : `?tab=${tab}`}`),
    );
    for (const tab of tabs) {
      const p = panel(tab);
      expect(p, tab.id).not.toBeNull();
      expect(p!.getAttribute("role")).toBe("tabpanel");
      expect(p!.getAttribute("aria-labelledby")).toBe(tab.id);
    }
    // The selected tab's panel is shown; the others are hidden and empty (no forms of theirs).
    const shown = shownPanel(doc);
    expect(shown.id).toBe("claim-panel-details");
    expect(shown.getAttribute("tabindex")).toBe("0");
    for (const tab of tabs.slice(1)) expect(panel(tab)!.childNodes.length, tab.id).toBe(0);
  });

  const expected: Record<(typeof TABS)[number], { heading: string; has: string[]; lacks: string[] }> = {
    details: { heading: "angaben", has: ["Angaben speichern"], lacks: ["Bewertung speichern", "Beleg hinzufügen", "Zuweisen", "Kommentar speichern"] },
    verdict: { heading: "bewertung", has: ["Bewertung speichern"], lacks: ["Angaben speichern", "Beleg hinzufügen", "Kommentar speichern"] },
    evidence: { heading: "belege", has: ["Beleg hinzufügen"], lacks: ["Angaben speichern", "Bewertung speichern", "Kommentar speichern"] },
    workflow: { heading: "arbeitsablauf", has: ["Zuweisen"], lacks: ["Angaben speichern", "Bewertung speichern", "Beleg hinzufügen"] },
    discussion: { heading: "kommentare", has: ["Kommentar speichern"], lacks: ["Angaben speichern", "Bewertung speichern", "Zuweisen"] },
    history: { heading: "versionen", has: ["Vergleichen"], lacks: ["Angaben speichern", "Bewertung speichern", "Beleg hinzufügen", "Kommentar speichern"] },
  };

  for (const tab of TABS) {
    it(`?tab=${tab} is a deep link: that tab selected, its panel shown with its forms, no other tab's`, async () => {
      await as("editor");
      const doc = await render(PAGE, claims.in_research!, { tab });
      const { selected } = tabsOf(doc);
      expect(selected.map((s) => s.id)).toEqual([`claim-tab-${tab}`]);
      expect(selected[0]!.getAttribute("tabindex")).toBe("0");
      const panel = shownPanel(doc);
      expect(panel.id).toBe(`claim-panel-${tab}`);
      expect(panel.getAttribute("aria-labelledby")).toBe(`claim-tab-${tab}`);
      expect(panel.querySelector(`h2#${expected[tab].heading}`), `heading #${expected[tab].heading}`).not.toBeNull();
      const labels = buttons(doc.querySelector(".workspace__main")!);
      for (const b of expected[tab].has) expect(labels, `${tab} has ${b}`).toContain(b);
      for (const b of expected[tab].lacks) expect(labels, `${tab} lacks ${b}`).not.toContain(b);
    });
  }

  it("an unknown tab, or one spelt otherwise, is Details", async () => {
    await as("editor");
    for (const tab of ["bogus", "Verdict", "", "__proto__"]) {
      const doc = await render(PAGE, claims.in_research!, { tab });
      expect(tabsOf(doc).selected.map((s) => s.id), tab).toEqual(["claim-tab-details"]);
      expect(shownPanel(doc).id).toBe("claim-panel-details");
    }
  });

  it("speaks the account's language: the tabs and the header in English", async () => {
    await as("editor", "en");
    try {
      const doc = await render(PAGE, claims.in_review!, { tab: "workflow" });
      const { list, tabs } = tabsOf(doc);
      expect(list.getAttribute("aria-label")).toBe("Parts of the claim");
      expect(tabs.map((tab) => text(tab))).toEqual(["Details", "Verdict", expect.stringMatching(/^Evidence \(\d+\)$/), "Workflow", expect.stringMatching(/^Discussion \(\d+\)$/), "History"]);
      expect(text(doc.querySelector(".claim-header .status-badge"))).toBe("In review");
      expect(text(doc.querySelector(".claim-next__label"))).toBe("Next step:");
    } finally {
      await t.db.user.update({ where: { id: users.editor }, data: { locale: "de" } });
    }
  });
});

describe("the source text beside the tabs", () => {
  it("is the stored text of the claim's source with its passage marked, on every tab", async () => {
    await as("editor");
    const passage = await t.db.claimPassage.findFirstOrThrow({ where: { claimId: claims.in_research }, include: { source: true } });
    const stored = passage.source.snapshotText!;
    for (const tab of TABS) {
      const doc = await render(PAGE, claims.in_research!, { tab });
      const pane = doc.querySelector("section.workspace__source");
      expect(pane, tab).not.toBeNull();
      expect(text(pane!.querySelector("h2"))).toBe("Quelltext");
      const box = pane!.querySelector('.source-text__box[role="region"]');
      expect(box?.getAttribute("aria-label")).toBe("Gespeicherter Text der Quelle");
      expect(box?.getAttribute("tabindex")).toBe("0");
      // The whole stored text, in its language, as content; the claim's passage marked.
      expect(box!.textContent).toBe(stored);
      expect(box!.querySelector("[lang]")?.getAttribute("lang")).toBe(passage.source.language);
      const marks = [...box!.querySelectorAll("mark.source-mark--passage")].map((m) => m.textContent);
      expect(marks.join("")).toContain(stored.slice(passage.start, passage.end));
      expect(text(pane!.querySelector("#source-title"))).toBe(passage.source.title);
    }
  });

  it("offers the passage picker to the open tab's form: the claim's passage on Details, new evidence on Evidence, nothing elsewhere", async () => {
    await as("editor");
    const pane = async (tab: string) => (await render(PAGE, claims.in_research!, { tab })).querySelector("section.workspace__source")!;
    expect(buttons(await pane("details"))).toContain("Als Textstelle der Behauptung übernehmen");
    expect(buttons(await pane("evidence"))).toContain("Für neuen Beleg übernehmen");
    const verdict = await pane("verdict");
    expect(buttons(verdict)).toEqual([]);
    expect(text(verdict)).toContain("Eine Stelle aus diesem Text übernehmen Sie in den Reitern Angaben und Belege.");
    // In review the evidence does not change: no evidence form takes a passage.
    const inReview = (await render(PAGE, claims.in_review!, { tab: "evidence" })).querySelector("section.workspace__source")!;
    expect(buttons(inReview)).not.toContain("Für neuen Beleg übernehmen");
  });

  it("marks a quote's appearance too, and names each of several sources with a link that keeps the tab", async () => {
    await as("editor");
    const appearance = await t.db.quoteAppearance.findFirstOrThrow({ include: { source: true } });
    const other = await t.db.source.findFirstOrThrow({ where: { id: { not: appearance.sourceId }, snapshotText: { not: null } } });
    const claim = await t.db.claim.create({
      data: {
        slug: "aus-zwei-quellen",
        text: "Eine Behauptung aus zwei Quellen.",
        createdById: users.editor,
        quotes: { create: { quoteId: appearance.quoteId } },
        passages: { create: { sourceId: other.id, start: 0, end: 10 } },
      },
    });
    const doc = await render(PAGE, claim.id, { tab: "verdict" });
    const pane = doc.querySelector("section.workspace__source")!;
    const links = [...pane.querySelectorAll("nav a")];
    expect(links.map((a) => a.getAttribute("href"))).toEqual([
      `/admin/claims/${claim.id}?tab=verdict&source=${other.id}`,
      `/admin/claims/${claim.id}?tab=verdict&source=${appearance.sourceId}`,
    ]);
    // The passages' source comes first; the quote's is chosen by its link.
    expect(links[0]!.getAttribute("aria-current")).toBe("true");
    expect(pane.querySelector(".source-text__box mark.source-mark--passage")?.textContent).toBe(other.snapshotText!.slice(0, 10));
    const chosen = (await render(PAGE, claim.id, { tab: "verdict", source: appearance.sourceId })).querySelector("section.workspace__source")!;
    expect([...chosen.querySelectorAll("nav a")].map((a) => a.getAttribute("aria-current"))).toEqual([null, "true"]);
    expect([...chosen.querySelectorAll(".source-text__box mark.source-mark--quote")].map((m) => m.textContent).join("")).toContain(
      appearance.source.snapshotText!.slice(appearance.start, appearance.end),
    );
    // The tabs keep the chosen source.
    expect(tabsOf(await render(PAGE, claim.id, { source: appearance.sourceId })).tabs[1]!.getAttribute("href")).toBe(
      `/admin/claims/${claim.id}?tab=verdict&source=${appearance.sourceId}`,
    );
  });

  it("says so when the claim has no source text, in both languages, and the tabs stay", async () => {
    await as("editor");
    const doc = await render(PAGE, claims.bare!);
    const pane = doc.querySelector("section.workspace__source")!;
    expect(pane.querySelector(".source-text__box")).toBeNull();
    expect(text(pane.querySelector(".empty-state"))).toMatch(/^Diese Behauptung hat noch keinen Quelltext\./);
    expect(tabsOf(doc).tabs.length).toBe(6);
    expect(shownPanel(doc).querySelector("h2#angaben")).not.toBeNull();

    await as("editor", "en");
    try {
      const english = await render(PAGE, claims.bare!, { tab: "evidence" });
      expect(text(english.querySelector("section.workspace__source .empty-state"))).toMatch(/^This claim has no source text yet\./);
      expect(shownPanel(english).querySelector("h2#belege")).not.toBeNull();
    } finally {
      await t.db.user.update({ where: { id: users.editor }, data: { locale: "de" } });
    }
  });
});

describe("the header: the workflow state and the next step, on every tab", () => {
  it("a draft: its status, research as a button, the submission disabled with what is missing", async () => {
    await as("editor");
    const id = claims.bare!;
    for (const tab of TABS) {
      const doc = await render(PAGE, id, { tab });
      const header = doc.querySelector("section.claim-header")!;
      expect(header, tab).not.toBeNull();
      expect(text(header.querySelector(".claim-meta .status-badge"))).toBe("Entwurf");
      const start = [...header.querySelectorAll("form button[type=submit]")].map((b) => text(b));
      expect(start).toEqual(["Recherche beginnen"]);
      const submit = header.querySelector('button[aria-describedby="next-submit-reason"]')!;
      expect(text(submit)).toBe("Zur Prüfung einreichen");
      expect(submit.hasAttribute("disabled")).toBe(true);
      expect(text(header.querySelector("#next-submit-reason"))).toMatch(/Bewertung/);
    }
  });

  it("the research step's form in the header posts the claim and its version", async () => {
    await as("editor");
    const doc = await render(PAGE, claims.bare!, { tab: "discussion" });
    const form = doc.querySelector("section.claim-header form")!;
    const hidden = Object.fromEntries([...form.querySelectorAll("input[type=hidden]")].map((i) => [i.getAttribute("name"), i.getAttribute("value")]));
    const { version } = await t.db.claim.findUniqueOrThrow({ where: { id: claims.bare } });
    expect(hidden).toEqual({ claimId: claims.bare, version: String(version) });
  });

  it("in review, for the verdict's author: approval refused (four eyes), rejection through its form in the Workflow tab", async () => {
    const claim = await t.db.claim.findUniqueOrThrow({ where: { id: claims.in_review } });
    const author = Object.entries(users).find(([, id]) => id === claim.verdictAuthorId)![0] as keyof typeof users;
    await as(author);
    const doc = await render(PAGE, claim.id, { tab: "evidence" });
    const header = doc.querySelector("section.claim-header")!;
    expect(text(header.querySelector(".status-badge"))).toBe("In Prüfung");
    const approve = header.querySelector('button[aria-describedby="next-approve-reason"]')!;
    expect(text(approve)).toBe("Freigeben und veröffentlichen");
    expect(approve.hasAttribute("disabled")).toBe(true);
    expect(text(header.querySelector("#next-approve-reason"))).toMatch(/Vier-Augen-Prinzip/);
    const reject = [...header.querySelectorAll("a")].find((a) => text(a).startsWith("Ablehnen"));
    expect(reject?.getAttribute("href")).toBe(`/admin/claims/${claim.id}?tab=workflow#workflow-reject`);
    // The link leads to the step's form.
    const workflow = await render(PAGE, claim.id, { tab: "workflow" });
    expect(workflow.querySelector("#workflow-reject textarea[name=note]")).not.toBeNull();
  });

  it("in review, for a reviewer: approval is one button, with what the reviewer sees (the content digest)", async () => {
    await as("reviewer");
    const claim = await t.db.claim.findUniqueOrThrow({ where: { id: claims.in_review } });
    expect(claim.verdictAuthorId).not.toBe(users.reviewer);
    const doc = await render(PAGE, claim.id);
    const form = [...doc.querySelectorAll("section.claim-header form")].find((f) => buttons(f).includes("Freigeben und veröffentlichen"))!;
    expect(form).toBeDefined();
    const hidden = Object.fromEntries([...form.querySelectorAll("input[type=hidden]")].map((i) => [i.getAttribute("name"), i.getAttribute("value")]));
    const { approvalDigest } = await import("../../lib/editorial/publication");
    expect(hidden).toEqual({ claimId: claim.id, version: String(claim.version), contentDigest: await approvalDigest(t.db, claim.id) });
  });

  it("published: public with its link, a correction through the Workflow tab", async () => {
    await as("editor");
    const claim = await t.db.claim.findUniqueOrThrow({ where: { id: claims.published } });
    const header = (await render(PAGE, claim.id)).querySelector("section.claim-header")!;
    expect(text(header.querySelector(".status-badge"))).toBe("Veröffentlicht");
    expect([...header.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual(
      expect.arrayContaining([`/claims/${claim.slug}`, `/admin/claims/${claim.id}?tab=workflow#workflow-propose_correction`, `/admin/claims/${claim.id}?tab=history`]),
    );
    expect(header.querySelectorAll("form").length).toBe(0);
  });
});

describe("the history", () => {
  it("the History tab shows the versions, compares within the tab, and links the page of its own", async () => {
    await as("editor");
    const id = claims.published!;
    const doc = await render(PAGE, id, { tab: "history", from: "1" });
    const panel = shownPanel(doc);
    expect(panel.id).toBe("claim-panel-history");
    expect(panel.querySelector("h2#versionen")).not.toBeNull();
    expect(panel.querySelector("table.history-compare")).not.toBeNull();
    const compare = [...panel.querySelectorAll("a")].map((a) => a.getAttribute("href")).filter((h) => h?.includes("from="));
    expect(compare.length).toBeGreaterThan(0);
    for (const href of compare) expect(href).toMatch(new RegExp(`^/admin/claims/${id}\\?tab=history&from=\\d+&to=\\d+#vergleich$`));
    const form = panel.querySelector('form[method="get"]')!;
    expect(form.getAttribute("action")).toBe(`/admin/claims/${id}`);
    expect(form.querySelector('input[type=hidden][name="tab"]')?.getAttribute("value")).toBe("history");
    expect([...panel.querySelectorAll("a")].some((a) => a.getAttribute("href") === `/admin/claims/${id}/history`)).toBe(true);
  });

  it("the history's own page stays, with the same comparison", async () => {
    await as("editor");
    const id = claims.published!;
    const doc = await render(HISTORY_PAGE, id, { from: "1" });
    expect(text(doc.querySelector("h1"))).toBe("Versionsgeschichte");
    expect(doc.querySelector("h2#versionen")).not.toBeNull();
    expect(doc.querySelector("table.history-compare")).not.toBeNull();
    const compare = [...doc.querySelectorAll("a")].map((a) => a.getAttribute("href")).filter((h) => h?.includes("from="));
    for (const href of compare) expect(href).toMatch(new RegExp(`^/admin/claims/${id}/history\\?from=\\d+&to=\\d+#vergleich$`));
    expect(doc.querySelector('[role="tablist"]')).toBeNull();
  });
});

describe("the evidence form picks its passage in the source's text", () => {
  it("has the source, the excerpt and the passage's start and end, the form of new evidence and each edit form", async () => {
    await as("editor");
    const doc = await render(PAGE, claims.in_research!, { tab: "evidence" });
    const form = [...doc.querySelectorAll("form")].find((f) => buttons(f).includes("Beleg hinzufügen"))!;
    const picker = form.querySelector(".evidence-passage")!;
    expect(picker).not.toBeNull();
    for (const name of ["sourceId", "excerpt", "start", "end"]) expect(picker.querySelector(`[name="${name}"]`), name).not.toBeNull();
    expect(picker.querySelector('select[name="sourceId"]')!.hasAttribute("required")).toBe(true);
    const evidence = await t.db.evidence.count({ where: { claimId: claims.in_research } });
    expect(doc.querySelectorAll(".evidence-list .evidence-passage").length).toBe(evidence);
  });
});
