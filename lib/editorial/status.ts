// The claim's states (domain.md "The claim's life"), as the database has them. Their names for
// people are in the catalogues, once (messages/*.json `status.*`), for every page and message.
import { ClaimStatus as ClaimStatuses, type ClaimStatus } from "../generated/prisma/enums";

export const CLAIM_STATUSES = Object.values(ClaimStatuses) as ClaimStatus[];

export function isClaimStatus(value: unknown): value is ClaimStatus {
  return typeof value === "string" && (CLAIM_STATUSES as string[]).includes(value);
}

/** The states of a claim somebody still works on: not yet public, or its correction not yet
 * approved (a correction under review is `in_review`). The lists' filter "open" and the
 * overview's "my open work". */
export const OPEN_CLAIM_STATUSES: readonly ClaimStatus[] = ["draft", "in_research", "in_review"];
