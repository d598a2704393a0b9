import { scimRoute } from "@/lib/domains/scim/scim-route";
import { scimJson } from "@/lib/domains/scim/scim-error";
import { parseListQuery } from "@/lib/domains/scim/scim-request";
import { stateFromResource } from "@/lib/domains/scim/scim-user-resource";
import { listScimUsers, provisionScimUser, USER_FILTERS } from "@/lib/domains/scim/scim-users";

export const GET = scimRoute(async ({ req, scim }) =>
  listScimUsers(scim.orgId, parseListQuery(req.url, USER_FILTERS)),
);

export const POST = scimRoute(async ({ body, scim }) => {
  const { resource } = await provisionScimUser(scim, stateFromResource(body));
  const location = (resource as { meta: { location: string } }).meta.location;
  return scimJson(resource, 201, { Location: location });
});
