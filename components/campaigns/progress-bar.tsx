import type { CampaignGoal } from "@/lib/generated/prisma/enums";
import { goalAmount } from "@/lib/domains/campaigns/campaign-goals";
import { progressPercent } from "@/lib/domains/campaigns/campaign-window";

/**
 * Progress towards a campaign's goal: a labelled progressbar (its value spoken as "12 of 50
 * shares, 24 %"), the figures also written out beside it, never colour alone.
 */
export function CampaignProgressBar({
  id,
  label,
  goal,
  total,
  target,
}: {
  /** Unique in the page: the bar is labelled by `${id}-label`. */
  id: string;
  label: string;
  goal: CampaignGoal;
  total: number;
  target: number;
}) {
  const percent = progressPercent(total, target);
  const text = `${total.toLocaleString("en")} of ${goalAmount(goal, target)}`;
  return (
    <div className="space-y-1.5">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 text-sm">
        <span id={`${id}-label`} className="font-medium">
          {label}
        </span>
        <span className="tabular-nums text-slate-700 dark:text-slate-300" aria-hidden="true">
          {text} · {percent} %
        </span>
      </div>
      <div
        role="progressbar"
        aria-labelledby={`${id}-label`}
        aria-valuemin={0}
        aria-valuemax={target}
        aria-valuenow={Math.min(total, target)}
        aria-valuetext={`${text}, ${percent} %`}
        data-testid={`${id}-bar`}
        className="h-3 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <div
          className={`h-full rounded-full ${percent >= 100 ? "bg-emerald-600" : "bg-brand-600"}`}
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
