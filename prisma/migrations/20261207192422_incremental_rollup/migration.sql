-- AlterTable
ALTER TABLE "RollupDirty" ADD COLUMN     "recountClicks" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ShareVisit" (
    "shareId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "hour" INTEGER NOT NULL,
    "visitorKey" TEXT NOT NULL,

    CONSTRAINT "ShareVisit_pkey" PRIMARY KEY ("shareId","day","hour","visitorKey")
);

-- CreateIndex
CREATE INDEX "ShareVisit_day_idx" ON "ShareVisit"("day");

-- Backfill: the visits of the last 35 days, so unique visits counted from now on by the click
-- writer know who was already counted (an upgrade must not count today's visitors twice).
INSERT INTO "ShareVisit" ("shareId", "day", "hour", "visitorKey")
SELECT DISTINCT c."shareId", (c."at" AT TIME ZONE o."timeZone")::date,
       floor(extract(epoch FROM c."at") / 3600)::int, c."visitorKey"
FROM "ClickEvent" c
JOIN "Organization" o ON o."id" = c."orgId"
WHERE NOT c."isBot" AND c."at" >= now() - interval '35 days'
ON CONFLICT DO NOTHING;
