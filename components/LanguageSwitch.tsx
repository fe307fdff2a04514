"use client";
// The link to the same page in the other language, through /lang (which remembers the choice).
// The server renders it with the path proxy.ts saw; on the client it follows client-side
// navigation (the root layout that holds it is not rendered again when the page changes).
import { usePathname, useSearchParams } from "next/navigation";
// Types only: lib/i18n holds every string of both languages, which the browser does not need.
import type { Locale } from "../lib/i18n";
import { PAGE_PARAMS } from "../lib/page-params";


export function languageSwitchHref(to: Locale, path: string): string {
  return `/lang?to=${to}&next=${encodeURIComponent(path)}`;
}

export function LanguageLink({ to, path, label }: { to: Locale; path: string; label: string }) {
  return (
    <a href={languageSwitchHref(to, path)} hrefLang={to} lang={to} className="language-switch">
      {label}
    </a>
  );
}

/** Follows the current URL; wrap it in <Suspense> with a LanguageLink as fallback. */
export function LanguageSwitch({ to, path, label }: { to: Locale; path: string; label: string }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  let current = path;
  if (pathname) {
    const kept = new URLSearchParams();
    for (const name of PAGE_PARAMS) {
      const value = searchParams?.get(name);
      if (value != null) kept.set(name, value);
    }
    const query = kept.toString();
    // The path without its language prefix (as lib/i18n splitLocale does).
    const bare = pathname === "/en" ? "/" : pathname.startsWith("/en/") ? pathname.slice(3) : pathname;
    current = `${bare}${query ? `?${query}` : ""}`;
  }
  return <LanguageLink to={to} path={current} label={label} />;
}
