// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with native or wasm parts: load them from node_modules at run time
  // instead of bundling them.
  serverExternalPackages: ["@node-rs/argon2", "@prisma/client", "@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
  // Metadata (canonical, hreflang, the feed link, ClaimReview's page title) in <head> for every
  // client, not streamed into <body> for those Next.js does not know as bots: feed readers,
  // link previews and smaller search engines read only the head.
  htmlLimitedBots: /.*/,
  experimental: {
    // Article ingestion (app/admin/articles/new) uploads files of up to 2 MB through a server
    // action (default limit 1 MB); the domain refuses anything above 2 MB with a clear message,
    // so the limit leaves room for the form around the file.
    serverActions: { bodySizeLimit: "3mb" },
  },
  typedRoutes: false,
  async headers() {
    return [
      {
        // Embed cards (app/embed) are made to be shown in iframes on any site.
        source: "/embed/:path*",
        headers: [{ key: "Content-Security-Policy", value: "frame-ancestors *" }],
      },
    ];
  },
};

export default nextConfig;
