import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: [
      { find: "@", replacement: path.resolve(import.meta.dirname) },
      // Pages and route handlers run here outside Next.js: next-intl's server functions in
      // their server build (Next.js picks it by the react-server condition), with the request
      // configuration next-intl's plugin would point them to.
      { find: /^next-intl\/server$/, replacement: path.resolve(import.meta.dirname, "node_modules/next-intl/dist/esm/production/server.react-server.js") },
      { find: /^next-intl\/config$/, replacement: path.resolve(import.meta.dirname, "i18n/request.ts") },
    ],
  },
  test: {
    // next-intl imports "next/server" without an extension, which only a bundler resolves.
    server: { deps: { inline: ["next-intl"] } },
    include: ["tests/**/*.test.ts"],
    // What `npm start` sets for the app: the key that derives the server's own keys (TOTP
    // secrets at rest, the second step of a sign-in; lib/auth/server-key.ts).
    env: { AUTH_SECRET: "claimbase-test-auth-secret-0123456789abcdef" },
    globalSetup: ["tests/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file starts its own database; two at a time suits a 2-core machine.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
