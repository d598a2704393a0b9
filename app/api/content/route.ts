import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody, parseQuery } from "@/lib/core/http/parse-body";
import { createContentSchema } from "@/lib/domains/content/content-schemas";
import { listContentItems, listContentQuery } from "@/lib/domains/content/list-content-items";
import { createContentItem } from "@/lib/domains/content/save-content-item";

export const GET = orgRoute("content:manage", async ({ req, access }) =>
  listContentItems(access.orgId, parseQuery(req, listContentQuery)),
);

export const POST = orgRoute("content:manage", async ({ req, access }) => {
  const input = await parseJsonBody(req, createContentSchema, { maxBytes: 512 * 1024 });
  return Response.json({ item: await createContentItem(access, input) }, { status: 201 });
});
