import type { Tx } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";

/**
 * Location names as written in an import → ids (keyed by lower-cased name). Names match the
 * organisation's locations without regard to case; a new name creates the location (spelt as its
 * first row writes it), recorded in the audit log like one created on the locations page.
 */
export async function resolveLocations(
  tx: Tx,
  access: Access,
  rows: readonly { location: string | null }[],
): Promise<Map<string, string>> {
  const wanted = new Map<string, string>();
  for (const { location } of rows) {
    if (location && !wanted.has(location.toLowerCase()))
      wanted.set(location.toLowerCase(), location);
  }
  const ids = new Map<string, string>();
  if (wanted.size === 0) return ids;
  const existing = await tx.location.findMany({
    where: { orgId: access.orgId },
    select: { id: true, name: true },
  });
  for (const l of existing) ids.set(l.name.toLowerCase(), l.id);
  const created = [...wanted]
    .filter(([key]) => !ids.has(key))
    .map(([key, name]) => ({ key, id: createId("loc"), name }));
  if (created.length === 0) return ids;
  // skipDuplicates: a location of that exact name created meanwhile (the admin page) is kept.
  await tx.location.createMany({
    data: created.map(({ id, name }) => ({ id, orgId: access.orgId, name })),
    skipDuplicates: true,
  });
  const after = await tx.location.findMany({
    where: { orgId: access.orgId, name: { in: created.map((c) => c.name) } },
    select: { id: true, name: true },
  });
  const byName = new Map(after.map((l) => [l.name, l.id]));
  for (const c of created) {
    const id = byName.get(c.name)!;
    ids.set(c.key, id);
    if (id !== c.id) continue;
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "location.create",
      targetType: "location",
      targetId: id,
      metadata: { name: c.name, via: "invitation.import" },
    });
  }
  return ids;
}
