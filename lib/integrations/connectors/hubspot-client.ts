import { z } from "zod";
import { env } from "@/lib/core/env";
import { requestSourceJson, SourceApiError } from "@/lib/integrations/connectors/source-api-error";

/**
 * The HubSpot APIs the HubSpot connector reads, authenticated with a private-app access token
 * (`Authorization: Bearer …`; scopes crm.objects.contacts.read, crm.objects.deals.read, forms).
 * Host: HUBSPOT_API_BASE (tests point it at a local fake).
 */
const SERVICE = "HubSpot";

const crmObjectSchema = z.object({
  id: z.string(),
  properties: z.record(z.string(), z.string().nullable()),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
});
export type HubSpotObject = z.infer<typeof crmObjectSchema>;

const pagingSchema = z.object({ next: z.object({ after: z.string() }).optional() }).optional();

const searchResponseSchema = z.object({
  total: z.number().optional(),
  results: z.array(crmObjectSchema),
  paging: pagingSchema,
});

/** Search results are capped: HubSpot answers at most 10,000 per query (then restart from the cursor). */
export const HUBSPOT_SEARCH_CAP = 10_000;
export const HUBSPOT_PAGE_SIZE = 100;

export interface SearchPage {
  results: HubSpotObject[];
  after: string | null;
}

/**
 * One page of `POST /crm/v3/objects/{contacts|deals}/search`: objects modified after `sinceMs`
 * (the `modifiedProperty` GT filter, plus `extraFilters`), oldest change first.
 */
export async function searchHubSpotObjects(
  token: string,
  objectType: "contacts" | "deals",
  {
    modifiedProperty,
    sinceMs,
    properties,
    extraFilters = [],
    after,
  }: {
    modifiedProperty: string;
    sinceMs: number;
    properties: string[];
    extraFilters?: { propertyName: string; operator: string; value: string }[];
    after: string | null;
  },
): Promise<SearchPage> {
  const { body } = await requestSourceJson(
    SERVICE,
    `${env().HUBSPOT_API_BASE}/crm/v3/objects/${objectType}/search`,
    {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: {
        filterGroups: [
          {
            filters: [
              { propertyName: modifiedProperty, operator: "GT", value: String(sinceMs) },
              ...extraFilters,
            ],
          },
        ],
        sorts: [{ propertyName: modifiedProperty, direction: "ASCENDING" }],
        properties,
        limit: HUBSPOT_PAGE_SIZE,
        ...(after ? { after } : {}),
      },
    },
  );
  const parsed = searchResponseSchema.safeParse(body);
  if (!parsed.success) {
    throw new SourceApiError("unavailable", `${SERVICE} search answered an unexpected shape.`);
  }
  return { results: parsed.data.results, after: parsed.data.paging?.next?.after ?? null };
}

const submissionSchema = z.object({
  submittedAt: z.number(),
  values: z.array(z.object({ name: z.string(), value: z.string() })),
  pageUrl: z.string().optional(),
});
export type HubSpotSubmission = z.infer<typeof submissionSchema>;

const submissionsResponseSchema = z.object({
  results: z.array(submissionSchema),
  paging: pagingSchema,
});

/** One page of `GET /form-integrations/v1/submissions/forms/{formGuid}` (newest first). */
export async function listHubSpotFormSubmissions(
  token: string,
  formGuid: string,
  after: string | null,
): Promise<{ results: HubSpotSubmission[]; after: string | null }> {
  const url = new URL(
    `${env().HUBSPOT_API_BASE}/form-integrations/v1/submissions/forms/${encodeURIComponent(formGuid)}`,
  );
  url.searchParams.set("limit", "50");
  if (after) url.searchParams.set("after", after);
  const { body } = await requestSourceJson(SERVICE, url.href, {
    headers: { authorization: `Bearer ${token}` },
  });
  const parsed = submissionsResponseSchema.safeParse(body);
  if (!parsed.success) {
    throw new SourceApiError(
      "unavailable",
      `${SERVICE} form submissions answered an unexpected shape.`,
    );
  }
  return { results: parsed.data.results, after: parsed.data.paging?.next?.after ?? null };
}
