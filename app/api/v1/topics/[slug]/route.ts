// GET /api/v1/topics/{slug}: one public topic (lib/api/operations.ts getTopic; docs/api.md).
import { apiOptions, apiRoute } from "@/lib/api/http";
import { operations } from "@/lib/api/operations";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.getTopic);
export const OPTIONS = apiOptions;
