import { orgRoute } from "@/lib/access/route";
import { getPersonPage } from "@/lib/people/get-person-page";

export const GET = orgRoute("org:read", async ({ access, params }) => ({
  person: await getPersonPage(access, String(params.handle)),
}));
