import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody, parseQuery } from "@/lib/core/http/parse-body";
import { appUrl, shortLinkBase } from "@/lib/core/http/app-url";
import { createShare, createShareSchema } from "@/lib/domains/sharing/create-share";
import { getMyActivity, myActivityQuery } from "@/lib/domains/sharing/get-my-activity";

/** The caller's shares, one page (?page, ?pageSize ≤ 100, ?share: that share's page), newest first. */
export const GET = orgRoute("shares:create", async ({ req, access }) =>
  getMyActivity(access, parseQuery(req, myActivityQuery)),
);

export const POST = orgRoute("shares:create", async ({ req, access }) => {
  const input = await parseJsonBody(req, createShareSchema);
  const share = await createShare(access, input, {
    shortLinkBase: shortLinkBase(req),
    appUrl: appUrl(req),
  });
  return Response.json({ share }, { status: 201 });
});
