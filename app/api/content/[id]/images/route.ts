import { orgRoute } from "@/lib/access/route";
import { addContentImage } from "@/lib/content/content-images";
import { readImageUpload } from "@/lib/content/read-image-upload";

export const POST = orgRoute("content:manage", async ({ req, access, params }) => {
  const image = await addContentImage(
    access,
    { itemId: String(params.id) },
    await readImageUpload(req),
  );
  return Response.json({ image }, { status: 201 });
});
