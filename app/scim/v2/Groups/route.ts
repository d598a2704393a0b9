import { scimRoute } from "@/lib/domains/scim/scim-route";
import { scimJson } from "@/lib/domains/scim/scim-error";
import {
  GROUP_FILTERS,
  groupStateFromResource,
  listScimGroups,
  provisionScimGroup,
} from "@/lib/domains/scim/scim-groups";
import { parseListQuery } from "@/lib/domains/scim/scim-request";

export const GET = scimRoute(async ({ req, scim }) =>
  listScimGroups(scim.orgId, parseListQuery(req.url, GROUP_FILTERS)),
);

export const POST = scimRoute(async ({ body, scim }) => {
  const { resource } = await provisionScimGroup(scim, groupStateFromResource(body));
  const location = (resource as { meta: { location: string } }).meta.location;
  return scimJson(resource, 201, { Location: location });
});
