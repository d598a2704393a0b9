import { ROLES } from "@/lib/domains/access/permissions";
import type { MembershipStatus, Role } from "@/lib/generated/prisma/enums";

export type SearchParams = Record<string, string | string[] | undefined>;

export interface MemberFilters {
  q?: string;
  role?: Role;
  status?: MembershipStatus;
  teamId?: string;
  /** Members placed at this location (the members page's Location filter). */
  locationId?: string;
  page: number;
}

const STATUSES: readonly MembershipStatus[] = ["ACTIVE", "DEACTIVATED"];

function first(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v?.trim() || undefined;
}

/**
 * The members page's filters from its query string. Anything unusable (an unknown role, a page
 * of "abc") is dropped rather than answered with an error: the URL may be hand-edited or stale.
 */
export function readMemberFilters(params: SearchParams): MemberFilters {
  const q = first(params.q)?.slice(0, 100);
  const role = first(params.role)?.toUpperCase();
  const status = first(params.status)?.toUpperCase();
  const teamId = first(params.teamId);
  const locationId = first(params.locationId);
  const page = Number(first(params.page) ?? "1");
  return {
    q,
    role: ROLES.find((r) => r === role),
    status: STATUSES.find((s) => s === status),
    teamId: teamId && /^[A-Za-z0-9_-]{1,64}$/.test(teamId) ? teamId : undefined,
    locationId: locationId && /^[A-Za-z0-9_-]{1,64}$/.test(locationId) ? locationId : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The members page URL for `filters` with `change` applied; filter changes go back to page 1. */
export function membersHref(filters: MemberFilters, change: Partial<MemberFilters> = {}): string {
  const next = { ...filters, ...change };
  if (!("page" in change)) next.page = 1;
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.role) params.set("role", next.role);
  if (next.status) params.set("status", next.status);
  if (next.teamId) params.set("teamId", next.teamId);
  if (next.locationId) params.set("locationId", next.locationId);
  if (next.page > 1) params.set("page", String(next.page));
  const query = params.toString();
  return query ? `/admin/members?${query}` : "/admin/members";
}

export function hasActiveFilters(filters: MemberFilters): boolean {
  return Boolean(
    filters.q || filters.role || filters.status || filters.teamId || filters.locationId,
  );
}
