import { db, type Tx } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { isUniqueViolation } from "@/lib/core/db/is-unique-violation";
import { conflict, notFound, unknownIds } from "@/lib/core/errors/app-error";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import type { CreateSourceInput, UpdateSourceInput } from "@/lib/domains/sources/source-schemas";
import { assertTopicsInOrg } from "@/lib/domains/topics/assert-topics-in-org";

/** The default audience and topics name only this organisation's teams, locations and topics. */
async function assertDefaultsInOrg(tx: Tx, orgId: string, input: UpdateSourceInput) {
  const teams = [...new Set(input.defaultTeamIds ?? [])];
  const locations = [...new Set(input.defaultLocationIds ?? [])];
  if (
    teams.length &&
    (await tx.team.count({ where: { orgId, id: { in: teams } } })) !== teams.length
  )
    throw unknownIds("One of the chosen teams does not exist.", {
      defaultTeamIds: "Unknown team.",
    });
  if (
    locations.length &&
    (await tx.location.count({ where: { orgId, id: { in: locations } } })) !== locations.length
  ) {
    throw unknownIds("One of the chosen locations does not exist.", {
      defaultLocationIds: "Unknown location.",
    });
  }
  if (input.defaultTopicIds)
    await assertTopicsInOrg(tx, orgId, input.defaultTopicIds, "defaultTopicIds");
}

const unique = <T>(ids: T[] | undefined) => (ids ? [...new Set(ids)] : undefined);

function columns(input: UpdateSourceInput) {
  return {
    name: input.name,
    url: input.url,
    intervalMinutes: input.intervalMinutes,
    enabled: input.enabled,
    autoDraft: input.autoDraft,
    defaultValueType: input.defaultValueType,
    defaultGoals: unique(input.defaultGoals),
    defaultTeamIds: unique(input.defaultTeamIds),
    defaultLocationIds: unique(input.defaultLocationIds),
    defaultTopicIds: unique(input.defaultTopicIds),
  };
}

async function withUrlCheck<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict("This address is already a source.", { url: "Already added." });
    }
    throw error;
  }
}

/** Adds a source; its first poll is due at once. */
export async function createSource(access: Access, input: CreateSourceInput) {
  return withUrlCheck(() =>
    db.$transaction(async (tx) => {
      await assertDefaultsInOrg(tx, access.orgId, input);
      const id = createId("src");
      await tx.contentSource.create({
        data: {
          id,
          orgId: access.orgId,
          createdById: access.userId,
          nextPollAt: new Date(),
          ...columns(input),
          name: input.name,
          url: input.url,
        },
      });
      await recordAudit(tx, {
        orgId: access.orgId,
        actorId: access.userId,
        action: "source.create",
        targetType: "source",
        targetId: id,
        metadata: { name: input.name, url: input.url },
      });
      return { id };
    }),
  );
}

/** Edits a source of the caller's organisation (404 otherwise). A new address is polled at once. */
export async function updateSource(access: Access, sourceId: string, input: UpdateSourceInput) {
  return withUrlCheck(() =>
    db.$transaction(async (tx) => {
      const source = await tx.contentSource.findFirst({
        where: { id: sourceId, orgId: access.orgId },
        select: { url: true, intervalMinutes: true, lastPolledAt: true },
      });
      if (!source) throw notFound("Source");
      await assertDefaultsInOrg(tx, access.orgId, input);
      const urlChanged = input.url !== undefined && input.url !== source.url;
      const interval = input.intervalMinutes ?? source.intervalMinutes;
      await tx.contentSource.update({
        where: { id: sourceId },
        data: {
          ...columns(input),
          // A new address starts afresh: no validators of the old one, polled at once.
          ...(urlChanged
            ? { etag: null, lastModified: null, nextPollAt: new Date(), consecutiveFailures: 0 }
            : input.intervalMinutes !== undefined
              ? {
                  nextPollAt: new Date(
                    (source.lastPolledAt?.getTime() ?? Date.now()) + interval * 60_000,
                  ),
                }
              : {}),
        },
      });
      await recordAudit(tx, {
        orgId: access.orgId,
        actorId: access.userId,
        action: "source.update",
        targetType: "source",
        targetId: sourceId,
        metadata: { fields: Object.keys(input) },
      });
      return { id: sourceId };
    }),
  );
}

/** Deletes a source and its inbox; drafts made from its entries stay in the library. */
export async function deleteSource(access: Access, sourceId: string) {
  return db.$transaction(async (tx) => {
    const source = await tx.contentSource.findFirst({
      where: { id: sourceId, orgId: access.orgId },
      select: { name: true },
    });
    if (!source) throw notFound("Source");
    await tx.contentSource.delete({ where: { id: sourceId } });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "source.delete",
      targetType: "source",
      targetId: sourceId,
      metadata: { name: source.name },
    });
    return { ok: true };
  });
}
