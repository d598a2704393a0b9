import { scimRoute } from "@/lib/domains/scim/scim-route";
import { resourceTypes } from "@/lib/domains/scim/scim-discovery";

export const GET = scimRoute(async () => resourceTypes());
