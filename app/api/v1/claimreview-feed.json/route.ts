// GET /api/v1/claimreview-feed.json: schema.org DataFeed of ClaimReview (Data Commons) (lib/api/operations.ts claimReviewFeed; docs/api.md).
import { apiOptions, apiRoute } from "@/lib/api/http";
import { operations } from "@/lib/api/operations";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.claimReviewFeed);
export const OPTIONS = apiOptions;
