import { orgRoute } from "@/lib/domains/access/route";
import { exportCsvResponse } from "@/lib/domains/analytics/export-csv-response";

/** GET /api/analytics/export?table=…&range=…&from=…&to=…&team=… — one dashboard table as CSV. */
export const GET = orgRoute("analytics:export", async ({ req, access }) =>
  exportCsvResponse(access, new URL(req.url).searchParams),
);
