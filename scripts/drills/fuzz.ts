// npm run drill -- fuzz [--seed 1] [--values 6] [--concurrency 4] [--engine embedded|postgres]
//                       [--timeout 30] [--skip "name,name"] [--keep 1]
//
// Bad input must get a 4xx and change nothing; no input may get a 5xx or stall the server. On a
// throwaway instance (instance.ts: demo newsroom, production build, npm start's launcher;
// X-Forwarded-For believed from 127.0.0.1, so every request can come from an address of its
// own and the sign-in throttle does not end the run early), signed out and signed in as each
// role (admin, editor, reviewer, contributor), the drill sends:
//   - routes: every page and route handler under app/ (found on the file system, so a new one
//     is not forgotten), with real values for its dynamic segments, then hostile ones, hostile
//     values for each query parameter it reads (found in its source, plus the few read in
//     helpers: PARAMS_READ_ELSEWHERE), repeated and unknown parameters, odd methods, hostile
//     headers (language, cookies, a forged session cookie, Next.js's router headers,
//     forwarding headers) and bytes in the path that are no valid UTF-8;
//   - server actions: every export of app/**/actions.ts, from the action registry
//     (lib/actions/define.ts) with its permission and zod schema, whose keys are the form's
//     fields (forms.ts). A valid form (real ids and versions from the database, a valid
//     value of each field's kind) is spoiled one field at a time with hostile values
//     (hostile.ts: NUL and control characters, 100 KB strings, invalid UTF-8, huge numbers,
//     issue 11's Markdown that stalled the renderer, ...), a field left out, sent twice, sent
//     as a file; then whole forms: sent twice at once, empty, all fields hostile, unknown and
//     5,000 fields, and arguments that are no form at all;
//   - a read-back: every page again after the actions (the desk pages of the records changed
//     last, the public pages of those that are public): what was stored must not break them;
//   - the protocol: wrong Next-Action ids, bad Content-Types, bodies over the limit, cut off,
//     or not matching their Content-Length, cross-origin posts, broken framing (raw sockets).
// Deletions come after everyone's edits; actions that end a session or may lock an account
// (sign-out, password, second factor, sign-in, reset) come last. The values for each slot rotate through the list from a seeded offset:
// the same --seed sends the same requests. --values is how many values each slot gets per
// person (more: a longer, more thorough run); --skip leaves out values by name; --keep 1 keeps
// the data folder with the app's log (its path is printed).
// Prints the status counts per route and action, and every failure with the request that
// caused it: a 5xx, a request that got no answer (timeout; a stalled server ends the run), an
// action that answered "internal" (an unexpected error caught in the action: a 5xx in
// disguise), or a server error inside an answer whose status says otherwise (an error row in
// an RSC payload, a failed Suspense boundary). Not failures: oEmbed's 501 for a format it does
// not serve (the specification's answer), and a connection closed on a request over Node's
// 16 KiB header limit. Failures that Next.js produces before any code of the app runs (the
// server action protocol) are listed apart, by cause. Exit code 1 on any failure.
import fs from "node:fs";
import path from "node:path";
import type { Role } from "../../lib/generated/prisma/enums";
import { can } from "../../lib/auth/permissions";
import { Client, CookieJar, actionBody, actionOutcome, browserHeaders, pageRoute, rawRequest, signIn, type Answer, type FormEntry } from "./client";
import { loadActions, type AppAction, type Field } from "./forms";
import { HOSTILE, type Hostile } from "./hostile";
import { startInstance, type Instance } from "./instance";
import { cleanUp, guard, parseOptions, stopping } from "../lifecycle";
import { describeMachine, loadAverage, seeded } from "./machine";

const ROOT = path.resolve(import.meta.dirname, "../..");
type Who = "anonymous" | Role;
const PEOPLE: readonly Who[] = ["anonymous", "admin", "editor", "reviewer", "contributor"];

/** Query parameters read outside the route's own file (the scan of the file finds the rest). */
const PARAMS_READ_ELSEWHERE: Record<string, string[]> = {
  "/[locale]": ["page"], // lib/paged-routes.ts (proxy.ts turns it into a path)
  "/[locale]/corrections": ["page"],
  "/[locale]/topics/[slug]": ["page"],
  "/[locale]/speakers/[slug]": ["page", "qpage"],
  "/[locale]/search": ["q", "type", "verdict", "speaker", "topic", "from", "to", "page"], // lib/public/search.ts parseSearchParams
  "/api/admin/similar": ["kind", "q", "exclude"],
  "/api/oembed": ["url", "format", "maxwidth", "maxheight"],
  "/lang": ["to", "next"],
  "/signin": ["callbackUrl", "error", "code"], // Auth.js sends errors back here
};

/** Auth.js's endpoints under /api/auth/[...nextauth]. */
const AUTH_ENDPOINTS = ["csrf", "session", "providers", "signin", "signout", "error", "callback/credentials", "signin/credentials", "verify-request", "nonexistent"];

// ---------------------------------------------------------------------------------------
// The plan.

interface Person {
  who: Who;
  jar: CookieJar | null;
  /** Sessions lost and signed in again (an action of the drill ended it). */
  renewed: number;
  /** The session ended for good (after the drill changed the password or signed out). */
  ended: boolean;
}

interface Case {
  group: string;
  who: Who;
  /** What is spoiled, for the report. */
  label: string;
  /** Method and path, for the report. */
  request: string;
  send: (person: Person) => Promise<Answer>;
  /** The action whose answer is read, when it is one. */
  action?: AppAction;
  /** Raw framing that promises bytes it never sends: no answer is a fine answer. */
  mayGoUnanswered?: boolean;
  /** The form as sent (for an action). */
  sent?: FormEntry[];
  /** Bad enough that Next.js (or Node) handles it before any code of the app runs: reported
   * apart, since the fix is not in a route or an action. */
  layer?: "Next.js";
  /** Over Node's 16 KiB limit for the request line and headers: refused with a 431 or a closed
   * connection, both fine. */
  oversized?: boolean;
}

interface Result {
  c: Case;
  status: number;
  outcome?: string;
  error?: string;
  ms: number;
  /** The digest of a server error inside an answer whose status says otherwise: an error row
   * in an RSC payload, or a Suspense boundary that failed in an HTML page. */
  hiddenError?: string;
}

/** 5xx answers that are right by a specification, with the reason. */
const RIGHT_5XX: { group: string; status: number; why: string }[] = [
  { group: "/api/oembed", status: 501, why: "oEmbed 1.0, 2.3.5: an unsupported format is answered 501 Not Implemented" },
];

interface Fixtures {
  claimSlug: string;
  speakerSlug: string;
  topicSlug: string;
  /** Ids of real records by kind (claim, speaker, quote, ...). */
  ids: Record<string, string>;
}

/** Repo-relative files of every page and route handler under app/. */
function routeFiles(dir = path.join(ROOT, "app")): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...routeFiles(p));
    else if (/^(page\.tsx|route\.ts|robots\.ts|sitemap\.ts)$/.test(entry.name)) found.push(path.relative(ROOT, p).split(path.sep).join("/"));
  }
  return found.sort();
}

/** "app/(site)/[locale]/claims/[slug]/page.tsx" → "/[locale]/claims/[slug]"; robots.ts → "/robots.txt". */
function routeOf(file: string): string {
  if (/\/robots\.ts$/.test(file)) return "/robots.txt";
  const dir = path.posix.dirname(file.replace(/^app\//, "app/x/")).replace(/^app\/x\/?/, "");
  const segments = dir.split("/").filter((s) => s && !/^\(.*\)$/.test(s));
  return "/" + segments.join("/");
}

/** Query parameters the file reads. */
function paramsRead(file: string, route: string): string[] {
  const source = fs.readFileSync(path.join(ROOT, file), "utf8");
  const names = new Set<string>(PARAMS_READ_ELSEWHERE[route] ?? []);
  const patterns = [/param\([^,()]+,\s*"(\w+)"\)/g, /\.get\("(\w+)"\)/g, /\(await searchParams\)\.(\w+)/g, /\bquery\.(\w+)/g];
  if (/searchParams/.test(source)) patterns.push(/\bparams\.(\w+)/g);
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) names.add(m[1]!);
  for (const method of ["get", "set", "toString", "safeParse", "getAll", "has"]) names.delete(method);
  return [...names];
}

/** A real value for a dynamic segment of a route. */
function segmentValue(route: string, segment: string, f: Fixtures): string {
  const parent = route.split("/").slice(0, route.split("/").indexOf(segment)).pop() ?? "";
  switch (segment) {
    case "[locale]":
      return "";
    case "[page]":
    case "[qpage]":
      return "2";
    case "[slug]":
      return encodeURIComponent(parent === "speakers" ? f.speakerSlug : parent === "topics" ? f.topicSlug : f.claimSlug);
    case "[id]": {
      const kind = { claims: "claim", speakers: "speaker", sources: "source", quotes: "quote", articles: "article", users: "user", topics: "topic", verdicts: "verdictLabel" }[parent];
      return f.ids[kind ?? "claim"] ?? "x";
    }
    default:
      return "nicht/vorhanden"; // [...rest]
  }
}

function fill(route: string, f: Fixtures, replace?: { segment: string; value: string }, english = false): string {
  const parts = route.split("/").map((s) => {
    if (replace && s === replace.segment) return replace.value;
    if (s === "[locale]") return english ? "en" : "";
    return /^\[.*\]$/.test(s) ? segmentValue(route, s, f) : s;
  });
  return parts.filter((p, i) => i === 0 || p !== "").join("/") || "/";
}

// ---------------------------------------------------------------------------------------
// Valid forms.

/** A valid value for a field of an action's form, from its name and kind. */
function validValue(action: AppAction, field: Field, f: Fixtures, n: number): string | null {
  const group = action.name.split(".")[0]!;
  const name = field.name;
  const ids = f.ids;
  const recordOf: Record<string, string | undefined> = {
    quotes: ids.draftQuote,
    sources: ids.source,
    speakers: ids.speaker,
    articles: action.name === "articles.extract" || action.name === "articles.candidates.acceptAll" ? ids.article : ids.candidate,
    createTopic: ids.topic,
    updateTopic: ids.topic,
    deleteTopic: ids.topic,
    updateUser: ids.targetUser,
    issueResetCode: ids.targetUser,
    resetTwoFactor: ids.targetUser,
    createVerdictLabel: ids.verdictLabel,
    updateVerdictLabel: ids.verdictLabel,
    deleteVerdictLabel: ids.verdictLabel,
  };
  switch (name) {
    case "id":
      return recordOf[group] ?? recordOf[action.name] ?? ids.claim ?? "";
    case "version":
      return "VERSION"; // looked up when the form is sent
    case "claimId":
      return ids.evidenceClaim && action.name.startsWith("evidence.") ? ids.evidenceClaim : (ids.claim ?? "");
    case "evidenceId":
      return ids.evidence ?? "";
    case "speakerId":
    case "claimantId":
      return ids.speaker ?? "";
    case "reportedById":
    case "parentId":
    case "exclude":
      return "";
    case "sourceId":
      return ids.source ?? "";
    case "verdictId":
      return ids.verdictLabel ?? "";
    case "assigneeId":
      return ids.editorUser ?? "";
    case "topicIds":
      return ids.topic ?? "";
    case "quoteIds":
      return ids.quote ?? "";
    case "email":
      return `drill-${n}@example.org`;
    case "password":
      return action.name === "signIn" ? "not-the-password-123" : `drill-password-${n}-long`;
    case "currentPassword":
      return "CURRENT_PASSWORD"; // the person's own, filled in when sent
    case "newPassword":
    case "newPasswordRepeat":
      return `drill-new-password-${n}`;
    case "code":
      return "123456";
    case "pending":
      return "";
    case "callbackUrl":
      return "/admin";
    case "url":
      return `https://example.org/drill/${n}`;
    case "slug":
    case "wikidataId":
    case "quantityAsOf":
    case "quantityValue":
      return "";
    case "key":
      return `drill-${n}`;
    case "language":
      return field.kind === "enum" ? field.options![0]! : "de";
    case "active":
      return "on";
    case "start":
    case "end":
    case "position":
      return "";
    case "title":
    case "name":
    case "nameDe":
    case "nameEn":
      return `Drill ${n}`;
  }
  switch (field.kind) {
    case "enum":
      // A new account's role: the least one.
      return name === "role" ? "contributor" : field.options![0]!;
    case "boolean":
      return "";
    case "date":
      return "2024-05-01";
    case "number":
      return "1";
    case "list":
      return null;
    default:
      return field.required ? `Drill-Text ${n}` : "";
  }
}

// ---------------------------------------------------------------------------------------
// Sending.

interface Context {
  instance: Instance;
  client: Client;
  fixtures: Fixtures;
  random: () => number;
  timeoutMs: number;
  /** Each request comes from an address of its own (X-Forwarded-For from 127.0.0.1, trusted). */
  address: () => string;
}

const MODEL_OF_ID: Record<string, string> = {};

async function versionOf(ctx: Context, id: string): Promise<string> {
  const model = MODEL_OF_ID[id];
  if (!model) return "1";
  const delegate = (ctx.instance.db as unknown as Record<string, { findUnique: (a: unknown) => Promise<{ version: number } | null> }>)[model]!;
  const row = await delegate.findUnique({ where: { id }, select: { version: true } });
  return String(row?.version ?? 1);
}

/** Fills in what is only known when the form is sent: versions, the person's password. */
async function resolveEntries(ctx: Context, action: AppAction, person: Person, entries: FormEntry[]): Promise<FormEntry[]> {
  const recordId = entries.find(([k]) => k === "id" || k === "evidenceId")?.[1] ?? entries.find(([k]) => k === "claimId")?.[1];
  const out: FormEntry[] = [];
  for (const [k, v] of entries) {
    if (v === "VERSION") out.push([k, typeof recordId === "string" ? await versionOf(ctx, recordId) : "1"]);
    else if (v === "CURRENT_PASSWORD") out.push([k, person.who === "anonymous" ? "no-password-at-all" : ctx.instance.accounts[person.who].password]);
    else out.push([k, v]);
  }
  return out;
}

function actionPath(action: AppAction, f: Fixtures): string {
  const route = action.ref.pages.map(pageRoute).sort((a, b) => a.length - b.length)[0] ?? "/admin";
  return fill(route, f);
}

function requestHeaders(ctx: Context, person: Person, extra: Record<string, string> = {}): Record<string, string> {
  return browserHeaders(ctx.client, person.jar, { "x-forwarded-for": ctx.address(), ...extra });
}

async function postAction(
  ctx: Context,
  person: Person,
  action: AppAction,
  build: () => { body: Buffer; contentType: string },
  options: { path?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const { body, contentType } = build();
  return ctx.client.request({
    method: "POST",
    path: options.path ?? actionPath(action, ctx.fixtures),
    headers: requestHeaders(ctx, person, { accept: "text/x-component", "next-action": action.ref.id, "content-type": contentType, origin: `http://${ctx.client.host}`, ...options.headers }),
    body,
    timeoutMs: ctx.timeoutMs,
  });
}

// ---------------------------------------------------------------------------------------
// Cases.

function routeCases(ctx: Context, who: Who, values: number, skip: Set<string>): Case[] {
  const f = ctx.fixtures;
  const cases: Case[] = [];
  const pool = HOSTILE.filter((h) => !skip.has(h.name));
  let offset = Math.floor(ctx.random() * pool.length);
  const sample = (count: number): Hostile[] => Array.from({ length: Math.min(count, pool.length) }, () => pool[offset++ % pool.length]!);
  const get = (group: string, label: string, p: string, extra: Record<string, string> = {}, method = "GET"): Case => ({
    group,
    who,
    label,
    request: `${method} ${p}`,
    oversized: p.length > 16 * 1024,
    send: (person) => ctx.client.request({ method, path: p, headers: requestHeaders(ctx, person, extra), timeoutMs: ctx.timeoutMs, body: method === "POST" || method === "PUT" ? "a=b" : undefined }),
  });

  for (const file of routeFiles()) {
    const route = routeOf(file);
    const desk = route.startsWith("/admin") || route.startsWith("/api/admin");
    // Signed-in people on public pages and everyone but signed-in people on the desk get fewer
    // values: the same code answers, mostly.
    const k = (who === "anonymous") === !desk ? values : Math.max(1, Math.floor(values / 2));
    const group = route;
    const english = () => ctx.random() < 0.4;

    if (route === "/api/auth/[...nextauth]") {
      for (const endpoint of AUTH_ENDPOINTS) {
        cases.push(get(group, `${endpoint}`, `/api/auth/${endpoint}`));
        for (const h of sample(Math.max(1, Math.floor(k / 3)))) {
          cases.push(get(group, `${endpoint}?error=${h.name}`, `/api/auth/${endpoint}?error=${h.url}&callbackUrl=${h.url}`));
          const body = `csrfToken=${h.url}&email=${h.url}&password=${h.url}&callbackUrl=${h.url}`;
          cases.push({
            group,
            who,
            label: `POST ${endpoint} fields=${h.name}`,
            request: `POST /api/auth/${endpoint}`,
            send: (person) =>
              ctx.client.request({
                method: "POST",
                path: `/api/auth/${endpoint}`,
                headers: requestHeaders(ctx, person, { "content-type": "application/x-www-form-urlencoded", origin: `http://${ctx.client.host}` }),
                body,
                timeoutMs: ctx.timeoutMs,
              }),
          });
        }
      }
      continue;
    }

    const base = fill(route, f, undefined, false);
    cases.push(get(group, "real values", base));
    if (route.includes("[locale]")) cases.push(get(group, "real values, English", fill(route, f, undefined, true)));
    const dynamic = route.split("/").filter((s) => /^\[.*\]$/.test(s) && s !== "[locale]");
    for (const segment of dynamic) {
      for (const h of sample(k)) {
        const p = fill(route, f, { segment, value: h.url }, english());
        cases.push(get(group, `${segment}=${h.name}`, p));
      }
    }
    const params = [...paramsRead(file, route), "x"];
    const sep = base.includes("?") ? "&" : "?";
    for (const param of params) {
      for (const h of sample(k)) {
        const b = fill(route, f, undefined, english());
        cases.push(get(group, `?${param}=${h.name}`, `${b}${sep}${param}=${h.url}`));
      }
    }
    const [h1, h2] = sample(2);
    cases.push(get(group, "every parameter twice", `${base}${sep}${params.map((p) => `${p}=${h1!.url}&${p}=${h2!.url}`).join("&")}`));
    cases.push(get(group, "parameters as lists (name[])", `${base}${sep}${params.map((p) => `${encodeURIComponent(`${p}[]`)}=${h1!.url}`).join("&")}`));
    cases.push(get(group, "parameter names hostile", `${base}${sep}${h1!.url}=1&${h2!.url}=${h2!.url}&=&&`));

    // Headers a client chooses freely.
    const headerCases: [string, Record<string, string>][] = [
      ["Accept-Language garbage", { "accept-language": "*;q=NaN, en;q=-1, de;q=1e999, ,,;;, " + "x".repeat(4000) }],
      ["locale cookie garbage", { cookie: `NEXT_LOCALE=%00%FF; claimbase-locale=${"x".repeat(3000)}; =; ;;` }],
      ["forged session cookie", { cookie: `authjs.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..${"A".repeat(200)}.${"B".repeat(40)}` }],
      ["split session cookie", { cookie: "authjs.session-token.0=%00; authjs.session-token.1=garbage; authjs.session-token.7=x" }],
      ["Auth.js callback-url cookie hostile", { cookie: "authjs.callback-url=javascript%3Aalert(1); authjs.csrf-token=%00" }],
      ["RSC headers garbage", { rsc: "1", "next-router-state-tree": "%7B%22garbage", "next-router-prefetch": "1", "next-router-segment-prefetch": "/../..", "next-url": "/%00" }],
      ["RSC state tree deep", { rsc: "1", "next-router-state-tree": encodeURIComponent("[".repeat(5000)) }],
      ["forwarding headers garbage", { "x-forwarded-for": "not-an-ip, 300.1.1.1, ::ffff:zz", "x-forwarded-host": "evil.example:99999", "x-forwarded-proto": "gopher", "x-forwarded-port": "-1", forwarded: "for=\"[::1" }],
      ["conditional and range", { "if-none-match": '"x", W/"', "if-modified-since": "yesterday", range: "bytes=999999999-1" }],
      ["Host header other", { host: "evil.example" }],
      ["Accept odd", { accept: "text/x-component;q=2, */*;q=-1", "accept-encoding": "br;q=1, gzip;q=NaN, compress, identity;q=0" }],
    ];
    for (let i = 0; i < Math.max(2, Math.floor(k / 2)); i++) {
      const [label, headers] = headerCases[offset++ % headerCases.length]!;
      cases.push(get(group, label, fill(route, f, undefined, english()), headers));
    }
    const methods = ["HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];
    for (let i = 0; i < 2; i++) {
      const method = methods[offset++ % methods.length]!;
      cases.push(get(group, `method ${method}`, base, method === "POST" || method === "PUT" ? { "content-type": "application/x-www-form-urlencoded" } : {}, method));
    }
    // Bytes Node's client will not send: raw.
    const rawPaths = [`${base}${sep}q=\xff\xfe`, `${base}/\xc3\x28`, `${base.replace(/\/?$/, "")}//..//%2e%2e/`, `${base}${sep}q=a b`];
    const rawPath = rawPaths[offset++ % rawPaths.length]!;
    cases.push({
      group,
      who,
      label: "raw bytes in the path",
      request: `GET ${JSON.stringify(rawPath)}`,
      send: (person) =>
        rawRequest(
          ctx.instance.port,
          Buffer.concat([
            Buffer.from("GET "),
            Buffer.from(rawPath, "latin1"),
            Buffer.from(` HTTP/1.1\r\nHost: ${ctx.client.host}\r\nConnection: close\r\nX-Forwarded-For: ${ctx.address()}\r\n${person.jar?.header() ? `Cookie: ${person.jar.header()}\r\n` : ""}\r\n`),
          ]),
          { timeoutMs: ctx.timeoutMs },
        ),
    });
  }
  return cases;
}

/**
 * Every page again, after the actions: what they stored (hostile text that passed validation)
 * must not break a page that shows it. The desk pages of the records changed last, and the
 * public pages of the claims among them.
 */
async function readBackCases(ctx: Context, who: Who): Promise<Case[]> {
  const { db } = ctx.instance;
  const latest = { orderBy: { updatedAt: "desc" as const }, take: 8, select: { id: true } };
  const ids: Record<string, string[]> = {
    claims: [
      ...new Set([
        ...(await db.claim.findMany(latest)).map((r) => r.id),
        ...(await db.evidence.findMany({ orderBy: { updatedAt: "desc" }, take: 8, select: { claimId: true } })).map((r) => r.claimId),
      ]),
    ],
    quotes: (await db.quote.findMany(latest)).map((r) => r.id),
    sources: (await db.source.findMany(latest)).map((r) => r.id),
    speakers: (await db.speaker.findMany(latest)).map((r) => r.id),
    topics: (await db.topic.findMany(latest)).map((r) => r.id),
    verdicts: (await db.verdictLabel.findMany(latest)).map((r) => r.id),
    users: (await db.user.findMany(latest)).map((r) => r.id),
    articles: (await db.article.findMany(latest)).map((r) => r.id),
  };
  const publicSlugs = (await db.claim.findMany({ where: { id: { in: ids.claims }, publicState: { not: null } }, select: { slug: true } })).map((c) => c.slug);
  const paths = new Set<string>();
  for (const file of routeFiles()) {
    const route = routeOf(file);
    if (route.includes("[...")) continue;
    paths.add(fill(route, ctx.fixtures));
    const parent = /^\/admin\/(\w+)\/\[id\]/.exec(route)?.[1];
    if (parent && ids[parent]) for (const id of ids[parent]!) paths.add(route.replace("[id]", id));
  }
  for (const slug of publicSlugs) for (const lang of ["", "/en"]) paths.add(`${lang}/claims/${encodeURIComponent(slug)}`);
  return [...paths].map((p) => ({
    group: "read back (every page, after the actions)",
    who,
    label: p,
    request: `GET ${p}`,
    send: (person: Person) => ctx.client.request({ path: p, headers: requestHeaders(ctx, person), timeoutMs: ctx.timeoutMs }),
  }));
}

/** Form entries of the valid form, one field replaced (or left out) by `spoil`. */
function formWith(action: AppAction, f: Fixtures, n: number, spoil?: (field: Field) => FormEntry[] | undefined): FormEntry[] {
  const entries: FormEntry[] = [];
  for (const field of action.fields) {
    const spoiled = spoil?.(field);
    if (spoiled) {
      entries.push(...spoiled);
      continue;
    }
    const value = validValue(action, field, f, n);
    if (value !== null) entries.push([field.name, value]);
  }
  return entries;
}

/** Arguments of an action call that are no form; the last ones React's decoder itself refuses
 * (in Next.js, before the action runs). */
const ARGUMENT_SHAPES: [string, string, "Next.js"?][] = [
  ["no arguments", "[]"],
  ["nulls", "[null,null]"],
  ["a string instead of the form", `[{"status":"idle"},"text"]`],
  ["a number instead of the form", `[{"status":"idle"},12]`],
  ["an object instead of the form", `[{"status":"idle"},{"email":"a","id":"b"}]`],
  ["an array instead of the form", `[{"status":"idle"},["a","b"]]`],
  ["the form as previous state too", `["$K1","$K1"]`],
  ["previous state hostile", `[{"attempt":"x","email":{"a":1},"status":"$K1"},"$K1"]`],
  ["no JSON", "not json", "Next.js"],
  ["cut-off JSON", `[{"status":`, "Next.js"],
  ["a reference to nothing", `["$@7","$K9"]`, "Next.js"],
  ["deeply nested", `${"[".repeat(20_000)}${"]".repeat(20_000)}`, "Next.js"],
];

/** Values every field gets once (from the admin): the inputs of issue 11. */
const ALWAYS = ["nul", "100 KB", "Markdown heading, 4,000 spaces", "10,000 [", "invalid UTF-8", "HTML and script"];

function actionCases(ctx: Context, actions: AppAction[], who: Who, values: number, skip: Set<string>): Case[] {
  const f = ctx.fixtures;
  const pool = HOSTILE.filter((h) => !skip.has(h.name));
  let offset = Math.floor(ctx.random() * pool.length);
  let shapeOffset = Math.floor(ctx.random() * ARGUMENT_SHAPES.length);
  const cases: Case[] = [];
  let n = 0;
  for (const action of actions) {
    const group = `action ${action.name}`;
    const allowed = action.meta.permission === null || (who !== "anonymous" && can(who, action.meta.permission));
    // Refused before the form is read: a few values are enough to show it.
    const k = allowed ? values : 1;
    const previous = action.name === "signIn" ? { error: null, email: "", attempt: 0 } : { status: "idle" };
    const send = (label: string, entries: () => FormEntry[], headers?: Record<string, string>, root?: string): Case => {
      const c: Case = {
        group,
        who,
        label,
        request: `POST ${actionPath(action, f)} (${action.name})`,
        action,
        send: async (person) => {
          const resolved = await resolveEntries(ctx, action, person, entries());
          c.sent = resolved;
          const answer = await postAction(ctx, person, action, () => actionBody(previous, resolved, root), { headers });
          // As a browser keeps the cookies it gets (a changed password comes with a new session).
          person.jar?.absorb(answer);
          return answer;
        },
      };
      return c;
    };
    const id = ++n;
    cases.push(send("valid form", () => formWith(action, f, id)));
    for (const field of action.fields) {
      const values = Array.from({ length: k }, () => pool[offset++ % pool.length]!);
      // The admin (allowed everything) also sends every field the values issue 11 names.
      if (who === "admin") values.push(...pool.filter((h) => ALWAYS.includes(h.name) && !values.includes(h)));
      for (const h of values) {
        const m = ++n;
        cases.push(send(`${field.name}=${h.name}`, () => formWith(action, f, m, (x) => (x === field ? [[field.name, h.form]] : undefined))));
      }
      if (!allowed) continue;
      const m1 = ++n;
      cases.push(send(`${field.name} left out`, () => formWith(action, f, m1, (x) => (x === field ? [] : undefined))));
      const h = pool[offset++ % pool.length]!;
      const m2 = ++n;
      cases.push(
        send(`${field.name} three times`, () =>
          formWith(action, f, m2, (x) => (x === field ? [[field.name, validValue(action, field, f, m2) ?? "a"], [field.name, h.form], [`${field.name}[]`, h.form]] : undefined)),
        ),
      );
      const m3 = ++n;
      cases.push(
        send(`${field.name} as a file`, () =>
          formWith(action, f, m3, (x) => (x === field ? [[field.name, { filename: "x.bin", type: "application/octet-stream", data: h.form }]] : undefined)),
        ),
      );
    }
    for (const name of action.files) {
      const files: [string, { filename: string; type: string; data: Buffer }][] = [
        ["empty unnamed file", { filename: "", type: "application/octet-stream", data: Buffer.alloc(0) }],
        ["binary garbage", { filename: "x.html", type: "text/html", data: Buffer.from(Array.from({ length: 65_536 }, (_, i) => (i * 7919) % 256)) }],
        ["HTML nested 20,000 deep", { filename: "deep.html", type: "text/html", data: Buffer.from(`<html><body>${"<div>".repeat(20_000)}x</body></html>`) }],
        ["HTML <pre> with 100 KB of trailing spaces", { filename: "pre.html", type: "text/html", data: Buffer.from(`<html><body><pre>a${" ".repeat(100_000)}\n</pre></body></html>`) }],
        ["2.5 MB file (over the 2 MB limit)", { filename: "big.txt", type: "text/plain", data: Buffer.alloc(2_500_000, "a") }],
        ["file name hostile", { filename: "../../\u0000x\r\n.html", type: "text/html\r\nX: y", data: Buffer.from("<p>x</p>") }],
      ];
      for (const [label, file] of allowed ? files : files.slice(0, 1)) {
        const m = ++n;
        const c = send(`${name}: ${label}`, () => [...formWith(action, f, m), [name, file]]);
        // A line break in a part's header is no multipart any more: Next.js's parser refuses it.
        if (label === "file name hostile") c.layer = "Next.js";
        cases.push(c);
      }
    }
    if (allowed) {
      // A form sent twice at once (two tabs, a double click): one may be refused (a conflict),
      // neither may fail.
      const twice = ++n;
      const once = send("the valid form twice at once", () => formWith(action, f, twice));
      const single = once.send;
      once.send = async (person) => {
        const answers = await Promise.all([single(person), single(person)]);
        const bad = (a: Answer) => a.status >= 500 || a.status === 0 || (a.status === 200 && actionOutcome(a).result === "internal");
        return answers.find(bad) ?? answers[1]!;
      };
      cases.push(once);
    }
    const m = ++n;
    cases.push(send("no fields", () => []));
    cases.push(
      send("every field hostile", () =>
        formWith(action, f, m, (field) => [[field.name, pool[(m * 7 + field.name.length) % pool.length]!.form]]),
      ),
    );
    if (allowed) {
      cases.push(send("unknown fields", () => [...formWith(action, f, m), ["__proto__", "x"], ["constructor", "x"], ["toString", "x"], ["$ACTION_ID_0", "x"], ["x".repeat(10_000), "x"]]));
      const nul = send("a field name with NUL", () => [...formWith(action, f, m), ["a\u0000b", "x"]]);
      nul.layer = "Next.js"; // a NUL in a part's header: Next.js's multipart parser refuses it
      cases.push(nul);
      cases.push(send("5,000 fields", () => [...formWith(action, f, m), ...Array.from({ length: 5_000 }, (_, i): FormEntry => [`f${i}`, "v"])]));
    }
    for (let i = 0; i < (allowed ? 4 : 2); i++) {
      const [label, root, layer] = ARGUMENT_SHAPES[shapeOffset++ % ARGUMENT_SHAPES.length]!;
      const c = send(`arguments: ${label}`, () => formWith(action, f, m), undefined, root);
      c.layer = layer;
      cases.push(c);
    }
  }
  return cases;
}

function protocolCases(ctx: Context, actions: AppAction[], who: Who): Case[] {
  const f = ctx.fixtures;
  const group = "protocol (server action requests)";
  const action = actions.find((a) => a.name === "claims.comment") ?? actions[0]!;
  const cases: Case[] = [];
  const valid = () => actionBody({ status: "idle" }, formWith(action, f, 0).map(([k, v]) => [k, v === "VERSION" ? "1" : v] as FormEntry));
  const post = (label: string, headers: Record<string, string>, body: () => Buffer, p?: string): Case => ({
    group,
    who,
    label,
    request: `POST ${p ?? actionPath(action, f)}`,
    send: (person) =>
      ctx.client.request({
        method: "POST",
        path: p ?? actionPath(action, f),
        headers: requestHeaders(ctx, person, { accept: "text/x-component", origin: `http://${ctx.client.host}`, ...headers }),
        body: body(),
        timeoutMs: ctx.timeoutMs,
      }),
  });
  const multipart = () => valid().contentType;
  const id = action.ref.id;
  const hex = (len: number) => Array.from({ length: len }, () => "0123456789abcdef"[Math.floor(ctx.random() * 16)]).join("");
  const wrongId = hex(id.length);
  cases.push(post("Next-Action: an id no action has", { "next-action": wrongId, "content-type": multipart() }, () => valid().body));
  cases.push(post("Next-Action: empty", { "next-action": "", "content-type": multipart() }, () => valid().body));
  cases.push(post("Next-Action: 10 KB", { "next-action": "a".repeat(10_000), "content-type": multipart() }, () => valid().body));
  cases.push(post("Next-Action: not hex", { "next-action": "../../constructor", "content-type": multipart() }, () => valid().body));
  cases.push(post("Next-Action: toString", { "next-action": "toString", "content-type": multipart() }, () => valid().body));
  cases.push(post("Next-Action: __proto__", { "next-action": "__proto__", "content-type": multipart() }, () => valid().body));
  cases.push(post("valid id posted to the home page", { "next-action": id, "content-type": multipart() }, () => valid().body, "/"));
  cases.push(post("valid id posted to a public claim page", { "next-action": id, "content-type": multipart() }, () => valid().body, `/claims/${encodeURIComponent(f.claimSlug)}`));
  cases.push(post("valid id posted to an unknown page", { "next-action": id, "content-type": multipart() }, () => valid().body, "/gibt-es-nicht"));
  // Content types.
  cases.push(post("Content-Type text/plain, no JSON", { "next-action": id, "content-type": "text/plain;charset=UTF-8" }, () => Buffer.from("garbage")));
  cases.push(post("Content-Type text/plain, a string", { "next-action": id, "content-type": "text/plain;charset=UTF-8" }, () => Buffer.from(`"x"`)));
  cases.push(post("Content-Type text/plain, arguments without a form", { "next-action": id, "content-type": "text/plain;charset=UTF-8" }, () => Buffer.from(`[{"status":"idle"},"$K1"]`)));
  cases.push(post("Content-Type application/json", { "next-action": id, "content-type": "application/json" }, () => Buffer.from(`{"claimId":"x"}`)));
  cases.push(post("Content-Type form-urlencoded", { "next-action": id, "content-type": "application/x-www-form-urlencoded" }, () => Buffer.from("claimId=x&body=y")));
  cases.push(post("Content-Type multipart without boundary", { "next-action": id, "content-type": "multipart/form-data" }, () => valid().body));
  cases.push(post("Content-Type multipart, other boundary", { "next-action": id, "content-type": "multipart/form-data; boundary=nope" }, () => valid().body));
  cases.push(post("Content-Type multipart, empty boundary", { "next-action": id, "content-type": "multipart/form-data; boundary=" }, () => valid().body));
  cases.push(post("Content-Type missing", { "next-action": id }, () => valid().body));
  cases.push(post("Content-Type 10 KB", { "next-action": id, "content-type": `multipart/form-data; boundary=${"b".repeat(10_000)}` }, () => valid().body));
  // Bodies.
  cases.push(post("body empty", { "next-action": id, "content-type": multipart() }, () => Buffer.alloc(0)));
  cases.push(
    post("body cut off (no closing boundary)", {}, () => Buffer.alloc(0)),
  );
  cases[cases.length - 1]!.send = (person) => {
    const { body, contentType } = valid();
    return ctx.client.request({
      method: "POST",
      path: actionPath(action, f),
      headers: requestHeaders(ctx, person, { accept: "text/x-component", origin: `http://${ctx.client.host}`, "next-action": id, "content-type": contentType }),
      body: body.subarray(0, Math.floor(body.length / 2)),
      timeoutMs: ctx.timeoutMs,
    });
  };
  cases.push(post("body 4 MB (over the 3 MB limit)", {}, () => Buffer.alloc(0)));
  cases[cases.length - 1]!.send = (person) => {
    const { body, contentType } = actionBody({ status: "idle" }, [["claimId", "x"], ["body", Buffer.alloc(4_000_000, "a")]]);
    return ctx.client.request({
      method: "POST",
      path: actionPath(action, f),
      headers: requestHeaders(ctx, person, { accept: "text/x-component", origin: `http://${ctx.client.host}`, "next-action": id, "content-type": contentType }),
      body,
      timeoutMs: ctx.timeoutMs,
    });
  };
  cases.push(post("multipart without the arguments part", {}, () => Buffer.alloc(0)));
  cases[cases.length - 1]!.send = (person) => {
    const boundary = "drillboundary";
    const body = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_1_claimId"\r\n\r\nx\r\n--${boundary}--\r\n`);
    return ctx.client.request({
      method: "POST",
      path: actionPath(action, f),
      headers: requestHeaders(ctx, person, { accept: "text/x-component", origin: `http://${ctx.client.host}`, "next-action": id, "content-type": `multipart/form-data; boundary=${boundary}` }),
      body,
      timeoutMs: ctx.timeoutMs,
    });
  };
  // Origins.
  cases.push(post("Origin another site", { "next-action": id, "content-type": multipart(), origin: "http://evil.example" }, () => valid().body));
  cases.push(post("Origin null", { "next-action": id, "content-type": multipart(), origin: "null" }, () => valid().body));
  cases.push(post("Origin garbage", { "next-action": id, "content-type": multipart(), origin: "::::" }, () => valid().body));
  // Framing, on a socket of its own.
  const raw = (label: string, head: (body: Buffer, contentType: string, cookie: string) => Buffer, halfClose = false, mayGoUnanswered = false): Case => ({
    group,
    who,
    label,
    request: `POST ${actionPath(action, f)} (raw)`,
    mayGoUnanswered,
    send: (person) => {
      const { body, contentType } = valid();
      return rawRequest(ctx.instance.port, head(body, contentType, person.jar?.header() ?? ""), { timeoutMs: Math.min(ctx.timeoutMs, 15_000), halfClose });
    },
  });
  const start = (contentType: string, cookie: string, extra: string) =>
    `POST ${actionPath(action, f)} HTTP/1.1\r\nHost: ${ctx.client.host}\r\nOrigin: http://${ctx.client.host}\r\nNext-Action: ${id}\r\n` +
    `Content-Type: ${contentType}\r\nX-Forwarded-For: ${ctx.address()}\r\nConnection: close\r\n${cookie ? `Cookie: ${cookie}\r\n` : ""}${extra}`;
  cases.push(raw("Content-Length larger than the body", (b, t, c) => Buffer.concat([Buffer.from(start(t, c, `Content-Length: ${b.length + 1000}\r\n\r\n`)), b]), true, true));
  cases.push(raw("Content-Length smaller than the body", (b, t, c) => Buffer.concat([Buffer.from(start(t, c, `Content-Length: ${Math.floor(b.length / 3)}\r\n\r\n`)), b])));
  cases.push(raw("Content-Length not a number", (b, t, c) => Buffer.concat([Buffer.from(start(t, c, "Content-Length: abc\r\n\r\n")), b])));
  cases.push(raw("Content-Length negative", (b, t, c) => Buffer.concat([Buffer.from(start(t, c, "Content-Length: -1\r\n\r\n")), b])));
  cases.push(raw("Content-Length twice, different", (b, t, c) => Buffer.concat([Buffer.from(start(t, c, `Content-Length: ${b.length}\r\nContent-Length: 5\r\n\r\n`)), b])));
  cases.push(raw("Content-Length and chunked", (b, t, c) => Buffer.concat([Buffer.from(start(t, c, `Content-Length: ${b.length}\r\nTransfer-Encoding: chunked\r\n\r\n`)), b])));
  cases.push(raw("chunked, broken chunk size", (b, t, c) => Buffer.concat([Buffer.from(start(t, c, "Transfer-Encoding: chunked\r\n\r\nzz\r\n")), b, Buffer.from("\r\n0\r\n\r\n")])));
  cases.push(raw("chunked, never ends", (b, t, c) => Buffer.concat([Buffer.from(start(t, c, `Transfer-Encoding: chunked\r\n\r\n${b.length.toString(16)}\r\n`)), b, Buffer.from("\r\n")]), true, true));
  cases.push(raw("NUL in a header", (b, t, c) => Buffer.concat([Buffer.from(start(t, c, `X-Drill: a\u0000b\r\nContent-Length: ${b.length}\r\n\r\n`)), b])));
  cases.push(raw("header folded (obs-fold)", (b, t, c) => Buffer.concat([Buffer.from(start(t, c, `X-Drill: a\r\n folded\r\nContent-Length: ${b.length}\r\n\r\n`)), b])));
  cases.push(raw("2,000 headers", (b, t, c) => Buffer.concat([Buffer.from(start(t, c, `${Array.from({ length: 2000 }, (_, i) => `X-H${i}: v\r\n`).join("")}Content-Length: ${b.length}\r\n\r\n`)), b])));
  cases.push(raw("request line garbage", () => Buffer.from("POST\x00 /admin HTTP/9.9\r\n\r\n")));
  // All of it is handled by Next.js (or Node's HTTP parser) before the app's code runs.
  for (const c of cases) c.layer = "Next.js";
  return cases;
}

// ---------------------------------------------------------------------------------------
// Running.

function classify(r: Result): string | null {
  if (r.status >= 500) return RIGHT_5XX.some((x) => x.group === r.c.group && x.status === r.status) ? null : `${r.status}`;
  if (r.status === 0 && !r.c.mayGoUnanswered && !r.c.oversized) return `no answer (${r.error})`;
  if (r.outcome === "internal") return "action answered \"internal\" (an unexpected error)";
  if (r.hiddenError) return `${r.status} with a server error inside (digest ${r.hiddenError})`;
  return null;
}

/** The digest of a server error in an answer's body (see Result.hiddenError). */
function hiddenError(body: Buffer): string | undefined {
  const text = body.subarray(0, 2_000_000).toString("utf8");
  return /(?:^|\n)[0-9a-f]+:E\{"digest":"(\d+)"/.exec(text)?.[1] ?? /data-dgst="(\d+)"/.exec(text)?.[1];
}

export async function run(argv: string[]): Promise<number> {
  const options = parseOptions(argv, {
    seed: { default: 1, min: 0, max: 2 ** 31 - 1 },
    values: { default: 6, min: 1, max: HOSTILE.length },
    concurrency: { default: 4, min: 1, max: 32 },
    timeout: { default: 30, min: 1, max: 600 },
    engine: { default: "embedded", choices: ["embedded", "postgres"] },
    skip: { default: "", free: true },
    keep: { default: 0, min: 0, max: 1 },
  });
  guard("the fuzz drill", 90 * 60_000);
  const skip = new Set(String(options.skip).split(",").map((s) => s.trim()).filter(Boolean));
  const unknown = [...skip].filter((s) => !HOSTILE.some((h) => h.name === s));
  if (unknown.length) throw new Error(`--skip: no value named ${unknown.join(", ")} (names: ${HOSTILE.map((h) => h.name).join(", ")})`);
  const random = seeded(options.seed);
  console.log(`Fuzz drill: seed ${options.seed}, ${options.values} values per slot, ${options.concurrency} at a time, engine ${options.engine}${skip.size ? `, leaving out: ${[...skip].join(", ")}` : ""}`);
  console.log(`Machine: ${describeMachine()}`);
  console.log(`Load average before: ${loadAverage()}\n`);

  console.log("Instance");
  const instance = await startInstance({ label: "fuzz", engine: options.engine as "embedded" | "postgres", trustedProxies: "127.0.0.1", keep: options.keep === 1 });
  const client = new Client(instance.port, options.concurrency + 2);
  const { actions, problems } = await loadActions(ROOT);
  console.log(`  ${actions.length} server actions from the registry; ${routeFiles().length} routes under app/`);
  for (const p of problems) console.log(`  PROBLEM: ${p}`);

  // Real values.
  const { db } = instance;
  const claims = await db.claim.findMany({ select: { id: true, slug: true, publicState: true, status: true, claimantId: true } });
  const publicClaim = claims.find((c) => c.publicState !== null) ?? claims[0]!;
  const draftClaim = claims.find((c) => c.publicState === null) ?? claims[0]!;
  const evidence = await db.evidence.findFirst({ select: { id: true, claimId: true } });
  const speaker = await db.speaker.findFirst({ where: { id: publicClaim.claimantId ?? undefined }, select: { id: true, slug: true } });
  const quote = await db.quote.findFirst({ select: { id: true } });
  const draftQuote = await db.quote.findFirst({ where: { claims: { none: {} } }, select: { id: true } });
  const source = await db.source.findFirst({ select: { id: true } });
  const topic = await db.topic.findFirst({ select: { id: true, slug: true } });
  const label = await db.verdictLabel.findFirst({ select: { id: true } });
  const article = await db.article.findFirst({ select: { id: true } });
  const candidate = await db.articleCandidate.findFirst({ select: { id: true } });
  const users = await db.user.findMany({ select: { id: true, role: true } });
  // The account the admin's account actions work on (edit, deactivate, reset code, reset of the
  // second factor): one of the drill's own, so that no one the drill signs in as is locked out.
  const target = await db.user.create({ data: { email: "drill-target@example.org", name: "Drill Target", role: "contributor", passwordHash: "!" } });
  const fixtures: Fixtures = {
    claimSlug: publicClaim.slug,
    speakerSlug: speaker?.slug ?? "x",
    topicSlug: topic?.slug ?? "x",
    ids: Object.fromEntries(
      Object.entries({
        claim: draftClaim.id,
        publicClaim: publicClaim.id,
        evidence: evidence?.id,
        evidenceClaim: evidence?.claimId,
        speaker: speaker?.id,
        quote: quote?.id,
        draftQuote: draftQuote?.id ?? quote?.id,
        source: source?.id,
        topic: topic?.id,
        verdictLabel: label?.id,
        article: article?.id,
        candidate: candidate?.id,
        user: users.find((u) => u.role === "contributor")?.id,
        targetUser: target.id,
        editorUser: users.find((u) => u.role === "editor")?.id,
      }).filter((e): e is [string, string] => typeof e[1] === "string"),
    ),
  };
  const models: Record<string, string> = {
    claim: "claim", publicClaim: "claim", evidence: "evidence", speaker: "speaker", quote: "quote", draftQuote: "quote", source: "source",
    topic: "topic", verdictLabel: "verdictLabel", candidate: "articleCandidate", user: "user", targetUser: "user", editorUser: "user",
  };
  for (const [kind, id] of Object.entries(fixtures.ids)) if (models[kind]) MODEL_OF_ID[id] = models[kind]!;

  let address = 0;
  const ctx: Context = {
    instance,
    client,
    fixtures,
    random,
    timeoutMs: options.timeout * 1000,
    address: () => {
      address++;
      return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
    },
  };

  // Everyone signs in first: some of what follows throttles or ends sessions.
  const people = new Map<Who, Person>();
  for (const who of PEOPLE) {
    const jar = who === "anonymous" ? null : await signIn(client, instance.accounts[who].email, instance.accounts[who].password, { "x-forwarded-for": ctx.address() });
    people.set(who, { who, jar, renewed: 0, ended: false });
  }
  console.log(`  signed in: ${PEOPLE.filter((w) => w !== "anonymous").join(", ")}`);

  // The plan, in phases: what ends a session or may lock an account comes last. Signing out
  // (the session is renewed after each action), one's own account (second factor, password:
  // failed guesses count against the account and may block its sign-in for the window), then
  // the public sign-in and reset (throttled).
  const OWN_ACCOUNT = ["startTwoFactor", "confirmTwoFactor", "renewRecoveryCodes", "disableTwoFactor", "changePassword"];
  const SIGN_IN = ["signIn", "resetPassword"];
  const ENDING = ["signOut", "signOutEverywhere"];
  const named = (names: string[]) => actions.filter((a) => names.includes(a.name)).sort((a, b) => names.indexOf(a.name) - names.indexOf(b.name));
  const ordinary = actions.filter((a) => ![...OWN_ACCOUNT, ...SIGN_IN, ...ENDING].includes(a.name));
  // Deletions after everyone's edits: a valid form deletes the record the other forms name.
  const deleting = (a: AppAction) => /(^|\.)delete|^delete/i.test(a.name);
  const phases: { name: string; cases: Case[]; renew: boolean; build?: () => Promise<Case[]> }[] = [
    { name: "routes", cases: PEOPLE.flatMap((who) => routeCases(ctx, who, options.values, skip)), renew: true },
    { name: "server actions", cases: PEOPLE.flatMap((who) => actionCases(ctx, ordinary.filter((a) => !deleting(a)), who, options.values, skip)), renew: true },
    // Planned when it starts: the records the actions changed.
    { name: "read back: every page after the actions", cases: [], renew: true, build: async () => (await Promise.all(["anonymous", "admin"].map((who) => readBackCases(ctx, who as Who)))).flat() },
    { name: "server actions that delete", cases: PEOPLE.flatMap((who) => actionCases(ctx, ordinary.filter(deleting), who, options.values, skip)), renew: true },
    { name: "protocol", cases: PEOPLE.flatMap((who) => protocolCases(ctx, actions, who)), renew: true },
    // Each group signs out; the next one signs in again (passwords are still known then).
    { name: "sign-out", cases: PEOPLE.flatMap((who) => actionCases(ctx, named(ENDING), who, 1, skip)), renew: true },
    { name: "own account: second factor, password", cases: PEOPLE.flatMap((who) => actionCases(ctx, named(OWN_ACCOUNT), who, options.values, skip)), renew: false },
    { name: "sign-in, password reset", cases: PEOPLE.flatMap((who) => actionCases(ctx, named(SIGN_IN), who, options.values, skip)), renew: false },
  ];
  const total = phases.reduce((s, p) => s + p.cases.length, 0);
  console.log(`\nPlan: ${total} requests (${phases.filter((p) => !p.build).map((p) => `${p.name} ${p.cases.length}`).join(", ")}), and a read-back of every page\n`);

  const results: Result[] = [];
  let consecutiveTimeouts = 0;
  let stalled: string | null = null;
  const started = performance.now();
  const signInFailed = (JSON.parse(fs.readFileSync(path.join(ROOT, "messages/de.json"), "utf8")) as { signIn: { failed: string } }).signIn.failed;

  for (const phase of phases) {
    if (stalled || stopping()) break;
    const phaseStarted = performance.now();
    if (phase.build) phase.cases = await phase.build();
    // Cases of one group and person run together; the session is checked between groups.
    const groups = new Map<string, Case[]>();
    for (const c of phase.cases) {
      const key = `${c.who}\u0000${c.group}`;
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    let done = 0;
    for (const cases of groups.values()) {
      if (stalled || stopping()) break;
      const person = people.get(cases[0]!.who)!;
      let next = 0;
      let lostSession = false;
      const worker = async () => {
        while (next < cases.length && !stalled && !stopping()) {
          const c = cases[next++]!;
          const answer = await c.send(person).catch((e: unknown): Answer => ({ status: 0, headers: {}, body: Buffer.alloc(0), ms: 0, error: `drill error: ${String(e)}` }));
          const outcome = c.action && answer.status === 200 ? actionOutcome(answer, signInFailed).result : undefined;
          if (outcome === "unauthenticated" && person.jar && c.action?.meta.permission) lostSession = true;
          // The password was changed: it is the new one from now on.
          const newPassword = c.sent?.find(([k]) => k === "newPassword")?.[1];
          if (c.action?.name === "changePassword" && outcome === "redirect" && person.who !== "anonymous" && typeof newPassword === "string") {
            instance.accounts[person.who].password = newPassword;
          }
          results.push({ c, status: answer.status, outcome, error: answer.error, ms: answer.ms, hiddenError: hiddenError(answer.body) });
          if (answer.error === "timeout" && !c.mayGoUnanswered) {
            if (++consecutiveTimeouts >= 5) {
              const probe = await client.request({ path: "/robots.txt", timeoutMs: 10_000 });
              if (probe.status === 0) stalled = `after ${c.request} [${c.label}] as ${c.who}`;
            }
          } else consecutiveTimeouts = 0;
          if (!instance.alive()) stalled = `the app exited after ${c.request} [${c.label}] as ${c.who}`;
        }
      };
      await Promise.all(Array.from({ length: options.concurrency }, worker));
      done += cases.length;
      if (lostSession && person.who !== "anonymous") {
        if (phase.renew) {
          // Something the drill sent ended the session (it should not have): sign in again.
          person.renewed++;
          const account = instance.accounts[person.who];
          person.jar = await signIn(client, account.email, account.password, { "x-forwarded-for": ctx.address() }).catch(() => person.jar);
        } else if (!person.ended) {
          person.ended = true;
          console.log(`  the session of ${person.who} ended (${cases[0]!.group})`);
        }
      }
    }
    const phaseResults = results.slice(-done);
    const failures = phaseResults.filter((r) => classify(r));
    console.log(
      `  ${phase.name.padEnd(62)} ${String(done).padStart(6)} requests ${((performance.now() - phaseStarted) / 1000).toFixed(0).padStart(5)} s  ${failures.length} failures`,
    );
  }
  const seconds = (performance.now() - started) / 1000;

  // Report.
  const byGroup = new Map<string, Result[]>();
  for (const r of results) byGroup.set(r.c.group, [...(byGroup.get(r.c.group) ?? []), r]);
  console.log(`\n=== Fuzz: ${results.length} requests in ${seconds.toFixed(0)} s (seed ${options.seed}) ===\n`);
  const header = ["route / action", "requests", "2xx", "3xx", "4xx", "5xx", "no answer", "action answers"];
  const rows = [...byGroup].map(([group, rs]) => {
    const count = (lo: number, hi: number) => String(rs.filter((r) => r.status >= lo && r.status < hi).length);
    const outcomes = new Map<string, number>();
    for (const r of rs) if (r.outcome) outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);
    return [
      group,
      String(rs.length),
      count(200, 300),
      count(300, 400),
      count(400, 500),
      count(500, 600),
      String(rs.filter((r) => r.status === 0).length),
      [...outcomes].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(", "),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 || i === 7 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  console.log(fmt(header));
  console.log(`|${widths.map((w, i) => (i === 0 || i === 7 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`);
  for (const r of rows) console.log(fmt(r));

  const byWho = PEOPLE.map((who) => {
    const rs = results.filter((r) => r.c.who === who);
    return `${who} ${rs.length} (${rs.filter((r) => r.status >= 500).length} 5xx)`;
  });
  console.log(`\nBy person: ${byWho.join(", ")}`);
  const renewed = [...people.values()].filter((p) => p.renewed).map((p) => `${p.who} ×${p.renewed}`);
  if (renewed.length) console.log(`Sessions lost before the last phases and signed in again: ${renewed.join(", ")}`);
  const slow = results.filter((r) => r.ms > 5_000).sort((a, b) => b.ms - a.ms);
  if (slow.length) {
    console.log(`\nSlow answers (over 5 s; ${slow.length}, the 10 slowest):`);
    for (const r of slow.slice(0, 10)) console.log(`  ${(r.ms / 1000).toFixed(1)} s  ${r.c.who}: ${r.c.request} [${r.c.label}] → ${r.status || r.error}`);
  }

  for (const right of RIGHT_5XX) {
    const n = results.filter((r) => r.c.group === right.group && r.status === right.status).length;
    if (n) console.log(`Not failures: ${n} × ${right.status} from ${right.group} (${right.why}).`);
  }
  const oversized = results.filter((r) => r.c.oversized && r.status === 0).length;
  if (oversized) console.log(`Not failures: ${oversized} requests over Node's 16 KiB limit for request line and headers, refused with a closed connection.`);

  const failures = results.filter((r) => classify(r));
  if (stalled) console.log(`\nThe server stopped answering ${stalled}; the rest of the plan was not sent.`);
  if (failures.length) {
    // The same failure for many values or people is one line with a count.
    const distinct = new Map<string, { r: Result; count: number; who: Set<Who> }>();
    for (const r of failures) {
      const key = `${r.c.group}\u0000${r.c.label}\u0000${classify(r)}`;
      const entry = distinct.get(key) ?? { r, count: 0, who: new Set<Who>() };
      entry.count++;
      entry.who.add(r.c.who);
      distinct.set(key, entry);
    }
    const line = ({ r, count, who }: { r: Result; count: number; who: Set<Who> }) =>
      `  ${classify(r)}: ${r.c.request.slice(0, 160)} [${r.c.label}] as ${[...who].join("/")}${count > 1 ? ` (×${count})` : ""}`;
    const inApp = [...distinct.values()].filter((d) => !d.r.c.layer);
    const inNext = [...distinct.values()].filter((d) => d.r.c.layer);
    console.log(`\nFAILURES: ${failures.length} requests, ${distinct.size} distinct.`);
    console.log(`\nIn the app's routes and actions (${inApp.length} distinct):`);
    for (const d of inApp) console.log(line(d));
    if (inNext.length) {
      // The same cause for every action: one line per cause.
      const causes = new Map<string, { example: Result; count: number; groups: Set<string>; who: Set<Who> }>();
      for (const r of failures.filter((x) => x.c.layer)) {
        const key = `${r.c.label.replace(/^[a-z]+: /, "")}\u0000${classify(r)}`;
        const entry = causes.get(key) ?? { example: r, count: 0, groups: new Set<string>(), who: new Set<Who>() };
        entry.count++;
        entry.groups.add(r.c.group);
        entry.who.add(r.c.who);
        causes.set(key, entry);
      }
      console.log(`\nIn Next.js's handling of the request, before any code of the app runs (${causes.size} causes):`);
      for (const { example, count, groups, who } of causes.values()) {
        console.log(`  ${classify(example)}: [${example.c.label}] ×${count}, ${groups.size} route/action group(s), as ${[...who].join("/")}; e.g. ${example.c.request.slice(0, 100)}`);
      }
    }
    const errors = fs
      .readFileSync(instance.logFile, "utf8")
      .split("\n")
      .filter((l) => /error|⨯/i.test(l))
      .map((l) => l.slice(0, 240));
    const distinctErrors = [...new Set(errors)];
    if (distinctErrors.length) {
      console.log(`\nErrors the app logged (${errors.length} lines, ${distinctErrors.length} distinct; the first 25):`);
      for (const l of distinctErrors.slice(0, 25)) console.log(`  ${l}`);
    }
  }
  console.log(`\nLoad average after: ${loadAverage()}`);
  const failed = failures.length > 0 || stalled !== null || problems.length > 0;
  console.log(failed ? "\nFAILED: see above." : "\nPASSED: no 5xx, every request answered, no action failed unexpectedly.");
  client.close();
  await cleanUp();
  return failed ? 1 : 0;
}
