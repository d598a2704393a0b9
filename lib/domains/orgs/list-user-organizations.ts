import { db } from "@/lib/core/db/client";

/** The organisations a user can switch to (active memberships only). */
export async function listUserOrganizations(userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId, status: "ACTIVE" },
    orderBy: { createdAt: "asc" },
    select: { role: true, org: { select: { id: true, name: true, slug: true, logoUrl: true } } },
  });
  return memberships.map((m) => ({ ...m.org, role: m.role }));
}
