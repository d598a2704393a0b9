import type { ShareStatus } from "@/lib/generated/prisma/enums";
import { SHARE_STATUS_LABELS } from "@/lib/domains/sharing/share-labels";

const TONES: Record<ShareStatus, string> = {
  OPENED:
    "bg-slate-50 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600",
  SHARED:
    "bg-brand-50 text-brand-700 ring-brand-100 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600",
  SCHEDULED:
    "bg-amber-50 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-700",
  POSTED:
    "bg-emerald-50 text-emerald-800 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-700",
  FAILED: "bg-red-50 text-red-800 ring-red-300 dark:bg-red-950 dark:text-red-200 dark:ring-red-800",
};

/** The share's status in words (the colour only repeats it). */
export function ShareStatusBadge({ status }: { status: ShareStatus }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[status]}`}
    >
      {SHARE_STATUS_LABELS[status]}
    </span>
  );
}
