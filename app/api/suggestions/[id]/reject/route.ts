import { orgRoute } from "@/lib/access/route";
import { parseJsonBody } from "@/lib/http/parse-body";
import { rejectSuggestion } from "@/lib/suggestions/review-suggestion";
import { rejectSuggestionSchema } from "@/lib/suggestions/suggestion-schemas";

export const POST = orgRoute("suggestions:moderate", async ({ req, access, params }) => {
  const { reason } = await parseJsonBody(req, rejectSuggestionSchema);
  await rejectSuggestion(access, String(params.id), reason);
  return { ok: true };
});
