import type { SocialNetwork } from "@/lib/generated/prisma/enums";
import { NETWORK_RULES } from "@/lib/domains/sharing/social-networks";

/**
 * Adds tracking parameters to a destination URL without clobbering what it already has: a key the
 * original URL sets (even empty, even repeated) keeps its value(s); the fragment stays last.
 */
export function mergeUtm(destination: string, params: Record<string, string>): string {
  const url = new URL(destination);
  for (const [key, value] of Object.entries(params)) {
    if (!value || url.searchParams.has(key)) continue;
    url.searchParams.append(key, value);
  }
  return url.toString();
}

export interface UtmSettings {
  utmSource: string;
  utmMedium: string;
}

export const DEFAULT_UTM: UtmSettings = { utmSource: "linkedin", utmMedium: "employee_advocacy" };

/**
 * The UTM parameters of one share: source = the network (LinkedIn: the organisation's setting,
 * "linkedin" by default; the others their own name, e.g. "x"), campaign = the item's slug,
 * content = the share's code.
 */
export function shareUtm(
  settings: UtmSettings,
  itemSlug: string,
  code: string,
  network: SocialNetwork = "LINKEDIN",
): Record<string, string> {
  return {
    utm_source: network === "LINKEDIN" ? settings.utmSource : NETWORK_RULES[network].utmSource,
    utm_medium: settings.utmMedium,
    utm_campaign: itemSlug,
    utm_content: code,
  };
}
