// How every public API route answers (app/api/v1): the route files only name their operation
// (lib/api/operations.ts); this wraps it.
//
// - CORS for GET: `Access-Control-Allow-Origin: *`, no credentials (the API is public data; a
//   browser sends no cookie with it). OPTIONS answers a preflight with 204.
// - Rate limit per client address (lib/api/rate-limit.ts): 429 rate_limited with Retry-After.
// - Parameters: parsed with the operation's zod schema (lib/api/schemas.ts); a bad one is
//   400 invalid_parameter naming the parameter and what is wrong; a known parameter given
//   twice too. Unknown parameters are ignored.
// - Answers: JSON with a strong ETag (a hash of the body) and If-None-Match → 304; streamed
//   answers (the ClaimReview feed) get a weak ETag from a fingerprint of the public data
//   (lib/public/keyset.ts publicFingerprint), checked before anything is streamed.
// - Cache-Control like the public pages (lib/public-routes.mjs): shared caches keep an answer
//   two seconds and serve it stale while they ask again; a request with a session cookie gets
//   `private, no-store`, as a page does. Errors: `no-store`.
// - Errors: `{error: {code, message}}` (schemas.ts errorSchema), in English; an unexpected
//   failure is 500 internal, logged, with nothing of it in the answer.
import { createHash } from "node:crypto";
import type { z } from "zod";
import { PUBLIC_CACHE_CONTROL, SESSION_CACHE_CONTROL, hasSessionCookie } from "../cache-control";
import { clientIp } from "../auth/rate-limit";
import { takeApiRequest } from "./rate-limit";
import type { ApiErrorCode } from "./schemas";

export class ApiError extends Error {
  constructor(
    readonly status: 400 | 404 | 429 | 500,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, "not_found", `${what} not found.`);
export const badCursor = (name = "cursor") => new ApiError(400, "invalid_cursor", `${name} is not a cursor of this query: pass the value of the previous answer, with the same other parameters.`);

/** What an operation answers: a JSON body, or a stream with a validator for it. */
export type ApiAnswer =
  | { json: unknown }
  | { stream: () => ReadableStream<Uint8Array>; etag: string; contentType: string; filename?: string };

export interface ApiRequest<Q, P> {
  request: Request;
  query: Q;
  path: P;
}

export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Retry-After",
} as const;

function cookieNames(request: Request): string[] {
  return (request.headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.split("=", 1)[0]!.trim())
    .filter(Boolean);
}

function cacheControlFor(request: Request): string {
  return hasSessionCookie(cookieNames(request)) ? SESSION_CACHE_CONTROL : PUBLIC_CACHE_CONTROL;
}

export function errorResponse(error: ApiError, extra: Record<string, string> = {}): Response {
  return Response.json(
    { error: { code: error.code, message: error.message } },
    {
      status: error.status,
      headers: { ...CORS_HEADERS, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...extra },
    },
  );
}

/** The query string as an object: a key given twice is refused (an array would be ambiguous). */
function queryObject(url: URL, known: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    if (!known.includes(key)) continue;
    if (key in out) throw new ApiError(400, "invalid_parameter", `${key}: given more than once.`);
    out[key] = value;
  }
  return out;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "parameters"}: ${issue.message}`)
    .join("; ");
}

/** Whether If-None-Match names this ETag (weak comparison, RFC 9110 13.1.2). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => bare(tag) === bare(etag));
}

export function strongEtag(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

export function weakEtag(fingerprint: string): string {
  return `W/"${createHash("sha256").update(fingerprint).digest("base64url").slice(0, 32)}"`;
}

interface Operation<QS extends z.ZodType, PS extends z.ZodType> {
  query?: QS;
  pathParams?: PS;
  handle: (input: ApiRequest<z.output<QS>, z.output<PS>>) => Promise<ApiAnswer>;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

function schemaKeys(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  // A refined object (z.object(...).refine) keeps its shape on the inner object.
  const def = (schema as unknown as { def?: { shape?: Record<string, unknown>; in?: z.ZodType; schema?: z.ZodType } }).def;
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape ?? def?.shape;
  if (shape) return Object.keys(shape);
  return [];
}

/** A GET route handler for an operation (with HEAD: Next.js answers it from GET). */
export function apiRoute<QS extends z.ZodType = z.ZodObject<{}>, PS extends z.ZodType = z.ZodObject<{}>>(operation: Operation<QS, PS>) {
  const known = schemaKeys(operation.query);
  return async function GET(request: Request, context?: RouteContext): Promise<Response> {
    try {
      const rate = await takeApiRequest(clientIp(request.headers));
      if (!rate.allowed) {
        return errorResponse(new ApiError(429, "rate_limited", `More than ${rate.limit} requests a minute from this address; try again in ${rate.retryAfterSeconds} s.`), {
          "Retry-After": String(rate.retryAfterSeconds),
        });
      }
      const url = new URL(request.url);
      let query = {} as z.output<QS>;
      if (operation.query) {
        const parsed = operation.query.safeParse(queryObject(url, known));
        if (!parsed.success) throw new ApiError(400, "invalid_parameter", describeIssues(parsed.error));
        query = parsed.data;
      }
      let path = {} as z.output<PS>;
      if (operation.pathParams) {
        const params = context ? await context.params : {};
        const parsed = operation.pathParams.safeParse(params);
        if (!parsed.success) throw new ApiError(400, "invalid_parameter", describeIssues(parsed.error));
        path = parsed.data;
      }
      const answer = await operation.handle({ request, query, path });
      return respond(request, answer);
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error);
      console.error("api:", request.url, error);
      return errorResponse(new ApiError(500, "internal", "The request could not be answered; please try again later."));
    }
  };
}

function respond(request: Request, answer: ApiAnswer): Response {
  const cacheControl = cacheControlFor(request);
  const ifNoneMatch = request.headers.get("if-none-match");
  if ("json" in answer) {
    const body = JSON.stringify(answer.json);
    const etag = strongEtag(body);
    const headers = { ...CORS_HEADERS, ETag: etag, "Cache-Control": cacheControl, "X-Content-Type-Options": "nosniff" };
    if (matchesEtag(ifNoneMatch, etag)) return new Response(null, { status: 304, headers });
    return new Response(body, { status: 200, headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
  }
  const headers: Record<string, string> = { ...CORS_HEADERS, ETag: answer.etag, "Cache-Control": cacheControl, "X-Content-Type-Options": "nosniff" };
  if (matchesEtag(ifNoneMatch, answer.etag)) return new Response(null, { status: 304, headers });
  if (answer.filename) headers["Content-Disposition"] = `inline; filename="${answer.filename}"`;
  return new Response(answer.stream(), { status: 200, headers: { ...headers, "Content-Type": answer.contentType } });
}

/** OPTIONS: the CORS preflight of a GET (any origin, no credentials). */
export function apiOptions(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "If-None-Match, Accept, Accept-Language, Content-Type",
      "Access-Control-Max-Age": "86400",
      "Cache-Control": "public, max-age=86400",
      Allow: "GET, HEAD, OPTIONS",
    },
  });
}
