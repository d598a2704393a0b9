-- ClickEvent partitioned by month (declarative RANGE partitioning on "at", months in UTC), so that
-- old months are dropped whole (lib/domains/tracking/click-partitions.ts) instead of deleted row by
-- row, and the (shareId, at) index of one month stays small.
--
-- A partitioned table's primary key must include the partition key: it is now ("id", "at"). A click
-- id is still unique in practice (random, minted once per click); lookups by id alone scan every
-- partition's primary key index (one index probe per month).
--
-- Partitions are named "ClickEvent_pYYYY_MM" and cover [first of the month, first of the next
-- month) in UTC. "ClickEvent_default" takes anything else so that an insert never fails; the daily
-- job (click-partitions) creates months ahead and moves rows out of the default partition.
--
-- The existing rows are kept: the table is renamed, the new one created with a partition for every
-- month that has rows plus the current month and three ahead, and the rows copied over.

ALTER TABLE "ClickEvent" RENAME TO "ClickEvent_unpartitioned";
ALTER TABLE "ClickEvent_unpartitioned" RENAME CONSTRAINT "ClickEvent_pkey" TO "ClickEvent_unpartitioned_pkey";
ALTER INDEX "ClickEvent_shareId_at_idx" RENAME TO "ClickEvent_unpartitioned_shareId_at_idx";

CREATE TABLE "ClickEvent" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "shareId" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "isBot" BOOLEAN NOT NULL,
    "visitorKey" TEXT NOT NULL,
    "device" TEXT NOT NULL,
    "browser" TEXT NOT NULL,
    "referrerHost" TEXT,

    CONSTRAINT "ClickEvent_pkey" PRIMARY KEY ("id","at")
) PARTITION BY RANGE ("at");

CREATE INDEX "ClickEvent_shareId_at_idx" ON "ClickEvent"("shareId", "at");

CREATE TABLE "ClickEvent_default" PARTITION OF "ClickEvent" DEFAULT;

DO $$
DECLARE
  first_month timestamptz;
  this_month timestamptz := date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  m timestamptz;
BEGIN
  SELECT date_trunc('month', min("at") AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
    INTO first_month FROM "ClickEvent_unpartitioned";
  m := least(coalesce(first_month, this_month), this_month);
  WHILE m <= this_month + interval '3 months' LOOP
    -- Months between the oldest click and now get a partition only when they have rows.
    IF m >= this_month OR EXISTS (
      SELECT 1 FROM "ClickEvent_unpartitioned"
      WHERE "at" >= m AND "at" < (m AT TIME ZONE 'UTC' + interval '1 month') AT TIME ZONE 'UTC'
    ) THEN
      EXECUTE format(
        'CREATE TABLE %I PARTITION OF "ClickEvent" FOR VALUES FROM (%L) TO (%L)',
        'ClickEvent_p' || to_char(m AT TIME ZONE 'UTC', 'YYYY_MM'),
        m,
        (m AT TIME ZONE 'UTC' + interval '1 month') AT TIME ZONE 'UTC'
      );
    END IF;
    m := (m AT TIME ZONE 'UTC' + interval '1 month') AT TIME ZONE 'UTC';
  END LOOP;
END $$;

INSERT INTO "ClickEvent"
  ("id", "orgId", "shareId", "at", "isBot", "visitorKey", "device", "browser", "referrerHost")
SELECT "id", "orgId", "shareId", "at", "isBot", "visitorKey", "device", "browser", "referrerHost"
FROM "ClickEvent_unpartitioned";

DROP TABLE "ClickEvent_unpartitioned";
