import { createHash } from "node:crypto";
import { randomString } from "@/lib/core/db/create-id";

/** `chorus_scim_` and 40 base62 characters (≈ 238 bits). */
export const SCIM_TOKEN_PATTERN = /^chorus_scim_[0-9A-Za-z]{40}$/;
/** Characters kept for display: the prefix and 4 random characters. */
const DISPLAY_LENGTH = 16;

export function newScimToken(): string {
  return `chorus_scim_${randomString(40)}`;
}

/** Stored as the SHA-256 of the whole token (hex), like API keys: high-entropy, no slow hash needed. */
export function hashScimToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function scimTokenPrefix(token: string): string {
  return token.slice(0, DISPLAY_LENGTH);
}
