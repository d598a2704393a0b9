import { getStorage } from "@/lib/storage/get-storage";
import type { StoredFile } from "@/lib/storage/storage";
import { isValidStorageKey } from "@/lib/storage/storage-key";

/**
 * A stored file for the public file route, or null (unknown or malformed key). Files are readable
 * by anyone who has the URL: keys are unguessable, and logos appear on public pages. Private files,
 * when they come, need their own route with an access check.
 */
export async function readPublicFile(key: string): Promise<StoredFile | null> {
  if (!isValidStorageKey(key)) return null;
  return getStorage().get(key);
}
