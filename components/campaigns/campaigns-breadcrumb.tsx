import Link from "next/link";

/** "Studio / Campaigns / …" above campaign pages. */
export function CampaignsBreadcrumb({ current }: { current: string }) {
  const link = "text-brand-700 underline hover:no-underline dark:text-brand-100";
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm">
      <Link href="/studio" className={link}>
        Studio
      </Link>
      <span aria-hidden="true" className="mx-1.5 text-slate-400">
        /
      </span>
      <Link href="/studio/campaigns" className={link}>
        Campaigns
      </Link>
      <span aria-hidden="true" className="mx-1.5 text-slate-400">
        /
      </span>
      <span aria-current="page">{current}</span>
    </nav>
  );
}
