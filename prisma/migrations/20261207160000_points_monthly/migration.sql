-- Points per person and month, kept by statement triggers on the PointsAward ledger, so that a
-- leaderboard of a month, a quarter or all time sums one row per person and month.
CREATE TABLE "PointsMonthly" (
    "orgId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "points" INTEGER NOT NULL,

    CONSTRAINT "PointsMonthly_pkey" PRIMARY KEY ("orgId","month","membershipId")
);

-- Each applies one statement's ledger changes as deltas, in key order (concurrent rollups take
-- the row locks in the same order), then removes the totals that reached zero.
CREATE FUNCTION "chorus_points_monthly_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Rows added to the ledger.
  INSERT INTO "PointsMonthly" ("orgId", "membershipId", "month", "points")
    SELECT d."orgId", d."membershipId", d."month", SUM(d."points")::int
    FROM (SELECT "orgId", "membershipId", date_trunc('month', "day")::date AS "month", "points" FROM new_rows) d
    GROUP BY d."orgId", d."month", d."membershipId"
    HAVING SUM(d."points") <> 0
    ORDER BY d."orgId", d."month", d."membershipId"
  ON CONFLICT ("orgId", "month", "membershipId") DO UPDATE
    SET "points" = "PointsMonthly"."points" + EXCLUDED."points";
  DELETE FROM "PointsMonthly" pm
    USING (SELECT DISTINCT d."orgId", d."membershipId", d."month" FROM (SELECT "orgId", "membershipId", date_trunc('month', "day")::date AS "month", "points" FROM new_rows) d) k
    WHERE pm."orgId" = k."orgId" AND pm."month" = k."month"
      AND pm."membershipId" = k."membershipId" AND pm."points" = 0;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "chorus_points_monthly_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Rows changed: their new points (and person, day) in, the old ones out.
  INSERT INTO "PointsMonthly" ("orgId", "membershipId", "month", "points")
    SELECT d."orgId", d."membershipId", d."month", SUM(d."points")::int
    FROM (SELECT "orgId", "membershipId", date_trunc('month', "day")::date AS "month", "points" FROM new_rows UNION ALL SELECT "orgId", "membershipId", date_trunc('month', "day")::date AS "month", -"points" AS "points" FROM old_rows) d
    GROUP BY d."orgId", d."month", d."membershipId"
    HAVING SUM(d."points") <> 0
    ORDER BY d."orgId", d."month", d."membershipId"
  ON CONFLICT ("orgId", "month", "membershipId") DO UPDATE
    SET "points" = "PointsMonthly"."points" + EXCLUDED."points";
  DELETE FROM "PointsMonthly" pm
    USING (SELECT DISTINCT d."orgId", d."membershipId", d."month" FROM (SELECT "orgId", "membershipId", date_trunc('month', "day")::date AS "month", "points" FROM new_rows UNION ALL SELECT "orgId", "membershipId", date_trunc('month', "day")::date AS "month", -"points" AS "points" FROM old_rows) d) k
    WHERE pm."orgId" = k."orgId" AND pm."month" = k."month"
      AND pm."membershipId" = k."membershipId" AND pm."points" = 0;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "chorus_points_monthly_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Rows removed from the ledger (also by a share's or membership's cascade).
  INSERT INTO "PointsMonthly" ("orgId", "membershipId", "month", "points")
    SELECT d."orgId", d."membershipId", d."month", SUM(d."points")::int
    FROM (SELECT "orgId", "membershipId", date_trunc('month', "day")::date AS "month", -"points" AS "points" FROM old_rows) d
    GROUP BY d."orgId", d."month", d."membershipId"
    HAVING SUM(d."points") <> 0
    ORDER BY d."orgId", d."month", d."membershipId"
  ON CONFLICT ("orgId", "month", "membershipId") DO UPDATE
    SET "points" = "PointsMonthly"."points" + EXCLUDED."points";
  DELETE FROM "PointsMonthly" pm
    USING (SELECT DISTINCT d."orgId", d."membershipId", d."month" FROM (SELECT "orgId", "membershipId", date_trunc('month', "day")::date AS "month", -"points" AS "points" FROM old_rows) d) k
    WHERE pm."orgId" = k."orgId" AND pm."month" = k."month"
      AND pm."membershipId" = k."membershipId" AND pm."points" = 0;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "PointsAward_monthly_insert" AFTER INSERT ON "PointsAward"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "chorus_points_monthly_insert"();
CREATE TRIGGER "PointsAward_monthly_update" AFTER UPDATE ON "PointsAward"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "chorus_points_monthly_update"();
CREATE TRIGGER "PointsAward_monthly_delete" AFTER DELETE ON "PointsAward"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "chorus_points_monthly_delete"();

-- The ledger so far.
INSERT INTO "PointsMonthly" ("orgId", "membershipId", "month", "points")
  SELECT "orgId", "membershipId", date_trunc('month', "day")::date, SUM("points")::int
  FROM "PointsAward" GROUP BY 1, 2, 3 HAVING SUM("points") <> 0;
