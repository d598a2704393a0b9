import { scimRoute } from "@/lib/domains/scim/scim-route";
import { schemas } from "@/lib/domains/scim/scim-discovery";

export const GET = scimRoute(async () => schemas());
