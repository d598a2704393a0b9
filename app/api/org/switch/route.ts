import { z } from "zod";
import { userRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { switchOrganization } from "@/lib/domains/orgs/switch-organization";
import { idField } from "@/lib/core/validation";

const schema = z.object({ orgId: idField }).strict();

export const POST = userRoute(async ({ req, userId }) => {
  const { orgId } = await parseJsonBody(req, schema);
  await switchOrganization(userId, orgId);
  return { ok: true };
});
