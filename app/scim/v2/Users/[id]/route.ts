import { scimRoute } from "@/lib/domains/scim/scim-route";
import { parsePatch } from "@/lib/domains/scim/scim-request";
import { applyUserPatch, stateFromResource } from "@/lib/domains/scim/scim-user-resource";
import { deleteScimUser, getScimUser, saveScimUser } from "@/lib/domains/scim/scim-users";

export const GET = scimRoute(async ({ params, scim }) => getScimUser(scim.orgId, params.id!));

export const PUT = scimRoute(async ({ params, body, scim }) => {
  const next = stateFromResource(body);
  return saveScimUser(scim, params.id!, () => next);
});

export const PATCH = scimRoute(async ({ params, body, scim }) => {
  const ops = parsePatch(body);
  return saveScimUser(scim, params.id!, (current) => applyUserPatch(current, ops));
});

export const DELETE = scimRoute(async ({ params, scim }) => {
  await deleteScimUser(scim, params.id!);
  return new Response(null, { status: 204 });
});
