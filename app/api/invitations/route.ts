import { orgRoute } from "@/lib/access/route";
import { parseJsonBody } from "@/lib/http/parse-body";
import { appUrl } from "@/lib/http/app-url";
import { createInvitation, createInvitationSchema } from "@/lib/invitations/create-invitation";
import { invitationUrl } from "@/lib/invitations/invitation-token";
import { listInvitations } from "@/lib/invitations/list-invitations";

export const GET = orgRoute("members:invite", async ({ access }) => ({
  invitations: await listInvitations(access.orgId),
}));

export const POST = orgRoute("members:invite", async ({ req, access }) => {
  const input = await parseJsonBody(req, createInvitationSchema);
  const { id, token, expiresAt } = await createInvitation(access, input);
  return Response.json(
    { invitation: { id, expiresAt, url: invitationUrl(appUrl(req), token) } },
    { status: 201 },
  );
});
