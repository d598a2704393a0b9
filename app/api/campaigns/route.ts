import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody, parseQuery } from "@/lib/core/http/parse-body";
import { createCampaignSchema, listCampaignsQuery } from "@/lib/domains/campaigns/campaign-schemas";
import { listCampaigns } from "@/lib/domains/campaigns/list-campaigns";
import { createCampaign } from "@/lib/domains/campaigns/save-campaign";

/** GET /api/campaigns[?archived=true] — the organisation's campaigns. */
export const GET = orgRoute("content:manage", async ({ req, access }) => {
  const query = parseQuery(req, listCampaignsQuery);
  return {
    campaigns: await listCampaigns(access.orgId, access.org.timeZone, {
      archived: query.archived === "true",
    }),
  };
});

export const POST = orgRoute("content:manage", async ({ req, access }) => {
  const input = await parseJsonBody(req, createCampaignSchema);
  return Response.json({ campaign: await createCampaign(access, input) }, { status: 201 });
});
