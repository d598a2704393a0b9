import { env } from "@/lib/core/env";

/**
 * Whether this server sends email: SMTP_URL is set. Without it every email is recorded as a
 * delivery ("Not sent: SMTP_URL is not configured.") and nothing leaves the server, so pages that
 * promise an email say so instead.
 */
export function isEmailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}
