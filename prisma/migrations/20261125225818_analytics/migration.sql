-- CreateEnum
CREATE TYPE "ConversionOutcome" AS ENUM ('VISIT', 'SIGNUP', 'APPLICATION', 'HIRE', 'LEAD', 'OPPORTUNITY', 'DEAL');

-- AlterTable
ALTER TABLE "OrgSettings" ADD COLUMN     "attributionDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "clickIdParam" TEXT NOT NULL DEFAULT 'aid',
ADD COLUMN     "cpc" DECIMAL(10,2) NOT NULL DEFAULT 5,
ADD COLUMN     "cpm" DECIMAL(10,2) NOT NULL DEFAULT 10,
ADD COLUMN     "currency" TEXT NOT NULL DEFAULT 'EUR',
ADD COLUMN     "defaultNetworkSize" INTEGER NOT NULL DEFAULT 400,
ADD COLUMN     "pointsPerClick" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "pointsPerConversion" INTEGER NOT NULL DEFAULT 25,
ADD COLUMN     "pointsPerShare" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "reachRate" DOUBLE PRECISION NOT NULL DEFAULT 0.1;

-- AlterTable
ALTER TABLE "Share" ADD COLUMN     "impressions" INTEGER,
ADD COLUMN     "networkSize" INTEGER;

-- CreateTable
CREATE TABLE "ClickEvent" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "shareId" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "isBot" BOOLEAN NOT NULL,
    "visitorKey" TEXT NOT NULL,
    "device" TEXT NOT NULL,
    "browser" TEXT NOT NULL,
    "referrerHost" TEXT,

    CONSTRAINT "ClickEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Conversion" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "shareId" TEXT NOT NULL,
    "clickId" TEXT,
    "outcome" "ConversionOutcome" NOT NULL,
    "value" DECIMAL(14,2),
    "currency" TEXT,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "idempotencyKey" TEXT,
    "apiKeyId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Conversion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdById" TEXT,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShareDailyStats" (
    "shareId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "orgId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "humanClicks" INTEGER NOT NULL DEFAULT 0,
    "uniqueVisits" INTEGER NOT NULL DEFAULT 0,
    "conversions" INTEGER NOT NULL DEFAULT 0,
    "visits" INTEGER NOT NULL DEFAULT 0,
    "signups" INTEGER NOT NULL DEFAULT 0,
    "applications" INTEGER NOT NULL DEFAULT 0,
    "hires" INTEGER NOT NULL DEFAULT 0,
    "leads" INTEGER NOT NULL DEFAULT 0,
    "opportunities" INTEGER NOT NULL DEFAULT 0,
    "deals" INTEGER NOT NULL DEFAULT 0,
    "conversionValue" DECIMAL(16,2) NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShareDailyStats_pkey" PRIMARY KEY ("shareId","day")
);

-- CreateTable
CREATE TABLE "RollupDirty" (
    "shareId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "markedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RollupDirty_pkey" PRIMARY KEY ("shareId","day")
);

-- CreateTable
CREATE TABLE "VisitorSalt" (
    "day" TEXT NOT NULL,
    "salt" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisitorSalt_pkey" PRIMARY KEY ("day")
);

-- CreateIndex
CREATE INDEX "ClickEvent_shareId_at_idx" ON "ClickEvent"("shareId", "at");

-- CreateIndex
CREATE INDEX "ClickEvent_orgId_at_idx" ON "ClickEvent"("orgId", "at");

-- CreateIndex
CREATE INDEX "Conversion_shareId_occurredAt_idx" ON "Conversion"("shareId", "occurredAt");

-- CreateIndex
CREATE INDEX "Conversion_orgId_occurredAt_idx" ON "Conversion"("orgId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Conversion_orgId_idempotencyKey_key" ON "Conversion"("orgId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE INDEX "ApiKey_orgId_createdAt_idx" ON "ApiKey"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "ShareDailyStats_orgId_day_idx" ON "ShareDailyStats"("orgId", "day");

-- AddForeignKey
ALTER TABLE "ClickEvent" ADD CONSTRAINT "ClickEvent_shareId_fkey" FOREIGN KEY ("shareId") REFERENCES "Share"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversion" ADD CONSTRAINT "Conversion_shareId_fkey" FOREIGN KEY ("shareId") REFERENCES "Share"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareDailyStats" ADD CONSTRAINT "ShareDailyStats_shareId_fkey" FOREIGN KEY ("shareId") REFERENCES "Share"("id") ON DELETE CASCADE ON UPDATE CASCADE;
