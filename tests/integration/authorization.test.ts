// The authorization matrix. It finds every server action (every export of app/**/actions.ts),
// every newsroom page (app/admin/**/page.tsx) and every API route (app/api/**/route.ts) on
// the file system, so a new one cannot be forgotten, and checks each for anonymous visitors
// and every role on the server, the way a request would reach it (only Auth.js' session
// lookup is replaced by the session under test). Anonymous gets nothing anywhere.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Permission } from "../../lib/auth/permissions";
import { can, ROLES } from "../../lib/auth/permissions";
import type { Role } from "../../lib/generated/prisma/enums";
import type { Message } from "../../lib/messages";
import { text } from "../helpers/messages";

// The session under test: null for anonymous, else the user's id and a live session row
// (lib/auth/sessions.ts), as Auth.js' JWT would carry them.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string }; sid: string } }));
vi.mock("../../lib/auth/auth", () => ({
  auth: vi.fn(async () => session.current),
  signIn: vi.fn(async () => undefined),
  signOut: vi.fn(async () => undefined),
  handlers: { GET: vi.fn(), POST: vi.fn() },
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() }));

const ROOT = path.resolve(import.meta.dirname, "../..");
type Who = "anonymous" | Role;
const EVERYONE: Who[] = ["anonymous", ...ROLES];

function files(dir: string, name: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name === name) found.push(p);
    }
  };
  walk(path.join(ROOT, dir));
  return found.sort();
}

// The URL path of a page file: route groups ("(desk)") are not part of it.
const route = (file: string, base: string) =>
  "/" +
    path
      .relative(path.join(ROOT, "app"), path.dirname(file))
      .split(path.sep)
      .filter((segment) => !/^\(.*\)$/.test(segment))
      .join("/") || base;

// Every newsroom page and the permission it needs. A page missing here fails the test.
const PAGE_PERMISSIONS: Record<string, Permission> = {
  "/admin": "desk.view",
  "/admin/claims": "desk.view",
  "/admin/claims/new": "record.edit",
  "/admin/claims/[id]": "desk.view",
  "/admin/claims/[id]/history": "desk.view",
  "/admin/review": "desk.view",
  "/admin/speakers": "desk.view",
  "/admin/speakers/new": "record.edit",
  "/admin/speakers/[id]": "desk.view",
  "/admin/sources": "desk.view",
  "/admin/sources/new": "record.edit",
  "/admin/sources/[id]": "desk.view",
  "/admin/quotes": "desk.view",
  "/admin/quotes/new": "record.edit",
  "/admin/quotes/[id]": "desk.view",
  "/admin/articles": "desk.view",
  "/admin/articles/new": "record.edit",
  "/admin/articles/[id]": "desk.view",
  "/admin/users": "users.manage",
  "/admin/users/new": "users.manage",
  "/admin/users/[id]": "users.manage",
  "/admin/account": "account.manage",
  "/admin/audit": "audit.view",
  "/admin/topics": "taxonomy.manage",
  "/admin/topics/[id]": "taxonomy.manage",
  "/admin/verdicts": "taxonomy.manage",
  "/admin/verdicts/[id]": "taxonomy.manage",
  "/admin/import": "import.run",
  "/admin/import/[id]": "import.run",
  "/admin/external-checks": "desk.view",
  "/admin/external-checks/[id]": "desk.view",
  "/admin/export": "desk.view",
};

// API routes that are public by design, with the reason.
const PUBLIC_API: Record<string, string> = {
  "/api/auth/[...nextauth]": "Auth.js sign-in and session endpoints: they must work before sign-in.",
  "/api/oembed": "oEmbed for public claim pages: it shows only what the public page shows, read through lib/public.",
  // The public read API (issue 14 point 4, docs/api.md): what the public pages show, read through
  // lib/public; tests/integration/api-leak.test.ts checks every route for private values.
  ...Object.fromEntries(
    [
      "/api/v1/claims",
      "/api/v1/claims/[slug]",
      "/api/v1/claims-search",
      "/api/v1/speakers",
      "/api/v1/speakers/[slug]",
      "/api/v1/quotes",
      "/api/v1/topics",
      "/api/v1/topics/[slug]",
      "/api/v1/search",
      "/api/v1/claimreview-feed.json",
      "/api/v1/openapi.json",
      "/api/v1/docs",
      "/api/v1/[...rest]",
    ].map((r) => [r, "The public read API: only what the public pages show, read through lib/public (api-leak.test.ts)."]),
  ),
};
// Every other API route and the permission it needs.
const API_PERMISSIONS: Record<string, Permission> = {
  "/api/admin/similar": "desk.view",
  "/api/admin/choices/[kind]": "desk.view",
  "/api/admin/sources/[id]/text": "desk.view",
  "/api/admin/import": "import.run",
  "/api/admin/import/[id]": "import.run",
  "/api/admin/import/template": "import.run",
  "/api/admin/export": "desk.view",
};

let t: Awaited<ReturnType<typeof import("../helpers/db").createTestDatabase>>;
const userIds = {} as Record<Role, string>;
const params: Record<string, string> = {};

beforeAll(async () => {
  const { createTestDatabase } = await import("../helpers/db");
  const { bootstrap } = await import("../../lib/seed/bootstrap");
  const { loadSettings } = await import("../../lib/config");
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url; // the app's own `db` (lib/db/client.ts) uses this
  await bootstrap(t.db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));
  for (const [role, email] of [
    ["admin", "admin@claimbase.local"],
    ["editor", "redaktion@claimbase.local"],
    ["reviewer", "pruefung@claimbase.local"],
    ["contributor", "mitarbeit@claimbase.local"],
  ] as const) {
    userIds[role] = (await t.db.user.findUniqueOrThrow({ where: { email } })).id;
  }
  // Real ids for dynamic segments, per route.
  params["/admin/claims/[id]"] = (await t.db.claim.findFirstOrThrow()).id;
  params["/admin/claims/[id]/history"] = params["/admin/claims/[id]"];
  params["/admin/speakers/[id]"] = (await t.db.speaker.findFirstOrThrow()).id;
  params["/admin/sources/[id]"] = (await t.db.source.findFirstOrThrow()).id;
  params["/api/admin/sources/[id]/text"] = params["/admin/sources/[id]"];
  params["/admin/quotes/[id]"] = (await t.db.quote.findFirstOrThrow()).id;
  params["/admin/articles/[id]"] = (await t.db.article.findFirstOrThrow()).id;
  params["/admin/users/[id]"] = userIds.contributor;
  params["/admin/topics/[id]"] = (await t.db.topic.findFirstOrThrow()).id;
  params["/admin/verdicts/[id]"] = (await t.db.verdictLabel.findFirstOrThrow()).id;
  // An import with its preview and an external fact-check (issue 14).
  const { importFile } = await import("../../lib/import");
  const batch = await importFile(
    { id: userIds.editor, role: "editor" },
    { kind: "external", filename: "checks.csv" },
    (async function* () {
      yield "url,claim,claimant,publisher,rating\nhttps://checks.example/1,Eine Aussage,Wladimir Putin,Beispiel-Prüfstelle,falsch\n";
    })(),
    {},
    t.db,
  );
  params["/admin/import/[id]"] = batch.id;
  params["/api/admin/import/[id]"] = batch.id;
  const { confirmImport } = await import("../../lib/import");
  await confirmImport({ id: userIds.editor, role: "editor" }, { batchId: batch.id, version: 1 }, t.db);
  params["/admin/external-checks/[id]"] = (await t.db.externalFactCheck.findFirstOrThrow()).id;
  // Linked by the editor to the claim whose page is rendered: waiting for a second person's
  // approval, so the pages show it with its approve action (the review queue too).
  const { linkExternalCheck } = await import("../../lib/external-checks");
  await linkExternalCheck({ id: userIds.editor, role: "editor" }, { externalCheckId: params["/admin/external-checks/[id]"], claim: params["/admin/claims/[id]"] }, t.db);
});
afterAll(async () => {
  const { db } = await import("../../lib/db/client");
  await db.$disconnect().catch(() => {});
  await t?.stop();
});

/** A fresh session for `who` (an action may end the one before: sign-out). */
async function signInAs(who: Who) {
  if (who === "anonymous") {
    session.current = null;
    return;
  }
  const { startSession } = await import("../../lib/auth/sessions");
  session.current = { user: { id: userIds[who] }, sid: await startSession(t.db, userIds[who]) };
}

function digestOf(error: unknown): string {
  return error instanceof Error && "digest" in error ? String(error.digest) : "";
}

describe("server actions", () => {
  const actionFiles = files("app", "actions.ts");

  it("are all made with defineAction (registered with a permission)", async () => {
    const { actionRegistry } = await import("../../lib/actions/define");
    expect(actionFiles.length).toBeGreaterThan(0);
    for (const file of actionFiles) {
      const module = (await import(file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) {
        expect(actionRegistry.get(value), `${path.relative(ROOT, file)}: export ${name} is not made with defineAction`).toBeDefined();
      }
    }
  });

  for (const file of actionFiles) {
    for (const who of EVERYONE) {
      it(`${path.relative(ROOT, file)} as ${who}`, async () => {
        const { actionRegistry } = await import("../../lib/actions/define");
        const { IDLE } = await import("../../lib/actions/state");
        const module = (await import(file)) as Record<string, (s: unknown, f: FormData) => Promise<{ status: string; code?: string }>>;
        for (const [name, action] of Object.entries(module)) {
          await signInAs(who);
          const meta = actionRegistry.get(action)!;
          if (meta.permission === null) {
            // Public by design (sign-in, reset with a code): it must say why.
            expect(meta.publicReason, `${name} is public without a reason`).toBeTruthy();
            continue;
          }
          const permission = meta.permission;
          let outcome: string;
          try {
            const state = await action(IDLE, new FormData());
            outcome = state.status === "error" ? state.code! : state.status;
          } catch (error) {
            outcome = digestOf(error).startsWith("NEXT_REDIRECT") ? "redirect" : `threw ${String(error)}`;
          }
          const expected = who === "anonymous" ? "unauthenticated" : can(who, permission) ? "allowed" : "forbidden";
          const label = `${name} (${permission}) as ${who}`;
          if (expected === "allowed") {
            expect(["unauthenticated", "forbidden"], label).not.toContain(outcome);
            expect(outcome, label).not.toMatch(/^threw/);
          } else expect(outcome, label).toBe(expected);
        }
      });
    }
  }
});

// A server action's arguments are whatever a client sent: React decodes any serializable value,
// so a hand-made request can pass a string or an object where the browser passes the form.
// That is bad input (refused), not an error of the server: thrown, it was a 500 (the fuzz drill,
// npm run drill -- fuzz, found it for every action).
describe("server actions given arguments that are no form", () => {
  const NOT_FORMS: [string, unknown][] = [
    ["a string", "text"],
    ["a number", 12],
    ["null", null],
    ["an object", { id: "x", email: "a@b.de" }],
    ["an array", ["a", "b"]],
  ];
  for (const file of files("app", "actions.ts")) {
    for (const who of ["anonymous", "editor"] as const) {
      it(`${path.relative(ROOT, file)} as ${who}`, async () => {
        const { actionRegistry } = await import("../../lib/actions/define");
        const module = (await import(file)) as Record<string, (s: unknown, f: unknown) => Promise<Record<string, unknown>>>;
        for (const [name, action] of Object.entries(module)) {
          const meta = actionRegistry.get(action)!;
          for (const [what, value] of NOT_FORMS) {
            await signInAs(who);
            const label = `${name} with ${what} as ${who}`;
            const state = await action(meta.name === "signIn" ? { error: null, email: "", attempt: 0 } : { status: "idle" }, value);
            if (meta.name === "signIn") expect(state.error, label).toEqual({ key: "signIn.invalidInput" });
            else expect(state, label).toMatchObject({ status: "error", code: "validation" });
          }
        }
      });
    }
  }

  it("takes fields named like Object's own properties as plain fields", async () => {
    // "constructor" was read from the prototype and echoed back as a function, which the
    // answer could not carry (a 500); "__proto__" replaced the values' prototype.
    const { formValues } = await import("../../lib/actions/define");
    const { addCommentAction } = await import("../../app/(desk)/admin/claims/actions");
    const form = new FormData();
    for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty"]) form.append(name, `${name}!`);
    form.append("constructor", "again");
    const values = formValues(form);
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(values))).toEqual(values);
    expect(values.constructor).toEqual(["constructor!", "again"]);
    expect(Object.getOwnPropertyDescriptor(values, "__proto__")?.value).toBe("__proto__!");
    await signInAs("editor");
    const state = (await addCommentAction({ status: "idle" }, form)) as { status: string; values?: Record<string, unknown> };
    expect(state.status).toBe("error");
    expect(Object.values(state.values ?? {}).flat().every((v) => typeof v === "string")).toBe(true);
  });

  it("the sign-in refuses a previous state that is not its own", async () => {
    const { signInAction } = await import("../../app/(auth)/signin/actions");
    const form = new FormData();
    form.set("email", "a@b.de");
    form.set("password", "x");
    for (const previous of [null, "text", { attempt: "x", email: { a: 1 } }]) {
      const state = await signInAction(previous as never, form);
      expect(state).toMatchObject({ error: { key: "signIn.invalidInput" }, attempt: 1 });
    }
  });
});

describe("newsroom pages", () => {
  // Every page but the catch-all that answers unknown /admin paths with the not-found page
  // (behind the layout's session check, tested below).
  const pageFiles = files("app/(desk)/admin", "page.tsx").filter((f) => !f.includes("[...rest]"));

  it("each has a permission in this matrix", () => {
    const routes = pageFiles.map((f) => route(f, "/admin"));
    expect(routes.filter((r) => !(r in PAGE_PERMISSIONS)), "pages missing from PAGE_PERMISSIONS").toEqual([]);
  });

  it("the layout sends anonymous visitors to sign in", async () => {
    const { default: Layout } = await import("../../app/(desk)/admin/layout");
    await signInAs("anonymous");
    const error = await Promise.resolve(Layout({ children: null })).catch((e: unknown) => e);
    expect(digestOf(error)).toMatch(/^NEXT_REDIRECT.*\/signin/);
  });

  for (const file of pageFiles) {
    const r = route(file, "/admin");
    for (const who of EVERYONE) {
      it(`${r} as ${who}`, async () => {
        const permission = PAGE_PERMISSIONS[r];
        if (!permission) return; // reported by the test above
        const { default: Page } = (await import(file)) as { default: (props: unknown) => unknown };
        await signInAs(who);
        const props = {
          params: Promise.resolve(params[r] ? { id: params[r] } : {}),
          searchParams: Promise.resolve({}),
        };
        const result = await Promise.resolve()
          .then(() => Page(props))
          .then(
            () => "rendered",
            (e: unknown) => digestOf(e) || `threw ${String(e)}`,
          );
        if (who === "anonymous") expect(result).toMatch(/^NEXT_REDIRECT.*\/signin/);
        else if (!can(who, permission)) expect(result).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
        else expect(result).toBe("rendered");
      });
    }
  }
});

describe("API routes", () => {
  const routeFiles = files("app/api", "route.ts");

  it("each is in this matrix (public with a reason, or with a permission)", () => {
    const routes = routeFiles.map((f) => route(f, "/api"));
    expect(routes.filter((r) => !(r in PUBLIC_API) && !(r in API_PERMISSIONS))).toEqual([]);
  });

  for (const file of routeFiles) {
    const r = route(file, "/api");
    if (r in PUBLIC_API) continue;
    for (const who of EVERYONE) {
      it(`${r} as ${who}`, async () => {
        const permission = API_PERMISSIONS[r];
        if (!permission) return;
        const module = (await import(file)) as Record<string, unknown>;
        await signInAs(who);
        for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
          const handler = module[method] as ((req: Request, ctx: unknown) => Promise<Response>) | undefined;
          if (!handler) continue;
          const url = `http://localhost${r.replace("[id]", params[r] ?? "x")}?q=Putin&kind=speaker`;
          const init: RequestInit = method === "GET" ? {} : { method, body: "{}", headers: { "content-type": "application/json" } };
          const response = await handler(new Request(url, { ...init, method }), { params: Promise.resolve({ id: params[r] ?? "x" }) });
          const label = `${method} ${r} as ${who}`;
          if (who === "anonymous") expect(response.status, label).toBe(401);
          else if (!can(who, permission)) expect(response.status, label).toBe(403);
          else expect([401, 403], label).not.toContain(response.status);
        }
      });
    }
  }
});

// The one action of the matrix whose rule is more than a permission: an external fact-check's
// link to a claim goes public only when approved by someone with claim.review who did not make
// the link (four eyes), through the server action as the desk's form sends it.
describe("approving a link of an external fact-check (externalChecks.approveLink)", () => {
  it("is claim.review's, refused to the linker, and makes the link public for a reviewer", async () => {
    const { actionRegistry } = await import("../../lib/actions/define");
    const { IDLE } = await import("../../lib/actions/state");
    const { approveLinkAction } = await import("../../app/(desk)/admin/external-checks/actions");
    const { externalChecksOfClaim } = await import("../../lib/external-checks");
    expect(actionRegistry.get(approveLinkAction)).toMatchObject({ name: "externalChecks.approveLink", permission: "claim.review" });

    const claimId = params["/admin/claims/[id]"]!;
    const externalCheckId = params["/admin/external-checks/[id]"]!;
    const [link] = await externalChecksOfClaim(claimId, t.db);
    expect(link).toMatchObject({ state: "pending", linkedBy: { id: userIds.editor } });
    const form = new FormData();
    form.set("externalCheckId", externalCheckId);
    form.set("claimId", claimId);
    form.set("digest", link!.digest);
    const approve = async (who: Who) => {
      await signInAs(who);
      return (await approveLinkAction(IDLE, form)) as { status: string; code?: string; message?: Message };
    };
    expect(await approve("anonymous")).toMatchObject({ status: "error", code: "unauthenticated" });
    expect(await approve("contributor")).toMatchObject({ status: "error", code: "forbidden" });
    const byLinker = await approve("editor");
    expect(byLinker).toMatchObject({ status: "error", code: "transition", message: { key: "msg.external.fourEyes" } });
    expect(text(byLinker.message!)).toMatch(/Vier-Augen-Prinzip/);
    expect(text(byLinker.message!, "en")).toMatch(/^Four eyes/);
    const stored = () => t.db.claimExternalCheck.findUniqueOrThrow({ where: { claimId_externalCheckId: { claimId, externalCheckId } } });
    expect(await stored()).toMatchObject({ approvedAt: null });
    // A reviewer may approve (claim.review) though not link (external.link).
    expect(can("reviewer", "external.link")).toBe(false);
    expect(await approve("reviewer")).toMatchObject({ status: "ok" });
    expect(await stored()).toMatchObject({ approvedById: userIds.reviewer, approved: { publisherName: "Beispiel-Prüfstelle", textualRating: "falsch" } });
  });
});
