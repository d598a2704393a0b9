import type { BusinessGoal, ValueType } from "@/lib/generated/prisma/enums";
import { GOAL_IDS, VALUE_TYPE_IDS, valueTypeLabel } from "@/lib/domains/content/value-types";

export interface MixInput {
  valueType: ValueType;
  goals: BusinessGoal[];
}

export interface MixShare<K extends string> {
  key: K;
  count: number;
  /** 0..1 of all items (goals: of all items, so shares can sum above 1). */
  share: number;
}

export interface ContentMix {
  total: number;
  valueTypes: MixShare<ValueType>[];
  goals: MixShare<BusinessGoal>[];
  /** A nudge when one value type dominates or several are missing; null when the mix is healthy. */
  hint: string | null;
  /** The value type that dominates (over `dominanceThreshold` of items), if any. */
  dominant: ValueType | null;
  missing: ValueType[];
}

/** How items split across value types and goals, with a hint when one type dominates. */
export function computeContentMix(
  items: MixInput[],
  { dominanceThreshold = 0.5 }: { dominanceThreshold?: number } = {},
): ContentMix {
  const total = items.length;
  const share = (count: number) => (total ? count / total : 0);
  const valueTypes = VALUE_TYPE_IDS.map((key) => {
    const count = items.filter((i) => i.valueType === key).length;
    return { key, count, share: share(count) };
  });
  const goals = GOAL_IDS.map((key) => {
    const count = items.filter((i) => i.goals.includes(key)).length;
    return { key, count, share: share(count) };
  });
  const top = [...valueTypes].sort((a, b) => b.count - a.count)[0]!;
  const dominant = total >= 4 && top.share > dominanceThreshold ? top.key : null;
  const missing = total ? valueTypes.filter((v) => v.count === 0).map((v) => v.key) : [];
  let hint: string | null = null;
  if (dominant) {
    hint = `${valueTypeLabel(dominant)} makes up ${Math.round(top.share * 100)} % of this period's content. Audiences tune out one-note feeds: balance it with ${missing.length ? missing.slice(0, 2).map(valueTypeLabel).join(" or ").toLowerCase() : "other value types"}.`;
  } else if (total >= 6 && missing.length >= 3) {
    hint = `No ${missing.map(valueTypeLabel).join(", ").toLowerCase()} content in this period. A varied mix reads as more genuine.`;
  }
  return { total, valueTypes, goals, hint, dominant, missing };
}
