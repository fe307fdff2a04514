// Public lists are paged with query parameters (`/topics/klima?page=3`, a speaker's quotes
// with `qpage`), and those URLs stay. A page that reads its query string is rendered for every
// request, though, so proxy.ts hands Next.js the page numbers as path segments that only the
// app uses: `/topics/klima?page=3` is rendered by the route `/topics/klima/p/3`, which Next.js
// prerenders and caches like any other path. Page 1 has no such segment.
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

/** The route that renders a public path with these query parameters: the path itself, or the
 * path with its page numbers as segments (`/p/3`, `/p/2/5` for a speaker's claims and quotes). */
export function internalPath(path: string, search: URLSearchParams): string {
  const list = PAGED.find((p) => p.pattern.test(path));
  if (!list) return path;
  const numbers = list.params.map((name) => pageNumber(search.get(name)));
  if (numbers.every((n) => n === 1)) return path;
  return `${path === "/" ? "" : path}/p/${numbers.join("/")}`;
}

/** The public URL (path and page parameters) of a route: the inverse of internalPath. */
export function publicPath(route: string): string {
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

/** Whether a request path is a route in this internal form (`/topics/x/p/3`). */
export function isInternalPagedPath(path: string): boolean {
  return INTERNAL.test(path);
}
