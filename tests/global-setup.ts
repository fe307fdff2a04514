// With CLAIMBASE_TEST_ENGINE=postgres, the integration tests run against a throwaway
// PostgreSQL server started here; otherwise against in-memory PGlite (tests/helpers/db.ts).
import type { TestProject } from "vitest/node";
import { startPostgresCluster } from "./helpers/postgres-cluster";

declare module "vitest" {
  export interface ProvidedContext {
    pgUrl: string | null;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.CLAIMBASE_TEST_ENGINE !== "postgres") {
    project.provide("pgUrl", null);
    return;
  }
  const cluster = await startPostgresCluster();
  console.log(`Integration tests on ${cluster.version} at ${cluster.url}`);
  project.provide("pgUrl", cluster.url);
  return () => cluster.stop();
}
