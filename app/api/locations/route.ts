import { orgRoute } from "@/lib/domains/access/route";
import { listLocations } from "@/lib/domains/orgs/list-locations";

export const GET = orgRoute("teams:read", async ({ access }) => ({
  locations: await listLocations(access.orgId),
}));
