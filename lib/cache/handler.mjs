// Next.js's cache (prerendered pages, route handlers, unstable_cache data), through the
// cache-handler interface Next.js provides (next.config.js `cacheHandler`), for any number of
// app servers on one PostgreSQL database:
//
// - Entries live in this server's memory, least recently used first out above a size bound
//   (CLAIMBASE_CACHE_MB, default 256). Nothing is written to disk: a restarted server, maybe
//   on another database, starts empty and renders each page again on its first request.
// - Tag expirations are shared through the database. revalidateTag() on one server (a
//   publication, a correction, any edit a public page shows: lib/public/revalidate.ts) marks
//   the tags expired here, stores them in the table "CacheTag" and sends NOTIFY; every other
//   server LISTENs and marks them expired in its own process at once. Next.js's own check
//   (tags-manifest) then treats every page and entry carrying such a tag as gone, so the next
//   reader on any server gets a fresh render: within the time a NOTIFY takes, milliseconds.
// - A server whose listening connection broke catches up from the table when it reconnects
//   (every tag expired since it last heard, with a margin), so no change is missed for longer
//   than a reconnect.
// - Without DATABASE_URL (next build) the handler is a memory cache alone.
//
// Plain JavaScript: Next.js loads it at run time with require/import, outside its bundles.
// docs/caching.md tells the whole story.
import { createRequire } from "node:module";
import pg from "pg";

const require = createRequire(import.meta.url);
// The process-wide record of expired tags that Next.js consults for every cache read (a
// ".external" module: one instance shared by Next.js's server code and this handler).
const { tagsManifest, areTagsExpired } = require("next/dist/server/lib/incremental-cache/tags-manifest.external.js");

export const NOTIFY_CHANNEL = "claimbase_cache_tags";
/** NOTIFY payloads are limited to 8000 bytes: tags go out in chunks well below. */
const NOTIFY_CHUNK_BYTES = 6000;
const CATCH_UP_MARGIN_MS = 5_000;
const NEXT_CACHE_TAGS_HEADER = "x-next-cache-tags";

// ---------------------------------------------------------------------------------------
// State shared by every handler instance of this process (Next.js makes one per request).

const state = (globalThis.__claimbaseCache ??= {
  entries: new Map(), // key -> { value, lastModified, tags, size }; Map order = recency
  bytes: 0,
  maxBytes: Math.max(1, Number(process.env.CLAIMBASE_CACHE_MB) || 256) * 1024 * 1024,
  pool: null,
  listener: null,
  listening: false,
  /** When this process last knew every expiration (connected and listening). */
  heardUntil: Date.now(),
});

function sizeOf(value) {
  if (!value) return 64;
  switch (value.kind) {
    case "APP_PAGE": {
      let n = (value.html?.length ?? 0) + (value.rscData?.length ?? 0);
      if (value.segmentData) for (const v of value.segmentData.values()) n += v.length;
      return n + 256;
    }
    case "APP_ROUTE":
      return (value.body?.length ?? 0) + 256;
    case "FETCH":
      return JSON.stringify(value.data ?? null).length + 256;
    default:
      return JSON.stringify(value).length;
  }
}

/** The tags an entry was stored with: a page's from its headers, a data entry's from set(). */
function entryTags(entry, ctx) {
  const header = entry.value?.headers?.[NEXT_CACHE_TAGS_HEADER];
  const own = typeof header === "string" ? header.split(",") : entry.tags;
  return ctx?.kind === "FETCH" ? [...own, ...(ctx.tags ?? []), ...(ctx.softTags ?? [])] : own;
}

/** Marks tags expired in this process, the way Next.js's own file-system cache does. */
export function expireTagsLocally(tags, durations) {
  const now = Date.now();
  for (const tag of tags) {
    const existing = tagsManifest.get(tag) ?? {};
    if (durations && durations.expire !== undefined) {
      tagsManifest.set(tag, { ...existing, stale: now, expired: now + durations.expire * 1000 });
    } else if (durations) {
      tagsManifest.set(tag, { ...existing, stale: now });
    } else {
      tagsManifest.set(tag, { ...existing, expired: now });
    }
  }
}

// ---------------------------------------------------------------------------------------
// PostgreSQL: publishing expirations and hearing those of the other servers.

function connectionString() {
  return process.env.DATABASE_URL || null;
}

function pool() {
  const url = connectionString();
  if (!url) return null;
  if (!state.pool) {
    state.pool = new pg.Pool({ connectionString: url, max: 2, idleTimeoutMillis: 30_000 });
    state.pool.on("error", () => undefined); // an idle client lost: the next query opens another
  }
  return state.pool;
}

function chunks(tags) {
  const out = [];
  let current = [];
  let bytes = 0;
  for (const tag of tags) {
    const size = Buffer.byteLength(tag) + 4;
    if (current.length && bytes + size > NOTIFY_CHUNK_BYTES) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(tag);
    bytes += size;
  }
  if (current.length) out.push(current);
  return out;
}

async function publish(tags, durations) {
  const db = pool();
  if (!db || tags.length === 0) return;
  const client = await db.connect();
  try {
    // One transaction: the rows and the notifications become visible together (NOTIFY is
    // delivered at commit).
    await client.query("BEGIN");
    // Each tag once, in one order for every writer: two servers upserting overlapping tags in
    // different orders each held a row the other waited for (a deadlock, found by the soak drill).
    await client.query(
      `INSERT INTO "CacheTag" ("tag", "expiredAt") SELECT DISTINCT t, now() FROM unnest($1::text[]) AS t ORDER BY t
       ON CONFLICT ("tag") DO UPDATE SET "expiredAt" = now()`,
      [tags],
    );
    for (const part of chunks(tags)) {
      await client.query("SELECT pg_notify($1, $2)", [NOTIFY_CHANNEL, JSON.stringify({ pid: process.pid, tags: part, durations: durations ?? null })]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Starts listening (once per process); reconnects with a growing pause when the link breaks. */
function listen() {
  const url = connectionString();
  if (!url || state.listener) return;
  let pause = 500;
  const connect = async () => {
    const client = new pg.Client({ connectionString: url });
    state.listener = client;
    const lost = () => {
      if (state.listener !== client) return;
      state.listening = false;
      state.listener = { reconnecting: true };
      client.end().catch(() => undefined);
      setTimeout(() => void connect(), pause).unref();
      pause = Math.min(pause * 2, 10_000);
    };
    client.on("error", lost);
    client.on("end", lost);
    client.on("notification", (message) => {
      if (message.channel !== NOTIFY_CHANNEL || !message.payload) return;
      try {
        const { tags, durations } = JSON.parse(message.payload);
        if (Array.isArray(tags)) expireTagsLocally(tags.filter((t) => typeof t === "string"), durations ?? undefined);
      } catch {
        // not ours
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
      // Whatever expired while this process was not listening.
      const since = new Date(state.heardUntil - CATCH_UP_MARGIN_MS);
      const { rows } = await client.query(`SELECT "tag" FROM "CacheTag" WHERE "expiredAt" > $1`, [since]);
      if (rows.length) expireTagsLocally(rows.map((r) => r.tag));
      // Old rows help nobody (every server restarted since has an empty cache).
      await client.query(`DELETE FROM "CacheTag" WHERE "expiredAt" < now() - interval '1 day'`).catch(() => undefined);
      state.listening = true;
      pause = 500;
    } catch {
      lost();
    }
  };
  // A heartbeat keeps heardUntil current while listening.
  setInterval(() => {
    if (state.listening) state.heardUntil = Date.now();
  }, 1_000).unref();
  void connect();
}

// ---------------------------------------------------------------------------------------

export default class ClaimbaseCacheHandler {
  constructor() {
    listen();
  }

  async get(key, ctx) {
    const entry = state.entries.get(key);
    if (!entry) return null;
    const tags = entryTags(entry, ctx);
    if (tags.length && areTagsExpired(tags, entry.lastModified)) {
      // Revalidated (here or on another server): render again before answering, never serve
      // the old version once more.
      forget(key);
      return null;
    }
    // Most recently used goes last.
    state.entries.delete(key);
    state.entries.set(key, entry);
    return { lastModified: entry.lastModified, value: entry.value };
  }

  async set(key, value, ctx) {
    forget(key);
    if (value === null || value === undefined) return;
    const entry = { value, lastModified: Date.now(), tags: ctx?.tags ?? [], size: sizeOf(value) };
    if (entry.size > state.maxBytes / 4) return; // one entry never pushes out everything
    state.entries.set(key, entry);
    state.bytes += entry.size;
    for (const [oldest, old] of state.entries) {
      if (state.bytes <= state.maxBytes) break;
      state.entries.delete(oldest);
      state.bytes -= old.size;
    }
  }

  async revalidateTag(tags, durations) {
    const list = (typeof tags === "string" ? [tags] : tags).filter(Boolean);
    if (list.length === 0) return;
    expireTagsLocally(list, durations);
    await publish(list, durations);
  }

  resetRequestCache() {}
}

function forget(key) {
  const entry = state.entries.get(key);
  if (!entry) return;
  state.entries.delete(key);
  state.bytes -= entry.size;
}
