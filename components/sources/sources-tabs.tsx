import Link from "next/link";

const TABS = [
  { href: "/studio/sources", label: "Inbox" },
  { href: "/studio/sources/manage", label: "Sources" },
] as const;

/** "Inbox | Sources" above both source pages. */
export function SourcesTabs({ current, newCount }: { current: string; newCount?: number }) {
  return (
    <nav
      aria-label="Sources pages"
      className="mb-6 border-b border-slate-200 dark:border-slate-800"
    >
      <ul className="-mb-px flex flex-wrap gap-1">
        {TABS.map((t) => (
          <li key={t.href}>
            <Link
              href={t.href}
              aria-current={t.href === current ? "page" : undefined}
              className="inline-block border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 aria-[current=page]:border-brand-600 aria-[current=page]:text-brand-700 dark:text-slate-400 dark:hover:text-slate-100 dark:aria-[current=page]:border-brand-500 dark:aria-[current=page]:text-white"
            >
              {t.label}
              {t.href === "/studio/sources" && newCount !== undefined ? ` (${newCount} new)` : ""}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
