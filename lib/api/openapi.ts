// The OpenAPI 3.1 document of the public API, generated (zod-openapi) from the same zod schemas
// the routes validate their parameters with and the contract test parses their answers with
// (lib/api/schemas.ts, operations.ts). Served at /api/v1/openapi.json and rendered at
// /api/v1/docs (lib/api/reference.ts). The server URL is relative (/api/v1), so the document is
// the same on every deployment.
import { createDocument } from "zod-openapi";
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject, ZodOpenApiResponsesObject } from "zod-openapi";
import { z } from "zod";
import { errorSchema } from "./schemas";
import { operations } from "./operations";

export const API_VERSION = "1.0.0";
export const API_BASE = "/api/v1";

const errorContent = { "application/json": { schema: errorSchema } };

const cacheHeaders = z.object({
  ETag: z.string().meta({ description: "Validator of the answer: send it as If-None-Match to get 304 when nothing changed." }),
  "Cache-Control": z.string().meta({ description: "As the public pages: `public, max-age=0, s-maxage=2, stale-while-revalidate=60, stale-if-error=86400`." }),
  "Access-Control-Allow-Origin": z.literal("*"),
});

function responses(o: (typeof operations)[keyof typeof operations]): ZodOpenApiResponsesObject {
  const out: ZodOpenApiResponsesObject = {
    "200": {
      description: "OK",
      headers: cacheHeaders,
      content: { [o.contentType ?? "application/json"]: { schema: o.response } },
    },
    "304": { description: "Not modified: the If-None-Match sent names the current ETag.", headers: cacheHeaders },
    "400": { description: "A parameter is invalid (`invalid_parameter`), or the cursor is not one of this query (`invalid_cursor`).", content: errorContent },
    "429": {
      description: "Too many requests from this address (`rate_limited`).",
      headers: z.object({ "Retry-After": z.string().meta({ description: "Seconds until a request is taken again." }) }),
      content: errorContent,
    },
    "500": { description: "The request could not be answered (`internal`).", content: errorContent },
  };
  if (o.notFound) out["404"] = { description: "Nothing public by that slug (`not_found`).", content: errorContent };
  return out;
}

let cached: ReturnType<typeof createDocument> | null = null;

/** The document (built once per process). */
export function openApiDocument(): ReturnType<typeof createDocument> {
  if (cached) return cached;
  const paths: ZodOpenApiPathsObject = {};
  for (const o of Object.values(operations)) {
    const operation: ZodOpenApiOperationObject = {
      operationId: o.operationId,
      tags: [o.tag],
      summary: o.summary,
      description: o.description,
      requestParams: {
        ...(o.query ? { query: o.query as z.ZodObject } : {}),
        ...(o.pathParams ? { path: o.pathParams as z.ZodObject } : {}),
      },
      responses: responses(o),
    };
    paths[o.path] = { get: operation };
  }
  cached = createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "Claimbase public API",
        version: API_VERSION,
        description: [
          "Read-only access to everything the public site shows: published fact-checks (claims), speakers, quotes, topics, the search, a Fact Check Tools compatible `claims:search` and a schema.org DataFeed of ClaimReview.",
          "Only what two people approved is public: drafts, claims under review, unapproved edits and links, internal notes and accounts are never in an answer.",
          "Lists are paged with an opaque `cursor` (`nextCursor` of the previous page). Answers carry an ETag (send If-None-Match for 304) and may be kept by shared caches for two seconds. CORS is open for GET. Each client address may make a limited number of requests a minute (429 with Retry-After beyond it).",
          "Errors are JSON: `{\"error\": {\"code\": \"…\", \"message\": \"…\"}}`.",
        ].join("\n\n"),
        license: { name: "Content: see the publisher's terms", url: "/methodology" },
      },
      servers: [{ url: API_BASE, description: "This site" }],
      tags: [
        { name: "Claims", description: "Published fact-checks." },
        { name: "Speakers", description: "People and organisations with public claims or quotes." },
        { name: "Quotes", description: "Quotes attached to public claims." },
        { name: "Topics", description: "Topics of public claims." },
        { name: "Search", description: "The site's full-text search." },
        { name: "Feeds", description: "Machine-readable feeds." },
      ],
      paths,
    },
  );
  return cached;
}
