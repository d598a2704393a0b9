import { orgRoute } from "@/lib/domains/access/route";
import { confirmShare } from "@/lib/domains/sharing/confirm-share";

/** POST /api/shares/:id/confirm — "I posted it": the owner confirms a dialog or copy share. */
export const POST = orgRoute("shares:create", async ({ params, access }) => ({
  share: await confirmShare(access, String(params.id)),
}));
