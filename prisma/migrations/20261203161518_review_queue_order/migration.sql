-- The review queue reads the claims in review unchanged longest, ordered by updatedAt and id.
-- Without id in the index, claims changed in the same millisecond (a batch, an import) had to
-- be read and sorted as a group: 3,129 rows for a page of 201 at 1M quotes (issue 15).

-- DropIndex
DROP INDEX "Claim_status_updatedAt_idx";

-- CreateIndex
CREATE INDEX "Claim_status_updatedAt_id_idx" ON "Claim"("status", "updatedAt", "id");
