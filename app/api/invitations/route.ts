import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { appUrl } from "@/lib/core/http/app-url";
import {
  createInvitation,
  createInvitationSchema,
} from "@/lib/domains/invitations/create-invitation";
import { invitationUrl } from "@/lib/domains/invitations/invitation-token";
import { listInvitations } from "@/lib/domains/invitations/list-invitations";

export const GET = orgRoute("members:invite", async ({ access }) => ({
  invitations: await listInvitations(access.orgId),
}));

export const POST = orgRoute("members:invite", async ({ req, access }) => {
  const input = await parseJsonBody(req, createInvitationSchema);
  const { id, token, expiresAt, emailed } = await createInvitation(access, input);
  return Response.json(
    { invitation: { id, expiresAt, url: invitationUrl(appUrl(req), token), emailed } },
    { status: 201 },
  );
});
