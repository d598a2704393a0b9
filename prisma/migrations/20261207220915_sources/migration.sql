-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('FEED', 'SITEMAP');

-- CreateEnum
CREATE TYPE "SourcePollStatus" AS ENUM ('PENDING', 'OK', 'NOT_MODIFIED', 'ERROR');

-- CreateEnum
CREATE TYPE "SourceEntryStatus" AS ENUM ('NEW', 'DRAFTED', 'DISMISSED');

-- CreateTable
CREATE TABLE "ContentSource" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "kind" "SourceKind" NOT NULL DEFAULT 'FEED',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "intervalMinutes" INTEGER NOT NULL DEFAULT 30,
    "defaultValueType" "ValueType",
    "defaultGoals" "BusinessGoal"[] DEFAULT ARRAY['MARKETING']::"BusinessGoal"[],
    "defaultTeamIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "defaultLocationIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "defaultTopicIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "autoDraft" BOOLEAN NOT NULL DEFAULT false,
    "etag" TEXT,
    "lastModified" TEXT,
    "lastStatus" "SourcePollStatus" NOT NULL DEFAULT 'PENDING',
    "lastPolledAt" TIMESTAMP(3),
    "lastSuccessAt" TIMESTAMP(3),
    "lastError" TEXT,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "nextPollAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContentSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceEntry" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "imageUrl" TEXT,
    "publishedAt" TIMESTAMP(3),
    "previewTitle" TEXT,
    "previewDescription" TEXT,
    "previewImageUrl" TEXT,
    "previewSiteName" TEXT,
    "status" "SourceEntryStatus" NOT NULL DEFAULT 'NEW',
    "itemId" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SourceEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContentSource_enabled_nextPollAt_idx" ON "ContentSource"("enabled", "nextPollAt");

-- CreateIndex
CREATE UNIQUE INDEX "ContentSource_orgId_url_key" ON "ContentSource"("orgId", "url");

-- CreateIndex
CREATE INDEX "SourceEntry_orgId_status_createdAt_idx" ON "SourceEntry"("orgId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SourceEntry_orgId_sourceId_dedupeKey_key" ON "SourceEntry"("orgId", "sourceId", "dedupeKey");

-- AddForeignKey
ALTER TABLE "ContentSource" ADD CONSTRAINT "ContentSource_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceEntry" ADD CONSTRAINT "SourceEntry_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "ContentSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceEntry" ADD CONSTRAINT "SourceEntry_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ContentItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;
