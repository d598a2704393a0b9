import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { createConnectionSchema } from "@/lib/domains/connectors/connector-config";
import { createConnection, listConnections } from "@/lib/domains/connectors/manage-connections";

/** Connections with their status; tokens and secrets are never part of the answer. */
export const GET = orgRoute("connectors:manage", async ({ access }) => ({
  connections: await listConnections(access.orgId),
}));

/** 201 with the connection; a webhook's `secret` is answered here once. */
export const POST = orgRoute("connectors:manage", async ({ req, access }) => {
  const input = await parseJsonBody(req, createConnectionSchema, { maxBytes: 16 * 1024 });
  return Response.json(await createConnection(access, input), { status: 201 });
});
