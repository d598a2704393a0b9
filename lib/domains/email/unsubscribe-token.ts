import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/core/env";
import { appUrl } from "@/lib/core/http/app-url";
import { isOptionalCategory, type OptionalEmailCategory } from "@/lib/domains/email/categories";

/**
 * Unsubscribe links carry `<userId>.<category>.<HMAC-SHA256(AUTH_SECRET, userId + category)>`:
 * no database row, no expiry (an old email's link keeps working), unforgeable without the secret.
 */
function signature(userId: string, category: string): string {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: unsubscribe links cannot be signed.");
  return createHmac("sha256", secret)
    .update(`chorus-unsubscribe:${userId}:${category}`)
    .digest("base64url");
}

export function createUnsubscribeToken(userId: string, category: OptionalEmailCategory): string {
  return `${userId}.${category}.${signature(userId, category)}`;
}

export function verifyUnsubscribeToken(
  token: string,
): { userId: string; category: OptionalEmailCategory } | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [userId, category, sig] = parts as [string, string, string];
  if (!/^[A-Za-z0-9_]{1,64}$/.test(userId) || !isOptionalCategory(category)) return null;
  const expected = Buffer.from(signature(userId, category));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, category };
}

/** The page a person opens from the email footer (asks to confirm). */
export function unsubscribePageUrl(token: string): string {
  return `${appUrl()}/unsubscribe?token=${encodeURIComponent(token)}`;
}

/** The List-Unsubscribe target: mail clients POST to it (one-click, RFC 8058). */
export function oneClickUnsubscribeUrl(token: string): string {
  return `${appUrl()}/api/email/unsubscribe?token=${encodeURIComponent(token)}`;
}
