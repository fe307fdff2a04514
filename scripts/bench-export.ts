// npm run bench:export -- [--copies 2500] [--keep]: the exports, the ClaimReview feed and the
// public API on many public claims, in a throwaway embedded PostgreSQL server. The demo's public
// claims are copied `copies` times by SQL (claim, its frozen publication and its published
// quotes, under new slugs and earlier dates), then each export and the feed are made once
// (bytes, seconds, how much the JS heap grew), and API requests are timed (median of 5), and the
// claim list is walked to its end in pages of 100 (total, first and last page). Run it with
// `node --max-old-space-size=160` (see docs/api.md) to see that memory does not grow with the data.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { AsyncLocalStorage } from "node:async_hooks";
import { createPrismaClient } from "../lib/db/client";
import { startEmbeddedDatabase } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrations";
import { bootstrap } from "../lib/seed/bootstrap";
import { loadSettings } from "../lib/config";

// What a Next.js server sets up before loading its modules (the route handlers import them).
(globalThis as Record<string, unknown>).AsyncLocalStorage ??= AsyncLocalStorage;

const { values } = parseArgs({ options: { copies: { type: "string", default: "2500" }, keep: { type: "boolean", default: false } } });
const copies = Number(values.copies);

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbase-bench-export-"));
  fs.chmodSync(dir, 0o755); // as root, the server's user must pass through it
  const server = await startEmbeddedDatabase({ dataDir: path.join(dir, "pg"), settings: ["fsync=off", "synchronous_commit=off", "full_page_writes=off"] });
  const db = createPrismaClient(server.url, 4);
  try {
    await applyMigrations(server.url);
    await bootstrap(db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "bench-admin-password-123", CLAIMBASE_DEMO: "true", CLAIMBASE_DATA_DIR: dir }));
    process.env.DATABASE_URL = server.url;
    process.env.CLAIMBASE_API_RATE_LIMIT = "0";
    process.env.AUTH_SECRET ??= "bench-export-auth-secret-0123456789abcdef";
    let started = Date.now();
    await db.$executeRawUnsafe(`
      INSERT INTO "Claim" (id, slug, text, language, status, "claimantId", "claimDate", "publicState", "publishedVerdictId", "publishedSummary", "publishedAnalysis", "publishedAt", "publicUpdatedAt", "updatedAt")
      SELECT 'bc' || g || '-' || c.id, c.slug || '-' || g, c.text || ' ' || g, c.language, c.status, c."claimantId", c."claimDate", c."publicState", c."publishedVerdictId",
             c."publishedSummary", c."publishedAnalysis", c."publishedAt" - (g || ' minutes')::interval, c."publicUpdatedAt", now()
        FROM "Claim" c, generate_series(1, ${copies}) g WHERE c."publicState" IS NOT NULL AND c."publicationId" IS NOT NULL`);
    await db.$executeRawUnsafe(`
      INSERT INTO "ClaimPublication" (id, "claimId", content, claimant)
      SELECT 'bp' || substr(c.id, 3), c.id, p.content, p.claimant FROM "Claim" c
        JOIN "Claim" o ON c.id LIKE 'bc%' AND o.id = substring(c.id from position('-' in c.id) + 1)
        JOIN "ClaimPublication" p ON p.id = o."publicationId"`);
    await db.$executeRawUnsafe(`UPDATE "Claim" SET "publicationId" = 'bp' || substr(id, 3) WHERE id LIKE 'bc%'`);
    await db.$executeRawUnsafe(`
      INSERT INTO "PublishedQuote" (id, "claimId", "quoteId", "speakerId", "reportedById", text, language, kind, "saidOn", occasion, place, "speakerRef", "reportedByRef")
      SELECT 'bq' || c.id || q.id, c.id, q."quoteId", q."speakerId", q."reportedById", q.text, q.language, q.kind, q."saidOn", q.occasion, q.place, q."speakerRef", q."reportedByRef"
        FROM "Claim" c JOIN "PublishedQuote" q ON q."claimId" = substring(c.id from position('-' in c.id) + 1) WHERE c.id LIKE 'bc%'`);
    await db.$executeRawUnsafe(`ANALYZE`);
    const total = await db.claim.count({ where: { publicState: { not: null } } });
    console.log(`${total.toLocaleString("en")} public claims (copied in ${((Date.now() - started) / 1000).toFixed(0)} s)`);

    const { exportChunks } = await import("../lib/export");
    const { claimReviewFeedChunks } = await import("../lib/api/feed");
    const measure = async (name: string, chunks: AsyncGenerator<string>) => {
      const base = process.memoryUsage().heapUsed;
      let peak = base;
      let bytes = 0;
      const t0 = performance.now();
      for await (const chunk of chunks) {
        bytes += Buffer.byteLength(chunk);
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
      const s = (performance.now() - t0) / 1000;
      console.log(`${name}: ${(bytes / 2 ** 20).toFixed(1)} MiB in ${s.toFixed(1)} s, JS heap +${((peak - base) / 2 ** 20).toFixed(0)} MiB at most`);
    };
    await measure("export claims csv", exportChunks("claims", "csv", { client: db }));
    await measure("export claims jsonl", exportChunks("claims", "jsonl", { client: db }));
    await measure("export quotes csv", exportChunks("quotes", "csv", { client: db }));
    await measure("ClaimReview feed (de)", claimReviewFeedChunks("de", db));

    const { operations } = await import("../lib/api/operations");
    const { apiRoute } = await import("../lib/api/http");
    const get = async (op: keyof typeof operations, url: string, params: Record<string, string> = {}) => {
      const handler = apiRoute(operations[op] as Parameters<typeof apiRoute>[0]);
      const response = await handler(new Request(`http://localhost${url}`), { params: Promise.resolve(params) });
      return response.text();
    };
    const median = async (op: keyof typeof operations, url: string) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        await get(op, url);
        times.push(performance.now() - t0);
      }
      console.log(`GET ${url}: median ${times.sort((a, b) => a - b)[2]!.toFixed(0)} ms`);
    };
    await median("listClaims", "/api/v1/claims?limit=20");
    await median("listClaims", "/api/v1/claims?limit=100");
    await median("searchClaims", "/api/v1/claims:search?query=Putin");
    await median("search", "/api/v1/search?q=Putin");
    await median("listQuotes", "/api/v1/quotes?limit=100");
    started = Date.now();
    let next: string | null = "/api/v1/claims?limit=100";
    const pageTimes: number[] = [];
    while (next) {
      const t0 = performance.now();
      const body = JSON.parse(await get("listClaims", next)) as { nextCursor: string | null };
      pageTimes.push(performance.now() - t0);
      next = body.nextCursor ? `/api/v1/claims?limit=100&cursor=${encodeURIComponent(body.nextCursor)}` : null;
    }
    console.log(
      `walk of /api/v1/claims: ${pageTimes.length} pages of 100 in ${((Date.now() - started) / 1000).toFixed(1)} s; first page ${pageTimes[0]!.toFixed(0)} ms, last ${pageTimes.at(-1)!.toFixed(0)} ms`,
    );
    console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  } finally {
    await db.$disconnect();
    await server.stop();
    if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
