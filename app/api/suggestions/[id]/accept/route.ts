import { orgRoute } from "@/lib/access/route";
import { parseJsonBody } from "@/lib/http/parse-body";
import { acceptSuggestion } from "@/lib/suggestions/review-suggestion";
import { acceptSuggestionSchema } from "@/lib/suggestions/suggestion-schemas";

export const POST = orgRoute("suggestions:moderate", async ({ req, access, params }) => {
  const input = await parseJsonBody(req, acceptSuggestionSchema);
  return Response.json(
    { item: await acceptSuggestion(access, String(params.id), input) },
    { status: 201 },
  );
});
