import { joinWords } from "@/lib/domains/people/join-words";

/** The sections of a person's page they can show to or hide from colleagues. */
export type PageSection = "stories" | "shares" | "mix" | "reach";

export const PAGE_SECTIONS: readonly { id: PageSection; label: string; explanation: string }[] = [
  {
    id: "stories",
    label: "Stories I started",
    explanation: "Posts that began as a story you suggested.",
  },
  {
    id: "shares",
    label: "What I shared",
    explanation: "Your recent shares: which posts, when, and the words you added.",
  },
  {
    id: "mix",
    label: "My mix",
    explanation: "How your shares split across value types, such as education or inspiration.",
  },
  {
    id: "reach",
    label: "Reach",
    explanation:
      "How many times you shared, your weekly streak, your network size, and the visits, reach and outcomes your shares brought.",
  },
];

export type SectionVisibility = Record<PageSection, boolean>;

/** The section names colleagues see and those only the person sees, in page order. */
export function splitVisibility(visibility: SectionVisibility): {
  shown: string[];
  hidden: string[];
} {
  return {
    shown: PAGE_SECTIONS.filter((s) => visibility[s.id]).map((s) => s.label),
    hidden: PAGE_SECTIONS.filter((s) => !visibility[s.id]).map((s) => s.label),
  };
}

/** "Stories I started, What I shared and Reach" (an empty list reads "none of the sections"). */
export function sectionList(labels: string[]): string {
  if (!labels.length) return "none of the sections";
  return joinWords(labels.map((l) => `“${l}”`));
}
