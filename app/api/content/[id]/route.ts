import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { updateContentSchema } from "@/lib/domains/content/content-schemas";
import { getContentItem } from "@/lib/domains/content/get-content-item";
import { updateContentItem } from "@/lib/domains/content/save-content-item";
import { deleteDraftContentItem } from "@/lib/domains/content/transition-content-item";

export const GET = orgRoute("content:manage", async ({ access, params }) => ({
  item: await getContentItem(access.orgId, String(params.id)),
}));

export const PATCH = orgRoute("content:manage", async ({ req, access, params }) => {
  const input = await parseJsonBody(req, updateContentSchema, { maxBytes: 512 * 1024 });
  return { item: await updateContentItem(access, String(params.id), input) };
});

export const DELETE = orgRoute("content:manage", async ({ access, params }) => {
  await deleteDraftContentItem(access, String(params.id));
  return { ok: true };
});
