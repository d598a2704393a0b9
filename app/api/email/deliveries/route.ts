import { orgRoute } from "@/lib/access/route";
import { listEmailDeliveries } from "@/lib/email/email-deliveries";

/** The organisation's last 100 email deliveries (admins). */
export const GET = orgRoute("org:update", async ({ access }) => ({
  deliveries: await listEmailDeliveries(access.orgId),
}));
