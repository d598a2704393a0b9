import type { Access } from "@/lib/domains/access/resolve-access";
import type { AnalyticsScope } from "@/lib/domains/analytics/types";
import { forbidden, notFound } from "@/lib/core/errors/app-error";
import { listManagedTeams } from "@/lib/domains/teams/list-managed-teams";
import { hasCapability } from "@/lib/domains/access/permissions";

export interface ResolvedScope extends AnalyticsScope {
  /** The teams the caller may filter by (admins: all teams; managers: the teams they manage). */
  teams: { id: string; name: string }[];
}

/**
 * Who the caller's analytics may cover. Admins see the whole organisation, or one of its teams;
 * managers see only the teams they manage (all of them, or one). A team outside that set —
 * another team or another organisation's — answers 404, like any id the caller may not see.
 * A manager who manages no team gets `teamIds: []`, which every query answers with zeros.
 * An analytics viewer (a delegated capability) reads the whole organisation, like an admin.
 */
export async function resolveAnalyticsScope(
  access: Access,
  teamId?: string | null,
): Promise<ResolvedScope> {
  const orgWide = access.role === "ADMIN" || hasCapability(access, "analytics_viewer");
  if (!orgWide && access.role !== "MANAGER") {
    throw forbidden("Only admins and managers can read the dashboard.");
  }
  const teams = await listManagedTeams(access);
  if (teamId) {
    if (!teams.some((t) => t.id === teamId)) throw notFound("Team");
    return { orgId: access.orgId, teamIds: [teamId], teams };
  }
  return {
    orgId: access.orgId,
    teamIds: orgWide ? null : teams.map((t) => t.id),
    teams,
  };
}
