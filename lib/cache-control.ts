// Cache-Control of public answers, for proxy.ts and the public route handlers (a module of its
// own: proxy.ts loads no database code).

/** What a shared cache (nginx, a CDN) may do with a public page or feed: keep it 2 s, then
 * serve it while asking again for up to a minute (and for a day while the app fails). Browsers
 * ask every time. The app's own cache answers those questions cheaply and is kept fresh by
 * tag, so a publication reaches readers behind a shared cache within seconds (proxy.ts). */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=2, stale-while-revalidate=60, stale-if-error=86400";
