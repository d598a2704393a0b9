import { db } from "@/lib/core/db/client";

export const MEMBER_OPTIONS_LIMIT = 5000;

/**
 * Members to choose from in pickers (team members and managers): every active member, plus the
 * given memberships whatever their status, so a deactivated member already on a team is shown
 * (and kept) instead of being silently dropped on save.
 */
export async function listMemberOptions(
  orgId: string,
  { includeIds = [] }: { includeIds?: string[] } = {},
) {
  const rows = await db.membership.findMany({
    where: {
      orgId,
      OR: [{ status: "ACTIVE" }, ...(includeIds.length ? [{ id: { in: includeIds } }] : [])],
    },
    orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
    take: MEMBER_OPTIONS_LIMIT,
    select: { id: true, role: true, status: true, user: { select: { name: true, email: true } } },
  });
  return rows.map((m) => ({
    id: m.id,
    role: m.role,
    status: m.status,
    name: m.user.name,
    email: m.user.email,
  }));
}

export type MemberOption = Awaited<ReturnType<typeof listMemberOptions>>[number];
