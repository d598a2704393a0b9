import { db } from "@/lib/core/db/client";
import { hashPassword } from "@/lib/domains/auth/password";
import { enforceRateLimit } from "@/lib/core/rate-limit/consume-rate-limit";
import { queuePasswordChangedEmail } from "@/lib/domains/auth/password-reset/password-reset-emails";
import {
  linkState,
  passwordResetLinkError,
} from "@/lib/domains/auth/password-reset/password-reset-link-state";
import { resetAttemptIpRule } from "@/lib/domains/auth/password-reset/rate-limits";
import {
  hashPasswordResetToken,
  isPasswordResetTokenShape,
} from "@/lib/domains/auth/password-reset/reset-token";

export interface ResetPasswordInput {
  token: string;
  /** Already validated against the sign-up rules (passwordField). */
  password: string;
  ip: string;
}

/**
 * Sets a new password with a reset link, all or nothing: the link is claimed (single use, not
 * expired), the password replaced, every session of the user ended (sessionVersion), the
 * lock-out and the per-email sign-in limit cleared, and the user's other links deleted. Then
 * "your password was changed" is emailed. An expired, used or unknown link changes nothing.
 * Attempts are rate limited per client address.
 */
export async function resetPassword(input: ResetPasswordInput): Promise<{ userId: string }> {
  await enforceRateLimit(resetAttemptIpRule(input.ip), "password reset attempts from this address");
  if (!isPasswordResetTokenShape(input.token)) throw passwordResetLinkError("unknown");

  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashPasswordResetToken(input.token) },
    select: {
      id: true,
      userId: true,
      expiresAt: true,
      usedAt: true,
      user: {
        select: {
          email: true,
          name: true,
          passwordHash: true,
          locale: true,
          timeZone: true,
          lastActiveOrgId: true,
        },
      },
    },
  });
  const state = linkState(row);
  if (state !== "valid") throw passwordResetLinkError(state);
  const link = row!;

  const passwordHash = await hashPassword(input.password);
  const changedAt = await db.$transaction(async (tx) => {
    const now = new Date();
    // The claim is the check: two submissions of one link cannot both pass it.
    const claimed = await tx.passwordResetToken.updateMany({
      where: { id: link.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) {
      const current = await tx.passwordResetToken.findUnique({
        where: { id: link.id },
        select: { expiresAt: true, usedAt: true, user: { select: { passwordHash: true } } },
      });
      const after = linkState(current, now);
      throw passwordResetLinkError(after === "valid" ? "used" : after);
    }
    // Only an account that still has a password (SSO may have taken it over since).
    const updated = await tx.user.updateMany({
      where: { id: link.userId, passwordHash: { not: null } },
      data: {
        passwordHash,
        sessionVersion: { increment: 1 },
        failedLoginCount: 0,
        lockedUntil: null,
      },
    });
    if (updated.count !== 1) throw passwordResetLinkError("unknown");
    await tx.passwordResetToken.deleteMany({
      where: { userId: link.userId, id: { not: link.id } },
    });
    await tx.rateLimit.deleteMany({ where: { key: `login:email:${link.user.email}` } });
    return now;
  });

  await queuePasswordChangedEmail(
    { id: link.userId, email: link.user.email, name: link.user.name },
    link.id,
    changedAt,
    { timeZone: await recipientTimeZone(link.user), language: link.user.locale },
  );
  return { userId: link.userId };
}

/** The person's own zone, else the organisation they last used, else UTC. */
async function recipientTimeZone(user: {
  timeZone: string | null;
  lastActiveOrgId: string | null;
}): Promise<string> {
  if (user.timeZone) return user.timeZone;
  if (!user.lastActiveOrgId) return "UTC";
  const org = await db.organization.findUnique({
    where: { id: user.lastActiveOrgId },
    select: { timeZone: true },
  });
  return org?.timeZone ?? "UTC";
}
