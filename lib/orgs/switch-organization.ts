import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

/** Makes another organisation the active one; only an active membership allows it (else 404). */
export async function switchOrganization(userId: string, orgId: string): Promise<void> {
  const membership = await db.membership.findFirst({
    where: { userId, orgId, status: "ACTIVE" },
    select: { id: true },
  });
  if (!membership) throw notFound("That organisation");
  await db.user.update({ where: { id: userId }, data: { lastActiveOrgId: orgId } });
}
