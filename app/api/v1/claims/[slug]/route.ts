// GET /api/v1/claims/{slug}: one published fact-check (lib/api/operations.ts getClaim; docs/api.md).
import { apiOptions, apiRoute } from "@/lib/api/http";
import { operations } from "@/lib/api/operations";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.getClaim);
export const OPTIONS = apiOptions;
