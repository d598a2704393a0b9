-- CreateEnum
CREATE TYPE "ConnectorKind" AS ENUM ('HUBSPOT', 'GREENHOUSE', 'WEBHOOK');

-- CreateEnum
CREATE TYPE "ConnectorStatus" AS ENUM ('ACTIVE', 'ERROR', 'PAUSED');

-- CreateEnum
CREATE TYPE "ConnectorRecordStatus" AS ENUM ('MATCHED', 'UNMATCHED');

-- CreateTable
CREATE TABLE "ConnectorConnection" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "kind" "ConnectorKind" NOT NULL,
    "name" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "config" JSONB NOT NULL DEFAULT '{}',
    "cursor" JSONB NOT NULL DEFAULT '{}',
    "intervalMinutes" INTEGER NOT NULL DEFAULT 15,
    "status" "ConnectorStatus" NOT NULL DEFAULT 'ACTIVE',
    "lastError" TEXT,
    "lastSyncAt" TIMESTAMP(3),
    "lastSuccessAt" TIMESTAMP(3),
    "syncingSince" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConnectorConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConnectorRecord" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "outcome" "ConversionOutcome" NOT NULL,
    "status" "ConnectorRecordStatus" NOT NULL,
    "conversionId" TEXT,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConnectorRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConnectorConnection_orgId_createdAt_idx" ON "ConnectorConnection"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "ConnectorConnection_status_lastSyncAt_idx" ON "ConnectorConnection"("status", "lastSyncAt");

-- CreateIndex
CREATE UNIQUE INDEX "ConnectorRecord_conversionId_key" ON "ConnectorRecord"("conversionId");

-- CreateIndex
CREATE INDEX "ConnectorRecord_connectionId_createdAt_idx" ON "ConnectorRecord"("connectionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ConnectorRecord_orgId_source_externalId_key" ON "ConnectorRecord"("orgId", "source", "externalId");

-- AddForeignKey
ALTER TABLE "ConnectorConnection" ADD CONSTRAINT "ConnectorConnection_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConnectorRecord" ADD CONSTRAINT "ConnectorRecord_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "ConnectorConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConnectorRecord" ADD CONSTRAINT "ConnectorRecord_conversionId_fkey" FOREIGN KEY ("conversionId") REFERENCES "Conversion"("id") ON DELETE SET NULL ON UPDATE CASCADE;
