// GET /api/v1/topics: public topics (lib/api/operations.ts listTopics; docs/api.md).
import { apiOptions, apiRoute } from "@/lib/api/http";
import { operations } from "@/lib/api/operations";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.listTopics);
export const OPTIONS = apiOptions;
