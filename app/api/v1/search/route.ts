// GET /api/v1/search: the site's search (lib/api/operations.ts search; docs/api.md).
import { apiOptions, apiRoute } from "@/lib/api/http";
import { operations } from "@/lib/api/operations";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.search);
export const OPTIONS = apiOptions;
