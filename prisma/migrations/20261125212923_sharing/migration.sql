/*
  Warnings:

  - A unique constraint covering the columns `[orgId,handle]` on the table `Membership` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateEnum
CREATE TYPE "ShareChannel" AS ENUM ('LINKEDIN_DIALOG', 'COPY', 'LINKEDIN_API');

-- CreateEnum
CREATE TYPE "ShareStatus" AS ENUM ('SHARED', 'SCHEDULED', 'POSTED', 'FAILED');

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "handle" TEXT,
ADD COLUMN     "showMix" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "showReach" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "showShares" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "showStories" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "OrgSettings" ADD COLUMN     "minAuthenticity" INTEGER,
ADD COLUMN     "utmMedium" TEXT NOT NULL DEFAULT 'employee_advocacy',
ADD COLUMN     "utmSource" TEXT NOT NULL DEFAULT 'linkedin';

-- CreateTable
CREATE TABLE "Share" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "channel" "ShareChannel" NOT NULL,
    "status" "ShareStatus" NOT NULL DEFAULT 'SHARED',
    "text" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "startedFrom" TEXT,
    "authenticity" DOUBLE PRECISION NOT NULL,
    "destinationUrl" TEXT NOT NULL,
    "scheduledAt" TIMESTAMP(3),
    "postedAt" TIMESTAMP(3),
    "linkedinPostId" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Share_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Share_code_key" ON "Share"("code");

-- CreateIndex
CREATE INDEX "Share_orgId_membershipId_createdAt_idx" ON "Share"("orgId", "membershipId", "createdAt");

-- CreateIndex
CREATE INDEX "Share_orgId_itemId_idx" ON "Share"("orgId", "itemId");

-- CreateIndex
CREATE INDEX "Share_orgId_createdAt_idx" ON "Share"("orgId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_orgId_handle_key" ON "Membership"("orgId", "handle");

-- AddForeignKey
ALTER TABLE "Share" ADD CONSTRAINT "Share_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ContentItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Share" ADD CONSTRAINT "Share_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;
