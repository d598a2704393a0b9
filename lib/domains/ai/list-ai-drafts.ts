import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";

/** How long an AI draft counts against a share of the same post. */
const DRAFT_WINDOW_DAYS = 30;

/**
 * The texts an AI drafted for this person about this post ("in my words") in the last 30 days.
 * Read from our own record of the calls, never from the browser: a share cannot hide that its
 * words came from the AI.
 */
export async function listAiDrafts(
  access: Access,
  itemId: string,
  now = new Date(),
): Promise<string[]> {
  const calls = await db.aiCall.findMany({
    where: {
      orgId: access.orgId,
      membershipId: access.membershipId,
      itemId,
      output: { not: null },
      createdAt: { gte: new Date(now.getTime() - DRAFT_WINDOW_DAYS * 86_400_000) },
    },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { output: true },
  });
  return calls.map((c) => c.output!).filter(Boolean);
}
