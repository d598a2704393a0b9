import { orgRoute } from "@/lib/domains/access/route";
import { connectionStatusFor } from "@/lib/domains/linkedin/connection";
import { disconnectLinkedIn } from "@/lib/domains/linkedin/disconnect-linkedin";

/** The member's LinkedIn connection status (never the token). */
export const GET = orgRoute("shares:create", async ({ access }) => ({
  connection: await connectionStatusFor(access),
}));

/** Disconnect: revoke at LinkedIn (best effort) and delete. */
export const DELETE = orgRoute("shares:create", async ({ access }) => disconnectLinkedIn(access));
