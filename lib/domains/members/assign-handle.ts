import type { Tx } from "@/lib/core/db/client";
import { randomString } from "@/lib/core/db/create-id";
import { slugify } from "@/lib/core/ids/slugify";

/** A readable handle for /people/<handle>, unique in the organisation ("sofia-lindqvist"). */
export async function uniqueHandle(tx: Tx, orgId: string, name: string): Promise<string> {
  const base = slugify(name).slice(0, 40) || "member";
  const taken = await tx.membership.findFirst({
    where: { orgId, handle: base },
    select: { id: true },
  });
  return taken ? `${base}-${randomString(4).toLowerCase()}` : base;
}
