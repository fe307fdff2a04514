// The public API's route handlers, called as Next.js calls them (tests of app/api/v1): the
// route module of a URL found the way the server finds it (next.config.js's rewrites, e.g.
// /api/v1/claims:search → app/api/v1/claims-search), its GET called with a Request and the
// dynamic segment's params.
import "./next-runtime";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "../../lib/db/client";
import { confirmImport, importFile, type ImportActor } from "../../lib/import";
import { approveExternalLink, externalChecksOfClaim, linkExternalCheck } from "../../lib/external-checks";
import { routeOf } from "./next-routing";

type RouteModule = {
  GET: (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;
  OPTIONS?: () => Response;
};

const APP = path.resolve(import.meta.dirname, "../../app");

/** The route files under app/api/v1, as paths relative to this folder ("../../app/api/v1/…/route.ts"). */
const files: string[] = (fs.readdirSync(path.join(APP, "api/v1"), { recursive: true }) as string[])
  .filter((f) => f.endsWith("route.ts"))
  .map((f) => `../../app/api/v1/${f.split(path.sep).join("/")}`);
const modules: Record<string, () => Promise<RouteModule>> = Object.fromEntries(
  files.map((f) => [f, () => import(/* @vite-ignore */ path.resolve(import.meta.dirname, f)) as Promise<RouteModule>]),
);

/** The route file that answers a path under /api/v1, and the params of its dynamic segments. */
export function routeFileOf(pathname: string): { file: string; params: Record<string, string> } {
  const route = routeOf(pathname).route ?? pathname;
  const segments = route.split("/").filter(Boolean);
  const params: Record<string, string> = {};
  // Static folders first, then one dynamic [name] folder, then the catch-all, as Next.js does.
  let dir = "../../app";
  for (let i = 0; i < segments.length; i++) {
    const segment = decodeURIComponent(segments[i]!);
    const staticDir = `${dir}/${segments[i]}`;
    const hasStatic = Object.keys(modules).some((f) => f.startsWith(`${staticDir}/`));
    if (hasStatic) {
      dir = staticDir;
      continue;
    }
    const dynamic = Object.keys(modules)
      .map((f) => f.slice(dir.length + 1).split("/")[0]!)
      .find((name) => /^\[\w+\]$/.test(name) && Object.keys(modules).some((f) => f.startsWith(`${dir}/${name}/`)));
    if (dynamic) {
      params[dynamic.slice(1, -1)] = segment;
      dir = `${dir}/${dynamic}`;
      continue;
    }
    return { file: `../../app/api/v1/[...rest]/route.ts`, params: { rest: segments.slice(2).join("/") } };
  }
  const file = `${dir}/route.ts`;
  if (!(file in modules)) return { file: `../../app/api/v1/[...rest]/route.ts`, params: {} };
  return { file, params };
}

/** GET a URL of the public API through its route handler. */
export async function apiGet(url: string, headers: Record<string, string> = {}): Promise<Response> {
  const parsed = new URL(url, "http://localhost:3000");
  const { file, params } = routeFileOf(parsed.pathname);
  const mod = await modules[file]!();
  return mod.GET(new Request(parsed, { headers }), { params: Promise.resolve(params) });
}

export async function apiOptionsOf(url: string): Promise<Response> {
  const { file } = routeFileOf(new URL(url, "http://localhost:3000").pathname);
  const mod = await modules[file]!();
  if (!mod.OPTIONS) throw new Error(`${file} has no OPTIONS`);
  return mod.OPTIONS();
}

export async function json(response: Response): Promise<unknown> {
  return JSON.parse(await response.text()) as unknown;
}

/** Imports another organisation's fact-check and links it to a claim: approved by a second
 * person when `approve`, else left waiting. */
export async function linkExternal(
  db: Db,
  actors: { editor: ImportActor; admin: ImportActor; reviewer: ImportActor },
  claimSlug: string,
  check: { url: string; publisher: string; site: string; title: string; rating: string; reviewDate: string; language: string; claim: string },
  approve: boolean,
): Promise<string> {
  const csv = `url,claim,publisher,publisher_site,title,rating,review_date,language\n${check.url},"${check.claim}","${check.publisher}",${check.site},"${check.title}","${check.rating}",${check.reviewDate},${check.language}\n`;
  const summary = await importFile(
    actors.editor,
    { kind: "external", filename: "checks.csv" },
    (async function* () {
      yield Buffer.from(csv);
    })(),
    {},
    db,
  );
  await confirmImport(actors.admin, { batchId: summary.id, version: 1 }, db);
  const external = await db.externalFactCheck.findFirstOrThrow({ where: { url: check.url }, select: { id: true } });
  const { claimId } = await linkExternalCheck(actors.editor, { externalCheckId: external.id, claim: claimSlug }, db);
  if (approve) {
    const link = (await externalChecksOfClaim(claimId, db)).find((l) => l.externalCheck.id === external.id)!;
    await approveExternalLink(actors.reviewer, { externalCheckId: external.id, claimId, digest: link.digest }, db);
  }
  return external.id;
}

export async function deskActors(db: Db): Promise<Record<"admin" | "editor" | "reviewer" | "contributor", ImportActor>> {
  const out = {} as Record<"admin" | "editor" | "reviewer" | "contributor", ImportActor>;
  for (const [role, email] of [
    ["admin", "admin@claimbase.local"],
    ["editor", "redaktion@claimbase.local"],
    ["reviewer", "pruefung@claimbase.local"],
    ["contributor", "mitarbeit@claimbase.local"],
  ] as const) {
    out[role] = { id: (await db.user.findUniqueOrThrow({ where: { email } })).id, role };
  }
  return out;
}
