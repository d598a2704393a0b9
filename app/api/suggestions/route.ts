import { z } from "zod";
import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody, parseQuery } from "@/lib/core/http/parse-body";
import { can } from "@/lib/domains/access/permissions";
import { createSuggestion } from "@/lib/domains/suggestions/create-suggestion";
import { listMySuggestions, listSuggestions } from "@/lib/domains/suggestions/list-suggestions";
import { createSuggestionSchema } from "@/lib/domains/suggestions/suggestion-schemas";

const query = z.object({
  status: z.enum(["PENDING", "ACCEPTED", "REJECTED"]).default("PENDING"),
  mine: z.enum(["true", "false"]).optional(),
});

/** Moderators read the queue; everyone else (or ?mine=true) reads their own suggestions. */
export const GET = orgRoute("suggestions:create", async ({ req, access }) => {
  const q = parseQuery(req, query);
  if (q.mine === "true" || !can(access, "suggestions:moderate")) {
    return { suggestions: await listMySuggestions(access.orgId, access.membershipId) };
  }
  return { suggestions: await listSuggestions(access.orgId, q.status) };
});

export const POST = orgRoute("suggestions:create", async ({ req, access }) => {
  const input = await parseJsonBody(req, createSuggestionSchema);
  return Response.json({ suggestion: await createSuggestion(access, input) }, { status: 201 });
});
