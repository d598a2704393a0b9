-- CreateTable
CREATE TABLE "ApprovalStage" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "requiredCount" INTEGER NOT NULL DEFAULT 1,
    "roles" "Role"[] DEFAULT ARRAY[]::"Role"[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApprovalStage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApprovalStageApprover" (
    "stageId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApprovalStageApprover_pkey" PRIMARY KEY ("stageId","userId")
);

-- CreateTable
CREATE TABLE "ContentApprovalStep" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "stageId" TEXT,
    "stageName" TEXT,
    "stageNumber" INTEGER,
    "stageCount" INTEGER,
    "actorId" TEXT,
    "comment" TEXT,
    "transitionId" TEXT,
    "approvalKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContentApprovalStep_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ApprovalStage_orgId_position_idx" ON "ApprovalStage"("orgId", "position");

-- CreateIndex
CREATE INDEX "ApprovalStageApprover_orgId_userId_idx" ON "ApprovalStageApprover"("orgId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "ContentApprovalStep_approvalKey_key" ON "ContentApprovalStep"("approvalKey");

-- CreateIndex
CREATE INDEX "ContentApprovalStep_itemId_round_idx" ON "ContentApprovalStep"("itemId", "round");

-- CreateIndex
CREATE INDEX "ContentApprovalStep_orgId_createdAt_idx" ON "ContentApprovalStep"("orgId", "createdAt");

-- AddForeignKey
ALTER TABLE "ApprovalStage" ADD CONSTRAINT "ApprovalStage_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalStageApprover" ADD CONSTRAINT "ApprovalStageApprover_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "ApprovalStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentApprovalStep" ADD CONSTRAINT "ContentApprovalStep_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ContentItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
