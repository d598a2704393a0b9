import type { Change } from "@/components/analytics/format";

const ARROWS: Record<Change["direction"], string> = { up: "▲", down: "▼", flat: "■", none: "–" };
const TONES: Record<Change["direction"], string> = {
  up: "text-emerald-700 dark:text-emerald-400",
  down: "text-red-700 dark:text-red-400",
  flat: "text-slate-600 dark:text-slate-400",
  none: "text-slate-600 dark:text-slate-400",
};

/** The change against the previous period: an arrow and words, never colour alone. */
export function ChangeBadge({ change, period }: { change: Change; period: string }) {
  return (
    <span
      className={`inline-flex items-baseline gap-1 text-xs font-medium ${TONES[change.direction]}`}
    >
      <span aria-hidden="true">{ARROWS[change.direction]}</span>
      <span aria-hidden="true">{change.text}</span>
      <span className="sr-only">
        {change.description} in the {period}
      </span>
      <span aria-hidden="true" className="font-normal text-slate-600 dark:text-slate-400">
        vs {period}
      </span>
    </span>
  );
}
