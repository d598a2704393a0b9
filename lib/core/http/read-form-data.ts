import { AppError, badRequest } from "@/lib/core/errors/app-error";
import { readBoundedBody } from "@/lib/core/http/read-bounded-body";

/**
 * Reads a multipart/form-data body with a size cap. `req.formData()` alone would buffer any
 * size the client sends; here the stream is counted and cut off past `maxBytes` (413).
 */
export async function readFormData(
  req: Request,
  { maxBytes, tooLargeMessage }: { maxBytes: number; tooLargeMessage?: string },
): Promise<FormData> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the file as multipart/form-data.");
  }
  const tooLarge = new AppError(
    "PAYLOAD_TOO_LARGE",
    tooLargeMessage ?? `The upload is too large (limit ${formatBytes(maxBytes)}).`,
  );
  const body = await readBoundedBody(req, maxBytes, tooLarge);
  try {
    return await new Response(body, { headers: { "content-type": type } }).formData();
  } catch {
    throw badRequest("The upload could not be read. Choose the file again and retry.");
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
