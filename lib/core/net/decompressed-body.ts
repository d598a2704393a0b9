import type { IncomingMessage } from "node:http";
import { pipeline, type Readable } from "node:stream";
import zlib from "node:zlib";

/**
 * A response's body as it was meant to be read: gunzipped, inflated or Brotli-decoded as its
 * Content-Encoding says (unknown encodings pass through). Callers count the bytes they read from
 * this stream, so a compressed "bomb" is cut off by the size of what it unpacks to.
 */
export function decompressedBody(response: IncomingMessage): Readable {
  const encoding = response.headers["content-encoding"]?.trim().toLowerCase();
  const decoder =
    encoding === "gzip" || encoding === "x-gzip"
      ? zlib.createGunzip()
      : encoding === "deflate"
        ? zlib.createInflate()
        : encoding === "br"
          ? zlib.createBrotliDecompress()
          : null;
  return decoder ? pipeline(response, decoder, () => {}) : response;
}
