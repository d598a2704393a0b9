-- CreateIndex
CREATE INDEX "EmailDelivery_status_sentAt_idx" ON "EmailDelivery"("status", "sentAt");
