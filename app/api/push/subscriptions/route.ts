import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { pushSubscriptionSchema } from "@/lib/domains/push/push-schemas";
import { savePushSubscription } from "@/lib/domains/push/save-push-subscription";

/** Turns push on for this browser: its PushSubscription (endpoint and keys) for the member. */
export const POST = orgRoute("profile:update", async ({ req, access }) => {
  const input = await parseJsonBody(req, pushSubscriptionSchema);
  const saved = await savePushSubscription(access, input, req.headers.get("user-agent"));
  return Response.json(saved, { status: 201 });
});
