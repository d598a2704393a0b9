import { db } from "@/lib/core/db/client";
import { notFound } from "@/lib/core/errors/app-error";
import type { Access } from "@/lib/domains/access/resolve-access";

/** Turns push off on one of the member's own devices; anyone else's id answers 404. */
export async function deletePushSubscription(access: Access, id: string): Promise<void> {
  const { count } = await db.pushSubscription.deleteMany({
    where: { id, orgId: access.orgId, membershipId: access.membershipId },
  });
  if (count === 0) throw notFound("Push subscription");
}
