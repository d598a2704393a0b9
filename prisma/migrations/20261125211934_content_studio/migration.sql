-- CreateEnum
CREATE TYPE "ValueType" AS ENUM ('INFORMATION', 'EDUCATION', 'TOGETHERNESS', 'MOTIVATION', 'INSPIRATION', 'ENTERTAINMENT');

-- CreateEnum
CREATE TYPE "BusinessGoal" AS ENUM ('MARKETING', 'HR', 'SALES');

-- CreateEnum
CREATE TYPE "ContentStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "SuggestionStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REJECTED');

-- CreateTable
CREATE TABLE "OrgSettings" (
    "orgId" TEXT NOT NULL,
    "requireApproval" BOOLEAN NOT NULL DEFAULT false,
    "disclosureText" TEXT,
    "blockedPhrases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "requiredHashtags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "maxSharesPerDay" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrgSettings_pkey" PRIMARY KEY ("orgId")
);

-- CreateTable
CREATE TABLE "ContentItem" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    "linkUrl" TEXT,
    "linkTitle" TEXT,
    "linkDescription" TEXT,
    "linkImageUrl" TEXT,
    "linkSiteName" TEXT,
    "linkFetchedAt" TIMESTAMP(3),
    "hashtags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "notes" TEXT,
    "valueType" "ValueType" NOT NULL,
    "goals" "BusinessGoal"[],
    "status" "ContentStatus" NOT NULL DEFAULT 'DRAFT',
    "audienceAll" BOOLEAN NOT NULL DEFAULT true,
    "publishAt" TIMESTAMP(3),
    "expireAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "authorId" TEXT,
    "originatorMembershipId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContentItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContentCaption" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContentCaption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContentTranslation" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContentTranslation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContentImage" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "itemId" TEXT,
    "suggestionId" TEXT,
    "storageKey" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "alt" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContentImage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContentAudienceTeam" (
    "orgId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,

    CONSTRAINT "ContentAudienceTeam_pkey" PRIMARY KEY ("itemId","teamId")
);

-- CreateTable
CREATE TABLE "ContentAudienceLocation" (
    "orgId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,

    CONSTRAINT "ContentAudienceLocation_pkey" PRIMARY KEY ("itemId","locationId")
);

-- CreateTable
CREATE TABLE "ContentTransition" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "fromStatus" "ContentStatus",
    "toStatus" "ContentStatus" NOT NULL,
    "actorId" TEXT,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContentTransition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Suggestion" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "linkUrl" TEXT,
    "valueType" "ValueType",
    "status" "SuggestionStatus" NOT NULL DEFAULT 'PENDING',
    "rejectionReason" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "itemId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Suggestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContentItem_orgId_status_publishAt_idx" ON "ContentItem"("orgId", "status", "publishAt");

-- CreateIndex
CREATE INDEX "ContentItem_orgId_updatedAt_idx" ON "ContentItem"("orgId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ContentItem_orgId_slug_key" ON "ContentItem"("orgId", "slug");

-- CreateIndex
CREATE INDEX "ContentCaption_itemId_language_position_idx" ON "ContentCaption"("itemId", "language", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ContentTranslation_itemId_language_key" ON "ContentTranslation"("itemId", "language");

-- CreateIndex
CREATE INDEX "ContentImage_itemId_position_idx" ON "ContentImage"("itemId", "position");

-- CreateIndex
CREATE INDEX "ContentImage_suggestionId_idx" ON "ContentImage"("suggestionId");

-- CreateIndex
CREATE INDEX "ContentImage_orgId_idx" ON "ContentImage"("orgId");

-- CreateIndex
CREATE INDEX "ContentAudienceTeam_orgId_teamId_idx" ON "ContentAudienceTeam"("orgId", "teamId");

-- CreateIndex
CREATE INDEX "ContentAudienceLocation_orgId_locationId_idx" ON "ContentAudienceLocation"("orgId", "locationId");

-- CreateIndex
CREATE INDEX "ContentTransition_itemId_createdAt_idx" ON "ContentTransition"("itemId", "createdAt");

-- CreateIndex
CREATE INDEX "ContentTransition_orgId_createdAt_idx" ON "ContentTransition"("orgId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Suggestion_itemId_key" ON "Suggestion"("itemId");

-- CreateIndex
CREATE INDEX "Suggestion_orgId_status_createdAt_idx" ON "Suggestion"("orgId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Suggestion_membershipId_idx" ON "Suggestion"("membershipId");

-- AddForeignKey
ALTER TABLE "OrgSettings" ADD CONSTRAINT "OrgSettings_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentItem" ADD CONSTRAINT "ContentItem_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentCaption" ADD CONSTRAINT "ContentCaption_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ContentItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentTranslation" ADD CONSTRAINT "ContentTranslation_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ContentItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentImage" ADD CONSTRAINT "ContentImage_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ContentItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentImage" ADD CONSTRAINT "ContentImage_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentAudienceTeam" ADD CONSTRAINT "ContentAudienceTeam_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ContentItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentAudienceTeam" ADD CONSTRAINT "ContentAudienceTeam_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentAudienceLocation" ADD CONSTRAINT "ContentAudienceLocation_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ContentItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentAudienceLocation" ADD CONSTRAINT "ContentAudienceLocation_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentTransition" ADD CONSTRAINT "ContentTransition_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ContentItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ContentItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;
