// @ts-check
import { fileURLToPath } from "node:url";
import createNextIntlPlugin from "next-intl/plugin";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/action-limits.mjs";
import { apiRewrites, publicCacheHeaders, publicRewrites } from "./lib/public-routes.mjs";

// Messages and locale of each render (next-intl): i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/**
 * Security headers of every response. The Content-Security-Policy has no 'unsafe-eval' in
 * production (next dev needs it for React Refresh). Scripts and styles keep 'unsafe-inline':
 * Next.js writes inline bootstrap scripts into every page, and a nonce would make every page
 * render per request, so prerendered pages could not be served from a cache; everything else
 * is limited to this origin. frame-ancestors: 'none', except for embed cards.
 * @param {string} frameAncestors
 */
function securityHeaders(frameAncestors) {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === "production" ? "" : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
  return [
    { key: "Content-Security-Policy", value: csp },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  ];
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with native or wasm parts: load them from node_modules at run time
  // instead of bundling them. rate-limiter-flexible too (plain JS): one copy of its classes in
  // the process, whose `instanceof RateLimiterRes` lib/auth/rate-limit.ts relies on.
  serverExternalPackages: ["@node-rs/argon2", "@prisma/client", "@prisma/adapter-pg", "pg", "rate-limiter-flexible"],
  poweredByHeader: false,
  // Metadata (canonical, hreflang, the feed link, ClaimReview's page title) in <head> for every
  // client, not streamed into <body> for those Next.js does not know as bots: feed readers,
  // link previews and smaller search engines read only the head.
  htmlLimitedBots: /.*/,
  experimental: {
    // Article ingestion uploads files of up to 2 MB through a server action (the default
    // limit is 1 MB): lib/action-limits.mjs.
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
    // proxy.ts reads the body of form posts (lib/server-action-gate.ts) from a copy Next.js
    // keeps up to this size; one byte more than the limit tells a body over it from one at it.
    proxyClientMaxBodySize: ACTION_BODY_LIMIT_BYTES + 1,
    // app/global-not-found.tsx answers URLs outside every part of the site (several root layouts).
    globalNotFound: true,
  },
  typedRoutes: false,
  // Next.js's cache (prerendered public pages, feeds, data) in memory, with tag expirations
  // shared by every app server through PostgreSQL (docs/caching.md).
  cacheHandler: fileURLToPath(new URL("./lib/cache/handler.mjs", import.meta.url)),
  // The public site's URLs are routed here, not in proxy.ts, which costs more per request
  // than serving a cached page (lib/public-routes.mjs says why).
  async rewrites() {
    return { beforeFiles: [...publicRewrites(), ...apiRewrites()], afterFiles: [], fallback: [] };
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders("'none'") },
      // Embed cards (app/embed) are made to be shown in iframes on any site. Listed after the
      // rule above: for the same header, the later rule wins.
      { source: "/embed/:path*", headers: securityHeaders("*") },
      ...publicCacheHeaders(),
    ];
  },
};

export default withNextIntl(nextConfig);
