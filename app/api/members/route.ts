import { orgRoute } from "@/lib/access/route";
import { parseQuery } from "@/lib/http/parse-body";
import { listMembersFor, listMembersQuery } from "@/lib/members/list-members";

export const GET = orgRoute("members:read", async ({ req, access }) =>
  listMembersFor(access, parseQuery(req, listMembersQuery)),
);
