import Link from "next/link";

/** "Studio / …" above studio pages. */
export function StudioBreadcrumb({ current }: { current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm">
      <Link
        href="/studio"
        className="text-brand-700 underline hover:no-underline dark:text-brand-100"
      >
        Studio
      </Link>
      <span aria-hidden="true" className="mx-1.5 text-slate-400">
        /
      </span>
      <span aria-current="page">{current}</span>
    </nav>
  );
}
