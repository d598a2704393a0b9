-- The employee's side of the loop: points, badges, leaderboards, rewards disclosure, campaigns,
-- topics. pointsPerClick is renamed (it always counted unique human visits), keeping its values.
-- CreateEnum
CREATE TYPE "PointsReason" AS ENUM ('SHARE', 'OWN_WORDS', 'VARIETY', 'VISITS', 'OUTCOMES');

-- CreateEnum
CREATE TYPE "CampaignGoal" AS ENUM ('SHARES', 'VISITS', 'OUTCOMES');

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "leaderboardOptOut" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "onboardedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "OrgSettings" RENAME COLUMN "pointsPerClick" TO "pointsPerVisit";

-- AlterTable
ALTER TABLE "OrgSettings" ADD COLUMN     "incentiveDisclosure" TEXT NOT NULL DEFAULT 'I may be rewarded for sharing. #employee',
ADD COLUMN     "leaderboardsEnabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "pointsOwnWords" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "pointsVariety" INTEGER NOT NULL DEFAULT 15,
ADD COLUMN     "rewardsEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "rewardsNote" TEXT,
ADD COLUMN     "visitPointsCap" INTEGER NOT NULL DEFAULT 20;

-- AlterTable
ALTER TABLE "Share" ADD COLUMN     "incentiveDisclosure" TEXT;

-- CreateTable
CREATE TABLE "PointsAward" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "shareId" TEXT NOT NULL,
    "reason" "PointsReason" NOT NULL,
    "day" DATE NOT NULL,
    "points" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PointsAward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BadgeDefinition" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "window" INTEGER,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BadgeDefinition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BadgeAward" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "badgeId" TEXT NOT NULL,
    "shareId" TEXT,
    "awardedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BadgeAward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "goal" "CampaignGoal" NOT NULL,
    "goalTarget" INTEGER NOT NULL,
    "teamsCompete" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignItem" (
    "orgId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,

    CONSTRAINT "CampaignItem_pkey" PRIMARY KEY ("campaignId","itemId")
);

-- CreateTable
CREATE TABLE "CampaignTeam" (
    "orgId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,

    CONSTRAINT "CampaignTeam_pkey" PRIMARY KEY ("campaignId","teamId")
);

-- CreateTable
CREATE TABLE "Topic" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContentTopic" (
    "orgId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "topicId" TEXT NOT NULL,

    CONSTRAINT "ContentTopic_pkey" PRIMARY KEY ("itemId","topicId")
);

-- CreateTable
CREATE TABLE "TopicFollow" (
    "orgId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "topicId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TopicFollow_pkey" PRIMARY KEY ("membershipId","topicId")
);

-- CreateIndex
CREATE INDEX "PointsAward_orgId_day_membershipId_idx" ON "PointsAward"("orgId", "day", "membershipId");

-- CreateIndex
CREATE INDEX "PointsAward_orgId_membershipId_day_idx" ON "PointsAward"("orgId", "membershipId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "PointsAward_shareId_reason_day_key" ON "PointsAward"("shareId", "reason", "day");

-- CreateIndex
CREATE UNIQUE INDEX "BadgeDefinition_orgId_key_key" ON "BadgeDefinition"("orgId", "key");

-- CreateIndex
CREATE INDEX "BadgeAward_orgId_awardedAt_idx" ON "BadgeAward"("orgId", "awardedAt");

-- CreateIndex
CREATE UNIQUE INDEX "BadgeAward_membershipId_badgeId_key" ON "BadgeAward"("membershipId", "badgeId");

-- CreateIndex
CREATE INDEX "Campaign_orgId_endsAt_idx" ON "Campaign"("orgId", "endsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_orgId_name_key" ON "Campaign"("orgId", "name");

-- CreateIndex
CREATE INDEX "CampaignItem_orgId_itemId_idx" ON "CampaignItem"("orgId", "itemId");

-- CreateIndex
CREATE INDEX "CampaignTeam_orgId_idx" ON "CampaignTeam"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "Topic_orgId_name_key" ON "Topic"("orgId", "name");

-- CreateIndex
CREATE INDEX "ContentTopic_orgId_topicId_idx" ON "ContentTopic"("orgId", "topicId");

-- CreateIndex
CREATE INDEX "TopicFollow_orgId_topicId_idx" ON "TopicFollow"("orgId", "topicId");

-- AddForeignKey
ALTER TABLE "PointsAward" ADD CONSTRAINT "PointsAward_shareId_fkey" FOREIGN KEY ("shareId") REFERENCES "Share"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsAward" ADD CONSTRAINT "PointsAward_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BadgeDefinition" ADD CONSTRAINT "BadgeDefinition_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BadgeAward" ADD CONSTRAINT "BadgeAward_badgeId_fkey" FOREIGN KEY ("badgeId") REFERENCES "BadgeDefinition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BadgeAward" ADD CONSTRAINT "BadgeAward_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignItem" ADD CONSTRAINT "CampaignItem_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignItem" ADD CONSTRAINT "CampaignItem_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ContentItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignTeam" ADD CONSTRAINT "CampaignTeam_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignTeam" ADD CONSTRAINT "CampaignTeam_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Topic" ADD CONSTRAINT "Topic_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentTopic" ADD CONSTRAINT "ContentTopic_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ContentItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentTopic" ADD CONSTRAINT "ContentTopic_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicFollow" ADD CONSTRAINT "TopicFollow_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicFollow" ADD CONSTRAINT "TopicFollow_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;
