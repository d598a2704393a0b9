import { db } from "@/lib/core/db/client";
import { AppError } from "@/lib/core/errors/app-error";
import {
  hashPasswordResetToken,
  isPasswordResetTokenShape,
} from "@/lib/domains/auth/password-reset/reset-token";

export type PasswordResetLinkState = "valid" | "expired" | "used" | "unknown";

export const PASSWORD_RESET_LINK_MESSAGES: Record<
  Exclude<PasswordResetLinkState, "valid">,
  string
> = {
  unknown:
    "This password reset link is not valid. Check that you copied all of it, or ask for a new link.",
  expired: "This password reset link has expired (links work for one hour). Ask for a new link.",
  used: "This password reset link has already been used. Ask for a new link if you need to reset your password again.",
};

/** Whether a link can still set a password. A link of an account without a password is unknown. */
export async function getPasswordResetLinkState(token: string): Promise<PasswordResetLinkState> {
  if (!isPasswordResetTokenShape(token)) return "unknown";
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashPasswordResetToken(token) },
    select: { expiresAt: true, usedAt: true, user: { select: { passwordHash: true } } },
  });
  return linkState(row);
}

export function linkState(
  row: { expiresAt: Date; usedAt: Date | null; user: { passwordHash: string | null } } | null,
  now = new Date(),
): PasswordResetLinkState {
  if (!row || !row.user.passwordHash) return "unknown";
  if (row.usedAt) return "used";
  if (row.expiresAt <= now) return "expired";
  return "valid";
}

export function passwordResetLinkError(state: Exclude<PasswordResetLinkState, "valid">): AppError {
  return new AppError(
    state === "unknown" ? "NOT_FOUND" : "CONFLICT",
    PASSWORD_RESET_LINK_MESSAGES[state],
  );
}
