import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { getAiSettings } from "@/lib/domains/ai/get-ai-settings";
import { updateAiSettings, updateAiSettingsSchema } from "@/lib/domains/ai/update-ai-settings";

export const GET = orgRoute("org:update", async ({ access }) => ({
  settings: await getAiSettings(access.orgId),
}));

export const PATCH = orgRoute("org:update", async ({ req, access }) => {
  const input = await parseJsonBody(req, updateAiSettingsSchema, { maxBytes: 1024 });
  return { settings: await updateAiSettings(access, input) };
});
