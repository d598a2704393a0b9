import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { updateCampaignSchema } from "@/lib/domains/campaigns/campaign-schemas";
import { getCampaign } from "@/lib/domains/campaigns/get-campaign";
import { getCampaignProgress } from "@/lib/domains/campaigns/get-campaign-progress";
import { archiveCampaign, updateCampaign } from "@/lib/domains/campaigns/save-campaign";

/** GET /api/campaigns/[id] — the campaign, its posts and teams, and its progress. */
export const GET = orgRoute("content:manage", async ({ access, params }) => {
  const campaign = await getCampaign(access.orgId, String(params.id), access.org.timeZone);
  const progress = await getCampaignProgress(
    { ...campaign, orgId: access.orgId },
    access.org.timeZone,
  );
  return { campaign, progress };
});

export const PATCH = orgRoute("content:manage", async ({ req, access, params }) => {
  const input = await parseJsonBody(req, updateCampaignSchema);
  return { campaign: await updateCampaign(access, String(params.id), input) };
});

/** Archives the campaign (it leaves the feed and the lists; its results stay). */
export const DELETE = orgRoute("content:manage", async ({ access, params }) => ({
  campaign: await archiveCampaign(access, String(params.id)),
}));
