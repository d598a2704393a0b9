import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/core/env";
import { notFound, unauthorized } from "@/lib/core/errors/app-error";
import { errorResponse } from "@/lib/core/http/error-response";

/**
 * Who may read /api/metrics: nobody while METRICS_TOKEN is unset (404, as if there were no such
 * endpoint), otherwise whoever sends `Authorization: Bearer <METRICS_TOKEN>` (401 for anyone else).
 * Null when the request may go on; otherwise the refusal to answer with.
 */
export function authorizeScrape(req: Request): Response | null {
  const expected = env().METRICS_TOKEN;
  if (!expected) return errorResponse(notFound("This page"));
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.get("authorization") ?? "");
  if (match && sameSecret(match[1]!, expected)) return null;
  const refusal = errorResponse(
    unauthorized('Metrics need the scrape token: send "Authorization: Bearer <METRICS_TOKEN>".'),
  );
  refusal.headers.set("WWW-Authenticate", 'Bearer realm="chorus-metrics"');
  return refusal;
}

/** Compared as SHA-256 digests: equal lengths, so the comparison time says nothing of the token. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
