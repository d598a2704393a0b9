import { can } from "@/lib/access/permissions";
import { orgRoute } from "@/lib/access/route";
import { parseJsonBody } from "@/lib/http/parse-body";
import { getTeam } from "@/lib/teams/get-team";
import { deleteTeam, updateTeam } from "@/lib/teams/save-team";
import { updateTeamSchema } from "@/lib/teams/team-schemas";

export const GET = orgRoute("teams:read", async ({ access, params }) => {
  const team = await getTeam(access.orgId, String(params.id));
  if (can(access.role, "members:read")) return { team };
  // Without members:read a team shows who is in it, not their email or account status.
  return {
    team: {
      ...team,
      members: team.members
        .filter((m) => m.status === "ACTIVE")
        .map(({ membershipId, name, role }) => ({ membershipId, name, role })),
    },
  };
});

export const PATCH = orgRoute("teams:manage", async ({ req, access, params }) => {
  const input = await parseJsonBody(req, updateTeamSchema);
  return { team: await updateTeam(access, String(params.id), input) };
});

export const DELETE = orgRoute("teams:manage", async ({ access, params }) => {
  await deleteTeam(access, String(params.id));
  return { ok: true };
});
