import type { ValueType } from "@/lib/generated/prisma/enums";
import type { ContentMix } from "@/lib/domains/content/content-mix";
import { valueTypeLabel } from "@/lib/domains/content/value-types";
import { joinWords } from "@/lib/domains/people/join-words";

/** "Most of what you share is …" */
const MOSTLY: Record<ValueType, string> = {
  INFORMATION: "information",
  EDUCATION: "educational",
  TOGETHERNESS: "about your team",
  MOTIVATION: "motivational",
  INSPIRATION: "inspirational",
  ENTERTAINMENT: "entertainment",
};

/** "… try …" */
const TRY: Record<ValueType, string> = {
  INFORMATION: "some news",
  EDUCATION: "something people can learn from",
  TOGETHERNESS: "a team moment",
  MOTIVATION: "something motivating",
  INSPIRATION: "something inspiring",
  ENTERTAINMENT: "something fun",
};

/**
 * computeContentMix's nudge, said to the person about their own shares. Same thresholds: a hint
 * only when the mix has one (a dominant type, or several types missing from a longer history).
 */
export function personalMixHint(mix: ContentMix): string | null {
  if (!mix.hint) return null;
  if (mix.dominant) {
    const dominant = mix.dominant;
    // Suggest the type they share least (missing ones first), in the catalogue's order on ties.
    const suggestion = mix.valueTypes
      .filter((v) => v.key !== dominant)
      .reduce((least, v) => (v.count < least.count ? v : least));
    return `Most of what you share is ${MOSTLY[dominant]} — try ${TRY[suggestion.key]} next.`;
  }
  const missing = mix.missing.map((v) => valueTypeLabel(v).toLowerCase());
  return `You haven't shared any ${joinWords(missing, "or")} posts yet — a varied mix reads as more genuine.`;
}
