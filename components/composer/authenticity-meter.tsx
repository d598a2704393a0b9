import { describeAuthenticity } from "@/lib/domains/sharing/authenticity";

const BAR = {
  copied: "bg-amber-500",
  light: "bg-amber-400",
  personal: "bg-emerald-500",
  own: "bg-emerald-600",
} as const;

/** How much of the post is the person's own words, with a friendly nudge. */
export function AuthenticityMeter({ score, minimum }: { score: number; minimum: number | null }) {
  const percent = Math.round(score * 100);
  const { level, label, nudge } = describeAuthenticity(score);
  const belowMinimum = minimum !== null && percent < minimum;
  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span id="authenticity-label" className="font-medium">
          Your own words
        </span>
        <span className="tabular-nums" aria-hidden="true">
          {percent} % · {label}
        </span>
      </div>
      <div
        role="meter"
        aria-labelledby="authenticity-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent} % — ${label}`}
        className="relative h-2.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <div
          className={`h-full rounded-full transition-all ${BAR[level]}`}
          style={{ width: `${percent}%` }}
        />
        {minimum !== null ? (
          <div
            aria-hidden="true"
            className="absolute inset-y-0 w-0.5 bg-slate-900 dark:bg-white"
            style={{ left: `${minimum}%` }}
          />
        ) : null}
      </div>
      <p aria-live="polite" className="text-sm text-slate-700 dark:text-slate-300">
        {belowMinimum
          ? `Your organisation asks for at least ${minimum} % in your own words. ${nudge ?? "Add a sentence of your own."}`
          : nudge}
      </p>
    </div>
  );
}
