import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import {
  setBadgeEnabled,
  setBadgeEnabledSchema,
} from "@/lib/domains/recognition/set-badge-enabled";

/** Switches one of the organisation's badges on or off (admins). */
export const PATCH = orgRoute("org:update", async ({ req, params, access }) => {
  const input = await parseJsonBody(req, setBadgeEnabledSchema, { maxBytes: 1024 });
  return { badge: await setBadgeEnabled(access, String(params.id), input.enabled) };
});
