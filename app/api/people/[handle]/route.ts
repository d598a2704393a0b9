import { orgRoute } from "@/lib/domains/access/route";
import { getPersonPage } from "@/lib/domains/people/get-person-page";

export const GET = orgRoute("org:read", async ({ access, params }) => ({
  person: await getPersonPage(access, String(params.handle)),
}));
