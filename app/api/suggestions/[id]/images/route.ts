import { orgRoute } from "@/lib/domains/access/route";
import { addContentImage } from "@/lib/domains/content/content-images";
import { readImageUpload } from "@/lib/domains/content/read-image-upload";

/** An employee adds an image to their own pending suggestion. */
export const POST = orgRoute("suggestions:create", async ({ req, access, params }) => {
  const image = await addContentImage(
    access,
    { suggestionId: String(params.id) },
    await readImageUpload(req),
  );
  return Response.json({ image }, { status: 201 });
});
