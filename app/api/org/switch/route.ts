import { z } from "zod";
import { userRoute } from "@/lib/access/route";
import { parseJsonBody } from "@/lib/http/parse-body";
import { switchOrganization } from "@/lib/orgs/switch-organization";
import { idField } from "@/lib/validation";

const schema = z.object({ orgId: idField }).strict();

export const POST = userRoute(async ({ req, userId }) => {
  const { orgId } = await parseJsonBody(req, schema);
  await switchOrganization(userId, orgId);
  return { ok: true };
});
