-- "Also checked by" goes public only through review (docs/import.md): a link stores what a second
-- person approved. Links made before this migration were never reviewed: they stay unapproved
-- (approvedAt null) and leave the public pages until someone approves them.

-- AlterTable
ALTER TABLE "ClaimExternalCheck" ADD COLUMN     "approved" JSONB,
ADD COLUMN     "approvedAt" TIMESTAMP(3),
ADD COLUMN     "approvedById" TEXT,
ADD COLUMN     "approvedVersion" INTEGER;

-- CreateIndex
CREATE INDEX "ClaimExternalCheck_approvedAt_idx" ON "ClaimExternalCheck"("approvedAt");

-- AddForeignKey
ALTER TABLE "ClaimExternalCheck" ADD CONSTRAINT "ClaimExternalCheck_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
