// GET /api/v1/speakers/{slug}: one public speaker (lib/api/operations.ts getSpeaker; docs/api.md).
import { apiOptions, apiRoute } from "@/lib/api/http";
import { operations } from "@/lib/api/operations";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.getSpeaker);
export const OPTIONS = apiOptions;
