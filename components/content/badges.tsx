import type { BusinessGoal, ValueType } from "@/lib/generated/prisma/enums";
import { DISPLAY_STATUS_LABELS, type DisplayStatus } from "@/lib/domains/content/display-status";
import { GOALS, VALUE_TYPES } from "@/lib/domains/content/value-types";
import { STATUS_TONES, VALUE_TYPE_TONES } from "@/components/content/value-type-style";

const chip =
  "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";

/** An item's status as contentDisplayStatus gives it (a stored status is one too). */
export function StatusBadge({ status }: { status: DisplayStatus }) {
  return (
    <span className={`${chip} ${STATUS_TONES[status].badge}`}>
      <span aria-hidden="true" className={`h-1.5 w-1.5 rounded-full ${STATUS_TONES[status].dot}`} />
      {DISPLAY_STATUS_LABELS[status]}
    </span>
  );
}

/** The value type's name; its explanation as a tooltip (and for screen readers, on request). */
export function ValueTypeChip({ valueType }: { valueType: ValueType }) {
  const type = VALUE_TYPES.find((v) => v.id === valueType)!;
  return (
    <span className={`${chip} ${VALUE_TYPE_TONES[valueType].chip}`} title={type.explanation}>
      {type.label}
    </span>
  );
}

export function GoalChips({ goals }: { goals: BusinessGoal[] }) {
  if (!goals.length) return null;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Business goals">
      {goals.map((g) => {
        const goal = GOALS.find((x) => x.id === g)!;
        return (
          <li
            key={g}
            title={goal.explanation}
            className={`${chip} bg-white text-slate-700 ring-slate-300 dark:bg-slate-900 dark:text-slate-300 dark:ring-slate-600`}
          >
            {goal.label}
          </li>
        );
      })}
    </ul>
  );
}
