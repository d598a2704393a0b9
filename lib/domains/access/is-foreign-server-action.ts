/**
 * Whether a request is a server action posted from another origin. Next.js refuses those itself,
 * but with a 500 (and an unparseable Origin makes it throw): proxy.ts answers them with a 403
 * before Next does, the way route handlers refuse a cross-site write (assertSameOrigin).
 *
 * The test mirrors Next's own (app-render/action-handler): a POST that may be an action (a
 * `Next-Action` header, or a multipart form posted without JavaScript) whose Origin host differs
 * from the first X-Forwarded-Host, else the Host. No Origin at all passes, as in Next (a
 * hand-made request carries no browser cookies to abuse). Route handlers (/api/…) decide for
 * themselves: the public API accepts browser posts from customers' sites.
 */
export function isForeignServerAction(method: string, pathname: string, headers: Headers): boolean {
  if (method !== "POST" || pathname.startsWith("/api/")) return false;
  const possibleAction =
    headers.has("next-action") ||
    (headers.get("content-type") ?? "").startsWith("multipart/form-data");
  if (!possibleAction) return false;
  const origin = headers.get("origin");
  if (origin === null) return false;
  let originHost: string;
  if (origin === "null") {
    originHost = "null";
  } else {
    try {
      originHost = new URL(origin).host;
    } catch {
      return true;
    }
  }
  const forwardedHost = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return originHost !== (forwardedHost || headers.get("host"));
}
