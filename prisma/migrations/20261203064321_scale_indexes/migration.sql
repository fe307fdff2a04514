-- CreateIndex
CREATE INDEX "Source_updatedAt_id_idx" ON "Source"("updatedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Quote_updatedAt_id_idx" ON "Quote"("updatedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Claim_updatedAt_id_idx" ON "Claim"("updatedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Claim_createdAt_id_idx" ON "Claim"("createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Claim_status_updatedAt_idx" ON "Claim"("status", "updatedAt");

-- hand-written: partial indexes schema.prisma cannot declare (issue 15; the drift test knows
-- them). The public claims, newest first, as lib/public lists them (home page, feed, search
-- candidates): the first page is the first entries of the index, whatever the archive's size.
CREATE INDEX "Claim_public_publishedAt_idx" ON "Claim" ("publishedAt" DESC NULLS LAST, "slug")
  WHERE "publicState" IS NOT NULL AND "publicationId" IS NOT NULL;

-- hand-written: a speaker's public claims, newest first (speaker pages).
CREATE INDEX "Claim_public_claimant_publishedAt_idx" ON "Claim" ("claimantId", "publishedAt" DESC NULLS LAST, "slug")
  WHERE "publicState" IS NOT NULL AND "publicationId" IS NOT NULL;

-- hand-written: published quotes, newest first (the search ranks the newest matches).
CREATE INDEX "PublishedQuote_saidOn_idx" ON "PublishedQuote" ("saidOn" DESC NULLS LAST, "id");

-- hand-written: published corrections, newest first (the corrections page).
CREATE INDEX "Correction_published_idx" ON "Correction" ("publishedAt" DESC, "id") WHERE "publishedAt" IS NOT NULL;
