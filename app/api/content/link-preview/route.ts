import { z } from "zod";
import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { enforceRateLimit } from "@/lib/core/rate-limit/consume-rate-limit";
import { fetchLinkPreview } from "@/lib/integrations/link-preview/fetch-link-preview";

const schema = z
  .object({ url: z.string().trim().min(1, { error: "Enter a link." }).max(2048) })
  .strict();

/** Server-side Open Graph fetch (SSRF-protected); curators can edit the result before saving. */
export const POST = orgRoute("content:manage", async ({ req, access }) => {
  const { url } = await parseJsonBody(req, schema);
  await enforceRateLimit(
    { key: `link-preview:${access.orgId}`, limit: 120, windowSeconds: 10 * 60 },
    "link previews",
  );
  return { preview: await fetchLinkPreview(url) };
});
