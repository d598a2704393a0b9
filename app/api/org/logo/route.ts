import { orgRoute } from "@/lib/domains/access/route";
import { badRequest } from "@/lib/core/errors/app-error";
import { readFormData } from "@/lib/core/http/read-form-data";
import { LOGO_MAX_BYTES } from "@/lib/domains/orgs/org-logo-rules";
import { removeOrgLogo } from "@/lib/domains/orgs/remove-org-logo";
import { setOrgLogo } from "@/lib/domains/orgs/set-org-logo";

/** Room for the multipart boundaries and headers around a file of the maximum size. */
const MULTIPART_OVERHEAD = 16 * 1024;

export const POST = orgRoute("org:update", async ({ req, access }) => {
  const form = await readFormData(req, {
    maxBytes: LOGO_MAX_BYTES + MULTIPART_OVERHEAD,
    tooLargeMessage: "The logo must be 1 MB or smaller.",
  });
  const file = form.get("file");
  if (!(file instanceof File))
    throw badRequest("Choose an image file to upload.", { file: "Required." });
  const bytes = new Uint8Array(await file.arrayBuffer());
  return setOrgLogo(access, { bytes, declaredType: file.type });
});

export const DELETE = orgRoute("org:update", async ({ access }) => removeOrgLogo(access));
