import { env } from "@/lib/env";

/** The public base URL: APP_URL when configured, else the origin the request came in on. */
export function appUrl(req?: Request): string {
  const configured = env().APP_URL;
  if (configured) return configured.replace(/\/+$/, "");
  if (req) {
    const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
    const proto =
      req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "");
    if (host) return `${proto}://${host}`;
    return new URL(req.url).origin;
  }
  return `http://localhost:${env().PORT}`;
}

/** Where tracked links live: SHORT_LINK_BASE_URL (a custom short domain) or the app itself. */
export function shortLinkBase(req?: Request): string {
  const configured = env().SHORT_LINK_BASE_URL;
  return configured ? configured.replace(/\/+$/, "") : appUrl(req);
}
