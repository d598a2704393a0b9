import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { hasCapability } from "@/lib/domains/access/permissions";

/**
 * The teams whose data a manager may read: the teams they manage. Admins (and analytics viewers,
 * a delegated capability) read every team.
 * Later dashboards scope their queries with these ids. Ids and names only: the dashboard's team
 * filter needs nothing more, and an organisation of 50,000 people has thousands of teams (their
 * members, loaded here once, made every dashboard view take seconds).
 */
export async function listManagedTeams(access: Access): Promise<{ id: string; name: string }[]> {
  return db.team.findMany({
    where:
      access.role === "ADMIN" || hasCapability(access, "analytics_viewer")
        ? { orgId: access.orgId }
        : { orgId: access.orgId, managers: { some: { membershipId: access.membershipId } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}
