// GET /api/v1/speakers: public speakers (lib/api/operations.ts listSpeakers; docs/api.md).
import { apiOptions, apiRoute } from "@/lib/api/http";
import { operations } from "@/lib/api/operations";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.listSpeakers);
export const OPTIONS = apiOptions;
