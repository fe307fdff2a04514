// The drills' HTTP client, speaking to the app the way a browser does: keep-alive requests with
// a cookie jar per person, the Auth.js sign-in (CSRF token, then the credentials callback), and
// server actions as React sends them from a form (a multipart POST to the page with the
// `Next-Action` header). Also raw requests over a socket, for what Node's client will not send
// (bytes that are no valid HTTP, a Content-Length that does not match the body).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";

export interface Answer {
  /** HTTP status; 0 when no answer came (see `error`). */
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  ms: number;
  /** "timeout", or the socket error, when no answer came. */
  error?: string;
}

export interface RequestSpec {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  timeoutMs?: number;
}

export class Client {
  readonly agent: http.Agent;
  constructor(
    readonly port: number,
    connections = 8,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  }

  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Sends a request; a kept-alive connection that the server closed just as it was reused
   * (its idle timeout) is no answer of the server: the request is sent again, once, on a new one. */
  async request(spec: RequestSpec): Promise<Answer> {
    const answer = await this.send(spec);
    if (answer.reusedSocket && answer.status === 0 && /ECONNRESET|socket hang up|EPIPE/.test(answer.error ?? "")) return this.send(spec, true);
    return answer;
  }

  private send(spec: RequestSpec, fresh = false): Promise<Answer & { reusedSocket?: boolean }> {
    const started = performance.now();
    return new Promise((resolve) => {
      let settled = false;
      let req: http.ClientRequest | undefined;
      const done = (answer: Omit<Answer, "ms">) => {
        if (settled) return;
        settled = true;
        resolve({ ...answer, ms: performance.now() - started, reusedSocket: req?.reusedSocket });
      };
      try {
        req = http.request(
          // Answers may echo a long request path in their headers (Link, Location): read them
          // whole rather than fail on Node's 16 KiB default.
          { host: "127.0.0.1", port: this.port, method: spec.method ?? "GET", path: spec.path, headers: spec.headers, agent: fresh ? false : this.agent, maxHeaderSize: 1 << 20 },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
            res.on("error", (e) => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), error: e.message }));
          },
        );
      } catch (error) {
        // Node's client refused to send it (a character it does not allow in a path or header).
        done({ status: 0, headers: {}, body: Buffer.alloc(0), error: `not sent: ${(error as Error).message}` });
        return;
      }
      req.setTimeout(spec.timeoutMs ?? 30_000, () => {
        done({ status: 0, headers: {}, body: Buffer.alloc(0), error: "timeout" });
        req?.destroy();
      });
      req.on("error", (e) => done({ status: 0, headers: {}, body: Buffer.alloc(0), error: e.message }));
      req.end(spec.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Sends `bytes` as they are on a connection of its own and reads the answer's status line. With
 * `halfClose`, the sending side is closed right after (the body the request promised never comes). */
export function rawRequest(port: number, bytes: Buffer, options: { timeoutMs?: number; halfClose?: boolean } = {}): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    let settled = false;
    const done = (error?: string) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      const body = Buffer.concat(chunks);
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(body.subarray(0, 32).toString("latin1"));
      resolve({
        status: m ? Number(m[1]) : 0,
        headers: {},
        body,
        ms: performance.now() - started,
        error: m ? undefined : (error ?? "closed without an answer"),
      });
    };
    socket.setTimeout(options.timeoutMs ?? 30_000, () => done("timeout"));
    socket.on("connect", () => {
      socket.write(bytes);
      if (options.halfClose) socket.end();
    });
    socket.on("data", (c: Buffer) => {
      chunks.push(c);
      // The status line is all that is read; the rest of a keep-alive answer is not waited for.
      if (Buffer.concat(chunks).includes("\r\n\r\n")) setTimeout(() => done(), 50);
    });
    socket.on("end", () => done());
    socket.on("error", (e) => done(e.message));
  });
}

// ---------------------------------------------------------------------------------------
// Cookies and signing in.

export class CookieJar {
  readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  absorb(answer: Answer): void {
    const set = answer.headers["set-cookie"] ?? [];
    for (const line of set) {
      const [pair, ...attributes] = line.split(";");
      const eq = pair!.indexOf("=");
      if (eq < 1) continue;
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** Whether Auth.js's session cookie is set. */
  get signedIn(): boolean {
    return [...this.cookies.keys()].some((k) => /(^|\.)authjs\.session-token(\.0)?$/.test(k));
  }
}

/** Headers a browser on this site sends with a request (German, the jar's cookies). */
export function browserHeaders(client: Client, jar: CookieJar | null, extra: Record<string, string> = {}): Record<string, string> {
  const headers: Record<string, string> = { host: client.host, "accept-language": "de-DE,de;q=0.9", "user-agent": "claimbase-drill" };
  const cookie = jar?.header();
  if (cookie) headers.cookie = cookie;
  return { ...headers, ...extra };
}

/** Signs in through Auth.js as a browser's sign-in would end up doing it: the CSRF token, then
 * the credentials callback. Throws when no session cookie comes back. */
export async function signIn(client: Client, email: string, password: string, extraHeaders: Record<string, string> = {}): Promise<CookieJar> {
  const jar = new CookieJar();
  const csrf = await client.request({ path: "/api/auth/csrf", headers: browserHeaders(client, jar, extraHeaders) });
  jar.absorb(csrf);
  if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf answered ${csrf.status || csrf.error}`);
  const { csrfToken } = JSON.parse(csrf.body.toString()) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email, password, callbackUrl: "/admin" }).toString();
  const answer = await client.request({
    method: "POST",
    path: "/api/auth/callback/credentials",
    headers: browserHeaders(client, jar, { ...extraHeaders, "content-type": "application/x-www-form-urlencoded", origin: `http://${client.host}` }),
    body: form,
  });
  jar.absorb(answer);
  if (!jar.signedIn) throw new Error(`Signing in as ${email} failed: ${answer.status} ${answer.headers.location ?? answer.error ?? ""}`);
  return jar;
}

// ---------------------------------------------------------------------------------------
// Server actions.

export interface ActionRef {
  /** The id Next.js gave it (the Next-Action header). */
  id: string;
  /** The file and export that defines it. */
  filename: string;
  exportedName: string;
  /** The pages whose forms use it (app paths such as "app/(desk)/admin/claims/[id]/page"). */
  pages: string[];
}

/** The server actions of the current build: .next/server/server-reference-manifest.json. */
export function readActionManifest(root: string): ActionRef[] {
  const file = path.join(root, ".next/server/server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    filename: entry.filename ?? "",
    exportedName: entry.exportedName ?? "",
    pages: Object.keys(entry.workers),
  }));
}

/** The URL path of an app page ("app/(desk)/admin/claims/[id]/page" → "/admin/claims/[id]"). */
export function pageRoute(appPage: string): string {
  const segments = appPage
    .replace(/^app\//, "")
    .replace(/\/page$/, "")
    .split("/")
    .filter((s) => s && !/^\(.*\)$/.test(s));
  return "/" + segments.join("/");
}

export type FormEntry = [name: string, value: string | Buffer | { filename: string; type: string; data: Buffer }];

/**
 * A multipart body as React's encodeReply makes it for `action(previousState, formData)`: the
 * form's entries under the prefix `_1_`, and the arguments as JSON in the part "0", where
 * "$K1" stands for the form data.
 */
export function actionBody(previous: unknown, entries: FormEntry[], root?: string): { body: Buffer; contentType: string } {
  const boundary = `----drill${randomBytes(12).toString("hex")}`;
  const parts: Buffer[] = [];
  const part = (name: string, value: string | Buffer, file?: { filename: string; type: string }) => {
    const disposition = file
      ? `form-data; name="${name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}`
      : `form-data; name="${name}"`;
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`), Buffer.isBuffer(value) ? value : Buffer.from(value), Buffer.from("\r\n"));
  };
  for (const [name, value] of entries) {
    if (typeof value === "string" || Buffer.isBuffer(value)) part(`_1_${name}`, value);
    else part(`_1_${name}`, value.data, value);
  }
  part("0", root ?? JSON.stringify([escapeFlight(previous), "$K1"]));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Strings in React's reply format that start with "$" are escaped as "$$". */
function escapeFlight(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(escapeFlight);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeFlight(v)]));
  return value;
}

export interface ActionOutcome {
  /** "ok", "redirect", an ActionState error code ("validation", "internal", ...), or "?" */
  result: string;
  /** The x-action-redirect target, when the action redirected. */
  redirect?: string;
}

/** What a server action answered, read from its RSC payload. */
export function actionOutcome(answer: Answer, signInFailedMessage?: string): ActionOutcome {
  const redirect = answer.headers["x-action-redirect"];
  if (typeof redirect === "string") return { result: "redirect", redirect };
  const text = answer.body.toString("utf8");
  const state = /"status":"(ok|error|idle)"(?:,"code":"([a-z_]+)")?/.exec(text);
  if (state) return { result: state[1] === "error" ? (state[2] ?? "error") : state[1]! };
  // The sign-in form's own state: { error, email, attempt }.
  if (/"attempt":\d+/.test(text)) {
    if (signInFailedMessage && text.includes(signInFailedMessage)) return { result: "internal" };
    return { result: /"error":null/.test(text) ? "ok" : "refused" };
  }
  return { result: "?" };
}

export interface ActionCall {
  action: ActionRef;
  /** The page URL to post to. */
  path: string;
  previous: unknown;
  entries: FormEntry[];
}

/** Calls a server action as the browser does after a form submit. */
export function callAction(client: Client, jar: CookieJar | null, call: ActionCall, extraHeaders: Record<string, string> = {}, timeoutMs?: number): Promise<Answer> {
  const { body, contentType } = actionBody(call.previous, call.entries);
  return client.request({
    method: "POST",
    path: call.path,
    headers: browserHeaders(client, jar, {
      accept: "text/x-component",
      "next-action": call.action.id,
      "content-type": contentType,
      origin: `http://${client.host}`,
      ...extraHeaders,
    }),
    body,
    timeoutMs,
  });
}
