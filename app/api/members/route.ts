import { orgRoute } from "@/lib/domains/access/route";
import { parseQuery } from "@/lib/core/http/parse-body";
import { listMembersFor, listMembersQuery } from "@/lib/domains/members/list-members";

export const GET = orgRoute("members:read", async ({ req, access }) =>
  listMembersFor(access, parseQuery(req, listMembersQuery)),
);
