import { orgRoute } from "@/lib/access/route";
import { parseJsonBody } from "@/lib/http/parse-body";
import { getTeamFor } from "@/lib/teams/get-team";
import { deleteTeam, updateTeam } from "@/lib/teams/save-team";
import { updateTeamSchema } from "@/lib/teams/team-schemas";

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
