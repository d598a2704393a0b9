import type { z } from "zod";
import { AppError, badRequest } from "@/lib/core/errors/app-error";
import { readBoundedBody } from "@/lib/core/http/read-bounded-body";
import { assertStorableText } from "@/lib/core/http/storable-text";

const DEFAULT_LIMIT = 64 * 1024;

/** Reads a JSON body with a size cap and validates it; every failure is a 4xx with a message. */
export async function parseJsonBody<S extends z.ZodType>(
  req: Request,
  schema: S,
  { maxBytes = DEFAULT_LIMIT }: { maxBytes?: number } = {},
): Promise<z.infer<S>> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.toLowerCase().includes("application/json")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as application/json.");
  }
  const text = new TextDecoder().decode(await readBoundedBody(req, maxBytes));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw badRequest("The request body is not valid JSON.");
  }
  assertStorableText(data);
  return schema.parse(data);
}

/** Validates query-string parameters. */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  assertStorableText(params);
  return schema.parse(params);
}
