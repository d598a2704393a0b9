import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import {
  updateOrganization,
  updateOrganizationSchema,
} from "@/lib/domains/orgs/update-organization";

export const GET = orgRoute("org:read", async ({ access }) => ({ organization: access.org }));

export const PATCH = orgRoute("org:update", async ({ req, access }) => {
  const input = await parseJsonBody(req, updateOrganizationSchema);
  return { organization: await updateOrganization(access, input) };
});
