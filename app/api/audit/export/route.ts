import { orgRoute } from "@/lib/domains/access/route";
import { exportAuditCsv } from "@/lib/domains/audit-log/export-audit-csv";

/** GET /api/audit/export?actor=&action=&targetType=&from=&to= — the audit log as CSV (audited). */
export const GET = orgRoute("audit:read", async ({ req, access }) =>
  exportAuditCsv(access, new URL(req.url).searchParams),
);
