import { z } from "zod";
import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { retryShare } from "@/lib/domains/linkedin-publish/manage-scheduled-share";
import { scheduledAtField } from "@/lib/domains/linkedin-publish/publish-time";

const retrySchema = z
  .object({
    scheduledAt: scheduledAtField.optional(),
  })
  .strict();

/** POST /api/shares/:id/retry — the owner retries a failed post through LinkedIn (now or later). */
export const POST = orgRoute("shares:create", async ({ req, params, access }) => {
  // The body is optional (no JSON body = now).
  const json = (req.headers.get("content-type") ?? "").toLowerCase().includes("application/json");
  const input = json ? await parseJsonBody(req, retrySchema) : {};
  return { share: await retryShare(access, String(params.id), input.scheduledAt) };
});
