import { orgRoute } from "@/lib/access/route";
import { listLocations } from "@/lib/orgs/list-locations";

export const GET = orgRoute("teams:read", async ({ access }) => ({
  locations: await listLocations(access.orgId),
}));
