import { MixBars } from "@/components/charts/mix-bars";
import { VALUE_TYPE_TONES } from "@/components/content/value-type-style";
import type { MixShare } from "@/lib/domains/content/content-mix";
import { VALUE_TYPES, valueTypeLabel } from "@/lib/domains/content/value-types";
import type { ValueType } from "@/lib/generated/prisma/enums";

const explanation = (key: ValueType) => VALUE_TYPES.find((v) => v.id === key)?.explanation ?? "";

/** A person's shares by value type, as accessible bars, with a nudge when the mix is one-note. */
export function ValueTypeMix({
  valueTypes,
  hint,
  caption = "Shares by value type",
}: {
  valueTypes: MixShare<ValueType>[];
  hint?: string | null;
  caption?: string;
}) {
  return (
    <div className="space-y-3">
      {hint ? (
        <p className="flex gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-900">
          <span aria-hidden="true">💡</span>
          <span>
            <span className="sr-only">Tip: </span>
            {hint}
          </span>
        </p>
      ) : null}
      <MixBars
        caption={caption}
        rows={valueTypes}
        label={valueTypeLabel}
        barClass={(k) => VALUE_TYPE_TONES[k].bar}
        explain={explanation}
        unit="Shares"
        captionClassName="sr-only"
      />
    </div>
  );
}
