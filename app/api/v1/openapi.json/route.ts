// GET /api/v1/openapi.json: the OpenAPI 3.1 document of the public API, generated from the zod
// schemas the routes validate with (lib/api/openapi.ts).
import { apiOptions, apiRoute } from "@/lib/api/http";
import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ handle: async () => ({ json: openApiDocument() }) });
export const OPTIONS = apiOptions;
