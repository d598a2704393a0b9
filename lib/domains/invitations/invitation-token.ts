import { createHash } from "node:crypto";
import { randomString } from "@/lib/core/db/create-id";

/** 32 base62 characters ≈ 190 bits. Only the hash is stored; the token lives in the link. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomString(32);
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function invitationUrl(baseUrl: string, token: string): string {
  return new URL(`/invite/${token}`, baseUrl).toString();
}
