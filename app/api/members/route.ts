import { orgRoute } from "@/lib/access/route";
import { can } from "@/lib/access/permissions";
import { db } from "@/lib/db/client";
import { parseQuery } from "@/lib/http/parse-body";
import { listMembers, listMembersQuery } from "@/lib/members/list-members";

export const GET = orgRoute("members:read", async ({ req, access }) => {
  const query = parseQuery(req, listMembersQuery);
  if (can(access.role, "members:update")) return listMembers(access.orgId, query);
  // Managers read the members of the teams they manage.
  const managed = await db.teamManager.findMany({
    where: { orgId: access.orgId, membershipId: access.membershipId },
    select: { teamId: true },
  });
  return listMembers(access.orgId, query, { onlyTeamIds: managed.map((m) => m.teamId) });
});
