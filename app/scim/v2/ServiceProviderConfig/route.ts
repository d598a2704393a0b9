import { scimRoute } from "@/lib/domains/access/scim-route";
import { serviceProviderConfig } from "@/lib/domains/scim/scim-discovery";

export const GET = scimRoute(async () => serviceProviderConfig());
