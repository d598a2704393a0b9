-- CreateEnum
CREATE TYPE "SocialNetwork" AS ENUM ('LINKEDIN', 'X', 'FACEBOOK', 'XING', 'BLUESKY', 'WHATSAPP', 'EMAIL', 'OTHER');

-- CreateEnum
CREATE TYPE "ReminderStatus" AS ENUM ('PENDING', 'SENT', 'SHARED', 'CANCELLED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ShareChannel" ADD VALUE 'INTENT';
ALTER TYPE "ShareChannel" ADD VALUE 'WEB_SHARE';

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "pushApprovals" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "pushCampaigns" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "pushMilestones" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "pushNewContent" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "pushPromptedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Share" ADD COLUMN     "network" "SocialNetwork" NOT NULL DEFAULT 'LINKEDIN';

-- AlterTable
ALTER TABLE "ShareDailyStats" ADD COLUMN     "network" "SocialNetwork" NOT NULL DEFAULT 'LINKEDIN';

-- CreateTable
CREATE TABLE "PushSubscription" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "p256dh" TEXT NOT NULL,
    "auth" TEXT NOT NULL,
    "userAgent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSuccessAt" TIMESTAMP(3),

    CONSTRAINT "PushSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PushDelivery" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "subscriptionId" TEXT,
    "category" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT,
    "url" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "dedupeKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "PushDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShareReminder" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "network" "SocialNetwork" NOT NULL DEFAULT 'LINKEDIN',
    "text" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "startedFrom" TEXT,
    "remindAt" TIMESTAMP(3) NOT NULL,
    "status" "ReminderStatus" NOT NULL DEFAULT 'PENDING',
    "jobId" TEXT,
    "sentAt" TIMESTAMP(3),
    "shareId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShareReminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PushSubscription_membershipId_idx" ON "PushSubscription"("membershipId");

-- CreateIndex
CREATE UNIQUE INDEX "PushSubscription_orgId_endpoint_key" ON "PushSubscription"("orgId", "endpoint");

-- CreateIndex
CREATE UNIQUE INDEX "PushDelivery_dedupeKey_key" ON "PushDelivery"("dedupeKey");

-- CreateIndex
CREATE INDEX "PushDelivery_orgId_createdAt_idx" ON "PushDelivery"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "ShareReminder_orgId_membershipId_remindAt_idx" ON "ShareReminder"("orgId", "membershipId", "remindAt");

-- CreateIndex
CREATE INDEX "ShareReminder_status_remindAt_idx" ON "ShareReminder"("status", "remindAt");

-- AddForeignKey
ALTER TABLE "PushSubscription" ADD CONSTRAINT "PushSubscription_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareReminder" ADD CONSTRAINT "ShareReminder_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ContentItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareReminder" ADD CONSTRAINT "ShareReminder_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;
