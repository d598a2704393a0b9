import { db } from "@/lib/core/db/client";

/** The organisation's sources with their poll status and how many entries wait in the inbox. */
export async function listSources(orgId: string) {
  const [sources, waiting] = await Promise.all([
    db.contentSource.findMany({
      where: { orgId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        name: true,
        url: true,
        kind: true,
        enabled: true,
        intervalMinutes: true,
        autoDraft: true,
        defaultValueType: true,
        defaultGoals: true,
        defaultTeamIds: true,
        defaultLocationIds: true,
        defaultTopicIds: true,
        lastStatus: true,
        lastPolledAt: true,
        lastSuccessAt: true,
        lastError: true,
        consecutiveFailures: true,
        nextPollAt: true,
      },
    }),
    db.sourceEntry.groupBy({
      by: ["sourceId"],
      where: { orgId, status: "NEW" },
      _count: { _all: true },
    }),
  ]);
  const counts = new Map(waiting.map((w) => [w.sourceId, w._count._all]));
  return sources.map((s) => ({ ...s, newEntries: counts.get(s.id) ?? 0 }));
}

export type SourceRow = Awaited<ReturnType<typeof listSources>>[number];
