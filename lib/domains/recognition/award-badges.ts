import type { Tx } from "@/lib/core/db/client";
import { weeklyStreak } from "@/lib/core/time/week-streak";
import { createNotificationOnce } from "@/lib/domains/notifications/create-notification-once";
import { countedShareSql, sqlId } from "@/lib/domains/recognition/counted-sql";
import type { BadgeRule } from "@/lib/domains/recognition/default-badges";

/** The rules worth checking when a share counts, and when outcomes come in. */
export const SHARE_RULES: BadgeRule[] = ["VALUE_TYPES", "WEEK_STREAK", "OWN_WORDS", "SHARES"];
export const OUTCOME_RULES: BadgeRule[] = ["FIRST_OUTCOME", "FIRST_HIRE"];

interface NewAward {
  id: string;
  membershipId: string;
  badgeId: string;
}

/**
 * Awards every enabled badge of `rules` that these members have earned and do not hold yet, and
 * rings the bell for each new one. Once per member and badge whatever the concurrency: the
 * unique (membershipId, badgeId) lets one insert win, the others insert nothing (and send no
 * notification). Returns the new awards.
 */
export async function awardBadges(
  tx: Tx,
  membershipIds: string[],
  rules: BadgeRule[],
  { shareId = null, now = new Date() }: { shareId?: string | null; now?: Date } = {},
): Promise<NewAward[]> {
  const members = [...new Set(membershipIds)];
  if (members.length === 0 || rules.length === 0) return [];
  const sqlRules = rules.filter((r) => r !== "WEEK_STREAK");
  const awarded: NewAward[] = sqlRules.length
    ? await tx.$queryRaw<NewAward[]>`
        INSERT INTO "BadgeAward" ("id", "orgId", "membershipId", "badgeId", "shareId", "awardedAt")
        SELECT ${sqlId("bda")}, m."orgId", m."id", b."id", ${shareId}, ${now}
        FROM "Membership" m
        JOIN "BadgeDefinition" b ON b."orgId" = m."orgId" AND b."enabled"
          AND b."rule" = ANY(${sqlRules}::text[])
        WHERE m."id" = ANY(${members}::text[])
          AND NOT EXISTS (
            SELECT 1 FROM "BadgeAward" a WHERE a."membershipId" = m."id" AND a."badgeId" = b."id")
          AND CASE b."rule"
            WHEN 'VALUE_TYPES' THEN (
              SELECT COUNT(DISTINCT ci."valueType") FROM "Share" sh
              JOIN "ContentItem" ci ON ci."id" = sh."itemId"
              WHERE sh."orgId" = m."orgId" AND sh."membershipId" = m."id" AND ${countedShareSql}
            ) >= b."threshold"
            WHEN 'SHARES' THEN (
              SELECT COUNT(*) FROM "Share" sh
              WHERE sh."orgId" = m."orgId" AND sh."membershipId" = m."id" AND ${countedShareSql}
            ) >= b."threshold"
            WHEN 'OWN_WORDS' THEN (
              SELECT CASE WHEN COUNT(*) >= COALESCE(b."window", 10) THEN AVG(x."authenticity") END
              FROM (
                SELECT sh."authenticity" FROM "Share" sh
                WHERE sh."orgId" = m."orgId" AND sh."membershipId" = m."id" AND ${countedShareSql}
                ORDER BY sh."createdAt" DESC LIMIT COALESCE(b."window", 10)
              ) x
            ) >= b."threshold" - 1e-9
            WHEN 'FIRST_OUTCOME' THEN (
              SELECT COALESCE(SUM(d."conversions"), 0) FROM "Share" sh
              JOIN "ShareDailyStats" d ON d."shareId" = sh."id"
              WHERE sh."orgId" = m."orgId" AND sh."membershipId" = m."id"
            ) >= b."threshold"
            WHEN 'FIRST_HIRE' THEN (
              SELECT COALESCE(SUM(d."hires"), 0) FROM "Share" sh
              JOIN "ShareDailyStats" d ON d."shareId" = sh."id"
              WHERE sh."orgId" = m."orgId" AND sh."membershipId" = m."id"
            ) >= b."threshold"
            ELSE false
          END
        ON CONFLICT ("membershipId", "badgeId") DO NOTHING
        RETURNING "id", "membershipId", "badgeId"`
    : [];
  if (rules.includes("WEEK_STREAK")) {
    awarded.push(...(await awardStreakBadges(tx, members, shareId, now)));
  }
  await notifyAwards(tx, awarded);
  return awarded;
}

/** WEEK_STREAK: weeks in a row with a share that counts (the streak of My activity). */
async function awardStreakBadges(
  tx: Tx,
  members: string[],
  shareId: string | null,
  now: Date,
): Promise<NewAward[]> {
  const candidates = await tx.$queryRaw<
    {
      membershipId: string;
      orgId: string;
      badgeId: string;
      threshold: number;
      timeZone: string;
    }[]
  >`
    SELECT m."id" AS "membershipId", m."orgId", b."id" AS "badgeId", b."threshold", o."timeZone"
    FROM "Membership" m
    JOIN "Organization" o ON o."id" = m."orgId"
    JOIN "BadgeDefinition" b ON b."orgId" = m."orgId" AND b."enabled" AND b."rule" = 'WEEK_STREAK'
    WHERE m."id" = ANY(${members}::text[])
      AND NOT EXISTS (
        SELECT 1 FROM "BadgeAward" a WHERE a."membershipId" = m."id" AND a."badgeId" = b."id")`;
  if (candidates.length === 0) return [];
  // Every candidate's recent shares in one query, by the (orgId, membershipId, createdAt) index: a
  // query per person (without its org) scanned the shares once each, and a rollup of thousands
  // of share-days outlived its transaction.
  const weeks = Math.max(...candidates.map((c) => Math.max(1, Math.ceil(c.threshold))));
  const since = new Date(now.getTime() - (weeks + 1) * 7 * 86_400_000);
  const shares = await tx.$queryRaw<{ membershipId: string; createdAt: Date }[]>`
    SELECT sh."membershipId", sh."createdAt"
    FROM unnest(${candidates.map((c) => c.orgId)}::text[],
                ${candidates.map((c) => c.membershipId)}::text[]) AS c("orgId", "membershipId")
    JOIN "Share" sh ON sh."orgId" = c."orgId" AND sh."membershipId" = c."membershipId"
    WHERE ${countedShareSql} AND sh."createdAt" >= ${since} AND sh."createdAt" <= ${now}`;
  const sharedAt = new Map<string, Date[]>();
  for (const row of shares) {
    const list = sharedAt.get(row.membershipId) ?? [];
    list.push(row.createdAt);
    sharedAt.set(row.membershipId, list);
  }
  const won: NewAward[] = [];
  for (const c of candidates) {
    const streak = weeklyStreak(sharedAt.get(c.membershipId) ?? [], now, c.timeZone);
    if (streak < c.threshold) continue;
    const rows = await tx.$queryRaw<NewAward[]>`
      INSERT INTO "BadgeAward" ("id", "orgId", "membershipId", "badgeId", "shareId", "awardedAt")
      SELECT ${sqlId("bda")}, m."orgId", m."id", ${c.badgeId}, ${shareId}, ${now}
      FROM "Membership" m WHERE m."id" = ${c.membershipId}
      ON CONFLICT ("membershipId", "badgeId") DO NOTHING
      RETURNING "id", "membershipId", "badgeId"`;
    won.push(...rows);
  }
  return won;
}

async function notifyAwards(tx: Tx, awards: NewAward[]) {
  if (awards.length === 0) return;
  const rows = await tx.badgeAward.findMany({
    where: { id: { in: awards.map((a) => a.id) } },
    select: {
      orgId: true,
      badge: { select: { key: true, name: true, description: true } },
      membership: { select: { userId: true } },
    },
  });
  for (const row of rows) {
    await createNotificationOnce(
      {
        orgId: row.orgId,
        userId: row.membership.userId,
        kind: "badge.earned",
        title: `You earned the “${row.badge.name}” badge`,
        body: row.badge.description,
        url: `/activity#badge-${row.badge.key}`,
      },
      {},
      tx,
    );
  }
}
