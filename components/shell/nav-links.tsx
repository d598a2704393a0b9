"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { activeHref } from "@/components/shell/nav-items";

export interface NavLinkGroup {
  label: string | null;
  items: { href: string; label: string }[];
}

/**
 * The main navigation as grouped lists (sidebar on large screens, the menu sheet on phones).
 * `onNavigate` lets the sheet close when a link is followed.
 */
export function NavLinks({
  groups,
  onNavigate,
}: {
  groups: NavLinkGroup[];
  onNavigate?: () => void;
}) {
  const pathname = usePathname();
  const current = activeHref(
    pathname,
    groups.flatMap((g) => g.items.map((i) => i.href)),
  );
  return (
    <nav aria-label="Main" className="space-y-6">
      {groups.map((group, index) => {
        const headingId = group.label ? `nav-group-${index}` : undefined;
        return (
          <div
            key={group.label ?? index}
            role={headingId ? "group" : undefined}
            aria-labelledby={headingId}
          >
            {group.label ? (
              <p
                id={headingId}
                className="mb-1.5 px-3 text-caption font-semibold uppercase tracking-wider text-slate-600 dark:text-slate-400"
              >
                {group.label}
              </p>
            ) : null}
            <ul className="space-y-0.5">
              {group.items.map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    onClick={onNavigate}
                    aria-current={current === item.href ? "page" : undefined}
                    className="flex items-center rounded-lg px-3 py-2 text-body font-medium text-slate-700 transition-colors hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-700 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white dark:aria-[current=page]:bg-brand-950 dark:aria-[current=page]:text-brand-100"
                  >
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}
