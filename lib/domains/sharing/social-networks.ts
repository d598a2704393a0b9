import { characterCount, LINKEDIN_MAX_CHARS } from "@/lib/domains/content/guardrails";
import type { SocialNetwork } from "@/lib/generated/prisma/enums";

/**
 * The networks a share can go to, and what each allows. Pure: the composer counts with the same
 * rules while people type, and create-share has the last word.
 *
 * - LinkedIn: the text alone (the link becomes the post's preview card), 3,000 characters.
 * - X: 280, and X counts every link as 23 characters (t.co), the tracked link included.
 * - Bluesky: 300, the tracked link included as written (its intent carries text only).
 * - The others are generous (Chorus' own 3,000-character ceiling applies).
 */
export const SOCIAL_NETWORKS = [
  "LINKEDIN",
  "X",
  "FACEBOOK",
  "XING",
  "BLUESKY",
  "WHATSAPP",
  "EMAIL",
  "OTHER",
] as const satisfies readonly SocialNetwork[];

/** Networks reached through their own share page (channel INTENT). */
export const INTENT_NETWORKS = [
  "X",
  "FACEBOOK",
  "XING",
  "BLUESKY",
  "WHATSAPP",
  "EMAIL",
] as const satisfies readonly SocialNetwork[];
export type IntentNetwork = (typeof INTENT_NETWORKS)[number];

interface NetworkRules {
  label: string;
  /** utm_source of the share's tracked link (LinkedIn: the organisation's setting). */
  utmSource: string;
  maxChars: number;
  /** How a link counts: a fixed weight (X's t.co), or null = as written. */
  linkWeight: number | null;
  /** Whether the tracked link is counted as part of the text (X, Bluesky: the post carries it). */
  countsLink: boolean;
}

export const NETWORK_RULES: Record<SocialNetwork, NetworkRules> = {
  LINKEDIN: {
    label: "LinkedIn",
    utmSource: "linkedin",
    maxChars: LINKEDIN_MAX_CHARS,
    linkWeight: null,
    countsLink: false,
  },
  X: { label: "X", utmSource: "x", maxChars: 280, linkWeight: 23, countsLink: true },
  FACEBOOK: {
    label: "Facebook",
    utmSource: "facebook",
    maxChars: LINKEDIN_MAX_CHARS,
    linkWeight: null,
    countsLink: false,
  },
  XING: {
    label: "Xing",
    utmSource: "xing",
    maxChars: LINKEDIN_MAX_CHARS,
    linkWeight: null,
    countsLink: false,
  },
  BLUESKY: {
    label: "Bluesky",
    utmSource: "bluesky",
    maxChars: 300,
    linkWeight: null,
    countsLink: true,
  },
  WHATSAPP: {
    label: "WhatsApp",
    utmSource: "whatsapp",
    maxChars: LINKEDIN_MAX_CHARS,
    linkWeight: null,
    countsLink: false,
  },
  EMAIL: {
    label: "Email",
    utmSource: "email",
    maxChars: LINKEDIN_MAX_CHARS,
    linkWeight: null,
    countsLink: false,
  },
  OTHER: {
    label: "Other apps",
    utmSource: "other",
    maxChars: LINKEDIN_MAX_CHARS,
    linkWeight: null,
    countsLink: false,
  },
};

export function networkLabel(network: SocialNetwork): string {
  return NETWORK_RULES[network].label;
}

const URL_PATTERN = /https?:\/\/\S+/giu;

/**
 * Characters the post uses on `network`: the text (links in it weighted as the network counts
 * them) plus, where the post carries it, a separator and the tracked link of `linkLength`.
 */
export function networkCharacterCount(
  network: SocialNetwork,
  text: string,
  linkLength: number,
): number {
  const rules = NETWORK_RULES[network];
  let count = characterCount(text);
  if (rules.linkWeight !== null) {
    for (const match of text.matchAll(URL_PATTERN)) {
      count += rules.linkWeight - characterCount(match[0]);
    }
  }
  if (rules.countsLink) count += 1 + (rules.linkWeight ?? linkLength);
  return count;
}

/** The message when the text is too long for `network`, else null. */
export function networkLengthProblem(
  network: SocialNetwork,
  text: string,
  linkLength: number,
): string | null {
  const rules = NETWORK_RULES[network];
  const count = networkCharacterCount(network, text, linkLength);
  if (count <= rules.maxChars) return null;
  const link = rules.countsLink
    ? rules.linkWeight !== null
      ? ` (your link counts as ${rules.linkWeight})`
      : " (your link included)"
    : "";
  return `Too long for ${rules.label}: ${count.toLocaleString("en")} characters${link}; ${rules.label} allows ${rules.maxChars.toLocaleString("en")}. Remove ${(count - rules.maxChars).toLocaleString("en")}.`;
}

/**
 * The URL that opens `network`'s own share page with the post (X, Bluesky, WhatsApp and email
 * carry the text; Facebook and Xing take only the link, the text goes on the clipboard).
 */
export function intentUrl(
  network: IntentNetwork,
  { text, trackedUrl, subject }: { text: string; trackedUrl: string; subject: string },
): string {
  const e = encodeURIComponent;
  const withLink = `${text}\n${trackedUrl}`;
  switch (network) {
    case "X":
      return `https://x.com/intent/post?text=${e(text)}&url=${e(trackedUrl)}`;
    case "FACEBOOK":
      return `https://www.facebook.com/sharer/sharer.php?u=${e(trackedUrl)}`;
    case "XING":
      return `https://www.xing.com/spi/shares/new?url=${e(trackedUrl)}`;
    case "BLUESKY":
      return `https://bsky.app/intent/compose?text=${e(withLink)}`;
    case "WHATSAPP":
      return `https://wa.me/?text=${e(withLink)}`;
    case "EMAIL":
      return `mailto:?subject=${e(subject)}&body=${e(`${text}\n\n${trackedUrl}`)}`;
  }
}

/** Whether the network's share page takes the text (else it goes on the clipboard to paste). */
export function intentCarriesText(network: IntentNetwork): boolean {
  return network !== "FACEBOOK" && network !== "XING";
}

export function isIntentNetwork(network: SocialNetwork): network is IntentNetwork {
  return (INTENT_NETWORKS as readonly string[]).includes(network);
}
