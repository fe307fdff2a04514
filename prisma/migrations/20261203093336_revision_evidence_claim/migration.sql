-- hand-written: an index schema.prisma cannot declare (an expression; the drift test knows it).
-- A claim's history (lib/editorial/claims.ts claimHistory) finds the evidence ever attached to
-- the claim, deleted pieces included, by the claim named in each evidence's create revision:
-- `changes #> '{claimId,after}' = '"<claim id>"'`, as Prisma writes the JSON path filter. Without
-- this index that is a sequential scan of the whole revision log on every history page (EXPLAIN
-- on the desk benchmark's data: 19,395 rows read and dropped for 4 at 2,000 claims; the log
-- grows with every save). Only the create revisions of evidence name a claim there.
CREATE INDEX "Revision_evidence_claim_idx" ON "Revision" (("changes" #> '{claimId,after}'))
  WHERE "entityType" = 'Evidence';
