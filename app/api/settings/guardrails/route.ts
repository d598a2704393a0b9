import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { getOrgSettings } from "@/lib/domains/settings/get-org-settings";
import {
  updateOrgSettings,
  updateOrgSettingsSchema,
} from "@/lib/domains/settings/update-org-settings";

/** Every member reads the guardrails (the composer checks them as people type); admins change them. */
export const GET = orgRoute("feed:read", async ({ access }) => ({
  settings: await getOrgSettings(access.orgId),
}));

export const PATCH = orgRoute("org:update", async ({ req, access }) => {
  const input = await parseJsonBody(req, updateOrgSettingsSchema);
  return { settings: await updateOrgSettings(access, input) };
});
