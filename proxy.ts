// The request path in front of every page, in one place:
//   - The public site in two languages: next-intl's middleware maps German URLs (/claims/x) and
//     English ones (/en/claims/x) onto app/(site)/[locale] (i18n/routing.ts). Page numbers of
//     public lists (?page=3) become path segments of the route that renders them
//     (lib/paged-routes.ts), so that every public page but search is prerendered and cached.
//   - A reader who lands on `/` is sent to `/en` when they chose English before (the cookie
//     /lang sets) or, without that cookie, when their browser prefers English over German
//     (Accept-Language). That is the only place a request header picks a language, and it
//     only redirects; every other URL is in one language for everyone.
//   - Public pages, the feed, the sitemap, embeds and robots.txt answer with a Cache-Control a
//     shared cache may use (nginx, a CDN): fresh for a few seconds, then served stale while it
//     asks again. The app's own cache (Next.js, kept fresh by tag) answers those questions
//     cheaply, so a publication reaches readers behind a cache within seconds. A request with
//     a session gets private, no-store; the desk, sign-in and API routes keep what they answer
//     themselves (private, no-store).
//   - Strict-Transport-Security when the public URL is https.
// The newsroom, sign-in, APIs, embeds, robots.txt and files have no language routes (lib/i18n
// isLocalizedPath). docs/caching.md tells the whole request path.
import createMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { routing } from "./i18n/routing";
import { LOCALE_COOKIE, isLocale, isLocalizedPath, localeHref, prefersEnglish, splitLocale } from "./lib/i18n";
import { internalPath, isInternalPagedPath, publicPath } from "./lib/paged-routes";
import { PUBLIC_CACHE_CONTROL, SESSION_CACHE_CONTROL, hasSessionCookie } from "./lib/cache-control";

const localeRouting = createMiddleware(routing);

/** `/`: for browsers only, never for a shared cache. */
const HOME_CACHE_CONTROL = "private, max-age=0";

/** Public answers outside the language routes: embed cards, robots.txt. */
const SHARED_UNLOCALIZED = /^\/(?:embed\/|robots\.txt$)/;

export function proxy(request: NextRequest): NextResponse {
  const response = route(request);
  if (process.env.CLAIMBASE_PUBLIC_URL?.startsWith("https://")) {
    // Once a browser saw this over HTTPS, it keeps to HTTPS for the host for a year.
    response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
  return response;
}

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

function route(request: NextRequest): NextResponse {
  const { pathname, searchParams } = request.nextUrl;
  const { locale, path } = splitLocale(pathname);
  const reading = request.method === "GET" || request.method === "HEAD";
  if (!isLocalizedPath(path)) {
    const response = NextResponse.next();
    if (reading && SHARED_UNLOCALIZED.test(pathname)) response.headers.set("Cache-Control", publicCacheControl(request, pathname));
    return response;
  }

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
  // Everything but the framework's own files; the rest is sorted out above.
  matcher: ["/((?!_next/).*)"],
};
