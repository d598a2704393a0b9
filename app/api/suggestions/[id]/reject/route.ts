import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { rejectSuggestion } from "@/lib/domains/suggestions/review-suggestion";
import { rejectSuggestionSchema } from "@/lib/domains/suggestions/suggestion-schemas";

export const POST = orgRoute("suggestions:moderate", async ({ req, access, params }) => {
  const { reason } = await parseJsonBody(req, rejectSuggestionSchema);
  await rejectSuggestion(access, String(params.id), reason);
  return { ok: true };
});
