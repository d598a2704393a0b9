import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** Previous / next links for a query-string driven list. `href(page)` builds each page's URL. */
export function Pagination({
  page,
  pages,
  href,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  if (pages <= 1 && page <= 1) return null;
  const prev = page > 1 ? href(Math.min(page - 1, pages)) : null;
  const next = page < pages ? href(page + 1) : null;
  const disabled = `${buttonClass("secondary")} pointer-events-none opacity-50`;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-3">
      {prev ? (
        <Link href={prev} className={buttonClass("secondary")} rel="prev">
          <span aria-hidden="true">←</span> Previous
        </Link>
      ) : (
        <span aria-disabled="true" className={disabled}>
          <span aria-hidden="true">←</span> Previous
        </span>
      )}
      <span className="text-sm text-slate-600 dark:text-slate-400">
        Page {page} of {pages}
      </span>
      {next ? (
        <Link href={next} className={buttonClass("secondary")} rel="next">
          Next <span aria-hidden="true">→</span>
        </Link>
      ) : (
        <span aria-disabled="true" className={disabled}>
          Next <span aria-hidden="true">→</span>
        </span>
      )}
    </nav>
  );
}
