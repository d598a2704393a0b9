import { db } from "@/lib/core/db/client";
import { forbidden, notFound } from "@/lib/core/errors/app-error";

/**
 * Makes another organisation the active one; only an active membership allows it. No membership
 * answers 404 (another organisation's id says nothing); a deactivated one 403 with the reason.
 */
export async function switchOrganization(userId: string, orgId: string): Promise<void> {
  const membership = await db.membership.findFirst({
    where: { userId, orgId },
    select: { status: true, org: { select: { name: true } } },
  });
  if (!membership) throw notFound("That organisation");
  if (membership.status !== "ACTIVE") {
    throw forbidden(`Your access to ${membership.org.name} has been deactivated. Ask an admin.`);
  }
  await db.user.update({ where: { id: userId }, data: { lastActiveOrgId: orgId } });
}
