-- CreateTable
CREATE TABLE "CacheTag" (
    "tag" TEXT NOT NULL,
    "expiredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CacheTag_pkey" PRIMARY KEY ("tag")
);
