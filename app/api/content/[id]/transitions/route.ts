import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import {
  transitionContentItem,
  transitionSchema,
} from "@/lib/domains/content/transition-content-item";

/** Workflow moves. Approval (IN_REVIEW → PUBLISHED) is checked against the org's approval rule. */
export const POST = orgRoute("content:approve", async ({ req, access, params }) => {
  const input = await parseJsonBody(req, transitionSchema);
  return { item: await transitionContentItem(access, String(params.id), input) };
});
