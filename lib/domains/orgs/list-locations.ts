import { db } from "@/lib/core/db/client";

export async function listLocations(orgId: string) {
  return db.location.findMany({
    where: { orgId },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
