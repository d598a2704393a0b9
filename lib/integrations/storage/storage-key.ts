import { randomString } from "@/lib/core/db/create-id";

const SEGMENT = /^[A-Za-z0-9_-]{1,100}$/;
const FILE_NAME = /^[A-Za-z0-9_-]{1,100}\.[a-z0-9]{1,8}$/;
const MAX_KEY_LENGTH = 512;
const MAX_DEPTH = 8;

/**
 * True for keys of the form `folder/…/name.ext`: plain ASCII segments, no `.`/`..`, no leading
 * or doubled slash, no backslash, one extension on the last segment. Everything that could
 * escape a storage root (or collide with a storage's own metadata files) fails this check.
 */
export function isValidStorageKey(key: string): boolean {
  if (typeof key !== "string" || key.length === 0 || key.length > MAX_KEY_LENGTH) return false;
  const segments = key.split("/");
  if (segments.length > MAX_DEPTH) return false;
  const name = segments.pop()!;
  return FILE_NAME.test(name) && segments.every((s) => SEGMENT.test(s));
}

export function assertValidStorageKey(key: string): void {
  if (!isValidStorageKey(key))
    throw new Error(`Invalid storage key: ${JSON.stringify(key).slice(0, 80)}`);
}

/** A fresh, unguessable key under `folders`, e.g. `logos/org_123/Xb3…9.png`. */
export function createStorageKey(folders: string[], ext: string): string {
  const key = [...folders, `${randomString(24)}.${ext}`].join("/");
  assertValidStorageKey(key);
  return key;
}

/** Public URL of a stored file (served by app/api/files/[...key]/route.ts). */
export function fileUrl(key: string): string {
  return `/api/files/${key}`;
}

/** The storage key behind one of our file URLs, or null for any other URL. */
export function keyFromFileUrl(url: string | null | undefined): string | null {
  if (!url?.startsWith("/api/files/")) return null;
  const key = url.slice("/api/files/".length);
  return isValidStorageKey(key) ? key : null;
}
