// GET /api/v1/quotes: public quotes (lib/api/operations.ts listQuotes; docs/api.md).
import { apiOptions, apiRoute } from "@/lib/api/http";
import { operations } from "@/lib/api/operations";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.listQuotes);
export const OPTIONS = apiOptions;
