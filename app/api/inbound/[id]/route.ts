import { publicRoute } from "@/lib/domains/access/route";
import { AppError } from "@/lib/core/errors/app-error";
import { readBoundedBody } from "@/lib/core/http/read-bounded-body";
import { enforceRateLimit } from "@/lib/core/rate-limit/consume-rate-limit";
import { receiveInboundWebhook } from "@/lib/domains/connectors/receive-inbound-webhook";

const MAX_BODY_BYTES = 64 * 1024;

/**
 * An organisation's inbound webhook (Salesforce flows, Workday, Zapier…): authenticated by the
 * connection's secret, not a session. 201 recorded, 200 already received (replay) or counted as
 * unmatched; 401 wrong secret; 404 unknown or paused; 422 the payload does not fit the mapping.
 */
export const POST = publicRoute(async ({ req, params }) => {
  const id = String(params.id);
  await enforceRateLimit(
    { key: `inbound:${id}`, limit: 600, windowSeconds: 60 },
    "events to this webhook",
  );
  if (!(req.headers.get("content-type") ?? "").toLowerCase().includes("application/json")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the event as application/json.");
  }
  const raw = new TextDecoder().decode(await readBoundedBody(req, MAX_BODY_BYTES));
  const result = await receiveInboundWebhook(id, req.headers, raw);
  return Response.json(result, {
    status: result.status === "imported" ? 201 : 200,
    headers: { "Cache-Control": "no-store" },
  });
});
