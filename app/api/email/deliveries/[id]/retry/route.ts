import { orgRoute } from "@/lib/domains/access/route";
import { retryEmailDelivery } from "@/lib/domains/email/email-deliveries";

/** Sends a FAILED delivery again; another organisation's id answers 404. */
export const POST = orgRoute("org:update", async ({ access, params }) => ({
  delivery: await retryEmailDelivery(access.orgId, String(params.id), access.userId),
}));
