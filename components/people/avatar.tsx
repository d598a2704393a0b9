import { initials } from "@/lib/domains/people/initials";

const SIZES = {
  sm: "h-8 w-8 text-xs",
  md: "h-10 w-10 text-sm",
  lg: "h-16 w-16 text-xl",
} as const;

/** Initials in a circle. Decorative: the person's name is always shown beside it. */
export function Avatar({ name, size = "md" }: { name: string; size?: keyof typeof SIZES }) {
  return (
    <span
      aria-hidden="true"
      className={`inline-flex shrink-0 select-none items-center justify-center rounded-full bg-brand-100 font-semibold text-brand-700 dark:bg-slate-700 dark:text-slate-100 ${SIZES[size]}`}
    >
      {initials(name)}
    </span>
  );
}
