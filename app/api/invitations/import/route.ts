import { orgRoute } from "@/lib/access/route";
import { parseJsonBody } from "@/lib/http/parse-body";
import { appUrl } from "@/lib/http/app-url";
import { importChunkSchema, importInvitations } from "@/lib/invitations/import-invitations";
import { invitationUrl } from "@/lib/invitations/invitation-token";

export const POST = orgRoute("members:invite", async ({ req, access }) => {
  const chunk = await parseJsonBody(req, importChunkSchema, { maxBytes: 4 * 1024 * 1024 });
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
