import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { appUrl } from "@/lib/core/http/app-url";
import { importChunkSchema, importInvitations } from "@/lib/domains/invitations/import-invitations";
import { invitationUrl } from "@/lib/domains/invitations/invitation-token";
import { precheckInvitations } from "@/lib/domains/invitations/precheck-invitations";

export const POST = orgRoute("members:invite", async ({ req, access }) => {
  const chunk = await parseJsonBody(req, importChunkSchema, { maxBytes: 4 * 1024 * 1024 });
  // The pre-check: the same rule as the import, nothing written.
  if (chunk.dryRun) return precheckInvitations(access, chunk.rows);
  const report = await importInvitations(access, chunk);
  const base = appUrl(req);
  return {
    ...report,
    results: report.results.map((r) =>
      r.status === "invited"
        ? { line: r.line, email: r.email, status: r.status, url: invitationUrl(base, r.token) }
        : r,
    ),
  };
});
