import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { getAnalyticsSettingsView } from "@/lib/domains/settings/get-analytics-settings";
import {
  updateAnalyticsSettings,
  updateAnalyticsSettingsSchema,
} from "@/lib/domains/settings/update-analytics-settings";

export const GET = orgRoute("org:update", async ({ access }) => ({
  settings: await getAnalyticsSettingsView(access.orgId),
}));

export const PATCH = orgRoute("org:update", async ({ req, access }) => {
  const input = await parseJsonBody(req, updateAnalyticsSettingsSchema, { maxBytes: 4096 });
  return { settings: await updateAnalyticsSettings(access, input) };
});
