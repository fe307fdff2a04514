// GET /api/v1/claims: published fact-checks, filtered, in keyset pages (lib/api/operations.ts listClaims; docs/api.md).
import { apiOptions, apiRoute } from "@/lib/api/http";
import { operations } from "@/lib/api/operations";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.listClaims);
export const OPTIONS = apiOptions;
