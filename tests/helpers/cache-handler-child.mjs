// One "app server" for tests/integration/cache-handler.test.ts: a process that loads the cache
// handler (lib/cache/handler.mjs) as Next.js would, with DATABASE_URL from its environment, and
// obeys the test's messages.
import { createRequire } from "node:module";
import Handler from "../../lib/cache/handler.mjs";

const require = createRequire(import.meta.url);
const { tagsManifest } = require("next/dist/server/lib/incremental-cache/tags-manifest.external.js");

const handler = new Handler();
const page = (html, tags) => ({ kind: "APP_PAGE", html, rscData: Buffer.from(html), headers: { "x-next-cache-tags": tags.join(",") }, status: 200 });

process.on("message", async (message) => {
  const { id, op, args } = message;
  try {
    let result = null;
    if (op === "listening") result = Boolean(globalThis.__claimbaseCache?.listening);
    else if (op === "setPage") await handler.set(args.key, page(args.html, args.tags), { kind: "APP_PAGE" });
    else if (op === "setData") await handler.set(args.key, { kind: "FETCH", data: args.data, revalidate: 60 }, { kind: "FETCH", tags: args.tags });
    else if (op === "get") result = (await handler.get(args.key, args.ctx ?? { kind: "APP_PAGE" }))?.value ?? null;
    else if (op === "revalidate") await handler.revalidateTag(args.tags, args.durations);
    else if (op === "expiredAt") result = tagsManifest.get(args.tag)?.expired ?? null;
    else if (op === "backendPid") {
      const listener = globalThis.__claimbaseCache?.listener;
      result = listener?.processID ?? null;
    } else if (op === "bytes") result = globalThis.__claimbaseCache.bytes;
    else if (op === "size") result = globalThis.__claimbaseCache.entries.size;
    process.send({ id, result });
  } catch (error) {
    process.send({ id, error: String(error?.stack ?? error) });
  }
});
process.send({ ready: true });
