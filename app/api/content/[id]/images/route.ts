import { orgRoute } from "@/lib/access/route";
import { badRequest } from "@/lib/errors/app-error";
import { readFormData } from "@/lib/http/read-form-data";
import {
  addContentImage,
  assertAltText,
  CONTENT_IMAGE_MAX_BYTES,
} from "@/lib/content/content-images";

export const POST = orgRoute("content:manage", async ({ req, access, params }) => {
  const form = await readFormData(req, {
    maxBytes: CONTENT_IMAGE_MAX_BYTES + 16 * 1024,
    tooLargeMessage: "Images must be 5 MB or smaller.",
  });
  const file = form.get("file");
  if (!(file instanceof File))
    throw badRequest("Choose an image file to upload.", { file: "Required." });
  const image = await addContentImage(
    access,
    { itemId: String(params.id) },
    {
      bytes: new Uint8Array(await file.arrayBuffer()),
      declaredType: file.type,
      alt: assertAltText(form.get("alt")),
    },
  );
  return Response.json({ image }, { status: 201 });
});
