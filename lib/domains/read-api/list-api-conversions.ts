import { db } from "@/lib/core/db/client";
import type { ApiOutcome } from "@/lib/domains/conversions/conversion-schema";
import {
  afterDateCursor,
  dateRange,
  decodeDateCursor,
  toPage,
  type Page,
  type PageQuery,
} from "@/lib/domains/read-api/page-query";
import type { ConversionListItem } from "@/lib/domains/read-api/read-schemas";

/** Conversions of the organisation by when they happened; `from`/`to` filter on `occurredAt`. */
export async function listApiConversions(
  orgId: string,
  query: PageQuery,
): Promise<Page<ConversionListItem>> {
  const cursor = decodeDateCursor(query.cursor);
  const rows = await db.conversion.findMany({
    where: { orgId, occurredAt: dateRange(query), ...afterDateCursor("occurredAt", cursor) },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    select: {
      id: true,
      outcome: true,
      clickId: true,
      value: true,
      currency: true,
      occurredAt: true,
      createdAt: true,
      share: { select: { code: true } },
    },
  });
  return toPage(
    rows,
    query.limit,
    (r) => [r.occurredAt.toISOString(), r.id],
    (r) => ({
      id: r.id,
      outcome: r.outcome.toLowerCase() as ApiOutcome,
      shareCode: r.share.code,
      clickId: r.clickId,
      value: r.value === null ? null : Number(r.value.toFixed(2)),
      currency: r.currency,
      occurredAt: r.occurredAt.toISOString(),
      attributed: true as const,
      createdAt: r.createdAt.toISOString(),
    }),
  );
}
