import { db } from "@/lib/core/db/client";

export async function getMemberTeams(orgId: string, membershipId: string) {
  const rows = await db.teamMember.findMany({
    where: { orgId, membershipId },
    orderBy: { team: { name: "asc" } },
    select: { team: { select: { id: true, name: true } } },
  });
  return rows.map((r) => r.team);
}
