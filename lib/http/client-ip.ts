/** Best-effort client address for rate limiting. Behind a proxy, the first X-Forwarded-For hop. */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}
