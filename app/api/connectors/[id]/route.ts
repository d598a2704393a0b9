import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { updateConnectionSchema } from "@/lib/domains/connectors/connector-config";
import { deleteConnection, updateConnection } from "@/lib/domains/connectors/manage-connections";

export const PATCH = orgRoute("connectors:manage", async ({ req, params, access }) => {
  const input = await parseJsonBody(req, updateConnectionSchema, { maxBytes: 16 * 1024 });
  return updateConnection(access, String(params.id), input);
});

export const DELETE = orgRoute("connectors:manage", async ({ params, access }) => {
  await deleteConnection(access, String(params.id));
  return { ok: true };
});
