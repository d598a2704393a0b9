import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { prepareCaptions, captionsSchema } from "@/lib/domains/ai/ai-features";
import { requireAiConfig, streamAiAnswer } from "@/lib/domains/ai/stream-ai-answer";

/** Three caption variants of an item in the given tones (comms team). Streams Server-Sent Events (lib/domains/ai/stream-ai-answer.ts); 404 without AI on this server. */
export const POST = orgRoute("content:manage", async ({ req, access }) => {
  requireAiConfig();
  const input = await parseJsonBody(req, captionsSchema, { maxBytes: 4096 });
  return streamAiAnswer(access, req, () => prepareCaptions(access, input));
});
