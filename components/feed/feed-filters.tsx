import Link from "next/link";
import type { BusinessGoal, ValueType } from "@/lib/generated/prisma/enums";
import { GOALS, VALUE_TYPES } from "@/lib/domains/content/value-types";
import { VALUE_TYPE_TONES } from "@/components/content/value-type-style";
import type { FeedOrder } from "@/lib/domains/sharing/list-for-you-feed";

export interface FeedFilterState {
  valueType?: ValueType;
  goal?: BusinessGoal;
  order: FeedOrder;
}

/** The feed's URL for a filter state (defaults left out, so "/feed" is the plain feed). */
export function feedHref({ valueType, goal, order }: FeedFilterState): string {
  const params = new URLSearchParams();
  if (valueType) params.set("valueType", valueType);
  if (goal) params.set("goal", goal);
  if (order === "newest") params.set("order", "newest");
  const query = params.toString();
  return query ? `/feed?${query}` : "/feed";
}

const chip =
  "inline-flex items-center gap-1.5 rounded-full px-3 py-1.5 pointer-coarse:min-h-11 pointer-coarse:min-w-11 justify-center text-body font-medium ring-1 ring-inset ring-slate-300 bg-white text-slate-700 transition-colors hover:bg-slate-100 aria-[current=true]:bg-brand-600 aria-[current=true]:text-white aria-[current=true]:ring-brand-600 dark:bg-slate-900 dark:text-slate-200 dark:ring-slate-600 dark:hover:bg-slate-800 dark:aria-[current=true]:bg-brand-600 dark:aria-[current=true]:text-white dark:aria-[current=true]:ring-brand-600";

function ChipGroup({
  label,
  chips,
}: {
  label: string;
  chips: { key: string; label: string; href: string; current: boolean; dot?: string }[];
}) {
  const id = `feed-filter-${label.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-labelledby={id}>
      <span
        id={id}
        className="w-full text-caption font-semibold text-slate-600 sm:w-24 dark:text-slate-400"
      >
        {label}
      </span>
      <ul className="flex flex-wrap gap-2">
        {chips.map((c) => (
          <li key={c.key}>
            <Link href={c.href} aria-current={c.current ? "true" : undefined} className={chip}>
              {c.dot ? (
                <span aria-hidden="true" className={`h-2 w-2 rounded-full ${c.dot}`} />
              ) : null}
              {c.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The feed's filters as chips: one tap (or Enter) applies a filter; the chip of the filter in
 * force is marked (aria-current) and taps back to "All". Plain links, so they work without
 * JavaScript and can be bookmarked.
 */
export function FeedFilters({ state }: { state: FeedFilterState }) {
  return (
    <nav aria-label="Filter the feed" className="space-y-2">
      <ChipGroup
        label="Value type"
        chips={[
          {
            key: "all",
            label: "All",
            href: feedHref({ ...state, valueType: undefined }),
            current: !state.valueType,
          },
          ...VALUE_TYPES.map((v) => ({
            key: v.id,
            label: v.label,
            href: feedHref({ ...state, valueType: state.valueType === v.id ? undefined : v.id }),
            current: state.valueType === v.id,
            dot: VALUE_TYPE_TONES[v.id].bar,
          })),
        ]}
      />
      <ChipGroup
        label="Goal"
        chips={[
          {
            key: "all",
            label: "All",
            href: feedHref({ ...state, goal: undefined }),
            current: !state.goal,
          },
          ...GOALS.map((g) => ({
            key: g.id,
            label: g.label,
            href: feedHref({ ...state, goal: state.goal === g.id ? undefined : g.id }),
            current: state.goal === g.id,
          })),
        ]}
      />
      <ChipGroup
        label="Order"
        chips={[
          {
            key: "for-you",
            label: "For you",
            href: feedHref({ ...state, order: "for-you" }),
            current: state.order === "for-you",
          },
          {
            key: "newest",
            label: "Newest first",
            href: feedHref({ ...state, order: "newest" }),
            current: state.order === "newest",
          },
        ]}
      />
    </nav>
  );
}
