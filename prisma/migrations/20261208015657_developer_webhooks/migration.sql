-- CreateTable
CREATE TABLE "DeveloperWebhook" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "urlHost" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "events" TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "disabledAt" TIMESTAMP(3),
    "disabledReason" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeveloperWebhook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeveloperWebhookDelivery" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "responseStatus" INTEGER,
    "lastError" TEXT,
    "replayOfId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "DeveloperWebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeveloperWebhookOnceEvent" (
    "key" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeveloperWebhookOnceEvent_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "DeveloperWebhook_orgId_idx" ON "DeveloperWebhook"("orgId");

-- CreateIndex
CREATE INDEX "DeveloperWebhookDelivery_webhookId_createdAt_idx" ON "DeveloperWebhookDelivery"("webhookId", "createdAt");

-- CreateIndex
CREATE INDEX "DeveloperWebhookDelivery_orgId_createdAt_idx" ON "DeveloperWebhookDelivery"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "DeveloperWebhookOnceEvent_orgId_idx" ON "DeveloperWebhookOnceEvent"("orgId");

-- AddForeignKey
ALTER TABLE "DeveloperWebhook" ADD CONSTRAINT "DeveloperWebhook_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeveloperWebhookDelivery" ADD CONSTRAINT "DeveloperWebhookDelivery_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "DeveloperWebhook"("id") ON DELETE CASCADE ON UPDATE CASCADE;
