import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { badRequest, conflict, notFound } from "@/lib/core/errors/app-error";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { checkImageFile } from "@/lib/core/images/check-image-file";
import { getStorage } from "@/lib/integrations/storage/get-storage";
import { approvalLockedError, lockedByApproval } from "@/lib/domains/content/save-content-item";
import { createStorageKey, fileUrl } from "@/lib/integrations/storage/storage-key";

export const CONTENT_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
export const MAX_IMAGES = 9;

export type ImageTarget = { itemId: string } | { suggestionId: string };

/** The target must be the caller's: an item of their organisation, or their own pending suggestion. */
async function assertTarget(access: Access, target: ImageTarget) {
  if ("itemId" in target) {
    const item = await db.contentItem.findFirst({
      where: { id: target.itemId, orgId: access.orgId },
      select: { id: true, status: true },
    });
    if (!item) throw notFound("Content item");
    if (await lockedByApproval(db, access.orgId, item.status))
      throw approvalLockedError(item.status);
  } else {
    const suggestion = await db.suggestion.findFirst({
      where: { id: target.suggestionId, orgId: access.orgId },
      select: { membershipId: true, status: true },
    });
    if (!suggestion) throw notFound("Suggestion");
    if (suggestion.membershipId !== access.membershipId) throw notFound("Suggestion");
    if (suggestion.status !== "PENDING")
      throw conflict("This suggestion has been reviewed; it can no longer change.");
  }
}

/** Stores an image (type checked by its bytes, size capped) and attaches it; nothing half-written. */
export async function addContentImage(
  access: Access,
  target: ImageTarget,
  file: { bytes: Uint8Array; declaredType: string; alt: string },
) {
  await assertTarget(access, target);
  const type = checkImageFile(file.bytes, file.declaredType, {
    maxBytes: CONTENT_IMAGE_MAX_BYTES,
    what: "image",
  });
  const storage = getStorage();
  // Suggestion photos stay private (author and moderators) until they become part of a post.
  const key = createStorageKey(
    ["itemId" in target ? "content" : "suggestions", access.orgId],
    type.ext,
  );
  await storage.put(key, file.bytes, type.mime);
  try {
    return await db.$transaction(async (tx) => {
      // Lock the parent so parallel uploads count one after the other (at most MAX_IMAGES).
      if ("itemId" in target) {
        await tx.$queryRaw`SELECT 1 FROM "ContentItem" WHERE "id" = ${target.itemId} FOR UPDATE`;
      } else {
        await tx.$queryRaw`SELECT 1 FROM "Suggestion" WHERE "id" = ${target.suggestionId} FOR UPDATE`;
      }
      const count = await tx.contentImage.count({ where: target });
      if (count >= MAX_IMAGES) throw conflict(`A post can have at most ${MAX_IMAGES} images.`);
      const id = createId("img");
      await tx.contentImage.create({
        data: {
          id,
          orgId: access.orgId,
          ...target,
          storageKey: key,
          contentType: type.mime,
          bytes: file.bytes.byteLength,
          alt: file.alt,
          position: count,
        },
      });
      await recordAudit(tx, {
        orgId: access.orgId,
        actorId: access.userId,
        action: "content.image_add",
        targetType: "itemId" in target ? "content" : "suggestion",
        targetId: "itemId" in target ? target.itemId : target.suggestionId,
        metadata: { imageId: id, bytes: file.bytes.byteLength },
      });
      return { id, url: fileUrl(key), alt: file.alt };
    });
  } catch (error) {
    await storage.delete(key).catch(() => {});
    throw error;
  }
}

export async function removeContentImage(access: Access, itemId: string, imageId: string) {
  const image = await db.contentImage.findFirst({
    where: { id: imageId, itemId, orgId: access.orgId },
    select: { storageKey: true, item: { select: { status: true } } },
  });
  if (!image) throw notFound("Image");
  const status = image.item?.status;
  if (status && (await lockedByApproval(db, access.orgId, status)))
    throw approvalLockedError(status);
  await db.$transaction(async (tx) => {
    await tx.contentImage.delete({ where: { id: imageId } });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "content.image_remove",
      targetType: "content",
      targetId: itemId,
      metadata: { imageId },
    });
  });
  await getStorage()
    .delete(image.storageKey)
    .catch((error: unknown) =>
      console.error("Could not delete image file", image.storageKey, error),
    );
}

export function assertAltText(alt: unknown): string {
  const text = typeof alt === "string" ? alt.trim() : "";
  if (text.length > 500)
    throw badRequest("Alt text is at most 500 characters.", { alt: "Too long." });
  return text;
}
