-- DropForeignKey
ALTER TABLE "ClickEvent" DROP CONSTRAINT "ClickEvent_shareId_fkey";

-- DropIndex (an org's clicks are reached through its shares; every index costs each insert)
DROP INDEX "ClickEvent_orgId_at_idx";

-- A share's clicks go with it, as the foreign key's ON DELETE CASCADE did (by the shareId index).
CREATE FUNCTION "chorus_delete_share_clicks"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "ClickEvent" WHERE "shareId" = OLD."id";
  RETURN OLD;
END;
$$;

CREATE TRIGGER "Share_delete_clicks"
  AFTER DELETE ON "Share"
  FOR EACH ROW EXECUTE FUNCTION "chorus_delete_share_clicks"();
