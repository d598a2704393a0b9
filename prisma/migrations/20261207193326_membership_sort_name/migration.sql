-- The members list sorts by the user's name, then the membership id. The name lives on "User"
-- (shared by all of a person's organisations), so sorting an organisation of 50,000 meant joining
-- and sorting all of them for every page. Each membership now carries a copy of the name, kept by
-- triggers, and an index serves the list's order for any page.

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "sortName" TEXT NOT NULL DEFAULT '';

-- The memberships there are.
UPDATE "Membership" m SET "sortName" = u."name" FROM "User" u WHERE u."id" = m."userId";

-- A new membership (or one moved to another user) takes its user's name.
CREATE FUNCTION "chorus_membership_sort_name"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT u."name" INTO NEW."sortName" FROM "User" u WHERE u."id" = NEW."userId";
  NEW."sortName" := COALESCE(NEW."sortName", '');
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Membership_sort_name"
  BEFORE INSERT OR UPDATE OF "userId", "sortName" ON "Membership"
  FOR EACH ROW EXECUTE FUNCTION "chorus_membership_sort_name"();

-- A renamed user: every membership of theirs.
CREATE FUNCTION "chorus_user_sort_name"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Membership" SET "sortName" = NEW."name" WHERE "userId" = NEW."id";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "User_sort_name"
  AFTER UPDATE OF "name" ON "User"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name")
  EXECUTE FUNCTION "chorus_user_sort_name"();

-- CreateIndex
CREATE INDEX "Membership_orgId_sortName_id_idx" ON "Membership"("orgId", "sortName", "id");
