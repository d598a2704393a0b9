import { orgRoute } from "@/lib/access/route";
import { parseJsonBody } from "@/lib/http/parse-body";
import { updateMember, updateMemberSchema } from "@/lib/members/update-member";

export const PATCH = orgRoute("members:update", async ({ req, access, params }) => {
  const input = await parseJsonBody(req, updateMemberSchema);
  return updateMember(access, String(params.id), input);
});
