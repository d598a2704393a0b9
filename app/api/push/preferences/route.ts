import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { pushPreferencesSchema } from "@/lib/domains/push/push-schemas";
import { updatePushPreferences } from "@/lib/domains/push/update-push-preferences";

/** The member's push category switches; `prompted: true` records the one-time question answered. */
export const PATCH = orgRoute("profile:update", async ({ req, access }) => {
  const input = await parseJsonBody(req, pushPreferencesSchema);
  return { preferences: await updatePushPreferences(access, input) };
});
