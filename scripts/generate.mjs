// `prisma generate` without network. The Prisma CLI looks for its native schema-engine binary
// first (and tries to download it, which fails offline) although generate never runs it;
// pointing PRISMA_SCHEMA_ENGINE_BINARY at any executable skips the download. Claimbase runs
// migrations with the wasm schema engine instead (lib/db/migrations.ts).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const prismaCli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [prismaCli, "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
