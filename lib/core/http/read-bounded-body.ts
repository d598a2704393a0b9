import { AppError } from "@/lib/core/errors/app-error";

export function bodyTooLarge(maxBytes: number): AppError {
  return new AppError(
    "PAYLOAD_TOO_LARGE",
    `The request body is too large (limit ${Math.round(maxBytes / 1024)} KB).`,
  );
}

/**
 * Reads a request body, counting the stream and stopping past `maxBytes` (then `tooLarge`, a 413,
 * is thrown): a declared Content-Length can lie or be absent, the stream cannot.
 */
export async function readBoundedBody(
  req: Request,
  maxBytes: number,
  tooLarge: AppError = bodyTooLarge(maxBytes),
): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(req.headers.get("content-length") ?? "0") > maxBytes) throw tooLarge;
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
