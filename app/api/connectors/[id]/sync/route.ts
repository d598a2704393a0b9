import { orgRoute } from "@/lib/domains/access/route";
import { requestConnectionSync } from "@/lib/domains/connectors/request-connection-sync";

/** "Sync now": queues a sync of the connection (202); its result shows in the status. */
export const POST = orgRoute("connectors:manage", async ({ params, access }) =>
  Response.json(await requestConnectionSync(access.orgId, String(params.id)), { status: 202 }),
);
