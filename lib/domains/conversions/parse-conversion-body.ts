import { AppError, badRequest } from "@/lib/core/errors/app-error";
import {
  conversionRequestSchema,
  type ConversionRequest,
} from "@/lib/domains/conversions/conversion-schema";

/**
 * Reads the (already size-capped) body of a conversion request. JSON is accepted as
 * application/json, and as text/plain for the browser snippet: a text/plain POST is a "simple"
 * cross-origin request, so a browser sends it (even with keepalive while the page unloads) without
 * a CORS preflight round trip.
 */
export async function parseConversionBody(req: Request): Promise<ConversionRequest> {
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  if (!type.includes("application/json") && !type.startsWith("text/plain")) {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      "Send the request body as JSON with Content-Type: application/json.",
    );
  }
  const text = await req.text();
  if (!text.trim()) {
    throw badRequest(
      'The request body is empty. Send a JSON object such as {"clickId": "…", "outcome": "signup"}.',
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw badRequest("The request body is not valid JSON.");
  }
  return conversionRequestSchema.parse(data);
}
