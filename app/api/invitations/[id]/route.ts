import { orgRoute } from "@/lib/domains/access/route";
import { revokeInvitation } from "@/lib/domains/invitations/revoke-invitation";

export const DELETE = orgRoute("members:invite", async ({ access, params }) => {
  await revokeInvitation(access, String(params.id));
  return { ok: true };
});
