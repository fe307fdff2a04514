// The request path in front of the few public URLs that need a decision per request. Every
// other public URL is routed by Next.js itself, with the rewrite and header rules of
// next.config.js (lib/public-routes.mjs: German URLs onto app/(site)/[locale] with locale `de`,
// Cache-Control), because handing a request to a proxy costs more than serving a cached page.
// Here, only for the URLs of `config.matcher` below:
//   - A reader who lands on `/` is sent to `/en` when they chose English before (the cookie
//     /lang sets) or, without that cookie, when their browser prefers English over German
//     (Accept-Language). That is the only place a request header picks a language, and it
//     only redirects; every other URL is in one language for everyone. `/` itself answers
//     with a Cache-Control for browsers only.
//   - Page numbers of public lists (?page=3) and the query string of a search become path
//     segments of the route that renders them (lib/paged-routes.ts), so that every public page
//     is prerendered and cached; the internal form (/topics/x/p/3) is redirected to the public
//     URL.
//   - /de/… is not a public URL: next-intl's middleware redirects it to the German root URL.
//   - Form posts (server actions) pass a gate first (lib/server-action-gate.ts): what Next.js
//     could not decode gets a 4xx that says why, instead of Next.js's 500.
// Strict-Transport-Security is set on every answer by a preload (scripts/strict-transport.cjs),
// because it depends on a setting read at run time. docs/caching.md tells the whole request path.
import createMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { routing } from "./i18n/routing";
import { LOCALE_COOKIE, isLocale, isLocalizedPath, localeHref, prefersEnglish, splitLocale } from "./lib/i18n";
import { internalPath, isInternalPagedPath, publicPath } from "./lib/paged-routes";
import { isActionRequest, refuseActionRequest } from "./lib/server-action-gate";
import { HOME_CACHE_CONTROL, PUBLIC_CACHE_CONTROL, SESSION_CACHE_CONTROL, hasSessionCookie } from "./lib/cache-control";

const localeRouting = createMiddleware(routing);


/** The Cache-Control of a public answer. */
function publicCacheControl(request: NextRequest, pathname: string): string {
  // The page is the same for everyone, but a request with a session is the desk's business:
  // no cache keeps what it gets (a CDN that does not bypass on cookies included).
  if (hasSessionCookie(request.cookies.getAll().map((c) => c.name))) return SESSION_CACHE_CONTROL;
  // `/` is the one URL whose answer depends on the reader (the redirect above). Next.js
  // writes its own Vary header over one set here, so shared caches are told not to keep it;
  // the app answers it from its own cache all the same.
  return pathname === "/" ? HOME_CACHE_CONTROL : PUBLIC_CACHE_CONTROL;
}

export function proxy(request: NextRequest): NextResponse | Promise<NextResponse> {
  if (isActionRequest(request.method, request.headers)) return gateAction(request);
  return route(request);
}

async function gateAction(request: NextRequest): Promise<NextResponse> {
  const refusal = await refuseActionRequest({
    method: request.method,
    pathname: request.nextUrl.pathname,
    headers: request.headers,
    body: new Uint8Array(await request.arrayBuffer()),
  });
  if (!refusal) return route(request);
  return new NextResponse(`${refusal.reason}\n`, {
    status: refusal.status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

function route(request: NextRequest): NextResponse {
  const { pathname, searchParams } = request.nextUrl;
  const { locale, path } = splitLocale(pathname);
  const reading = request.method === "GET" || request.method === "HEAD";
  // Not a page of the public site (a page number on an embed card, say): as it came.
  if (!isLocalizedPath(path)) return NextResponse.next();

  // The routes of paged lists have one public URL each: /topics/x?page=3, not /topics/x/p/3.
  if (isInternalPagedPath(path)) {
    return redirect(request, localeHref(locale, publicPath(path)), 308);
  }

  if (pathname === "/" && reading) {
    const chosen = request.cookies.get(LOCALE_COOKIE)?.value;
    const english = isLocale(chosen) ? chosen === "en" : prefersEnglish(request.headers.get("accept-language"));
    if (english) {
      const response = redirect(request, `/en${request.nextUrl.search}`, 307);
      response.headers.set("Cache-Control", "private, no-store");
      response.headers.set("Vary", "Accept-Language, Cookie");
      return response;
    }
  }

  const target = internalPath(path, searchParams);
  const url = request.nextUrl.clone();
  if (target !== path) {
    url.pathname = localeHref(locale, target);
    url.search = "";
  }
  let response = localeRouting(target === path ? request : new NextRequest(url, request));
  // next-intl rewrites German URLs onto /de/…; an English one (/en/…) already names its route
  // and passes as it came, so the route of its page numbers is ours to rewrite to.
  if (target !== path && !response.headers.has("x-middleware-rewrite") && !response.headers.has("location")) {
    response = NextResponse.rewrite(url);
  }
  if (reading && response.status === 200) response.headers.set("Cache-Control", publicCacheControl(request, pathname));
  return response;
}

/** A redirect to a path on this site. Next.js sends it as a relative Location (it drops the
 * origin, which is this request's own), so no Host header a client sends ends up in it. */
function redirect(request: NextRequest, location: string, status: 307 | 308): NextResponse {
  return NextResponse.redirect(new URL(location, request.url), status);
}

export const config = {
  // Only what needs a decision per request (see the top of this file); a literal, because
  // Next.js reads it at build time.
  matcher: [
    "/",
    "/de",
    "/de/:path*",
    // The internal form of paged routes, in both languages: /p/3, /topics/x/p/3, /en/p/3.
    "/p/:rest*",
    "/:path+/p/:rest*",
    // Searches, and their internal form.
    "/search",
    "/en/search",
    "/search/r/:rest*",
    "/en/search/r/:rest*",
    { source: "/:path*", has: [{ type: "query", key: "page" }] },
    { source: "/:path*", has: [{ type: "query", key: "qpage" }] },
    // Form posts, everywhere but the API routes (which read their own bodies).
    { source: "/((?!api/).*)", has: [{ type: "header", key: "next-action" }] },
    { source: "/((?!api/).*)", has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
  ],
};
