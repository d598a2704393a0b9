import { orgRoute } from "@/lib/domains/access/route";
import { cancelScheduledShare } from "@/lib/domains/linkedin-publish/manage-scheduled-share";

/** DELETE /api/shares/:id/schedule — the owner calls off a scheduled post before it goes out. */
export const DELETE = orgRoute("shares:create", async ({ params, access }) => ({
  share: await cancelScheduledShare(access, String(params.id)),
}));
