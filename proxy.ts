// The public site in two languages without moving a page file: German at the root URLs,
// English under /en. For every public page request this proxy
//   - rewrites /en and /en/... to the same path without the prefix, and tells the page its
//     language in the request header x-claimbase-locale (`en`, else `de`) and its path
//     without prefix in x-claimbase-path (for the language switch and hreflang links);
//   - sends a reader who arrives at a German URL to the English one when they chose English
//     before (cookie claimbase-locale, set by /lang) or, without that cookie, when their
//     browser prefers English over German (Accept-Language). A chosen `de` always wins.
// The newsroom, sign-in, APIs, embeds, feeds, the sitemap, robots.txt and files are left
// alone (lib/i18n isLocalizedPath); headers a client sends under our names are dropped.
import { NextResponse, type NextRequest } from "next/server";
import {
  DEFAULT_LOCALE,
  LOCALE_COOKIE,
  LOCALE_HEADER,
  PATH_HEADER,
  isLocale,
  isLocalizedPath,
  localeHref,
  prefersEnglish,
  splitLocale,
  type Locale,
} from "./lib/i18n";
import { PAGE_PARAMS } from "./lib/page-params";


function pageParams(search: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const name of PAGE_PARAMS) {
    const value = search.get(name);
    if (value !== null && value.length <= 200) kept.set(name, value);
  }
  const s = kept.toString();
  return s ? `?${s}` : "";
}

/** Only page loads are sent to the other language: a fetch from a page already showing one
 * (a client-side navigation, a prefetch) is answered in the language of its URL. */
function isDocumentRequest(request: NextRequest): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const dest = request.headers.get("sec-fetch-dest");
  return dest === null || dest === "document";
}

export function proxy(request: NextRequest): NextResponse {
  const response = localize(request);
  // Once a browser saw this over HTTPS, it keeps to HTTPS for the host for a year (browsers
  // ignore it over plain HTTP). Sent when the public site is https (CLAIMBASE_PUBLIC_URL).
  if (process.env.CLAIMBASE_PUBLIC_URL?.startsWith("https://")) {
    response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
  return response;
}

function localize(request: NextRequest): NextResponse {
  const { pathname, search, searchParams } = request.nextUrl;
  const { locale, path } = splitLocale(pathname);
  const headers = new Headers(request.headers);
  headers.delete(LOCALE_HEADER);
  headers.delete(PATH_HEADER);

  if (!isLocalizedPath(path)) {
    // /en/admin and the like do not exist: the not-found page answers, in English.
    if (locale === "en") headers.set(LOCALE_HEADER, "en");
    return NextResponse.next({ request: { headers } });
  }

  if (locale === DEFAULT_LOCALE && isDocumentRequest(request)) {
    const chosen = request.cookies.get(LOCALE_COOKIE)?.value;
    const wanted: Locale = isLocale(chosen) ? chosen : prefersEnglish(request.headers.get("accept-language")) ? "en" : "de";
    if (wanted !== DEFAULT_LOCALE) {
      const target = request.nextUrl.clone();
      target.pathname = localeHref(wanted, path);
      const response = NextResponse.redirect(target, 307);
      response.headers.set("Cache-Control", "private, no-store");
      response.headers.set("Vary", "Accept-Language, Cookie");
      return response;
    }
  }

  headers.set(LOCALE_HEADER, locale);
  headers.set(PATH_HEADER, `${path}${pageParams(searchParams)}`);
  if (locale === DEFAULT_LOCALE) return NextResponse.next({ request: { headers } });

  const rewritten = request.nextUrl.clone();
  rewritten.pathname = path;
  rewritten.search = search;
  return NextResponse.rewrite(rewritten, { request: { headers } });
}

export const config = {
  // Everything but the framework's own files; the rest is sorted out above.
  matcher: ["/((?!_next/).*)"],
};
