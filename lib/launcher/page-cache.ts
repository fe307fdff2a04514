// The public page cache: a small HTTP front that `npm start` puts before Next.js. It keeps the
// rendered HTML of public pages in memory and answers readers from there, and passes every
// other request (the newsroom, sign-in, server actions, search, client-side navigation) through
// unchanged. Why: Next.js renders a public page for every request (~100 per second on two
// cores, docs/performance.md), a stored page is answered at close to the speed of a static
// file.
//
// Freshness:
//   - Every change the public can see bumps the public generation in the database
//     (lib/public/generation.ts, from revalidatePublic, before the action answers). The front
//     reads it before passing on the answer to a write, and every `pollMs`, and never serves a
//     page stored under an older generation: after a publication, correction or retraction the
//     next reader gets a fresh rendering, at once here and within about a second on every app
//     server that uses the same database. It passes the generation to Next.js
//     (x-claimbase-generation), which keys its data cache with it: another server's change,
//     whose tags this server's Next.js never saw, still gets fresh data.
//   - Otherwise a page is fresh for `ttlMs`; after that it is served once more while one
//     request refreshes it (stale-while-revalidate), so a busy page never waits for Next.js.
// What is stored: GET/HEAD of the public pages (lib/i18n isLocalizedPath, and the feed, the
// sitemap, robots.txt and embed cards), without a query string other than `page`, from a
// visitor without a session cookie, not a React Server Components request, and only 200
// answers without Set-Cookie. The key holds host, path and query, and for German URLs the
// language the reader wants (cookie or Accept-Language: proxy.ts sends those readers to /en,
// and that redirect is never stored). Bodies are kept plain and gzipped.
import http from "node:http";
import zlib from "node:zlib";
import { LOCALE_COOKIE, isLocale, isLocalizedPath, prefersEnglish, splitLocale } from "../i18n";
import { GENERATION_HEADER } from "../public/generation";

export interface PageCacheOptions {
  /** Where Next.js listens. */
  upstreamPort: number;
  /** How long a stored page is served without asking Next.js again. */
  ttlMs: number;
  /** Upper bounds on what is kept (least recently used pages go first). */
  maxEntries?: number;
  maxBytes?: number;
  /** Reads the public generation (a number that grows with every public change). */
  readGeneration: () => Promise<string>;
  pollMs?: number;
}

interface Entry {
  generation: string;
  storedAt: number;
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
  gzip: Buffer;
  etag: string | undefined;
}

interface Fetched {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Paths outside the bilingual pages that are public and the same for every reader. */
const PUBLIC_FILES = /^\/(?:feed\.xml|sitemap\.xml|robots\.txt|embed\/claims\/[^/]+)$/;
/** Pages whose answers depend on what a visitor types: never stored. */
const NOT_STORED = /^\/search(?:\/|$)/;
/** Auth.js session cookies (plain, __Secure-, chunked): a signed-in editor always gets Next.js. */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token/;
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);
const MAX_ENTRY_BYTES = 2 * 1024 * 1024;
/** Where Next.js listens (scripts/start.ts starts it with `-H localhost`). The name, not
 * 127.0.0.1: Next.js compares a rewrite's host with its own, and spells loopback "localhost". */
export const UPSTREAM_HOST = "localhost";

function cookieValue(cookieHeader: string | undefined, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The cache key of a request, or null when the request must go to Next.js. */
export function cacheKey(req: Pick<http.IncomingMessage, "method" | "url" | "headers">): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const h = req.headers;
  if (h.rsc !== undefined || h["next-action"] !== undefined || h["next-router-state-tree"] !== undefined || h.authorization) return null;
  if (h.cookie && SESSION_COOKIE.test(h.cookie)) return null;
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const pathname = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? "" : url.slice(q + 1);
  if (query !== "" && !/^page=\d{1,6}$/.test(query)) return null;
  let path: string;
  let locale: string;
  try {
    ({ locale, path } = splitLocale(decodeURI(pathname)));
  } catch {
    return null;
  }
  if (NOT_STORED.test(path)) return null;
  if (!isLocalizedPath(path)) return PUBLIC_FILES.test(pathname) ? `${h.host ?? ""} ${url}` : null;
  // A German URL answers a reader who wants English with a redirect (proxy.ts): not stored.
  if (locale === "de") {
    const chosen = cookieValue(h.cookie, LOCALE_COOKIE);
    const wanted = isLocale(chosen) ? chosen : prefersEnglish(h["accept-language"] ?? null) ? "en" : "de";
    if (wanted !== "de") return null;
  }
  return `${h.host ?? ""} ${url}`;
}

function acceptsGzip(header: string | undefined): boolean {
  return header !== undefined && /\bgzip\b/i.test(header) && !/\bgzip\s*;\s*q\s*=\s*0(?:\.0*)?\s*(?:,|$)/i.test(header);
}

export class PublicPageCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<{ entry: Entry | null; fetched: Fetched }>>();
  private bytes = 0;
  private generation: string | null = null;
  private poller: NodeJS.Timeout | undefined;
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  readonly stats = { hits: 0, stale: 0, misses: 0, passed: 0 };

  constructor(private readonly options: PageCacheOptions) {}

  /** Reads the generation once, then every pollMs. */
  async start(): Promise<void> {
    await this.pollGeneration();
    this.poller = setInterval(() => void this.pollGeneration(), this.options.pollMs ?? 1000);
    this.poller.unref();
  }

  stop(): void {
    clearInterval(this.poller);
    this.agent.destroy();
  }

  get size(): number {
    return this.entries.size;
  }

  private async pollGeneration(): Promise<void> {
    try {
      const next = await this.options.readGeneration();
      if (next !== this.generation) {
        this.generation = next;
        this.clear();
      }
    } catch (error) {
      // Without the generation nothing can be known to be current: serve nothing stored.
      if (this.generation !== null) console.error(`Public page cache: cannot read the public generation (${String(error)}); passing requests through.`);
      this.generation = null;
      this.clear();
    }
  }

  private clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  /** The request handler of the front server. */
  handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const key = this.generation === null ? null : cacheKey(req);
    if (key === null) {
      this.stats.passed++;
      this.pass(req, res);
      return;
    }
    const entry = this.entries.get(key);
    if (entry && entry.generation === this.generation) {
      const stale = Date.now() - entry.storedAt > this.options.ttlMs;
      if (stale) {
        this.stats.stale++;
        void this.refresh(key, req).catch(() => undefined);
      } else this.stats.hits++;
      // Least recently used goes first: move the entry to the end.
      this.entries.delete(key);
      this.entries.set(key, entry);
      this.send(req, res, entry, stale ? "STALE" : "HIT");
      return;
    }
    this.stats.misses++;
    this.refresh(key, req).then(
      ({ entry: stored, fetched }) => {
        if (stored) this.send(req, res, stored, "MISS");
        else this.sendFetched(req, res, fetched);
      },
      (error: unknown) => this.fail(res, error),
    );
  };

  /** Fetches a page from Next.js and stores it if it may be; one request per key at a time. */
  private refresh(key: string, req: http.IncomingMessage): Promise<{ entry: Entry | null; fetched: Fetched }> {
    let pending = this.inFlight.get(key);
    if (!pending) {
      const generation = this.generation;
      pending = this.fetch(req)
        .then((fetched) => {
          // A change during the fetch: the answer may predate it, so it is not kept.
          const current = generation !== null && generation === this.generation;
          return { entry: current ? this.store(key, generation, fetched) : null, fetched };
        })
        .finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private store(key: string, generation: string, fetched: Fetched): Entry | null {
    const { status, headers, body } = fetched;
    if (status !== 200 || headers["set-cookie"] || body.length > MAX_ENTRY_BYTES) return null;
    const kept: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined || HOP_BY_HOP.has(name) || name === "content-length" || name === "content-encoding" || name === "date") continue;
      kept[name] = value;
    }
    const entry: Entry = {
      generation,
      storedAt: Date.now(),
      status,
      headers: kept,
      body,
      gzip: zlib.gzipSync(body, { level: 6 }),
      etag: typeof headers.etag === "string" ? headers.etag : undefined,
    };
    const previous = this.entries.get(key);
    if (previous) this.bytes -= previous.body.length + previous.gzip.length;
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.body.length + entry.gzip.length;
    const maxEntries = this.options.maxEntries ?? 10_000;
    const maxBytes = this.options.maxBytes ?? 256 * 1024 * 1024;
    for (const [oldKey, old] of this.entries) {
      if (this.entries.size <= maxEntries && this.bytes <= maxBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= old.body.length + old.gzip.length;
    }
    return entry;
  }

  /** A GET to Next.js with the reader's headers, asking for an uncompressed body. */
  private fetch(req: http.IncomingMessage, retried = false): Promise<Fetched> {
    const headers = forwardHeaders(req, this.options.upstreamPort, this.generation);
    delete headers["accept-encoding"];
    delete headers["if-none-match"];
    delete headers["if-modified-since"];
    return new Promise((resolve, reject) => {
      const upstream = http.request(
        { host: UPSTREAM_HOST, port: this.options.upstreamPort, method: "GET", path: req.url, headers, agent: this.agent },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }));
          response.on("error", reject);
        },
      );
      upstream.on("error", (error) => {
        // A kept-alive connection that Next.js closed just as it was reused: a GET may be sent again.
        if (!retried && isStaleConnection(upstream, error)) this.fetch(req, true).then(resolve, reject);
        else reject(error);
      });
      upstream.end();
    });
  }

  private send(req: http.IncomingMessage, res: http.ServerResponse, entry: Entry, state: "HIT" | "STALE" | "MISS"): void {
    const headers: http.OutgoingHttpHeaders = { ...entry.headers, "x-claimbase-cache": state };
    const vary = String(entry.headers.vary ?? "");
    headers.vary = vary === "" ? "Accept-Encoding" : /accept-encoding/i.test(vary) ? vary : `${vary}, Accept-Encoding`;
    if (entry.etag && req.headers["if-none-match"] === entry.etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const gzip = acceptsGzip(req.headers["accept-encoding"]);
    const body = gzip ? entry.gzip : entry.body;
    if (gzip) headers["content-encoding"] = "gzip";
    headers["content-length"] = body.length;
    res.writeHead(entry.status, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  }

  /** An answer that is not stored (a redirect, a 404), as Next.js gave it. */
  private sendFetched(req: http.IncomingMessage, res: http.ServerResponse, fetched: Fetched): void {
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(fetched.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name) && name !== "content-length") headers[name] = value;
    }
    headers["content-length"] = fetched.body.length;
    res.writeHead(fetched.status, headers);
    res.end(req.method === "HEAD" ? undefined : fetched.body);
  }

  /** Everything else: streamed both ways, untouched but for the forwarding headers. */
  private pass(req: http.IncomingMessage, res: http.ServerResponse, retried = false): void {
    const reading = req.method === "GET" || req.method === "HEAD";
    const upstream = http.request(
      {
        host: UPSTREAM_HOST,
        port: this.options.upstreamPort,
        method: req.method,
        path: req.url,
        headers: forwardHeaders(req, this.options.upstreamPort, this.generation),
        // A write gets a connection of its own: its body cannot be sent twice, so it must not
        // meet a kept-alive connection that Next.js is just closing.
        agent: reading ? this.agent : false,
      },
      (response) => {
        const headers: http.OutgoingHttpHeaders = {};
        for (const [name, value] of Object.entries(response.headers)) {
          if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
        }
        const answer = () => {
          res.writeHead(response.statusCode ?? 502, response.statusMessage, headers);
          response.pipe(res);
        };
        // A write may have changed what readers see (a publication counts the public
        // generation before it answers): read the generation before the writer gets the answer,
        // so that their next page is not an old one from here.
        if (reading) answer();
        else void this.pollGeneration().finally(answer);
      },
    );
    let readerGone = false;
    upstream.on("error", (error) => {
      // The reader went away (a prefetch cancelled by a navigation): nothing to answer or report.
      if (readerGone) return;
      if (reading && !retried && isStaleConnection(upstream, error)) this.pass(req, res, true);
      else this.fail(res, error);
    });
    if (reading) upstream.end();
    else req.pipe(upstream);
    res.on("close", () => {
      if (res.writableFinished) return;
      readerGone = true;
      upstream.destroy();
    });
  }

  private fail(res: http.ServerResponse, error: unknown): void {
    console.error(`Public page cache: Next.js did not answer (${String(error)}).`);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.writeHead(502, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
    res.end("The application is not answering. Try again in a moment.\n");
  }
}

/** A request on a kept-alive connection that the other side had closed (Node's advice: send an
 * idempotent request again). */
function isStaleConnection(request: http.ClientRequest, error: Error): boolean {
  return request.reusedSocket && (error as NodeJS.ErrnoException).code === "ECONNRESET";
}

/** The reader's headers for Next.js:
 * - the reader's address in X-Forwarded-For (the sign-in rate limit counts failures per
 *   address, lib/auth/rate-limit.ts);
 * - the host the reader asked for in X-Forwarded-Host (canonical links, Auth.js and the server
 *   actions' origin check read it), and Next.js' own address as Host: Next.js takes a rewrite
 *   of proxy.ts (/en/...) to a URL on another host than its own for an external one and would
 *   fetch it over HTTP, back through this cache. */
function forwardHeaders(req: http.IncomingMessage, upstreamPort: number, generation: string | null): http.OutgoingHttpHeaders {
  const headers: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  }
  const address = req.socket.remoteAddress;
  if (address && !headers["x-forwarded-for"]) headers["x-forwarded-for"] = address;
  if (req.headers.host && !headers["x-forwarded-host"]) headers["x-forwarded-host"] = req.headers.host;
  headers.host = `${UPSTREAM_HOST}:${upstreamPort}`;
  // The generation this cache knows, for the data cache's keys (lib/public/cached.ts); never
  // one a client sent.
  delete headers[GENERATION_HEADER];
  if (generation !== null) headers[GENERATION_HEADER] = generation;
  return headers;
}

/** The front server: `cache.handle` on an HTTP server (keep-alive, Node's defaults). */
export function createFrontServer(cache: PublicPageCache): http.Server {
  const server = http.createServer(cache.handle);
  server.keepAliveTimeout = 65_000;
  return server;
}
