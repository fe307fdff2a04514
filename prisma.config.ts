import { defineConfig } from "prisma/config";

// The datasource URL is only needed by Prisma CLI commands that talk to a database; Claimbase
// applies migrations with its own offline runner (scripts/db.ts), so `prisma generate` is the
// only CLI command we run and it needs no URL.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
