import { scimRoute } from "@/lib/domains/scim/scim-route";
import { serviceProviderConfig } from "@/lib/domains/scim/scim-discovery";

export const GET = scimRoute(async () => serviceProviderConfig());
