import { db } from "@/lib/core/db/client";
import { can } from "@/lib/domains/access/permissions";
import { resolveAccess } from "@/lib/domains/access/resolve-access";
import { readSessionUserId } from "@/lib/domains/auth/session-user";
import { getStorage } from "@/lib/integrations/storage/get-storage";
import type { StoredFile } from "@/lib/integrations/storage/storage";
import { createStorageKey, isValidStorageKey } from "@/lib/integrations/storage/storage-key";

export const PRIVATE_PREFIX = "suggestions/";

/**
 * A stored file for the file route, or null. Logos and post images are public (they appear on
 * public pages and in LinkedIn cards; keys are unguessable). Photos of suggestions are private:
 * only their author and the organisation's moderators may read them — anyone else gets null (404).
 */
export async function readFileFor(
  key: string,
  headers: Headers,
): Promise<{ file: StoredFile; isPrivate: boolean } | null> {
  if (!isValidStorageKey(key)) return null;
  if (!key.startsWith(PRIVATE_PREFIX)) {
    const file = await getStorage().get(key);
    return file ? { file, isPrivate: false } : null;
  }
  const userId = await readSessionUserId(headers);
  const [result, image] = await Promise.all([
    userId ? resolveAccess(userId) : Promise.resolve(null),
    db.contentImage.findFirst({
      where: { storageKey: key },
      select: { orgId: true, itemId: true, suggestion: { select: { membershipId: true } } },
    }),
  ]);
  if (image?.itemId) {
    // Part of a post now (its public copy may still be on its way): public like any post image.
    const file = await getStorage().get(key);
    return file ? { file, isPrivate: false } : null;
  }
  if (!result || result.kind !== "member" || !image || image.orgId !== result.access.orgId)
    return null;
  const { access } = result;
  const allowed =
    can(access, "suggestions:moderate") || image.suggestion?.membershipId === access.membershipId;
  if (!allowed) return null;
  const file = await getStorage().get(key);
  return file ? { file, isPrivate: true } : null;
}

/**
 * When a suggestion becomes a post its photos become public: each private file is copied to a
 * public key and the row repointed; the private copy is removed afterwards.
 */
export async function publishSuggestionImages(orgId: string, itemId: string): Promise<void> {
  const storage = getStorage();
  const images = await db.contentImage.findMany({
    where: { orgId, itemId, storageKey: { startsWith: PRIVATE_PREFIX } },
    select: { id: true, storageKey: true, contentType: true },
  });
  for (const image of images) {
    const file = await storage.get(image.storageKey);
    if (!file) continue;
    const ext = image.storageKey.split(".").pop() ?? "bin";
    const key = createStorageKey(["content", orgId], ext);
    await storage.put(key, file.bytes, image.contentType);
    await db.contentImage.update({ where: { id: image.id }, data: { storageKey: key } });
    await storage
      .delete(image.storageKey)
      .catch((error: unknown) =>
        console.error("Could not delete private file", image.storageKey, error),
      );
  }
}
