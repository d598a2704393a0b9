import { badRequest } from "@/lib/core/errors/app-error";
import { evaluateGuardrails } from "@/lib/domains/content/guardrails";
import { getOrgSettings, type OrgSettingsView } from "@/lib/domains/settings/get-org-settings";
import { getRewardsSettings } from "@/lib/domains/settings/get-rewards-settings";
import { requiredIncentiveDisclosure } from "@/lib/domains/settings/rewards-rules";
import { networkLengthProblem } from "@/lib/domains/sharing/social-networks";
import { SHARE_CODE_LENGTH } from "@/lib/domains/tracking/share-code";
import type { SocialNetwork } from "@/lib/generated/prisma/enums";

/** Length of a tracked link `<base>/<code>` (every code has the same length). */
export function trackedLinkLength(shortLinkBase: string): number {
  return shortLinkBase.length + 1 + SHARE_CODE_LENGTH;
}

/**
 * The organisation's guardrails for a post going to `network`: its own rules (disclosure,
 * blocked phrases, hashtags), the incentive disclosure while sharing is rewarded — on every
 * network alike — and the network's length. A 400 naming `text` with every problem at once.
 */
export async function checkShareText(
  orgId: string,
  text: string,
  network: SocialNetwork,
  shortLinkBase: string,
): Promise<{ settings: OrgSettingsView; incentive: string | null }> {
  const [settings, rewards] = await Promise.all([getOrgSettings(orgId), getRewardsSettings(orgId)]);
  const incentive = requiredIncentiveDisclosure(rewards);
  const problems = evaluateGuardrails(text, { ...settings, rewardDisclosure: incentive }).map(
    (v) => v.message,
  );
  const length = networkLengthProblem(network, text, trackedLinkLength(shortLinkBase));
  if (length) problems.push(length);
  if (problems.length) throw badRequest(problems.join(" "), { text: problems.join(" ") });
  return { settings, incentive };
}
