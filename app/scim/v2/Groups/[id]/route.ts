import { scimRoute } from "@/lib/domains/scim/scim-route";
import {
  applyGroupPatch,
  deleteScimGroup,
  getScimGroup,
  groupStateFromResource,
  saveScimGroup,
} from "@/lib/domains/scim/scim-groups";
import { parseListQuery, parsePatch } from "@/lib/domains/scim/scim-request";

export const GET = scimRoute(async ({ req, params, scim }) => {
  const { excludeMembers } = parseListQuery(req.url, []);
  return getScimGroup(scim.orgId, params.id!, !excludeMembers);
});

export const PUT = scimRoute(async ({ params, body, scim }) => {
  const next = groupStateFromResource(body);
  return saveScimGroup(scim, params.id!, () => next);
});

export const PATCH = scimRoute(async ({ params, body, scim }) => {
  const ops = parsePatch(body);
  return saveScimGroup(scim, params.id!, (current) => applyGroupPatch(current, ops));
});

export const DELETE = scimRoute(async ({ params, scim }) => {
  await deleteScimGroup(scim, params.id!);
  return new Response(null, { status: 204 });
});
