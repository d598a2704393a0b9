import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { conflict, notFound } from "@/lib/core/errors/app-error";
import { isUniqueViolation } from "@/lib/core/db/is-unique-violation";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { postsOnlyAt } from "@/lib/domains/locations/location-audiences";
import type {
  CreateLocationInput,
  UpdateLocationInput,
} from "@/lib/domains/locations/location-schemas";

export async function createLocation(access: Access, input: CreateLocationInput) {
  return withNameCheck(input.name, () =>
    db.$transaction(async (tx) => {
      const id = createId("loc");
      await tx.location.create({ data: { id, orgId: access.orgId, name: input.name } });
      await recordAudit(tx, {
        orgId: access.orgId,
        actorId: access.userId,
        action: "location.create",
        targetType: "location",
        targetId: id,
        metadata: { name: input.name },
      });
      return { id, name: input.name };
    }),
  );
}

/** Renames a location; members, invitations and audiences follow it (they point at its id). */
export async function renameLocation(
  access: Access,
  locationId: string,
  input: UpdateLocationInput,
) {
  return withNameCheck(input.name, () =>
    db.$transaction(async (tx) => {
      const location = await tx.location.findFirst({
        where: { id: locationId, orgId: access.orgId },
        select: { name: true },
      });
      if (!location) throw notFound("Location");
      await tx.location.update({ where: { id: locationId }, data: { name: input.name } });
      await recordAudit(tx, {
        orgId: access.orgId,
        actorId: access.userId,
        action: "location.rename",
        targetType: "location",
        targetId: locationId,
        metadata: { before: location.name, name: input.name },
      });
      return { id: locationId, name: input.name };
    }),
  );
}

/**
 * Deletes a location. Refused (409) while a live post (draft, in review, published) is aimed at
 * this location alone: it would silently reach nobody, so its audience must change first.
 * Otherwise members placed there and pending invitations keep everything but the location, and
 * posts aimed at it among other teams or locations keep the others.
 */
export async function deleteLocation(access: Access, locationId: string) {
  return db.$transaction(async (tx) => {
    const location = await tx.location.findFirst({
      where: { id: locationId, orgId: access.orgId },
      select: { name: true, _count: { select: { memberships: true } } },
    });
    if (!location) throw notFound("Location");
    const orphaned = await tx.contentItem.count({ where: postsOnlyAt(access.orgId, locationId) });
    if (orphaned) {
      throw conflict(
        `${orphaned} post${orphaned === 1 ? " is" : "s are"} aimed only at ${location.name}. Change ${orphaned === 1 ? "its" : "their"} audience in the studio first.`,
      );
    }
    // Memberships and invitations drop the location (ON DELETE SET NULL), audiences lose it.
    await tx.location.delete({ where: { id: locationId } });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "location.delete",
      targetType: "location",
      targetId: locationId,
      metadata: { name: location.name, members: location._count.memberships },
    });
    return { id: locationId, membersUnassigned: location._count.memberships };
  });
}

async function withNameCheck<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`A location named "${name}" already exists.`, { name: "This name is taken." });
    }
    throw error;
  }
}
