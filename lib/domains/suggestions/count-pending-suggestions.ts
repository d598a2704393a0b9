import { db } from "@/lib/core/db/client";

/** How many suggestions wait in the moderation queue (the studio links to it with this count). */
export async function countPendingSuggestions(orgId: string): Promise<number> {
  return db.suggestion.count({ where: { orgId, status: "PENDING" } });
}
