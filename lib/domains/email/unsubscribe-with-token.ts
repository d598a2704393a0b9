import { badRequest } from "@/lib/core/errors/app-error";
import type { OptionalEmailCategory } from "@/lib/domains/email/categories";
import { unsubscribeFromCategory } from "@/lib/domains/email/email-preferences";
import { verifyUnsubscribeToken } from "@/lib/domains/email/unsubscribe-token";

/** Verifies an unsubscribe token and records the opt-out; a missing or tampered token is a 400. */
export async function unsubscribeWithToken(
  token: string | null | undefined,
): Promise<{ category: OptionalEmailCategory }> {
  if (!token) throw badRequest("The unsubscribe link has no token.", { token: "Missing." });
  const verified = verifyUnsubscribeToken(token);
  if (!verified) {
    throw badRequest("This unsubscribe link is not valid. Copy the whole link from the email.", {
      token: "Invalid or altered.",
    });
  }
  const known = await unsubscribeFromCategory(verified.userId, verified.category);
  if (!known) {
    throw badRequest("This unsubscribe link belongs to an account that no longer exists.", {
      token: "Unknown account.",
    });
  }
  return { category: verified.category };
}
