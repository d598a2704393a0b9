import { db } from "@/lib/core/db/client";
import {
  afterDateCursor,
  dateRange,
  decodeDateCursor,
  toPage,
  type Page,
  type PageQuery,
} from "@/lib/domains/read-api/page-query";
import type { MemberView } from "@/lib/domains/read-api/read-schemas";

/**
 * Members of the organisation (active and deactivated), by join date; `from`/`to` filter on the
 * join date. No e-mail address: a machine key is not an admin looking at the members page.
 */
export async function listApiMembers(orgId: string, query: PageQuery): Promise<Page<MemberView>> {
  const cursor = decodeDateCursor(query.cursor);
  const rows = await db.membership.findMany({
    where: { orgId, createdAt: dateRange(query), ...afterDateCursor("createdAt", cursor) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    select: {
      id: true,
      handle: true,
      role: true,
      status: true,
      createdAt: true,
      user: { select: { name: true } },
      teams: { select: { team: { select: { id: true, name: true } } } },
    },
  });
  return toPage(
    rows,
    query.limit,
    (r) => [r.createdAt.toISOString(), r.id],
    (r) => ({
      id: r.id,
      name: r.user.name,
      handle: r.handle,
      role: r.role,
      status: r.status,
      teams: r.teams
        .map((t) => t.team)
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
      joinedAt: r.createdAt.toISOString(),
    }),
  );
}
