import { db } from "@/lib/core/db/client";
import {
  afterDateCursor,
  decodeDateCursor,
  toPage,
  type Page,
  type PageQuery,
} from "@/lib/domains/read-api/page-query";
import type { TeamView } from "@/lib/domains/read-api/read-schemas";

/** Teams of the organisation, oldest first, with their member counts. */
export async function listApiTeams(orgId: string, query: PageQuery): Promise<Page<TeamView>> {
  const cursor = decodeDateCursor(query.cursor);
  const rows = await db.team.findMany({
    where: { orgId, ...afterDateCursor("createdAt", cursor) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    select: {
      id: true,
      name: true,
      description: true,
      createdAt: true,
      _count: { select: { members: true } },
    },
  });
  return toPage(
    rows,
    query.limit,
    (r) => [r.createdAt.toISOString(), r.id],
    (r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      memberCount: r._count.members,
      createdAt: r.createdAt.toISOString(),
    }),
  );
}
