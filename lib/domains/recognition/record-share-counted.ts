import { db } from "@/lib/core/db/client";
import { awardBadges, SHARE_RULES } from "@/lib/domains/recognition/award-badges";
import { awardSharePoints } from "@/lib/domains/recognition/award-share-points";
import { ensureDefaultBadges } from "@/lib/domains/recognition/ensure-default-badges";

/**
 * A share started to count (confirmed by its sharer, or posted through LinkedIn's API): its
 * points go to the ledger and the sharer's badges are checked, in one transaction. Safe to call
 * again, or for a share that does not count (nothing happens). A share confirmed by a click on its
 * link is caught by the next rollup (recountActivityPoints).
 */
export async function recordShareCounted(shareId: string, now = new Date()): Promise<void> {
  await db.$transaction(
    async (tx) => {
      const share = await tx.share.findUnique({
        where: { id: shareId },
        select: { orgId: true, membershipId: true, status: true },
      });
      if (!share || (share.status !== "SHARED" && share.status !== "POSTED")) return;
      await ensureDefaultBadges([share.orgId], tx);
      await awardSharePoints(tx, [shareId]);
      await awardBadges(tx, [share.membershipId], SHARE_RULES, { shareId, now });
    },
    // Shares confirmed at the same moment queue for connections and for the award's unique key.
    { maxWait: 15_000, timeout: 30_000 },
  );
}
