import type { ValueType } from "@/lib/generated/prisma/enums";

/**
 * Words that hint at each value type (lower case; a word matches at the start of a word, so
 * "learn" matches "learning"). Checked against an entry's title and summary.
 */
export const VALUE_TYPE_KEYWORDS: Record<ValueType, readonly string[]> = {
  INFORMATION: [
    "announce",
    "launch",
    "news",
    "release",
    "result",
    "report",
    "opens",
    "opening",
    "acquire",
    "partnership",
    "milestone",
    "quarter",
    "appoint",
    "press",
  ],
  EDUCATION: [
    "how to",
    "how we",
    "guide",
    "tips",
    "learn",
    "lesson",
    "tutorial",
    "explained",
    "insight",
    "webinar",
    "research",
    "study",
    "deep dive",
    "best practice",
  ],
  TOGETHERNESS: [
    "team",
    "culture",
    "colleague",
    "welcome",
    "celebrat",
    "offsite",
    "volunteer",
    "meet the",
    "behind the scenes",
    "anniversary",
    "family",
    "join us",
    "hiring",
    "career",
    "job",
  ],
  MOTIVATION: [
    "achiev",
    "record",
    "award",
    "won",
    "winning",
    "goal",
    "challenge",
    "success",
    "proud",
    "passed",
    "reached",
  ],
  INSPIRATION: [
    "vision",
    "future",
    "purpose",
    "story",
    "journey",
    "inspir",
    "why we",
    "leader",
    "innovation",
    "mission",
  ],
  ENTERTAINMENT: ["fun", "funny", "humou", "humor", "party", "quiz", "game", "surprise", "meme"],
};

const ORDER = Object.keys(VALUE_TYPE_KEYWORDS) as ValueType[];

/**
 * A value type suggested from the text: the type with the most keyword hits in the title (which
 * counts twice) and the summary; a tie goes to the type listed first above; no hit at all gives
 * INFORMATION, what a company feed mostly is. Only a suggestion: curators change it in the studio.
 */
export function suggestValueType(title: string, summary: string | null = null): ValueType {
  const titleText = ` ${normalise(title)} `;
  const summaryText = ` ${normalise(summary ?? "")} `;
  let best: ValueType = "INFORMATION";
  let bestScore = 0;
  for (const type of ORDER) {
    let score = 0;
    for (const keyword of VALUE_TYPE_KEYWORDS[type]) {
      score += 2 * hits(titleText, keyword) + hits(summaryText, keyword);
    }
    if (score > bestScore) {
      best = type;
      bestScore = score;
    }
  }
  return best;
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ");
}

function hits(text: string, keyword: string): number {
  let count = 0;
  for (let at = text.indexOf(` ${keyword}`); at !== -1; at = text.indexOf(` ${keyword}`, at + 1)) {
    count++;
  }
  return count;
}
