import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { getTeamFor } from "@/lib/domains/teams/get-team";
import { deleteTeam, updateTeam } from "@/lib/domains/teams/save-team";
import { updateTeamSchema } from "@/lib/domains/teams/team-schemas";

export const GET = orgRoute("teams:read", async ({ access, params }) => ({
  team: await getTeamFor(access, String(params.id)),
}));

export const PATCH = orgRoute("teams:manage", async ({ req, access, params }) => {
  const input = await parseJsonBody(req, updateTeamSchema);
  return { team: await updateTeam(access, String(params.id), input) };
});

export const DELETE = orgRoute("teams:manage", async ({ access, params }) => {
  await deleteTeam(access, String(params.id));
  return { ok: true };
});
