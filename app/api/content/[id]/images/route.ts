import { orgRoute } from "@/lib/domains/access/route";
import { addContentImage } from "@/lib/domains/content/content-images";
import { readImageUpload } from "@/lib/domains/content/read-image-upload";

export const POST = orgRoute("content:manage", async ({ req, access, params }) => {
  const image = await addContentImage(
    access,
    { itemId: String(params.id) },
    await readImageUpload(req),
  );
  return Response.json({ image }, { status: 201 });
});
