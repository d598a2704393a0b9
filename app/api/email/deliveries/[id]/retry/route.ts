import { orgRoute } from "@/lib/access/route";
import { retryEmailDelivery } from "@/lib/email/email-deliveries";

/** Sends a FAILED delivery again; another organisation's id answers 404. */
export const POST = orgRoute("org:update", async ({ access, params }) => ({
  delivery: await retryEmailDelivery(access.orgId, String(params.id), access.userId),
}));
