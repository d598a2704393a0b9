import { orgRoute } from "@/lib/domains/access/route";
import { removeContentImage } from "@/lib/domains/content/content-images";

export const DELETE = orgRoute("content:manage", async ({ access, params }) => {
  await removeContentImage(access, String(params.id), String(params.imageId));
  return { ok: true };
});
