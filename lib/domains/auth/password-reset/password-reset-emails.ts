import { queueEmail } from "@/lib/domains/email/queue-email";
import {
  passwordChangedEmail,
  passwordResetEmail,
} from "@/lib/integrations/email/templates/password-reset";
import { appUrl } from "@/lib/core/http/app-url";
import { emailDateFormat } from "@/lib/domains/email/email-date-format";
import {
  PASSWORD_RESET_TTL_MINUTES,
  passwordResetUrl,
} from "@/lib/domains/auth/password-reset/reset-token";

interface Recipient {
  id: string;
  email: string;
  name: string;
}

/** Where and how the person reads dates: their zone (else their organisation's) and language. */
interface RecipientDates {
  timeZone: string;
  language: string | null;
}

/**
 * Queues the reset link (category "account": transactional, never suppressed by opt-outs). Never
 * throws: the caller answers the same neutral message whatever happens, so a failure is logged.
 */
export async function queuePasswordResetEmail(
  user: Recipient,
  tokenId: string,
  token: string,
): Promise<void> {
  try {
    await queueEmail({
      userId: user.id,
      to: user.email,
      category: "account",
      ...passwordResetEmail({
        name: user.name,
        url: passwordResetUrl(appUrl(), token),
        validMinutes: PASSWORD_RESET_TTL_MINUTES,
      }),
      dedupeKey: `password-reset:${tokenId}`,
    });
  } catch (error) {
    console.error(`[password-reset] could not queue the reset email for ${user.id}`, error);
  }
}

/** Queues "your password was changed". Never throws: the password is changed either way. */
export async function queuePasswordChangedEmail(
  user: Recipient,
  tokenId: string,
  changedAt: Date,
  { timeZone, language }: RecipientDates,
): Promise<void> {
  try {
    await queueEmail({
      userId: user.id,
      to: user.email,
      category: "account",
      ...passwordChangedEmail({
        name: user.name,
        changedAt,
        dates: emailDateFormat(timeZone, language),
        forgotPasswordUrl: new URL("/forgot-password", appUrl()).toString(),
      }),
      dedupeKey: `password-changed:${tokenId}`,
    });
  } catch (error) {
    console.error(
      `[password-reset] could not queue the password-changed email for ${user.id}`,
      error,
    );
  }
}
