import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { prepareMyWords, myWordsSchema } from "@/lib/domains/ai/ai-features";
import { requireAiConfig, streamAiAnswer } from "@/lib/domains/ai/stream-ai-answer";

/** "Help me say it in my words": a draft from the person's two answers (anyone who shares). Streams Server-Sent Events (lib/domains/ai/stream-ai-answer.ts); 404 without AI on this server. */
export const POST = orgRoute("shares:create", async ({ req, access }) => {
  requireAiConfig();
  const input = await parseJsonBody(req, myWordsSchema, { maxBytes: 4096 });
  return streamAiAnswer(access, req, () => prepareMyWords(access, input));
});
