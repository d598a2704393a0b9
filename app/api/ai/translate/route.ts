import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { prepareTranslation, translateSchema } from "@/lib/domains/ai/ai-features";
import { requireAiConfig, streamAiAnswer } from "@/lib/domains/ai/stream-ai-answer";

/** A draft translation of an item and its captions into one of the organisation's languages (comms team). Streams Server-Sent Events (lib/domains/ai/stream-ai-answer.ts); 404 without AI on this server. */
export const POST = orgRoute("content:manage", async ({ req, access }) => {
  requireAiConfig();
  const input = await parseJsonBody(req, translateSchema, { maxBytes: 4096 });
  return streamAiAnswer(access, req, () => prepareTranslation(access, input));
});
