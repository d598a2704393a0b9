import { db } from "@/lib/core/db/client";
import { badRequest, notFound } from "@/lib/core/errors/app-error";
import { sendJob } from "@/lib/core/jobs/send-job";
import { connectorSyncJob } from "@/lib/domains/connectors/jobs/connector-sync";

/** Queues a sync of one of the organisation's HubSpot/Greenhouse connections ("Sync now"). */
export async function requestConnectionSync(
  orgId: string,
  id: string,
): Promise<{ queued: boolean }> {
  const found = await db.connectorConnection.findFirst({
    where: { id, orgId },
    select: { kind: true, status: true },
  });
  if (!found) throw notFound("Connection");
  if (found.kind === "WEBHOOK")
    throw badRequest("An inbound webhook receives events; it has nothing to sync.");
  if (found.status === "PAUSED") throw badRequest("This connection is paused. Resume it first.");
  const jobId = await sendJob(connectorSyncJob, { connectionId: id });
  return { queued: jobId !== null };
}
