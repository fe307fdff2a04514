// The URL space of the public site, in one place for next.config.js (plain JavaScript, loaded
// before anything is compiled), proxy.ts and lib/i18n.ts.
//
// Why the rules live in next.config.js and not in proxy.ts: Next.js answers a prerendered page
// from its cache in about 1.5 ms of CPU here, but every request it hands to proxy.ts costs
// about 3 ms more (a web Request and Response built around the Node.js request, the rewrite
// resolved a second time), whatever proxy.ts does (docs/performance.md, measured). So the
// request of every plain public URL is routed by Next.js's own rewrite and header rules, built
// here at build time; proxy.ts sees only the few URLs that need a decision made per request:
// `/` (the reader's language), `/de/…`, page numbers, and the internal form of paged routes.

/** First path segments that are not public pages in two languages: the newsroom, sign-in,
 * APIs, embeds, other feed and sitemap names, robots.txt, the language switch itself, and the
 * two language prefixes. */
export const UNLOCALIZED_SEGMENTS = [
  "admin",
  "api",
  "_next",
  "signin",
  "reset-password",
  "embed",
  "lang",
  "feed",
  "feeds",
  "rss",
  "atom",
  "sitemap",
  "robots",
];

/** Files rendered by the public site's routes (app/(site)/[locale]): the Atom feed (in both
 * languages) and the sitemap (German URL only). */
export const LOCALIZED_FILES = ["/feed.xml", "/sitemap.xml"];

/** What a shared cache (nginx, a CDN) may do with a public page or feed: keep it 2 s, then
 * serve it while asking again for up to a minute (and for a day while the app fails). Browsers
 * ask every time. The app's own cache answers those questions cheaply and is kept fresh by
 * tag, so a publication reaches readers behind a shared cache within seconds. */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=2, stale-while-revalidate=60, stale-if-error=86400";

/** For anyone with a session (a signed-in editor reading the public site): nothing may keep it. */
export const SESSION_CACHE_CONTROL = "private, no-store";

/** `/`: the one public URL whose answer depends on the reader (proxy.ts redirects by language);
 * for browsers only, never for a shared cache. */
export const HOME_CACHE_CONTROL = "private, max-age=0";

/** Auth.js's session cookie: plain, or with the __Secure- prefix over https; when it is too
 * long for one cookie it is split into `.0`, `.1`, …, and `.0` is always there. */
export const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token", "authjs.session-token.0", "__Secure-authjs.session-token.0"];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A German public path without its leading slash, as a path-to-regexp pattern (Next.js matches
 * it against the whole path, case-insensitively): not one of the segments above, not a dot
 * file, and either one of the public files or a path whose last segment has no dot. */
const GERMAN_PATH = `(?!(?:en|de|${UNLOCALIZED_SEGMENTS.map(escape).join("|")})(?:/|$))(?!\\.)(?:${LOCALIZED_FILES.map((f) => escape(f.slice(1))).join("|")}|(?:.*/)?[^./]*)`;

/** Every public URL but `/`: German paths, English ones, embed cards, robots.txt. */
const SHARED_PATH = `(?:en(?:/.*)?|embed/.*|robots\\.txt|${GERMAN_PATH})`;

/** next.config.js `rewrites().beforeFiles`: a German URL is rendered by the route of its
 * language segment (`/claims/x` by app/(site)/[locale] with locale `de`). English URLs
 * (`/en/…`) name their route already. */
export function publicRewrites() {
  return [{ source: `/:path(${GERMAN_PATH})`, destination: "/de/:path" }];
}

/** next.config.js `rewrites().beforeFiles` of the public API (app/api/v1): the Fact Check Tools
 * compatible search is called as Google's is, `/api/v1/claims:search`, and is rendered by the
 * route app/api/v1/claims-search (a colon in a folder name is not portable; a client may also
 * send it percent-encoded). */
export function apiRewrites() {
  return [{ source: "/api/v1/claims(:|%3[aA])search", destination: "/api/v1/claims-search" }];
}

/** next.config.js `headers()`: Cache-Control of public answers. For the same header the later
 * rule wins, so a request with a session ends with SESSION_CACHE_CONTROL. proxy.ts sets its
 * own on the answers it makes (`/`, page numbers), which take precedence over these. */
export function publicCacheHeaders() {
  const source = `/:path(${SHARED_PATH})`;
  return [
    { source, headers: [{ key: "Cache-Control", value: PUBLIC_CACHE_CONTROL }] },
    ...SESSION_COOKIES.map((key) => ({ source, has: [{ type: "cookie", key }], headers: [{ key: "Cache-Control", value: SESSION_CACHE_CONTROL }] })),
  ];
}

/** Whether a path (without language prefix) is served by the public site's routes, which exist
 * in both languages. Other paths whose last segment has a dot are files (robots.txt, icons). */
export function isLocalizedPath(path) {
  const pathname = path.split(/[?#]/, 1)[0] ?? "/";
  if (LOCALIZED_FILES.includes(pathname)) return true;
  const segments = pathname.split("/").filter(Boolean);
  const first = segments[0];
  if (first !== undefined && (UNLOCALIZED_SEGMENTS.includes(first.toLowerCase()) || first.startsWith("."))) return false;
  const last = segments[segments.length - 1];
  return last === undefined || !last.includes(".");
}
