import { badRequest } from "@/lib/core/errors/app-error";
import { readFormData } from "@/lib/core/http/read-form-data";
import { assertAltText, CONTENT_IMAGE_MAX_BYTES } from "@/lib/domains/content/content-images";

/** Reads a multipart image upload (`file`, `alt`) with the size cap for post images. */
export async function readImageUpload(req: Request) {
  const form = await readFormData(req, {
    maxBytes: CONTENT_IMAGE_MAX_BYTES + 16 * 1024,
    tooLargeMessage: "Images must be 5 MB or smaller.",
  });
  const file = form.get("file");
  if (!(file instanceof File))
    throw badRequest("Choose an image file to upload.", { file: "Required." });
  return {
    bytes: new Uint8Array(await file.arrayBuffer()),
    declaredType: file.type,
    alt: assertAltText(form.get("alt")),
  };
}
