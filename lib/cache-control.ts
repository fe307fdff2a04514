// Cache-Control of public answers, for proxy.ts and the public route handlers (a module of its
// own: proxy.ts loads no database code). The values live in lib/public-routes.mjs, which
// next.config.js reads too.

export { HOME_CACHE_CONTROL, PUBLIC_CACHE_CONTROL, SESSION_CACHE_CONTROL } from "./public-routes.mjs";

/** Auth.js's session cookie (plain, or with the __Secure- prefix over https; chunked when long). */
const SESSION_COOKIE = /^(?:__Secure-)?authjs\.session-token(?:\.\d+)?$/;

export function hasSessionCookie(cookieNames: readonly string[]): boolean {
  return cookieNames.some((name) => SESSION_COOKIE.test(name));
}
