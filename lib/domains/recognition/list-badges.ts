import { db } from "@/lib/core/db/client";
import { ensureDefaultBadges } from "@/lib/domains/recognition/ensure-default-badges";

export interface EarnedBadge {
  key: string;
  name: string;
  description: string;
  awardedAt: Date;
}

/**
 * The badges a member has earned, newest first. A badge an admin switched off is no longer shown
 * (nor awarded).
 */
export async function listMemberBadges(
  orgId: string,
  member: { membershipId: string } | { handle: string },
): Promise<EarnedBadge[]> {
  const rows = await db.badgeAward.findMany({
    where: {
      orgId,
      ...("handle" in member
        ? { membership: { orgId, handle: member.handle } }
        : { membershipId: member.membershipId }),
      badge: { enabled: true, orgId },
    },
    orderBy: { awardedAt: "desc" },
    select: { awardedAt: true, badge: { select: { key: true, name: true, description: true } } },
  });
  return rows.map((r) => ({ ...r.badge, awardedAt: r.awardedAt }));
}

export interface BadgeDefinitionView {
  id: string;
  key: string;
  name: string;
  description: string;
  enabled: boolean;
  earnedBy: number;
}

/** Every badge of the organisation (the defaults created if missing), with how many hold it. */
export async function listBadgeDefinitions(orgId: string): Promise<BadgeDefinitionView[]> {
  await ensureDefaultBadges([orgId]);
  const rows = await db.badgeDefinition.findMany({
    where: { orgId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      key: true,
      name: true,
      description: true,
      enabled: true,
      _count: { select: { awards: true } },
    },
  });
  return rows.map(({ _count, ...r }) => ({ ...r, earnedBy: _count.awards }));
}
