import { orgRoute } from "@/lib/domains/access/route";
import { enforceRateLimit } from "@/lib/core/rate-limit/consume-rate-limit";
import { pollSource } from "@/lib/domains/sources/poll-source";

/** "Poll now": polls at once and answers with the outcome (a feed problem is a 200 with it). */
export const POST = orgRoute("content:manage", async ({ access, params }) => {
  await enforceRateLimit(
    { key: `source-poll:${access.orgId}`, limit: 60, windowSeconds: 10 * 60 },
    "polls",
  );
  return { result: await pollSource(access.orgId, String(params.id)) };
});
