import type { Tx } from "@/lib/core/db/client";
import { badRequest } from "@/lib/core/errors/app-error";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { hasDisclosure, incentiveDisclosureMessage } from "@/lib/domains/content/guardrails";
import { getRewardsSettings } from "@/lib/domains/settings/get-rewards-settings";
import { requiredIncentiveDisclosure } from "@/lib/domains/settings/rewards-rules";

/** The refusal of a text without the incentive disclosure, keyed to the text field. */
export function missingIncentiveDisclosure(disclosure: string) {
  const message = incentiveDisclosureMessage(disclosure);
  return badRequest(message, { text: message });
}

/**
 * Inside the share's transaction: the incentive disclosure the text must carry, read with a share
 * lock on the organisation's settings, so an admin turning rewards on waits for this share, and
 * this share is checked against what was saved before it (never a share without the disclosure
 * committed after rewards were on). Throws a 400 naming the text when it is missing.
 */
export async function assertIncentiveDisclosure(
  tx: Tx,
  orgId: string,
  text: string,
): Promise<string | null> {
  const rows = await tx.$queryRaw<{ rewardsEnabled: boolean; incentiveDisclosure: string }[]>`
    SELECT "rewardsEnabled", "incentiveDisclosure" FROM "OrgSettings"
    WHERE "orgId" = ${orgId} FOR SHARE`;
  const disclosure = rows[0] ? requiredIncentiveDisclosure(rows[0]) : null;
  if (disclosure && !hasDisclosure(text, disclosure)) throw missingIncentiveDisclosure(disclosure);
  return disclosure;
}

/**
 * The audit entry that lets an admin show a regulator that a share carried the disclosure:
 * written in the share's transaction, pointing at the post, with the share and the exact text.
 */
export async function recordDisclosedShare(
  tx: Tx,
  share: {
    orgId: string;
    userId: string;
    shareId: string;
    itemId: string;
    channel: string;
    disclosure: string;
  },
): Promise<void> {
  await recordAudit(tx, {
    orgId: share.orgId,
    actorId: share.userId,
    action: "share.disclosed",
    targetType: "content",
    targetId: share.itemId,
    metadata: { shareId: share.shareId, channel: share.channel, disclosure: share.disclosure },
  });
}

/**
 * A post through the LinkedIn API goes out later than it was made (scheduled, retried): if rewards
 * were turned on meanwhile, it must carry the disclosure by then too. The text cannot change once
 * shared, so a text without it is not posted (the person shares again with it).
 */
export async function incentiveDisclosureAtPublish(
  tx: Tx,
  orgId: string,
  text: string,
): Promise<{ ok: true; disclosure: string | null } | { ok: false; error: string }> {
  const disclosure = requiredIncentiveDisclosure(await getRewardsSettings(orgId, tx));
  if (disclosure && !hasDisclosure(text, disclosure)) {
    return {
      ok: false,
      error: `Not posted: your organisation now rewards sharing, and every post must carry "${disclosure}". Share the post again from the feed with that line.`,
    };
  }
  return { ok: true, disclosure };
}
