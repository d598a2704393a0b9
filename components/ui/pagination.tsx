import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/**
 * The page numbers to offer around `page`: the first, the last and two either side, with null
 * where numbers are left out ("…"). 1 … 48 49 [50] 51 52 … 2000.
 */
export function pageWindow(page: number, pages: number, around = 2): (number | null)[] {
  const shown = new Set([1, pages]);
  for (let p = page - around; p <= page + around; p++) if (p >= 1 && p <= pages) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (typeof last === "number" && p - last > 1) out.push(null);
    out.push(p);
  }
  return out;
}

const numberClass =
  "inline-flex min-w-9 items-center justify-center rounded-lg px-2 py-1.5 text-sm font-medium pointer-coarse:min-h-11 pointer-coarse:min-w-11";

/**
 * Page links for a query-string driven list, `href(page)` building each page's URL (so a page can
 * be linked): Previous and Next always (44 px targets on touch screens), the page numbers around
 * the current one from the `sm` width up (at 360 px there is room for "Page 3 of 120" only), the
 * current page marked aria-current. Plain links: keyboard and back button work as anywhere.
 */
export function Pagination({
  page,
  pages,
  href,
  label = "Pagination",
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  label?: string;
}) {
  if (pages <= 1 && page <= 1) return null;
  const prev = page > 1 ? href(Math.min(page - 1, pages)) : null;
  const next = page < pages ? href(page + 1) : null;
  const disabled = `${buttonClass("secondary")} pointer-events-none opacity-50`;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-2">
      {prev ? (
        <Link href={prev} className={buttonClass("secondary")} rel="prev">
          <span aria-hidden="true">←</span> Previous
        </Link>
      ) : (
        <span aria-disabled="true" className={disabled}>
          <span aria-hidden="true">←</span> Previous
        </span>
      )}
      <span className="text-sm text-slate-600 sm:hidden dark:text-slate-400">
        Page {page} of {pages}
      </span>
      <ol className="hidden flex-wrap items-center gap-1 sm:flex">
        {pageWindow(Math.min(page, pages), pages).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-slate-500">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span aria-current="page" className={`${numberClass} bg-brand-600 text-white`}>
                  <span className="sr-only">Page </span>
                  {p}
                  <span className="sr-only"> of {pages}</span>
                </span>
              ) : (
                <Link
                  href={href(p)}
                  className={`${numberClass} text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 dark:text-slate-200 dark:ring-slate-600 dark:hover:bg-slate-800`}
                >
                  <span className="sr-only">Page </span>
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
      </ol>
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
