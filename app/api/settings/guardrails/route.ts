import { orgRoute } from "@/lib/access/route";
import { parseJsonBody } from "@/lib/http/parse-body";
import { getOrgSettings } from "@/lib/settings/get-org-settings";
import { updateOrgSettings, updateOrgSettingsSchema } from "@/lib/settings/update-org-settings";

/** Every member reads the guardrails (the composer checks them as people type); admins change them. */
export const GET = orgRoute("feed:read", async ({ access }) => ({
  settings: await getOrgSettings(access.orgId),
}));

export const PATCH = orgRoute("org:update", async ({ req, access }) => {
  const input = await parseJsonBody(req, updateOrgSettingsSchema);
  return { settings: await updateOrgSettings(access, input) };
});
