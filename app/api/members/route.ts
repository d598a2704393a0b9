import { orgRoute } from "@/lib/access/route";
import { parseQuery } from "@/lib/http/parse-body";
import { listMembers, listMembersQuery } from "@/lib/members/list-members";

export const GET = orgRoute("members:read", async ({ req, access }) =>
  listMembers(access.orgId, parseQuery(req, listMembersQuery)),
);
