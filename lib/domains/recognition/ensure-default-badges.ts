import { db, type Tx } from "@/lib/core/db/client";
import { sqlId } from "@/lib/domains/recognition/counted-sql";
import { DEFAULT_BADGES } from "@/lib/domains/recognition/default-badges";

/**
 * Creates the default badge definitions of organisations that lack them, in one statement.
 * Idempotent (unique orgId + key): an existing definition — switched off by an admin, say — is
 * left as it is.
 */
export async function ensureDefaultBadges(orgIds: string[], client: Tx = db): Promise<void> {
  if (orgIds.length === 0) return;
  const keys = DEFAULT_BADGES.map((b) => b.key);
  // Usually all there: a plain read then, no insert (which would queue behind a concurrent one).
  const present = await client.badgeDefinition.groupBy({
    by: ["orgId"],
    where: { orgId: { in: orgIds }, key: { in: keys } },
    _count: { _all: true },
  });
  const complete = new Set(
    present.filter((p) => p._count._all === keys.length).map((p) => p.orgId),
  );
  orgIds = orgIds.filter((id) => !complete.has(id));
  if (orgIds.length === 0) return;
  await client.$executeRaw`
    INSERT INTO "BadgeDefinition"
      ("id", "orgId", "key", "name", "description", "rule", "threshold", "window", "updatedAt")
    SELECT ${sqlId("bdg")}, o."id", b."key", b."name", b."description", b."rule", b."threshold",
      b."window", now()
    FROM "Organization" o
    CROSS JOIN unnest(${keys}::text[], ${DEFAULT_BADGES.map((b) => b.name)}::text[],
      ${DEFAULT_BADGES.map((b) => b.description)}::text[], ${DEFAULT_BADGES.map((b) => b.rule)}::text[],
      ${DEFAULT_BADGES.map((b) => b.threshold)}::float8[],
      ${DEFAULT_BADGES.map((b) => b.window)}::int[])
      AS b("key", "name", "description", "rule", "threshold", "window")
    WHERE o."id" = ANY(${[...new Set(orgIds)]}::text[])
    ORDER BY o."id", b."key"
    ON CONFLICT ("orgId", "key") DO NOTHING`;
}
