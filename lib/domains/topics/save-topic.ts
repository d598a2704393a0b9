import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { conflict, notFound } from "@/lib/core/errors/app-error";
import { isUniqueViolation } from "@/lib/core/db/is-unique-violation";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import type { CreateTopicInput, UpdateTopicInput } from "@/lib/domains/topics/topic-schemas";

export async function createTopic(access: Access, input: CreateTopicInput) {
  return withNameCheck(input.name, () =>
    db.$transaction(async (tx) => {
      const id = createId("top");
      await tx.topic.create({ data: { id, orgId: access.orgId, name: input.name } });
      await recordAudit(tx, {
        orgId: access.orgId,
        actorId: access.userId,
        action: "topic.create",
        targetType: "topic",
        targetId: id,
        metadata: { name: input.name },
      });
      return { id, name: input.name };
    }),
  );
}

/** Renames a topic; posts and followers keep it (they point at its id). */
export async function renameTopic(access: Access, topicId: string, input: UpdateTopicInput) {
  return withNameCheck(input.name, () =>
    db.$transaction(async (tx) => {
      const topic = await tx.topic.findFirst({
        where: { id: topicId, orgId: access.orgId },
        select: { name: true },
      });
      if (!topic) throw notFound("Topic");
      await tx.topic.update({ where: { id: topicId }, data: { name: input.name } });
      await recordAudit(tx, {
        orgId: access.orgId,
        actorId: access.userId,
        action: "topic.rename",
        targetType: "topic",
        targetId: topicId,
        metadata: { before: topic.name, name: input.name },
      });
      return { id: topicId, name: input.name };
    }),
  );
}

/** Deletes a topic: posts lose the tag and followers the follow (ON DELETE CASCADE). */
export async function deleteTopic(access: Access, topicId: string) {
  return db.$transaction(async (tx) => {
    const topic = await tx.topic.findFirst({
      where: { id: topicId, orgId: access.orgId },
      select: { name: true, _count: { select: { items: true, followers: true } } },
    });
    if (!topic) throw notFound("Topic");
    await tx.topic.delete({ where: { id: topicId } });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "topic.delete",
      targetType: "topic",
      targetId: topicId,
      metadata: {
        name: topic.name,
        items: topic._count.items,
        followers: topic._count.followers,
      },
    });
    return { id: topicId };
  });
}

async function withNameCheck<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`A topic named "${name}" already exists.`, { name: "This name is taken." });
    }
    throw error;
  }
}
