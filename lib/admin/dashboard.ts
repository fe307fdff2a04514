// Numbers for the newsroom's start page. Private: only for signed-in users.
import type { ClaimStatus } from "../generated/prisma/enums";
import { ClaimStatus as ClaimStatuses } from "../generated/prisma/enums";
import { db, type Db } from "../db/client";

export const CLAIM_STATUS_ORDER = Object.values(ClaimStatuses) as ClaimStatus[];

/** How many claims are in each status (every status listed, zero included). */
export async function countClaimsByStatus(client: Db = db): Promise<{ status: ClaimStatus; count: number }[]> {
  const rows = await client.claim.groupBy({ by: ["status"], _count: { _all: true } });
  const counts = new Map(rows.map((r) => [r.status, r._count._all]));
  return CLAIM_STATUS_ORDER.map((status) => ({ status, count: counts.get(status) ?? 0 }));
}
