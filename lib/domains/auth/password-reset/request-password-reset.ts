import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { enforceRateLimit } from "@/lib/core/rate-limit/consume-rate-limit";
import { queuePasswordResetEmail } from "@/lib/domains/auth/password-reset/password-reset-emails";
import {
  resetRequestEmailRule,
  resetRequestIpRule,
} from "@/lib/domains/auth/password-reset/rate-limits";
import {
  newPasswordResetToken,
  PASSWORD_RESET_TTL_MINUTES,
} from "@/lib/domains/auth/password-reset/reset-token";

/** What everyone who asks is told, whether or not the address has a password account. */
export const PASSWORD_RESET_REQUESTED_MESSAGE =
  "If a Chorus account with a password uses that address, we have emailed it a link to choose a new password. The link works once, for one hour. Check your spam folder too. (Accounts that sign in with SSO or LinkedIn have no password to reset: use that button on the sign-in page.)";

/**
 * Every answer takes at least this long, so the time taken does not tell whether an account
 * exists (the account path writes a token and queues an email; the other path does not).
 */
export const DEFAULT_MIN_DURATION_MS = 400;

export interface RequestPasswordResetInput {
  /** Already validated and lower-cased (emailField). */
  email: string;
  ip: string;
  /** Floor of the answer time; tests pass 0 where timing is not what they check. */
  minDurationMs?: number;
}

/**
 * "Forgot password": rate limited per client address and per email (a limited request creates
 * nothing and sends nothing, and says when to try again). When a password account has the email,
 * its earlier links are invalidated, expired links of everyone are deleted, a new single-use link
 * (only its SHA-256 stored) is made and emailed. Accounts without a password (SSO only) and
 * unknown addresses get no email — and the same answer, in about the same time.
 */
export async function requestPasswordReset(input: RequestPasswordResetInput): Promise<string> {
  const started = Date.now();
  const email = input.email.trim().toLowerCase();
  await enforceRateLimit(resetRequestIpRule(input.ip), "password reset requests from this address");
  await enforceRateLimit(resetRequestEmailRule(email), "password reset requests for this email");

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const now = new Date();
  if (user?.passwordHash) {
    const { token, tokenHash } = newPasswordResetToken();
    const id = createId("pwr");
    await db.$transaction(async (tx) => {
      // Earlier links of this user stop working; expired links of anyone are swept.
      await tx.passwordResetToken.deleteMany({
        where: { OR: [{ userId: user.id }, { expiresAt: { lt: now } }] },
      });
      await tx.passwordResetToken.create({
        data: {
          id,
          userId: user.id,
          tokenHash,
          expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MINUTES * 60_000),
          requestedIp: input.ip.slice(0, 100),
        },
      });
    });
    await queuePasswordResetEmail(user, id, token);
  } else {
    // The same sweep the account path makes, so both paths touch the database alike.
    await db.passwordResetToken.deleteMany({ where: { expiresAt: { lt: now } } });
  }

  const floor = input.minDurationMs ?? DEFAULT_MIN_DURATION_MS;
  const remaining = floor - (Date.now() - started);
  if (remaining > 0) await sleep(remaining);
  return PASSWORD_RESET_REQUESTED_MESSAGE;
}
