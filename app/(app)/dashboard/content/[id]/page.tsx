import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ContentPerformanceView } from "@/components/analytics/content-performance-view";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import { AppError } from "@/lib/core/errors/app-error";
import type { SearchParams } from "@/lib/domains/analytics/analytics-params";
import { loadContentPerformance } from "@/lib/domains/analytics/load-content-performance";
import { requestDateFormat } from "@/lib/core/http/request-date-format";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

/**
 * One look-up per request, shared by the metadata and the page (the query string as text, so both
 * calls hit the same cache entry); another organisation's post or an unknown id → 404.
 */
const load = cache(async (itemId: string, query: string) => {
  const access = await requirePageAccess("dashboard:read");
  try {
    return await loadContentPerformance(access, itemId, JSON.parse(query) as SearchParams);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const data = await load((await params).id, JSON.stringify(await searchParams));
  return { title: `${data.performance.item.title} · Dashboard` };
}

export default async function ContentPerformancePage({ params, searchParams }: Props) {
  const data = await load((await params).id, JSON.stringify(await searchParams));
  const { locale } = await requestDateFormat("UTC");
  return <ContentPerformanceView data={data} locale={locale} />;
}
