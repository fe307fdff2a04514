-- Counting a public list whose rows must belong to a public claim (a topic's claims, the
-- published corrections) probed each row's claim in the Claim table: up to 10,000 fetches of
-- large rows, most of the topic page's and the corrections list's time at 1M quotes (issue 15,
-- docs/performance.md). These indexes answer the same counts from small indexes alone.

-- DropIndex
DROP INDEX "PublishedClaimTopic_topicId_idx";

-- CreateIndex
CREATE INDEX "PublishedClaimTopic_topicId_claimId_idx" ON "PublishedClaimTopic"("topicId", "claimId");

-- hand-written: the ids of the public claims (the drift test knows it).
CREATE INDEX "Claim_public_id_idx" ON "Claim" ("id")
  WHERE "publicState" IS NOT NULL AND "publicationId" IS NOT NULL;

-- hand-written: the claims of the published corrections (the drift test knows it).
CREATE INDEX "Correction_published_claim_idx" ON "Correction" ("claimId") WHERE "publishedAt" IS NOT NULL;
