// GET /api/v1/claims:search (next.config.js rewrites it here: lib/public-routes.mjs apiRewrites): Fact Check Tools compatible search (lib/api/operations.ts searchClaims; docs/api.md).
import { apiOptions, apiRoute } from "@/lib/api/http";
import { operations } from "@/lib/api/operations";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.searchClaims);
export const OPTIONS = apiOptions;
