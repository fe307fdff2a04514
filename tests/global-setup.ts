// The integration tests' server, shared by every test file (each makes its own database in it,
// tests/helpers/db.ts):
// - by default the embedded PostgreSQL server (lib/db/embedded.ts), as `npm start` runs it, on a
//   throwaway data folder;
// - with CLAIMBASE_TEST_ENGINE=postgres, a throwaway cluster of Debian's PostgreSQL server.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedDatabase } from "../lib/db/embedded";
import { startPostgresCluster } from "./helpers/postgres-cluster";

export type TestEngine = "embedded" | "postgres";

declare module "vitest" {
  export interface ProvidedContext {
    pgUrl: string;
    engine: TestEngine;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.CLAIMBASE_TEST_ENGINE === "postgres") {
    const cluster = await startPostgresCluster();
    console.log(`Integration tests on ${cluster.version} at ${cluster.url}`);
    project.provide("pgUrl", cluster.url);
    project.provide("engine", "postgres");
    return () => cluster.stop();
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbase-test-embedded-"));
  // A throwaway cluster: durability is the kill -9 drill's business (npm run drill), not this one's.
  const server = await startEmbeddedDatabase({ dataDir, settings: ["fsync=off", "synchronous_commit=off", "full_page_writes=off"] });
  console.log(`Integration tests on the embedded PostgreSQL server (pid ${server.pid}, 127.0.0.1:${server.port})`);
  project.provide("pgUrl", server.urlFor("postgres"));
  project.provide("engine", "embedded");
  return async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
