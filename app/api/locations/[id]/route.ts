import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { updateLocationSchema } from "@/lib/domains/locations/location-schemas";
import { deleteLocation, renameLocation } from "@/lib/domains/locations/save-location";

export const PATCH = orgRoute("teams:manage", async ({ req, access, params }) => {
  const input = await parseJsonBody(req, updateLocationSchema);
  return { location: await renameLocation(access, String(params.id), input) };
});

export const DELETE = orgRoute("teams:manage", async ({ access, params }) =>
  deleteLocation(access, String(params.id)),
);
