import type { Tx } from "@/lib/core/db/client";
import { unknownIds } from "@/lib/core/errors/app-error";

/** Every id is a topic of this organisation (404 naming the field otherwise); returns them unique. */
export async function assertTopicsInOrg(
  tx: Tx,
  orgId: string,
  topicIds: readonly string[],
  field = "topicIds",
): Promise<string[]> {
  const unique = [...new Set(topicIds)];
  if (unique.length === 0) return unique;
  const found = await tx.topic.count({ where: { orgId, id: { in: unique } } });
  if (found !== unique.length) {
    throw unknownIds("One of the chosen topics does not exist.", { [field]: "Unknown topic." });
  }
  return unique;
}
