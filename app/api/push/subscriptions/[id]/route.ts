import { orgRoute } from "@/lib/domains/access/route";
import { deletePushSubscription } from "@/lib/domains/push/delete-push-subscription";

/** Turns push off on one of the member's devices. */
export const DELETE = orgRoute("profile:update", async ({ params, access }) => {
  await deletePushSubscription(access, String(params.id));
  return { ok: true };
});
