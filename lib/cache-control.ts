// Cache-Control of public answers, for proxy.ts and the public route handlers (a module of its
// own: proxy.ts loads no database code).

/** What a shared cache (nginx, a CDN) may do with a public page or feed: keep it 2 s, then
 * serve it while asking again for up to a minute (and for a day while the app fails). Browsers
 * ask every time. The app's own cache answers those questions cheaply and is kept fresh by
 * tag, so a publication reaches readers behind a shared cache within seconds (proxy.ts). */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=2, stale-while-revalidate=60, stale-if-error=86400";

/** For anyone with a session (a signed-in editor reading the public site): nothing may keep it. */
export const SESSION_CACHE_CONTROL = "private, no-store";

/** Auth.js's session cookie (plain, or with the __Secure- prefix over https; chunked when long). */
const SESSION_COOKIE = /^(?:__Secure-)?authjs\.session-token(?:\.\d+)?$/;

export function hasSessionCookie(cookieNames: readonly string[]): boolean {
  return cookieNames.some((name) => SESSION_COOKIE.test(name));
}
