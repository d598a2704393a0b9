-- CreateIndex
CREATE INDEX "Notification_orgId_kind_url_idx" ON "Notification"("orgId", "kind", "url");
