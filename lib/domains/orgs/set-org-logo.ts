import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { checkLogoFile } from "@/lib/domains/orgs/org-logo-rules";
import { getStorage } from "@/lib/integrations/storage/get-storage";
import { createStorageKey, fileUrl, keyFromFileUrl } from "@/lib/integrations/storage/storage-key";

/**
 * Stores a new logo for the caller's organisation and points Organization.logoUrl at it. The file
 * is written before the transaction and removed again if the transaction fails; the previous
 * logo's file is removed after the commit (a failure there only leaves an orphan file).
 */
export async function setOrgLogo(
  access: Access,
  file: { bytes: Uint8Array; declaredType: string },
) {
  const type = checkLogoFile(file.bytes, file.declaredType);
  const storage = getStorage();
  const key = createStorageKey(["logos", access.orgId], type.ext);
  await storage.put(key, file.bytes, type.mime);

  let previousUrl: string | null;
  try {
    previousUrl = await db.$transaction(async (tx) => {
      const before = await tx.organization.findUniqueOrThrow({
        where: { id: access.orgId },
        select: { logoUrl: true },
      });
      await tx.organization.update({
        where: { id: access.orgId },
        data: { logoUrl: fileUrl(key) },
      });
      await recordAudit(tx, {
        orgId: access.orgId,
        actorId: access.userId,
        action: "organization.logo_update",
        targetType: "organization",
        targetId: access.orgId,
        metadata: { key, contentType: type.mime, bytes: file.bytes.byteLength },
      });
      return before.logoUrl;
    });
  } catch (error) {
    await storage.delete(key).catch(() => {});
    throw error;
  }
  await deleteOwnLogoFile(access.orgId, previousUrl);
  return { logoUrl: fileUrl(key) };
}

/** Removes the file behind a logo URL when it is one of this organisation's stored logos. */
export async function deleteOwnLogoFile(orgId: string, url: string | null): Promise<void> {
  const key = keyFromFileUrl(url);
  if (!key?.startsWith(`logos/${orgId}/`)) return;
  await getStorage()
    .delete(key)
    .catch((error: unknown) =>
      console.error("Could not delete the previous logo file", key, error),
    );
}
