import { orgRoute } from "@/lib/access/route";
import { parseJsonBody } from "@/lib/http/parse-body";
import { listTeams } from "@/lib/teams/list-teams";
import { createTeam } from "@/lib/teams/save-team";
import { createTeamSchema } from "@/lib/teams/team-schemas";

export const GET = orgRoute("teams:read", async ({ access }) => ({
  teams: await listTeams(access.orgId),
}));

export const POST = orgRoute("teams:manage", async ({ req, access }) => {
  const input = await parseJsonBody(req, createTeamSchema);
  return Response.json({ team: await createTeam(access, input) }, { status: 201 });
});
