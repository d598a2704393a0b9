import { orgRoute } from "@/lib/access/route";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";

export const DELETE = orgRoute("members:invite", async ({ access, params }) => {
  await revokeInvitation(access, String(params.id));
  return { ok: true };
});
