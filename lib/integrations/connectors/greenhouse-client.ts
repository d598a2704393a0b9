import { z } from "zod";
import { env } from "@/lib/core/env";
import { requestSourceJson, SourceApiError } from "@/lib/integrations/connectors/source-api-error";

/**
 * Greenhouse Harvest API (v1) for the Greenhouse connector: `GET /v1/applications`, HTTP Basic
 * auth with the Harvest API key as user name and an empty password, pages followed through the
 * `Link: <…>; rel="next"` header. Host: GREENHOUSE_API_BASE (tests point it at a local fake).
 */
const SERVICE = "Greenhouse";
export const GREENHOUSE_PAGE_SIZE = 100;

const applicationSchema = z.object({
  id: z.number(),
  candidate_id: z.number().nullable().optional(),
  prospect: z.boolean().optional(),
  applied_at: z.string().nullable().optional(),
  last_activity_at: z.string().nullable().optional(),
  status: z.string(),
  source: z
    .object({ id: z.number().optional(), public_name: z.string().nullable().optional() })
    .nullable()
    .optional(),
  custom_fields: z.record(z.string(), z.unknown()).nullable().optional(),
  answers: z
    .array(z.object({ question: z.string().nullable(), answer: z.string().nullable() }))
    .nullable()
    .optional(),
});
export type GreenhouseApplication = z.infer<typeof applicationSchema>;

/** The first page of applications with activity after `since`. */
export function firstApplicationsUrl(since: Date): string {
  const url = new URL(`${env().GREENHOUSE_API_BASE}/v1/applications`);
  url.searchParams.set("last_activity_after", since.toISOString());
  url.searchParams.set("per_page", String(GREENHOUSE_PAGE_SIZE));
  url.searchParams.set("page", "1");
  return url.href;
}

/** One page; `next` is the Link header's rel="next" URL (only on the configured host), or null. */
export async function listGreenhouseApplications(
  apiKey: string,
  pageUrl: string,
): Promise<{ results: GreenhouseApplication[]; next: string | null }> {
  const { body, headers } = await requestSourceJson(SERVICE, pageUrl, {
    headers: { authorization: `Basic ${Buffer.from(`${apiKey}:`).toString("base64")}` },
  });
  const parsed = z.array(applicationSchema).safeParse(body);
  if (!parsed.success) {
    throw new SourceApiError(
      "unavailable",
      `${SERVICE} applications answered an unexpected shape.`,
    );
  }
  return { results: parsed.data, next: nextLink(headers.get("link")) };
}

/** The key goes only to the configured host: a `next` link elsewhere is not followed. */
function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(",")) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(part.trim());
    if (!match) continue;
    const next = new URL(match[1]!, env().GREENHOUSE_API_BASE);
    if (next.origin !== new URL(env().GREENHOUSE_API_BASE).origin) return null;
    return next.href;
  }
  return null;
}
