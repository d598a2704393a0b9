import { orgRoute } from "@/lib/domains/access/route";
import { exportCampaignCsv } from "@/lib/domains/campaigns/export-campaign-csv";

/** GET /api/campaigns/[id]/export — the campaign's results (total, teams, people) as CSV. */
export const GET = orgRoute("analytics:export", async ({ access, params }) =>
  exportCampaignCsv(access, String(params.id)),
);
