import { db, type Tx } from "@/lib/core/db/client";
import {
  DEFAULT_REWARDS_SETTINGS,
  type RewardsSettingsView,
} from "@/lib/domains/settings/rewards-rules";

export const REWARDS_SETTINGS_SELECT = {
  rewardsEnabled: true,
  rewardsNote: true,
  incentiveDisclosure: true,
} as const;

/** Whether sharing is rewarded, what the reward is and the disclosure it obliges. */
export async function getRewardsSettings(orgId: string, tx: Tx = db): Promise<RewardsSettingsView> {
  const row = await tx.orgSettings.findUnique({
    where: { orgId },
    select: REWARDS_SETTINGS_SELECT,
  });
  return row ?? DEFAULT_REWARDS_SETTINGS;
}
