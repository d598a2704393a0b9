import type { Tx } from "@/lib/core/db/client";
import { createId, randomString } from "@/lib/core/db/create-id";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { uniqueHandle } from "@/lib/domains/members/assign-handle";
import { slugify } from "@/lib/core/ids/slugify";

/** A new organisation with its first admin; the admin's active organisation becomes this one. */
export async function createOrganizationInTx(
  tx: Tx,
  { name, adminUserId, timeZone = "UTC" }: { name: string; adminUserId: string; timeZone?: string },
): Promise<string> {
  const orgId = createId("org");
  let slug = slugify(name);
  if (await tx.organization.findUnique({ where: { slug }, select: { id: true } })) {
    slug = `${slug}-${randomString(5).toLowerCase()}`;
  }
  await tx.organization.create({ data: { id: orgId, name, slug, timeZone } });
  const admin = await tx.user.findUniqueOrThrow({
    where: { id: adminUserId },
    select: { name: true },
  });
  await tx.membership.create({
    data: {
      id: createId("mem"),
      orgId,
      userId: adminUserId,
      role: "ADMIN",
      handle: await uniqueHandle(tx, orgId, admin.name),
    },
  });
  await tx.user.update({ where: { id: adminUserId }, data: { lastActiveOrgId: orgId } });
  await recordAudit(tx, {
    orgId,
    actorId: adminUserId,
    action: "organization.create",
    targetType: "organization",
    targetId: orgId,
  });
  return orgId;
}
