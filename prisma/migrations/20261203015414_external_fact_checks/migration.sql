-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('external', 'own');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('reading', 'previewed', 'importing', 'done', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "ImportRowAction" AS ENUM ('create', 'update', 'unchanged', 'duplicate', 'invalid');

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "importBatchId" TEXT,
ADD COLUMN     "importKey" TEXT;

-- CreateTable
CREATE TABLE "ExternalFactCheck" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "url" TEXT,
    "publisherName" TEXT NOT NULL,
    "publisherSite" TEXT,
    "title" TEXT,
    "claimText" TEXT NOT NULL,
    "claimantName" TEXT,
    "claimDate" DATE,
    "reviewDate" TIMESTAMP(3),
    "textualRating" TEXT,
    "ratingValue" DOUBLE PRECISION,
    "bestRating" DOUBLE PRECISION,
    "worstRating" DOUBLE PRECISION,
    "language" TEXT,
    "speakerId" TEXT,
    "importBatchId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExternalFactCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimExternalCheck" (
    "claimId" TEXT NOT NULL,
    "externalCheckId" TEXT NOT NULL,
    "linkedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimExternalCheck_pkey" PRIMARY KEY ("claimId","externalCheckId")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" TEXT NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "format" TEXT,
    "filename" TEXT,
    "bytes" BIGINT NOT NULL DEFAULT 0,
    "status" "ImportStatus" NOT NULL DEFAULT 'reading',
    "allOrNothing" BOOLEAN NOT NULL DEFAULT false,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "counts" JSONB,
    "result" JSONB,
    "error" TEXT,
    "errorParams" JSONB,
    "createdById" TEXT,
    "confirmedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRow" (
    "id" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "line" INTEGER,
    "action" "ImportRowAction" NOT NULL,
    "reason" TEXT,
    "params" JSONB,
    "key" TEXT,
    "data" JSONB,
    "claimant" TEXT,
    "speakerId" TEXT,
    "targetId" TEXT,
    "resultId" TEXT,
    "done" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ImportRow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ExternalFactCheck_key_key" ON "ExternalFactCheck"("key");

-- CreateIndex
CREATE INDEX "ExternalFactCheck_speakerId_idx" ON "ExternalFactCheck"("speakerId");

-- CreateIndex
CREATE INDEX "ExternalFactCheck_reviewDate_idx" ON "ExternalFactCheck"("reviewDate" DESC);

-- CreateIndex
CREATE INDEX "ExternalFactCheck_claimText_trgm_idx" ON "ExternalFactCheck" USING GIN ("claimText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "ClaimExternalCheck_externalCheckId_idx" ON "ClaimExternalCheck"("externalCheckId");

-- CreateIndex
CREATE INDEX "ImportBatch_createdAt_idx" ON "ImportBatch"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "ImportRow_batchId_action_position_idx" ON "ImportRow"("batchId", "action", "position");

-- CreateIndex
CREATE INDEX "ImportRow_batchId_key_idx" ON "ImportRow"("batchId", "key");

-- CreateIndex
CREATE INDEX "ImportRow_batchId_claimant_idx" ON "ImportRow"("batchId", "claimant");

-- CreateIndex
CREATE UNIQUE INDEX "ImportRow_batchId_position_key" ON "ImportRow"("batchId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_importKey_key" ON "Claim"("importKey");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalFactCheck" ADD CONSTRAINT "ExternalFactCheck_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalFactCheck" ADD CONSTRAINT "ExternalFactCheck_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimExternalCheck" ADD CONSTRAINT "ClaimExternalCheck_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimExternalCheck" ADD CONSTRAINT "ClaimExternalCheck_externalCheckId_fkey" FOREIGN KEY ("externalCheckId") REFERENCES "ExternalFactCheck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimExternalCheck" ADD CONSTRAINT "ClaimExternalCheck_linkedById_fkey" FOREIGN KEY ("linkedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRow" ADD CONSTRAINT "ImportRow_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- hand-written
-- The import matches a claimant's name to a speaker's name or alias exactly, ignoring case and
-- accents (lib/import/stage.ts matchSpeakers): "Wladimir Putin" = "wladimir putin",
-- "Emmanuel Macron" = "Emmanuel Macrón". schema.prisma cannot declare indexes on expressions
-- (tests/integration/migrations.test.ts, HAND_WRITTEN_INDEXES).
CREATE INDEX "Speaker_name_folded_idx" ON "Speaker" (lower(claimbase_unaccent("name")));
CREATE INDEX "SpeakerAlias_alias_folded_idx" ON "SpeakerAlias" (lower(claimbase_unaccent("alias")));
