import { orgRoute } from "@/lib/access/route";
import { removeContentImage } from "@/lib/content/content-images";

export const DELETE = orgRoute("content:manage", async ({ access, params }) => {
  await removeContentImage(access, String(params.id), String(params.imageId));
  return { ok: true };
});
