/**
 * The client address, for rate limits and visitor keys: the first X-Forwarded-For hop.
 *
 * That header is only trustworthy because the app server sets it: scripts/server.ts overwrites
 * X-Forwarded-For with the socket address (and drops X-Real-IP) unless TRUST_PROXY is set, in
 * which case a proxy you run in front must overwrite it. (Plain `next start` adds the socket
 * address only when the header is missing.)
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}
