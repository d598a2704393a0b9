import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { updateMember, updateMemberSchema } from "@/lib/domains/members/update-member";

export const PATCH = orgRoute("members:update", async ({ req, access, params }) => {
  const input = await parseJsonBody(req, updateMemberSchema);
  return updateMember(access, String(params.id), input);
});
