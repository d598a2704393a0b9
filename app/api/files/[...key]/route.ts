import { publicRoute } from "@/lib/domains/access/route";
import { readFileFor } from "@/lib/domains/files/file-access";

/**
 * Serves stored files. Logos and post images go to anyone with the URL (they appear on public
 * pages; keys are random and never reused, so responses may be cached for good). Suggestion photos
 * only to their author and moderators, never cached by shared caches.
 */
export const GET = publicRoute(async ({ req, params }) => {
  const key = Array.isArray(params.key) ? params.key.join("/") : String(params.key ?? "");
  const found = await readFileFor(key, req.headers);
  if (!found) {
    return Response.json(
      { error: { code: "NOT_FOUND", message: "File not found." } },
      { status: 404, headers: { "Cache-Control": "no-store" } },
    );
  }
  const { file, isPrivate } = found;
  const etag = `"${key.split("/").pop()}"`;
  const headers = {
    "Content-Type": file.contentType,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": isPrivate ? "private, no-store" : "public, max-age=31536000, immutable",
    ETag: etag,
    // Even if a stored file were not what it claims, it cannot run scripts in our origin.
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    "Content-Disposition": "inline",
  };
  if (req.headers.get("if-none-match") === etag)
    return new Response(null, { status: 304, headers });
  return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
    headers: { ...headers, "Content-Length": String(file.bytes.byteLength) },
  });
});
