-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lastVisitAt" TIMESTAMP(3),
ADD COLUMN     "previousVisitAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Claim_createdById_idx" ON "Claim"("createdById");
