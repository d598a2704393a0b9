import { createHash, randomBytes } from "node:crypto";

/** A reset link works for one hour. */
export const PASSWORD_RESET_TTL_MINUTES = 60;

/** 32 random bytes (256 bits) as base64url: 43 characters. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A new token for the link, and the SHA-256 that is all the database keeps. */
export function newPasswordResetToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashPasswordResetToken(token) };
}

export function hashPasswordResetToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** False for anything that cannot be a token we made (no database look-up needed). */
export function isPasswordResetTokenShape(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

export function passwordResetUrl(baseUrl: string, token: string): string {
  return new URL(`/reset-password/${token}`, baseUrl).toString();
}
