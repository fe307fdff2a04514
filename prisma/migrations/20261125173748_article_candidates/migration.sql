-- CreateEnum
CREATE TYPE "CandidateKind" AS ENUM ('quote', 'claim');

-- CreateEnum
CREATE TYPE "CandidateStatus" AS ENUM ('proposed', 'accepted', 'rejected');

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "publisher" TEXT,
ADD COLUMN     "url" TEXT;

-- CreateTable
CREATE TABLE "ArticleCandidate" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "kind" "CandidateKind" NOT NULL,
    "speechKind" "SpeechKind",
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "speakerName" TEXT,
    "speakerStart" INTEGER,
    "speakerEnd" INTEGER,
    "speakerId" TEXT,
    "reportedByName" TEXT,
    "reportedByStart" INTEGER,
    "reportedByEnd" INTEGER,
    "reportedById" TEXT,
    "quantityValue" DECIMAL(20,6),
    "quantityUnit" TEXT,
    "status" "CandidateStatus" NOT NULL DEFAULT 'proposed',
    "fingerprint" TEXT NOT NULL,
    "edited" BOOLEAN NOT NULL DEFAULT false,
    "createdQuoteId" TEXT,
    "createdClaimId" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ArticleCandidate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ArticleCandidate_articleId_status_start_idx" ON "ArticleCandidate"("articleId", "status", "start");

-- CreateIndex
CREATE INDEX "ArticleCandidate_speakerId_idx" ON "ArticleCandidate"("speakerId");

-- CreateIndex
CREATE INDEX "ArticleCandidate_reportedById_idx" ON "ArticleCandidate"("reportedById");

-- CreateIndex
CREATE INDEX "ArticleCandidate_createdQuoteId_idx" ON "ArticleCandidate"("createdQuoteId");

-- CreateIndex
CREATE INDEX "ArticleCandidate_createdClaimId_idx" ON "ArticleCandidate"("createdClaimId");

-- CreateIndex
CREATE INDEX "ArticleCandidate_decidedById_idx" ON "ArticleCandidate"("decidedById");

-- CreateIndex
CREATE UNIQUE INDEX "ArticleCandidate_articleId_fingerprint_key" ON "ArticleCandidate"("articleId", "fingerprint");

-- AddForeignKey
ALTER TABLE "ArticleCandidate" ADD CONSTRAINT "ArticleCandidate_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleCandidate" ADD CONSTRAINT "ArticleCandidate_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleCandidate" ADD CONSTRAINT "ArticleCandidate_reportedById_fkey" FOREIGN KEY ("reportedById") REFERENCES "Speaker"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleCandidate" ADD CONSTRAINT "ArticleCandidate_createdQuoteId_fkey" FOREIGN KEY ("createdQuoteId") REFERENCES "Quote"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleCandidate" ADD CONSTRAINT "ArticleCandidate_createdClaimId_fkey" FOREIGN KEY ("createdClaimId") REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleCandidate" ADD CONSTRAINT "ArticleCandidate_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
