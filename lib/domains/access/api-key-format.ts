import { createHash } from "node:crypto";
import { randomString } from "@/lib/core/db/create-id";

/**
 * Two kinds of organisation API keys:
 * - secret (`chorus_sk_…`): server to server, with the scopes the admin picked — "conversions:write"
 *   (report any conversion) and/or "read" (the read API: GET /api/v1/items, shares, members…).
 * - publishable (`chorus_pk_…`, scope "conversions:browser"): safe to embed in a web page; may only
 *   report a conversion for a real click id, at most one per (click id, outcome), without a value.
 *   Never "read": a key anyone can see in a page's source must not read the organisation's data.
 */
export const API_KEY_KINDS = ["secret", "publishable"] as const;
export type ApiKeyKind = (typeof API_KEY_KINDS)[number];

export const API_SCOPES = ["conversions:write", "conversions:browser", "read"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const KIND_SCOPES: Record<ApiKeyKind, ApiScope[]> = {
  secret: ["conversions:write"],
  publishable: ["conversions:browser"],
};

/** What an admin picks for a secret key: reading data, reporting conversions, or both. */
export const SECRET_KEY_ACCESS = ["read", "write"] as const;
export type SecretKeyAccess = (typeof SECRET_KEY_ACCESS)[number];

export function scopesOfSecretKey(access: readonly SecretKeyAccess[]): ApiScope[] {
  const scopes: ApiScope[] = [];
  if (access.includes("write")) scopes.push("conversions:write");
  if (access.includes("read")) scopes.push("read");
  return scopes;
}

const KIND_PREFIX: Record<ApiKeyKind, string> = { secret: "chorus_sk_", publishable: "chorus_pk_" };

/** 32 base62 characters ≈ 190 bits after the kind prefix. */
export const API_KEY_SECRET_LENGTH = 32;
export const API_KEY_PATTERN = /^chorus_(sk|pk)_[0-9A-Za-z]{32}$/;
/** Characters kept for display: the kind prefix and 4 random characters. */
export const API_KEY_DISPLAY_LENGTH = 14;

export function newApiKey(kind: ApiKeyKind): string {
  return `${KIND_PREFIX[kind]}${randomString(API_KEY_SECRET_LENGTH)}`;
}

/** Keys are stored as the SHA-256 of the whole key (hex): high-entropy, so no slow hash needed. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function displayPrefix(key: string): string {
  return key.slice(0, API_KEY_DISPLAY_LENGTH);
}

export function isWellFormedApiKey(key: string): boolean {
  return API_KEY_PATTERN.test(key);
}

export function kindOfScopes(scopes: readonly string[]): ApiKeyKind {
  return scopes.includes("conversions:browser") ? "publishable" : "secret";
}

export function kindOfKey(key: string): ApiKeyKind | null {
  if (key.startsWith(KIND_PREFIX.secret)) return "secret";
  if (key.startsWith(KIND_PREFIX.publishable)) return "publishable";
  return null;
}
