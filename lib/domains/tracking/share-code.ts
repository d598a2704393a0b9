import { randomString } from "@/lib/core/db/create-id";

/** 10 base62 characters ≈ 59.5 bits: unguessable, never sequential, short enough to share. */
export const SHARE_CODE_LENGTH = 10;
export const SHARE_CODE_PATTERN = /^[0-9A-Za-z]{10}$/;

export function newShareCode(): string {
  return randomString(SHARE_CODE_LENGTH);
}

export function isShareCode(value: string): boolean {
  return SHARE_CODE_PATTERN.test(value);
}
