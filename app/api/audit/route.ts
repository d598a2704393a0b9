import { orgRoute } from "@/lib/domains/access/route";
import { listAuditEntries, parseAuditFilters } from "@/lib/domains/audit-log/list-audit-entries";

/**
 * GET /api/audit?actor=&action=&targetType=&from=&to=&cursor=&limit= — the organisation's audit
 * trail, newest first; `nextCursor` fetches the next (older) page.
 */
export const GET = orgRoute("audit:read", async ({ req, access }) =>
  listAuditEntries(
    access.orgId,
    parseAuditFilters(new URL(req.url).searchParams),
    access.org.timeZone,
  ),
);
