import { describeAuthenticity } from "@/lib/domains/sharing/authenticity";

const TONES = {
  copied: "bg-slate-400",
  light: "bg-amber-500",
  personal: "bg-emerald-500",
  own: "bg-emerald-600",
} as const;

/** Authenticity (0..1) as a small bar with its percentage and, in words, what that means. */
export function AuthenticityMeter({ score }: { score: number }) {
  const pct = Math.round(Math.min(1, Math.max(0, score)) * 100);
  const { level, label } = describeAuthenticity(score);
  return (
    <span className="inline-flex items-center gap-2" title={label}>
      <span
        aria-hidden="true"
        className="block h-1.5 w-16 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <span
          className={`block h-full rounded-full ${TONES[level]}`}
          style={{ width: `${pct}%` }}
        />
      </span>
      <span className="tabular-nums">{pct} %</span>
      <span className="sr-only">({label})</span>
    </span>
  );
}
