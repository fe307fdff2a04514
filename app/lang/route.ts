// The language switch: /lang?to=en&next=/claims/x remembers the choice in a cookie and goes to
// the same page in that language. A plain link and a redirect, so it works without JavaScript.
// proxy.ts reads the cookie when a reader comes back to a German URL.
import { NextResponse, type NextRequest } from "next/server";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, isLocalizedPath, localeHref, splitLocale } from "@/lib/i18n";
import { safeCallbackUrl } from "@/lib/safe-redirect";

export const dynamic = "force-dynamic";

const ONE_YEAR = 60 * 60 * 24 * 365;

export function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const requested = params.get("to");
  const to = isLocale(requested) ? requested : DEFAULT_LOCALE;
  // Only a path on this site (never another host), without its language prefix.
  const { path } = splitLocale(safeCallbackUrl(params.get("next"), "/"));
  const target = localeHref(to, isLocalizedPath(path) ? path : "/");
  // A header holds bytes: non-ASCII characters of the path ("/search?q=€") are sent
  // percent-encoded as UTF-8, as the URL parser writes them (raw, they made the answer a 500).
  const url = new URL(target, "http://localhost");
  const location = `${url.pathname}${url.search}${url.hash}`;

  const response = new NextResponse(null, {
    status: 303,
    headers: { Location: location, "Cache-Control": "private, no-store" },
  });
  response.cookies.set(LOCALE_COOKIE, to, {
    path: "/",
    maxAge: ONE_YEAR,
    sameSite: "lax",
    httpOnly: true,
    secure: request.nextUrl.protocol === "https:",
  });
  return response;
}
