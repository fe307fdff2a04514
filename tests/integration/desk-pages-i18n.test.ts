// Every desk page rendered in English and in German, with the demo data (issue 13): an English
// desk shows no German word of the interface outside content (claims, quotes, notes and names
// keep their own language and are marked as such: `lang`, `translate="no"`), and the German
// desk no English one. The pages are rendered as the server renders them, layouts included
// (tests/helpers/render-page.ts), for an account whose language is set under "My account";
// the sign-in pages in the browser's language. No page may show a catalogue key instead of its
// message (a key missing in the catalogue or in what the browser is sent). e2e/desk-i18n.spec.ts
// checks the same on the built server, through a browser.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ReactNode } from "react";
import { createElement } from "react";
import en from "../../messages/en.json";
import { AUDIT_ACTIONS } from "../../lib/auth/audit";
import { interfaceText, renderPage } from "../helpers/render-page";
import { pageSession } from "../helpers/page-mocks";

vi.mock("../../lib/auth/auth", () => import("../helpers/page-mocks").then((m) => m.authModule()));
vi.mock("next/cache", () => import("../helpers/page-mocks").then((m) => m.cacheModule()));
vi.mock("next/navigation", (original) => import("../helpers/page-mocks").then((m) => m.navigationModule(original)));
vi.mock("next/headers", () => import("../helpers/page-mocks").then((m) => m.headersModule()));

/** Words of the German interface an English page must not show (whole words). */
const GERMAN_INTERFACE = [
  "Speichern", "Behauptung", "Behauptungen", "Zitat", "Zitate", "Quelle", "Quellen", "Sprecher", "Sprecherin",
  "Entwurf", "Bitte", "Abbrechen", "Löschen", "Prüfung", "Zurück", "Suche", "Suchen", "Bewertung", "Belege",
  "Zuständig", "Verlauf", "Änderungen", "Anmelden", "Anmeldung", "Passwort", "keine", "alle", "Alle", "Neu", "Neue",
  "Neuer", "Seite", "Titel", "Datum", "Themen", "Konto", "Sitzungen", "Protokoll", "Aktion", "Rolle", "Redaktion",
  "Mitarbeit", "Veröffentlicht", "veröffentlicht", "geändert", "angelegt", "gelöscht", "Uhr",
];
/** German words of every sentence: none may stand in the English interface either (a content
 * title in a page's title may hold them; the page's own text may not). */
const GERMAN_SENTENCE = ["und", "oder", "nicht", "mit", "für", "der", "die", "das", "ist", "wird", "von", "zu"];
const GERMAN = [...GERMAN_INTERFACE, ...GERMAN_SENTENCE];
/** Words of the English interface a German page must not show. */
const ENGLISH = [
  "Save", "Claim", "Claims", "Quote", "Quotes", "Source", "Sources", "Speaker", "Speakers", "Draft", "Please", "Delete",
  "Review", "Back", "Search", "Evidence", "Sign in", "none", "the", "and", "with", "Page", "Log", "Account", "Role",
];
const TITLE_WORDS = { en: GERMAN_INTERFACE, de: ENGLISH };

/** The words of `words` in `text` (whole words: "der" inside a record's id "cm3der0…" is
 * none), each with a little of what surrounds it. */
function found(text: string, words: string[]): string[] {
  return words.flatMap((word) => {
    const match = new RegExp(`(^|[^\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, "u").exec(text);
    return match ? [`${word}: …${text.slice(Math.max(0, match.index - 50), match.index + word.length + 50).replace(/\s+/g, " ")}…`] : [];
  });
}

const ROOT = path.resolve(import.meta.dirname, "../..");
const DESK = path.join(ROOT, "app/(desk)/admin");

type Component = (props: { children: ReactNode }) => unknown;
type PageModule = { default: (props: unknown) => unknown; generateMetadata?: (props: unknown) => Promise<{ title?: unknown }>; metadata?: { title?: unknown } };

/** Every page file of the desk, as its route ("/admin/claims/[id]"). */
function deskRoutes(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name === "page.tsx") found.push("/" + path.relative(path.join(ROOT, "app/(desk)"), path.dirname(p)).split(path.sep).join("/"));
    }
  };
  walk(DESK);
  return found.filter((r) => !r.includes("[...rest]")).sort();
}

let t: Awaited<ReturnType<typeof import("../helpers/db").createTestDatabase>>;
let adminId: string;
const ids: Record<string, string> = {};
/** The tabs of the claim workspace (lib/editorial/workspace.ts WORKSPACE_TABS). */
const WORKSPACE_TABS = ["details", "verdict", "evidence", "workflow", "discussion", "history"] as const;
/** The query strings a page is rendered with (its tabs, filters that find nothing, notices
 * after a deletion or a save); `$quote` stands for a quote's id. */
const VARIANTS: Record<string, Record<string, string>[]> = {
  "/admin/audit": [{ log: "security" }, { log: "changes" }],
  "/admin/claims": [{}, { status: "in_review" }, { q: "xqzv" }, { mine: "1", status: "open", sort: "text", dir: "asc" }],
  "/admin/articles": [{}, { author: "me", sort: "title", dir: "desc" }],
  "/admin/review": [{}, { page: "9" }],
  "/admin/claims/new": [{}, { quoteId: "$quote" }],
  // The claim workspace: each tab by its address, and an unknown one (Details).
  "/admin/claims/[id]": [{}, ...WORKSPACE_TABS.map((tab) => ({ tab })), { tab: "xqzv" }],
  "/admin/claims/[id]/history": [{}, { from: "1" }],
  "/admin/quotes": [{}, { geloescht: "X" }, { q: "xqzv" }],
  "/admin/speakers": [{}, { geloescht: "X" }, { q: "xqzv" }],
  "/admin/sources": [{}, { geloescht: "X" }, { q: "xqzv" }],
  "/admin/users": [{}, { q: "xqzv" }],
  "/admin/account": [{}, { changed: "1", language: "1" }],
};
/** A claim in each state of the demo data: the claim page shows the workflow's steps and why
 * a step is not possible yet. */
const claimsByState: Record<string, string> = {};

beforeAll(async () => {
  const { createTestDatabase } = await import("../helpers/db");
  const { bootstrap } = await import("../../lib/seed/bootstrap");
  const { loadSettings } = await import("../../lib/config");
  const { startSession } = await import("../../lib/auth/sessions");
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url; // the app's own `db` (lib/db/client.ts) uses this
  await bootstrap(t.db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));
  adminId = (await t.db.user.findUniqueOrThrow({ where: { email: "admin@claimbase.local" } })).id;
  pageSession.current = { user: { id: adminId }, sid: await startSession(t.db, adminId) };
  // Records of every kind from the demo data, a claim in review among them (its workflow panel
  // names the steps) and a published one.
  ids["/admin/claims/[id]"] = (await t.db.claim.findFirstOrThrow({ where: { status: "in_review" } })).id;
  ids["/admin/claims/[id]/history"] = (await t.db.claim.findFirstOrThrow({ where: { status: "published" } })).id;
  ids["/admin/speakers/[id]"] = (await t.db.speaker.findFirstOrThrow()).id;
  ids["/admin/sources/[id]"] = (await t.db.source.findFirstOrThrow()).id;
  ids["/admin/quotes/[id]"] = (await t.db.quote.findFirstOrThrow()).id;
  ids["/admin/articles/[id]"] = (await t.db.article.findFirstOrThrow()).id;
  ids["/admin/users/[id]"] = (await t.db.user.findFirstOrThrow({ where: { role: "editor" } })).id;
  ids["/admin/topics/[id]"] = (await t.db.topic.findFirstOrThrow()).id;
  ids["/admin/verdicts/[id]"] = (await t.db.verdictLabel.findFirstOrThrow()).id;
  ids.$quote = ids["/admin/quotes/[id]"];

  // Imports (the demo data has none): one written (its external checks, one linked to the claim
  // in review and waiting for approval: the claim page and the review queue show it), one in
  // preview with a new, an updated, an unchanged and an invalid row and an unmatched claimant,
  // one refused (not UTF-8). Names and texts of the file are content of either language.
  const { importFile, confirmImport } = await import("../../lib/import");
  const { linkExternalCheck } = await import("../../lib/external-checks");
  const admin = { id: adminId, role: "admin" as const };
  const file = (content: string | Uint8Array) =>
    (async function* () {
      yield typeof content === "string" ? Buffer.from(content) : content;
    })();
  const header = "url,claim,claimant,publisher,rating,review_date,language\n";
  const first = "https://pruefstelle.example/fc/1,Die Renten steigen um zehn Prozent.,Erika Muster,Beispiel-Prüfstelle,falsch,2024-05-06,de\n";
  const second = "https://factcheck.example/fc/2,Pensions rise by ten percent.,John Example,Example Checkers,false,2024-05-07,en\n";
  const written = await importFile(admin, { kind: "external", filename: "erste.csv" }, file(header + first + second), {}, t.db);
  await confirmImport(admin, { batchId: written.id, version: 1 }, t.db);
  ids.$writtenImport = written.id;
  const check = await t.db.externalFactCheck.findFirstOrThrow({ where: { url: "https://pruefstelle.example/fc/1" } });
  ids["/admin/external-checks/[id]"] = check.id;
  await linkExternalCheck(admin, { externalCheckId: check.id, claim: ids["/admin/claims/[id]"]! }, t.db);
  const preview = await importFile(
    admin,
    { kind: "external", filename: "zweite.csv" },
    file(header + first + second.replace(",false,", ",mostly false,") + "https://n.example/3,Neu.,Neue Person,P,falsch,2024-05-08,de\n,Kaputt,,P,falsch,gestern,de\n"),
    {},
    t.db,
  );
  ids["/admin/import/[id]"] = preview.id;
  ids.$failedImport = (await importFile(admin, { kind: "external", filename: "kaputt.csv" }, file(new Uint8Array([0x63, 0x6c, 0x61, 0x69, 0x6d, 0x0a, 0xff, 0xfe])), {}, t.db)).id;
  for (const claim of await t.db.claim.findMany({ select: { id: true, status: true }, orderBy: { id: "asc" } })) claimsByState[claim.status] ??= claim.id;
  // The overview's sections with rows: a draft resting for ten days, and a last visit before
  // the demo newsroom's changes.
  const draft = await t.db.claim.findFirstOrThrow({ where: { status: "draft" } });
  await t.db.claim.update({ where: { id: draft.id }, data: { updatedAt: new Date(Date.now() - 10 * 24 * 60 * 60 * 1000) } });
  await t.db.user.update({ where: { id: adminId }, data: { lastVisitAt: new Date(Date.now() - 2 * 60 * 60 * 1000) } });

  // The security log with an entry of every shape of details the app writes (the demo data
  // has none): each must read as words of the reader's language, not as stored codes.
  const { writeAuditEvent } = await import("../../lib/auth/audit");
  const editor = await t.db.user.findUniqueOrThrow({ where: { id: ids["/admin/users/[id]"] } });
  const byAdmin = { by: adminId, byName: "Ada Admin" };
  const account = { userId: editor.id, email: editor.email, ip: "192.0.2.7" };
  const retryAt = new Date(Date.UTC(2030, 0, 2, 12, 30)).toISOString();
  for (const event of [
    { action: "user.role_changed", ...account, details: { from: "editor", to: "reviewer", ...byAdmin } },
    { action: "user.created", ...account, details: { role: "contributor", ...byAdmin } },
    { action: "signin.blocked", ...account, details: { kind: "password", by: "ip+email", retryAt } },
    { action: "signin.success", ...account, details: { secondFactor: "recovery_code", recoveryCodesLeft: 9 } },
    { action: "signin.failure", ...account, details: { reason: "wrong_second_factor", step: "signin" } },
    { action: "two_factor.required_changed", ...account, details: { required: true, ...byAdmin } },
    { action: "two_factor.reset", ...account, details: { ...byAdmin, sessionsEnded: 2 } },
    { action: "user.password_reset_issued", ...account, details: { expiresAt: retryAt, ...byAdmin } },
  ] as const) {
    await writeAuditEvent(t.db, event);
  }
});

afterAll(async () => {
  const { db } = await import("../../lib/db/client");
  await db.$disconnect().catch(() => {});
  await t?.stop();
});

async function layouts(group: "desk" | "auth"): Promise<Component[]> {
  if (group === "auth") return [(await import("../../app/(auth)/layout")).default as Component];
  return [(await import("../../app/(desk)/layout")).default as Component, (await import("../../app/(desk)/admin/layout")).default as Component];
}

/** A page as the server renders it: its HTML, the interface text of its body and its title. */
async function renderDeskPage(file: string, group: "desk" | "auth", props: unknown, lang: "de" | "en"): Promise<{ html: string; text: string; title: string }> {
  const module = (await import(file)) as PageModule;
  const html = await renderPage(await layouts(group), createElement(module.default as (p: unknown) => ReactNode, props as object));
  const text = interfaceText(html, lang);
  // A message missing from the catalogue, or from the namespaces the browser gets
  // (components/DeskFrame.tsx), shows as its key ("desk.passage.legend"): none may. (The audit
  // log names its actions' codes on purpose: "sessions.ended_all".)
  const namespaces = Object.keys(en).join("|");
  const keys = text.match(new RegExp(`(?<![\\w/.])(${namespaces})\\.[A-Za-z]\\w*(\\.\\w+)*`, "g")) ?? [];
  expect(keys.filter((k) => !(AUDIT_ACTIONS as readonly string[]).includes(k)), file).toEqual([]);
  const metadata = module.generateMetadata ? await module.generateMetadata(props) : module.metadata;
  return { html, text, title: typeof metadata?.title === "string" ? metadata.title : "" };
}

/** What of the words of the other language a rendered page shows. */
function otherLanguage(page: { text: string; title: string }, lang: "de" | "en"): string[] {
  return [...found(page.text, lang === "en" ? GERMAN : ENGLISH), ...found(page.title, TITLE_WORDS[lang]).map((f) => `title ${f}`)];
}

async function useLanguage(locale: "de" | "en") {
  await t.db.user.update({ where: { id: adminId }, data: { locale } });
}

for (const lang of ["en", "de"] as const) {
  describe(`the desk in ${lang === "en" ? "English" : "German"}`, () => {
    beforeAll(() => useLanguage(lang));

    it("has every desk page in this test", () => {
      expect(deskRoutes().filter((r) => r.includes("[id]") && !(r in ids))).toEqual([]);
      expect(deskRoutes().length).toBeGreaterThan(25);
    });

    for (const route of deskRoutes()) {
      for (const query of VARIANTS[route] ?? [{}]) {
        const label = `${route}${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ""}`;
        it(label, async () => {
          const file = path.join(ROOT, "app/(desk)", route, "page.tsx");
          const search = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, v.startsWith("$") ? ids[v]! : v]));
          const props = { params: Promise.resolve(ids[route] ? { id: ids[route] } : {}), searchParams: Promise.resolve(search) };
          const page = await renderDeskPage(file, "desk", props, lang);
          expect(page.html).toMatch(new RegExp(`^<html lang="${lang}"`));
          expect(page.text.length, label).toBeGreaterThan(300); // the page was rendered, not empty
          expect(otherLanguage(page, lang), label).toEqual([]);
        });
      }
    }

    it("a written and a refused import: the result, the reason", async () => {
      for (const [key, expected] of [
        ["$writtenImport", lang === "en" ? "Result: 2 created, 0 updated, 0 unchanged." : "Ergebnis: 2 angelegt, 0 aktualisiert, 0 unverändert."],
        ["$failedImport", lang === "en" ? "The file is not encoded in UTF-8" : "Die Datei ist nicht in UTF-8 kodiert"],
      ] as const) {
        const page = await renderDeskPage(path.join(DESK, "import/[id]/page.tsx"), "desk", { params: Promise.resolve({ id: ids[key] }), searchParams: Promise.resolve({}) }, lang);
        expect(otherLanguage(page, lang), key).toEqual([]);
        expect(page.text.replace(/\s+/g, " ")).toContain(expected);
      }
    });

    it("the import's preview says why, in the reader's words; the file's words stay content", async () => {
      const page = await renderDeskPage(path.join(DESK, "import/[id]/page.tsx"), "desk", { params: Promise.resolve({ id: ids["/admin/import/[id]"] }), searchParams: Promise.resolve({}) }, lang);
      const text = page.text.replace(/\s+/g, " ");
      for (const line of lang === "en"
        ? ["already there", "will be updated", "invalid", "Already imported; will be updated: rating.", "review_date: “gestern” is not a date", "Claimants without a matching speaker"]
        : ["schon vorhanden", "wird aktualisiert", "fehlerhaft", "Schon importiert; wird aktualisiert: rating.", "review_date: „gestern“ ist kein Datum", "Urheber ohne passenden Sprecher"]) {
        expect(text).toContain(line);
      }
      expect(page.html).toMatch(/translate="no"[^>]*>Neue Person</);
    });

    it("the claim page in every state of the workflow, on each of its tabs", async () => {
      expect(Object.keys(claimsByState).sort()).toEqual(expect.arrayContaining(["draft", "in_research", "in_review", "published"]));
      for (const [state, id] of Object.entries(claimsByState)) {
        for (const tab of WORKSPACE_TABS) {
          const page = await renderDeskPage(path.join(DESK, "claims/[id]/page.tsx"), "desk", { params: Promise.resolve({ id }), searchParams: Promise.resolve({ tab }) }, lang);
          expect(otherLanguage(page, lang), `${state} ?tab=${tab}`).toEqual([]);
        }
      }
    });

    it("the claim page and the review queue as every other role (their own steps and notices)", async () => {
      const { startSession } = await import("../../lib/auth/sessions");
      const admin = pageSession.current;
      try {
        for (const email of ["redaktion@claimbase.local", "pruefung@claimbase.local", "mitarbeit@claimbase.local"]) {
          const user = await t.db.user.update({ where: { email }, data: { locale: lang } });
          pageSession.current = { user: { id: user.id }, sid: await startSession(t.db, user.id) };
          for (const [state, id] of Object.entries(claimsByState)) {
            // The tabs whose notices and steps depend on the role (Details: the header's steps).
            for (const tab of ["details", "verdict", "evidence", "workflow"]) {
              const page = await renderDeskPage(path.join(DESK, "claims/[id]/page.tsx"), "desk", { params: Promise.resolve({ id }), searchParams: Promise.resolve({ tab }) }, lang);
              expect(otherLanguage(page, lang), `${email} ${state} ?tab=${tab}`).toEqual([]);
            }
          }
          const review = await renderDeskPage(path.join(DESK, "review/page.tsx"), "desk", { params: Promise.resolve({}), searchParams: Promise.resolve({}) }, lang);
          expect(otherLanguage(review, lang), `${email} review`).toEqual([]);
        }
      } finally {
        pageSession.current = admin;
      }
    });

    it("the claim's history names verdicts in the reader's language", async () => {
      const id = ids["/admin/claims/[id]/history"]!;
      const { verdict } = await t.db.claim.findUniqueOrThrow({ where: { id }, include: { verdict: true } });
      const page = await renderDeskPage(path.join(DESK, "claims/[id]/history/page.tsx"), "desk", { params: Promise.resolve({ id }), searchParams: Promise.resolve({ from: "1" }) }, lang);
      expect(verdict!.nameDe).not.toBe(verdict!.nameEn);
      // (The German name may stand in German content, the published analysis; the English one
      // only where the page names the verdict.)
      expect(page.html).toContain(lang === "en" ? verdict!.nameEn : verdict!.nameDe);
    });

    it("the log names what happened in the reader's words: roles, states, reasons, counts", async () => {
      const file = path.join(DESK, "audit/page.tsx");
      const render = (log: string) =>
        renderDeskPage(file, "desk", { params: Promise.resolve({}), searchParams: Promise.resolve({ log }) }, lang);
      const security = (await render("security")).text.replace(/\s+/g, " ");
      const changes = (await render("changes")).text.replace(/\s+/g, " ");
      const expected =
        lang === "en"
          ? [
              "Role: editor → reviewer; by Ada Admin",
              "Role: contributor; by Ada Admin",
              "password attempts; blocked until 2 Jan 2030, 13:30 (e-mail and address)",
              "with a recovery code; 9 recovery codes left",
              "Reason: wrong second factor; at sign-in",
              "two-factor sign-in mandatory; by Ada Admin",
              "2 sessions ended; by Ada Admin",
              "valid until 2 Jan 2030, 13:30; by Ada Admin",
            ]
          : [
              "Rolle: Redaktion → Prüfung; durch Ada Admin",
              "Rolle: Mitarbeit; durch Ada Admin",
              "Passwortversuche; gesperrt bis 02.01.2030, 13:30 (E-Mail und Adresse)",
              "mit einem Wiederherstellungscode; noch 9 Wiederherstellungscodes übrig",
              "Grund: falscher zweiter Faktor; bei der Anmeldung",
              "Zwei-Faktor-Anmeldung ist Pflicht; durch Ada Admin",
              "2 Sitzungen beendet; durch Ada Admin",
              "gültig bis 02.01.2030, 13:30; durch Ada Admin",
            ];
      for (const line of expected) expect(security).toContain(line);
      // Nothing shown as stored: no JSON, no code of a role.
      expect(security).not.toMatch(/[{}]|"|\b(recovery_code|wrong_second_factor|ip\+email)\b/);
      // The claims' workflow steps in the changes log: states by their names.
      expect(changes).toContain(lang === "en" ? "status : Draft → In review" : "status : Entwurf → In Prüfung");
      expect(changes).not.toMatch(/\bin_review\b/);
    });

    for (const [name, props] of [
      ["not-found", {}],
      ["loading", {}],
      ["error", { error: new Error("test"), reset: () => undefined }],
    ] as const) {
      it(`the desk's ${name} page`, async () => {
        const page = await renderDeskPage(path.join(DESK, `${name}.tsx`), "desk", props, lang);
        expect(page.text.length).toBeGreaterThan(100);
        expect(otherLanguage(page, lang)).toEqual([]);
      });
    }
  });
}

describe("the sign-in pages in the browser's language", () => {
  for (const [lang, acceptLanguage] of [["en", "en-GB,en;q=0.9"], ["de", "de-DE,de;q=0.9"]] as const) {
    for (const page of ["signin", "reset-password"]) {
      it(`/${page} in ${lang}`, async () => {
        pageSession.current = null;
        pageSession.acceptLanguage = acceptLanguage;
        const rendered = await renderDeskPage(path.join(ROOT, "app/(auth)", page, "page.tsx"), "auth", { searchParams: Promise.resolve({}) }, lang);
        expect(rendered.html).toMatch(new RegExp(`^<html lang="${lang}"`));
        expect(rendered.text.length).toBeGreaterThan(100);
        expect(otherLanguage(rendered, lang)).toEqual([]);
      });
    }
  }
});

// Last: it adds a thousand claims to the demo data.
describe("numbers as the reader's language writes them", () => {
  it("the overview counts claims with the language's digit grouping", async () => {
    pageSession.current = { user: { id: adminId }, sid: (await (await import("../../lib/auth/sessions")).startSession(t.db, adminId)) };
    await t.db.claim.createMany({ data: Array.from({ length: 1000 }, (_, i) => ({ slug: `zahl-${i}`, text: `Zahl ${i}` })) });
    const total = await t.db.claim.count();
    const drafts = await t.db.claim.count({ where: { status: "draft" } });
    for (const [lang, format] of [["en", new Intl.NumberFormat("en-GB")], ["de", new Intl.NumberFormat("de-DE")]] as const) {
      await useLanguage(lang);
      const page = await renderDeskPage(path.join(DESK, "page.tsx"), "desk", {}, lang);
      expect(format.format(total)).toMatch(lang === "en" ? /^\d,\d{3}$/ : /^\d\.\d{3}$/);
      expect(page.html).toContain(`>${format.format(total)}</td>`);
      expect(page.html).toContain(`>${format.format(drafts)}</td>`);
    }
  });
});
