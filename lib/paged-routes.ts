// Public lists are paged with query parameters (`/topics/klima?page=3`, a speaker's quotes
// with `qpage`), and those URLs stay. A page that reads its query string is rendered for every
// request, though, so proxy.ts hands Next.js the page numbers as path segments that only the
// app uses: `/topics/klima?page=3` is rendered by the route `/topics/klima/p/3`, which Next.js
// prerenders and caches like any other path. Page 1 has no such segment. A search works the
// same way: `/search?q=x&page=2` is rendered by the route `/search/r/q%3Dx%26page%3D2`, whose
// one segment is the search's query string, its parameters in a fixed order.
//
// A module of its own, free of server code: proxy.ts, the pages and the language switch (in
// the browser) use it.

/** The paged public lists: their path (without language prefix) and page parameters. */
const PAGED = [
  { pattern: /^\/$/, params: ["page"] },
  { pattern: /^\/corrections$/, params: ["page"] },
  { pattern: /^\/topics\/[^/]+$/, params: ["page"] },
  { pattern: /^\/speakers\/[^/]+$/, params: ["page", "qpage"] },
] as const;

const INTERNAL = /^(?:\/|(\/corrections|\/topics\/[^/]+|\/speakers\/[^/]+)\/)p\/(\d{1,6})(?:\/(\d{1,6}))?$/;

/** A page number as the lists accept it: 1 to 999,999; anything else is page 1. */
export function pageNumber(value: string | null | undefined): number {
  if (typeof value !== "string" || !/^\d{1,6}$/.test(value)) return 1;
  const n = Number(value);
  return n >= 1 ? n : 1;
}

/** The parameters of a search (app/(site)/[locale]/search), in the order of its route segment. */
const SEARCH_PARAMS = ["q", "type", "verdict", "speaker", "topic", "from", "to", "page"] as const;
/** Longer values are cut: the search reads fewer characters of each (200), so nothing changes,
 * but the route of any URL stays a path Next.js can handle. */
const SEARCH_VALUE_MAX = 1000;
const SEARCH_ROUTE = /^\/search\/r\/([^/]+)$/;

/** The route of a search: `/search/r/<its parameters>`, or null when it searches nothing. Only
 * the search's own parameters are kept (no tracking parameter makes another copy of it). */
export function searchRoute(search: URLSearchParams): string | null {
  const kept = new URLSearchParams();
  for (const name of SEARCH_PARAMS) {
    const value = search.get(name);
    if (!value) continue;
    if (name === "page") {
      const n = pageNumber(value);
      if (n !== 1) kept.set(name, String(n));
    } else if (!(name === "type" && value === "all")) {
      kept.set(name, value.slice(0, SEARCH_VALUE_MAX));
    }
  }
  const query = kept.toString();
  return query ? `/search/r/${encodeURIComponent(query)}` : null;
}

/** The route that renders a public path with these query parameters: the path itself, the
 * path with its page numbers as segments (`/p/3`, `/p/2/5` for a speaker's claims and quotes),
 * or the route of a search. */
export function internalPath(path: string, search: URLSearchParams): string {
  if (path === "/search") return searchRoute(search) ?? path;
  const list = PAGED.find((p) => p.pattern.test(path));
  if (!list) return path;
  const numbers = list.params.map((name) => pageNumber(search.get(name)));
  if (numbers.every((n) => n === 1)) return path;
  return `${path === "/" ? "" : path}/p/${numbers.join("/")}`;
}

/** The public URL (path and page parameters) of a route: the inverse of internalPath. */
export function publicPath(route: string): string {
  const searched = SEARCH_ROUTE.exec(route);
  if (searched) {
    try {
      return `/search?${decodeURIComponent(searched[1]!)}`;
    } catch {
      return "/search"; // not one this app made
    }
  }
  const m = INTERNAL.exec(route);
  if (!m) return route;
  const path = m[1] ?? "/";
  const list = PAGED.find((p) => p.pattern.test(path));
  if (!list) return route;
  const query = new URLSearchParams();
  list.params.forEach((name, i) => {
    const n = pageNumber(m[2 + i]);
    if (n !== 1) query.set(name, String(n));
  });
  const q = query.toString();
  return q ? `${path}?${q}` : path;
}

/** Whether a request path is a route in this internal form (`/topics/x/p/3`, `/search/r/…`). */
export function isInternalPagedPath(path: string): boolean {
  return INTERNAL.test(path) || path.startsWith("/search/r/");
}
