// How the production server routes a public URL, with Next.js's own matching functions (the ones
// its router uses) applied to our rules in their order (server/lib/router-utils/resolve-routes):
// the header rules of next.config.js, then proxy.ts when its matcher takes the request, then the
// beforeFiles rewrites. No build and no server needed; the e2e tests check the built server.
import { createRequire } from "node:module";
import { NextRequest, type NextResponse } from "next/server";
import { config as proxyConfig, proxy } from "../../proxy";
import { apiRewrites, publicCacheHeaders, publicRewrites } from "../../lib/public-routes.mjs";

const require = createRequire(import.meta.url);
type Params = Record<string, string | string[]>;
type Has = { type: string; key: string; value?: string }[];
const { getPathMatch } = require("next/dist/shared/lib/router/utils/path-match") as {
  getPathMatch: (source: string, options: { strict: boolean; removeUnnamedParams: boolean }) => (path: string) => Params | false;
};
const { matchHas } = require("next/dist/shared/lib/router/utils/prepare-destination") as {
  matchHas: (req: { headers: Record<string, string> }, query: Record<string, string>, has?: Has, missing?: Has) => Params | false;
};
const { getMiddlewareMatchers } = require("next/dist/build/analysis/get-page-static-info") as {
  getMiddlewareMatchers: (matcher: unknown, config: object) => unknown[];
};
const { getMiddlewareRouteMatcher } = require("next/dist/shared/lib/router/utils/middleware-route-matcher") as {
  getMiddlewareRouteMatcher: (matchers: unknown[]) => (path: string, req: { headers: Record<string, string> }, query: Record<string, string>) => boolean;
};

const proxyTakes = getMiddlewareRouteMatcher(getMiddlewareMatchers(proxyConfig.matcher, {}));
const match = (source: string) => getPathMatch(source, { strict: true, removeUnnamedParams: true });

export interface Routed {
  /** Whether proxy.ts ran for the request. */
  proxied: boolean;
  /** The route path Next.js renders (after rewrites), or null for a redirect. */
  route: string | null;
  redirect: { status: number; to: string } | null;
  cacheControl: string | null;
}

/** proxy.ts's answer to a request that is no form post (those go through an asynchronous gate,
 * tests/unit/server-action-gate.test.ts). */
export function proxyAnswer(request: NextRequest): NextResponse {
  const response = proxy(request);
  if (response instanceof Promise) throw new Error("a form post: proxy.ts answers it asynchronously");
  return response;
}

/** Whether proxy.ts's matcher takes the request. */
export function proxyRuns(url: string, headers: Record<string, string> = {}): boolean {
  const parsed = new URL(url, "http://localhost:3000");
  const req = { headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) };
  return proxyTakes(parsed.pathname, req, Object.fromEntries(parsed.searchParams));
}

export function routeOf(url: string, headers: Record<string, string> = {}, method = "GET"): Routed {
  const parsed = new URL(url, "http://localhost:3000");
  const query = Object.fromEntries(parsed.searchParams);
  const req = { headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) };

  let cacheControl: string | null = null;
  for (const rule of publicCacheHeaders()) {
    if (match(rule.source)(parsed.pathname) && matchHas(req, query, rule.has)) cacheControl = rule.headers[0]!.value;
  }

  if (proxyTakes(parsed.pathname, req, query)) {
    const response = proxyAnswer(new NextRequest(parsed, { headers, method }));
    cacheControl = response.headers.get("cache-control") ?? cacheControl;
    const location = response.headers.get("location");
    if (location) {
      const to = new URL(location, parsed);
      return { proxied: true, route: null, redirect: { status: response.status, to: to.pathname + to.search }, cacheControl };
    }
    const rewrite = response.headers.get("x-middleware-rewrite");
    if (rewrite) return { proxied: true, route: new URL(rewrite).pathname, redirect: null, cacheControl };
    return { proxied: true, route: rewriteOf(parsed.pathname), redirect: null, cacheControl };
  }
  return { proxied: false, route: rewriteOf(parsed.pathname), redirect: null, cacheControl };
}

function rewriteOf(path: string): string {
  for (const rule of [...publicRewrites(), ...apiRewrites()]) {
    const params = match(rule.source)(path);
    if (params) return rule.destination.replace(/:(\w+)/g, (_, name: string) => String(params[name]));
  }
  return path;
}
