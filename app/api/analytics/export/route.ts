import { orgRoute } from "@/lib/access/route";
import { exportCsvResponse } from "@/lib/analytics/export-csv-response";

/** GET /api/analytics/export?table=…&range=…&from=…&to=…&team=… — one dashboard table as CSV. */
export const GET = orgRoute("analytics:export", async ({ req, access }) =>
  exportCsvResponse(access, new URL(req.url).searchParams),
);
