import type { BusinessGoal, ValueType } from "@/lib/generated/prisma/enums";
import type { MixShare } from "@/lib/domains/content/content-mix";
import { goalLabel, valueTypeLabel, VALUE_TYPES } from "@/lib/domains/content/value-types";
import { GOAL_BAR, VALUE_TYPE_TONES } from "@/components/content/value-type-style";
import { Card } from "@/components/ui/card";
import { MixBars } from "@/components/charts/mix-bars";

/** How the published library of the last days splits across value types and goals. */
export function ContentMixPanel({
  mix,
}: {
  mix: {
    days: number;
    total: number;
    valueTypes: MixShare<ValueType>[];
    goals: MixShare<BusinessGoal>[];
    hint: string | null;
  };
}) {
  const explanation = (key: ValueType) => VALUE_TYPES.find((v) => v.id === key)?.explanation ?? "";
  return (
    <Card className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">Content mix</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {mix.total} post{mix.total === 1 ? "" : "s"} published in the last {mix.days} days
        </p>
      </div>
      {mix.total === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Nothing published in the last {mix.days} days. Once posts go live, this shows how they
          split across value types and goals.
        </p>
      ) : (
        <>
          {mix.hint ? (
            <p className="flex gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-900">
              <span aria-hidden="true">💡</span>
              <span>
                <span className="sr-only">Tip: </span>
                {mix.hint}
              </span>
            </p>
          ) : null}
          <div className="grid gap-6 md:grid-cols-[3fr_2fr]">
            <MixBars
              unit="Posts"
              caption="By value type"
              rows={mix.valueTypes}
              label={valueTypeLabel}
              barClass={(k) => VALUE_TYPE_TONES[k].bar}
              explain={explanation}
            />
            <div>
              <MixBars
                unit="Posts"
                caption="By business goal"
                rows={mix.goals}
                label={goalLabel}
                barClass={(k) => GOAL_BAR[k]}
              />
              <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
                A post can serve several goals, so these can add up to more than 100 %.
              </p>
            </div>
          </div>
        </>
      )}
    </Card>
  );
}
