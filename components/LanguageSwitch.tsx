"use client";
// The link to the same page in the other language, through /lang (which remembers the choice).
// It follows the URL, also after client-side navigation (the layout that holds it is not
// rendered again when the page changes). Rendered on the server, it knows the route only (the
// page is prerendered for every reader): the route of a paged list (`/topics/x/p/3`) or of a
// search (`/search/r/…`) is turned back into its public URL (lib/paged-routes.ts); in the
// browser it reads the query string.
import { useParams, usePathname, useSearchParams } from "next/navigation";
// Types only: the language helpers in lib/i18n run on the server (proxy.ts, /lang, pages).
import type { Locale } from "../lib/i18n";
import { PAGE_PARAMS } from "../lib/page-params";
import { isInternalPagedPath, publicPath } from "../lib/paged-routes";

export function languageSwitchHref(to: Locale, path: string): string {
  return `/lang?to=${to}&next=${encodeURIComponent(path)}`;
}

/** The path without its language prefix (as lib/i18n splitLocale does; the route's /de too). */
function bare(pathname: string): string {
  for (const prefix of ["/en", "/de"]) {
    if (pathname === prefix) return "/";
    if (pathname.startsWith(`${prefix}/`)) return pathname.slice(prefix.length);
  }
  return pathname;
}

function LanguageLink({ to, path, label }: { to: Locale; path: string; label: string }) {
  return (
    <a href={languageSwitchHref(to, path)} hrefLang={to} lang={to} className="language-switch">
      {label}
    </a>
  );
}

/**
 * The route being rendered. On the server, usePathname() gives the path the reader asked for
 * (`/search`, `/topics/x`), not the route proxy.ts rewrote it to, so the route's own segments
 * (the search's `query`, the page numbers) come from its parameters.
 */
function renderedRoute(pathname: string, params: Record<string, string | string[] | undefined>): string {
  if (isInternalPagedPath(pathname)) return pathname;
  const { query, page, qpage } = params;
  if (pathname === "/search" && typeof query === "string") {
    // Next.js hands the segment over encoded or decoded depending on how it was reached.
    return `/search/r/${query.includes("=") ? encodeURIComponent(query) : query}`;
  }
  if (typeof page === "string") {
    return `${pathname === "/" ? "" : pathname}/p/${page}${typeof qpage === "string" ? `/${qpage}` : ""}`;
  }
  return pathname;
}

/** The link as the server renders it: from the route alone. */
export function LanguageLinkOfRoute({ to, label }: { to: Locale; label: string }) {
  const route = renderedRoute(bare(usePathname() ?? "/"), useParams() ?? {});
  return <LanguageLink to={to} path={publicPath(route)} label={label} />;
}

/** Follows the current URL and its query; wrap it in <Suspense> with a LanguageLinkOfRoute as
 * fallback (reading the query string is left to the browser on prerendered pages). */
export function LanguageSwitch({ to, label }: { to: Locale; label: string }) {
  const pathname = bare(usePathname() ?? "/");
  const searchParams = useSearchParams();
  const kept = new URLSearchParams();
  for (const name of PAGE_PARAMS) {
    const value = searchParams?.get(name);
    if (value != null) kept.set(name, value);
  }
  const query = kept.toString();
  const path = query ? `${pathname}?${query}` : publicPath(pathname);
  return <LanguageLink to={to} path={path} label={label} />;
}
