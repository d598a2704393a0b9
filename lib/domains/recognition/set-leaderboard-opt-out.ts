import { z } from "zod";
import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";

export const leaderboardOptOutSchema = z.strictObject({
  optOut: z.boolean({ error: "optOut must be true or false." }),
});

/** The person's own choice: appear on leaderboards or not (they still see their own points). */
export async function setLeaderboardOptOut(access: Access, optOut: boolean) {
  const m = await db.membership.update({
    where: { id: access.membershipId, orgId: access.orgId },
    data: { leaderboardOptOut: optOut },
    select: { leaderboardOptOut: true },
  });
  return { optOut: m.leaderboardOptOut };
}

export async function getLeaderboardOptOut(access: Access): Promise<boolean> {
  const m = await db.membership.findFirst({
    where: { id: access.membershipId, orgId: access.orgId },
    select: { leaderboardOptOut: true },
  });
  return m?.leaderboardOptOut ?? false;
}
