import type { BusinessGoal, ValueType } from "@/lib/generated/prisma/enums";
import type { DisplayStatus } from "@/lib/domains/content/display-status";

/**
 * One colour per value type (the `vt-*` tokens of app/globals.css), shared by chips, bars and the
 * calendar, always with a text label. Class names are written out in full so Tailwind finds them.
 */
export const VALUE_TYPE_TONES: Record<ValueType, { chip: string; bar: string }> = {
  INFORMATION: {
    chip: "bg-vt-information-50 text-vt-information-800 ring-vt-information-200 dark:bg-vt-information-950 dark:text-vt-information-200 dark:ring-vt-information-800",
    bar: "bg-vt-information-500",
  },
  EDUCATION: {
    chip: "bg-vt-education-50 text-vt-education-800 ring-vt-education-200 dark:bg-vt-education-950 dark:text-vt-education-200 dark:ring-vt-education-800",
    bar: "bg-vt-education-500",
  },
  TOGETHERNESS: {
    chip: "bg-vt-togetherness-50 text-vt-togetherness-900 ring-vt-togetherness-200 dark:bg-vt-togetherness-950 dark:text-vt-togetherness-200 dark:ring-vt-togetherness-800",
    bar: "bg-vt-togetherness-500",
  },
  MOTIVATION: {
    chip: "bg-vt-motivation-50 text-vt-motivation-800 ring-vt-motivation-200 dark:bg-vt-motivation-950 dark:text-vt-motivation-200 dark:ring-vt-motivation-800",
    bar: "bg-vt-motivation-500",
  },
  INSPIRATION: {
    chip: "bg-vt-inspiration-50 text-vt-inspiration-800 ring-vt-inspiration-200 dark:bg-vt-inspiration-950 dark:text-vt-inspiration-200 dark:ring-vt-inspiration-800",
    bar: "bg-vt-inspiration-500",
  },
  ENTERTAINMENT: {
    chip: "bg-vt-entertainment-50 text-vt-entertainment-900 ring-vt-entertainment-200 dark:bg-vt-entertainment-950 dark:text-vt-entertainment-200 dark:ring-vt-entertainment-800",
    bar: "bg-vt-entertainment-500",
  },
};

export const GOAL_BAR: Record<BusinessGoal, string> = {
  MARKETING: "bg-brand-500",
  HR: "bg-teal-500",
  SALES: "bg-fuchsia-500",
};

/** Status colours; the status word is always shown too, so colour is never the only signal. */
export const STATUS_TONES: Record<DisplayStatus, { badge: string; dot: string; border: string }> = {
  DRAFT: {
    badge:
      "bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600",
    dot: "bg-slate-400",
    border: "border-l-slate-400",
  },
  IN_REVIEW: {
    badge:
      "bg-amber-50 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-700",
    dot: "bg-amber-500",
    border: "border-l-amber-500",
  },
  SCHEDULED: {
    badge:
      "bg-sky-50 text-sky-900 ring-sky-300 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-700",
    dot: "bg-sky-500",
    border: "border-l-sky-500",
  },
  PUBLISHED: {
    badge:
      "bg-emerald-50 text-emerald-800 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-700",
    dot: "bg-emerald-500",
    border: "border-l-emerald-500",
  },
  EXPIRED: {
    badge:
      "bg-orange-50 text-orange-900 ring-orange-300 dark:bg-orange-950 dark:text-orange-200 dark:ring-orange-700",
    dot: "bg-orange-500",
    border: "border-l-orange-500",
  },
  ARCHIVED: {
    badge:
      "bg-zinc-100 text-zinc-600 ring-zinc-300 dark:bg-zinc-900 dark:text-zinc-400 dark:ring-zinc-700",
    dot: "bg-zinc-400",
    border: "border-l-zinc-400",
  },
};
