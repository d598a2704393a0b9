import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { getRewardsSettings } from "@/lib/domains/settings/get-rewards-settings";
import {
  updateRewardsSettings,
  updateRewardsSettingsSchema,
} from "@/lib/domains/settings/update-rewards-settings";

export const GET = orgRoute("org:update", async ({ access }) => ({
  settings: await getRewardsSettings(access.orgId),
}));

export const PATCH = orgRoute("org:update", async ({ req, access }) => {
  const input = await parseJsonBody(req, updateRewardsSettingsSchema, { maxBytes: 4096 });
  return { settings: await updateRewardsSettings(access, input) };
});
