import { db } from "@/lib/core/db/client";
import { computeContentMix } from "@/lib/domains/content/content-mix";

/** How the published library of the last `days` days splits across value types and goals. */
export async function getLibraryMix(orgId: string, days = 30, now = new Date()) {
  const since = new Date(now.getTime() - days * 86_400_000);
  const items = await db.contentItem.findMany({
    where: { orgId, status: "PUBLISHED", publishedAt: { gte: since } },
    select: { valueType: true, goals: true },
  });
  return { days, ...computeContentMix(items) };
}
