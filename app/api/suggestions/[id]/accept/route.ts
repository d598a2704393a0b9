import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { acceptSuggestion } from "@/lib/domains/suggestions/review-suggestion";
import { acceptSuggestionSchema } from "@/lib/domains/suggestions/suggestion-schemas";

export const POST = orgRoute("suggestions:moderate", async ({ req, access, params }) => {
  const input = await parseJsonBody(req, acceptSuggestionSchema);
  return Response.json(
    { item: await acceptSuggestion(access, String(params.id), input) },
    { status: 201 },
  );
});
