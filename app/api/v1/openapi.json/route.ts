import { buildOpenApiDocument } from "@/lib/domains/public-api/openapi";
import { appUrl } from "@/lib/core/http/app-url";

/** The OpenAPI 3.1 document of the public API, generated from the same zod schemas it validates with. */
export async function GET(): Promise<Response> {
  return Response.json(buildOpenApiDocument(appUrl()), {
    headers: {
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
