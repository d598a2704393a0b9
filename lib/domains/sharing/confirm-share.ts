import { db } from "@/lib/core/db/client";
import { conflict, notFound } from "@/lib/core/errors/app-error";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordShareCounted } from "@/lib/domains/recognition/record-share-counted";

/**
 * "I posted it": the sharer confirms that a share handed to them (LinkedIn's dialog, or copied
 * text and link) went out, so it counts from now on (OPENED → SHARED). Only their own share; a
 * second confirmation, or one after a click on its link confirmed it, changes nothing. A share
 * posted through the API is confirmed by LinkedIn's answer, never by hand (409).
 */
export async function confirmShare(access: Access, shareId: string, now = new Date()) {
  const where = { id: shareId, orgId: access.orgId, membershipId: access.membershipId };
  // Conditional: two clicks (or a click on the link at the same moment) confirm it once.
  const confirmed = await db.share.updateMany({
    where: { ...where, status: "OPENED" },
    data: { status: "SHARED", confirmedAt: now },
  });
  // It counts from now: its points and the sharer's badges.
  if (confirmed.count) await recordShareCounted(shareId, now);
  const share = await db.share.findFirst({
    where,
    select: { id: true, channel: true, status: true, confirmedAt: true },
  });
  if (!share) throw notFound("Share");
  if (share.channel === "LINKEDIN_API") {
    throw conflict("A post through LinkedIn is confirmed by LinkedIn itself, not by hand.");
  }
  return share;
}
