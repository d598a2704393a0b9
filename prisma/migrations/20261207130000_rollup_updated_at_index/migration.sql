-- CreateIndex
CREATE INDEX "ShareDailyStats_updatedAt_idx" ON "ShareDailyStats"("updatedAt");
