import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { appUrl, shortLinkBase } from "@/lib/core/http/app-url";
import { createShare, createShareSchema } from "@/lib/domains/sharing/create-share";
import { getMyActivity } from "@/lib/domains/sharing/get-my-activity";

export const GET = orgRoute("shares:create", async ({ access }) => getMyActivity(access));

export const POST = orgRoute("shares:create", async ({ req, access }) => {
  const input = await parseJsonBody(req, createShareSchema);
  const share = await createShare(access, input, {
    shortLinkBase: shortLinkBase(req),
    appUrl: appUrl(req),
  });
  return Response.json({ share }, { status: 201 });
});
