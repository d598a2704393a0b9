import { db } from "@/lib/core/db/client";

/**
 * The organisation's languages: the ones its active members read (their language setting) and
 * the ones its posts are written or translated in, sorted.
 */
export async function listOrgLanguages(orgId: string): Promise<string[]> {
  const [members, items, translations] = await Promise.all([
    db.user.findMany({
      where: { memberships: { some: { orgId, status: "ACTIVE" } } },
      distinct: ["locale"],
      select: { locale: true },
    }),
    db.contentItem.findMany({
      where: { orgId },
      distinct: ["language"],
      select: { language: true },
    }),
    db.contentTranslation.findMany({
      where: { orgId },
      distinct: ["language"],
      select: { language: true },
    }),
  ]);
  return [
    ...new Set([
      ...members.map((m) => m.locale),
      ...items.map((i) => i.language),
      ...translations.map((t) => t.language),
    ]),
  ].sort();
}
