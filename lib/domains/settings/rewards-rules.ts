/**
 * Rewards for sharing (e.g. a monthly prize draw) and the incentive disclosure they oblige: while
 * rewards are on, every share made through Chorus carries `incentiveDisclosure` (README "Rewards
 * and disclosure": FTC endorsement guides, UK ASA/CAP code). Pure: the settings form uses it too.
 */
export interface RewardsSettingsView {
  rewardsEnabled: boolean;
  /** What the reward is, shown to employees in the composer ("Why this line?"). */
  rewardsNote: string | null;
  incentiveDisclosure: string;
}

export const DEFAULT_INCENTIVE_DISCLOSURE = "I may be rewarded for sharing. #employee";
export const MAX_INCENTIVE_DISCLOSURE_CHARS = 200;
export const MAX_REWARDS_NOTE_CHARS = 300;

/** The schema's defaults, for organisations that have not saved settings yet. */
export const DEFAULT_REWARDS_SETTINGS: RewardsSettingsView = {
  rewardsEnabled: false,
  rewardsNote: null,
  incentiveDisclosure: DEFAULT_INCENTIVE_DISCLOSURE,
};

/** The text every share must carry now: the incentive disclosure while rewards are on, else null. */
export function requiredIncentiveDisclosure(
  settings: Pick<RewardsSettingsView, "rewardsEnabled" | "incentiveDisclosure">,
): string | null {
  const text = settings.incentiveDisclosure.trim();
  return settings.rewardsEnabled && text ? text : null;
}
