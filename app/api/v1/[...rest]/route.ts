// Any other path under /api/v1: a JSON 404 that points to the OpenAPI document, with CORS, as
// the API's other errors.
import { apiOptions, apiRoute } from "@/lib/api/http";
import { unknownEndpoint } from "@/lib/api/operations";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ handle: async () => unknownEndpoint() });
export const OPTIONS = apiOptions;
