/**
 * Which page navigations the service worker answers (network only, the offline page when the
 * network fails). Pure, so the unit test pins it down.
 */

/** The offline page (public/offline.html), precached. */
export const OFFLINE_PAGE = "/offline.html";

/** A share code: the tracked-link fast path of scripts/server.ts (10 base62 characters). */
const TRACKED_LINK = /^\/[0-9A-Za-z]{10}$/;

/**
 * Whether a navigation to `pathname` (same origin) goes through the worker. API routes (CSV
 * downloads, sign-out, OAuth callbacks) and tracked links (a redirect that counts a click) never
 * do: the browser fetches them exactly as it would without a worker.
 */
export function swHandlesNavigation(pathname: string): boolean {
  if (pathname === "/api" || pathname.startsWith("/api/")) return false;
  if (pathname.startsWith("/serwist/")) return false;
  return !TRACKED_LINK.test(pathname);
}
