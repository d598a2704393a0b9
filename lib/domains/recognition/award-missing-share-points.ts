import { db, type Db } from "@/lib/core/db/client";
import { awardBadges, SHARE_RULES } from "@/lib/domains/recognition/award-badges";
import {
  awardSharePoints,
  sharesMissingPoints,
} from "@/lib/domains/recognition/award-share-points";
import { ensureDefaultBadges } from "@/lib/domains/recognition/ensure-default-badges";

/**
 * Gives every share of an organisation that counts but has no points yet its share points, and
 * checks its sharers' badges: for shares written without the sharing flow (the demo seed, data
 * from before the ledger) — like rebuildRollups, a repair that is safe to run again.
 */
export async function awardMissingSharePoints(orgId: string, client: Db = db): Promise<number> {
  return client.$transaction(
    async (tx) => {
      const missing = await sharesMissingPoints(tx, null, orgId);
      const awarded = await awardSharePoints(tx, missing);
      await ensureDefaultBadges([orgId], tx);
      const members = await tx.share.findMany({
        where: { id: { in: missing } },
        select: { membershipId: true },
        distinct: ["membershipId"],
      });
      await awardBadges(
        tx,
        members.map((m) => m.membershipId),
        SHARE_RULES,
      );
      return awarded.length;
    },
    { maxWait: 15_000, timeout: 120_000 },
  );
}
