// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with native or wasm parts: load them from node_modules at run time
  // instead of bundling them.
  serverExternalPackages: ["@node-rs/argon2", "@prisma/client", "@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
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
