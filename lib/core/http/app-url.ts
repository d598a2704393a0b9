import { env } from "@/lib/core/env";

/**
 * The public base URL: APP_URL, else http://localhost:PORT. Never taken from request headers
 * (Host / X-Forwarded-Host are client-controlled): links we store or send — tracked-link
 * destinations, invitation links, Open Graph URLs — must not be steerable by a request.
 * Set APP_URL whenever the app is reached under another address.
 */
export function appUrl(_req?: Request): string {
  const { APP_URL, PORT } = env();
  return (APP_URL ?? `http://localhost:${PORT}`).replace(/\/+$/, "");
}

/** Where tracked links live: SHORT_LINK_BASE_URL (a custom short domain) or the app itself. */
export function shortLinkBase(_req?: Request): string {
  const configured = env().SHORT_LINK_BASE_URL;
  return configured ? configured.replace(/\/+$/, "") : appUrl();
}
