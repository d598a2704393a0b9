import { orgRoute } from "@/lib/domains/access/route";
import { listEmailDeliveries } from "@/lib/domains/email/email-deliveries";

/** The organisation's last 100 email deliveries (admins). */
export const GET = orgRoute("org:update", async ({ access }) => ({
  deliveries: await listEmailDeliveries(access.orgId),
}));
