import { SNIPPET_ETAG, SNIPPET_SOURCE } from "@/lib/domains/conversions/snippet";

const HEADERS = {
  "Content-Type": "text/javascript; charset=utf-8",
  // Cacheable by browsers and CDNs; revalidated by ETag after an hour.
  "Cache-Control": "public, max-age=3600, stale-while-revalidate=86400",
  ETag: SNIPPET_ETAG,
  "Access-Control-Allow-Origin": "*",
  "X-Content-Type-Options": "nosniff",
};

/** The conversion snippet (lib/domains/conversions/snippet.ts) for customers' landing pages. */
export async function GET(req: Request): Promise<Response> {
  if (req.headers.get("if-none-match") === SNIPPET_ETAG) {
    return new Response(null, { status: 304, headers: HEADERS });
  }
  return new Response(SNIPPET_SOURCE, { headers: HEADERS });
}
