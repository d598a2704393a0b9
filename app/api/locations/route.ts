import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { createLocationSchema } from "@/lib/domains/locations/location-schemas";
import { createLocation } from "@/lib/domains/locations/save-location";
import { listLocations } from "@/lib/domains/orgs/list-locations";

export const GET = orgRoute("teams:read", async ({ access }) => ({
  locations: await listLocations(access.orgId),
}));

export const POST = orgRoute("teams:manage", async ({ req, access }) => {
  const input = await parseJsonBody(req, createLocationSchema);
  return Response.json({ location: await createLocation(access, input) }, { status: 201 });
});
