import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { listTeams } from "@/lib/domains/teams/list-teams";
import { createTeam } from "@/lib/domains/teams/save-team";
import { createTeamSchema } from "@/lib/domains/teams/team-schemas";

export const GET = orgRoute("teams:read", async ({ access }) => ({
  teams: await listTeams(access.orgId),
}));

export const POST = orgRoute("teams:manage", async ({ req, access }) => {
  const input = await parseJsonBody(req, createTeamSchema);
  return Response.json({ team: await createTeam(access, input) }, { status: 201 });
});
