import { API_CORS_HEADERS, apiKeyRoute } from "@/lib/domains/access/route";
import { parseQuery } from "@/lib/core/http/parse-body";
import { pageQuerySchema } from "@/lib/domains/read-api/page-query";
import { listApiConversions } from "@/lib/domains/read-api/list-api-conversions";
import { parseConversionBody } from "@/lib/domains/conversions/parse-conversion-body";
import { recordConversion } from "@/lib/domains/conversions/record-conversion";

/** POST a conversion (secret or publishable key). 201 recorded, 200 replay of the same key. */
export const POST = apiKeyRoute(
  ["conversions:write", "conversions:browser"],
  async ({ req, apiKey }) => {
    const input = await parseConversionBody(req);
    const { created, conversion } = await recordConversion(
      apiKey,
      input,
      req.headers.get("idempotency-key"),
    );
    return Response.json(conversion, {
      status: created ? 201 : 200,
      headers: created ? undefined : { "Idempotent-Replayed": "true" },
    });
  },
);

/** Conversions of the key's organisation, a page at a time (read scope). */
export const GET = apiKeyRoute("read", async ({ req, apiKey }) =>
  listApiConversions(apiKey.orgId, parseQuery(req, pageQuerySchema)),
);

/** CORS preflight: any site may call the API with an explicit key (never cookies). */
export async function OPTIONS(): Promise<Response> {
  return new Response(null, {
    status: 204,
    headers: {
      ...API_CORS_HEADERS,
      "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
      "Access-Control-Allow-Headers": "Authorization, Content-Type, Idempotency-Key, X-Api-Key",
      "Access-Control-Max-Age": "86400",
    },
  });
}
