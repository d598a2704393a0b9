import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Roles are data: this map is the only place that says what each role may do. Every check —
 * route handlers, server actions, pages and navigation — asks `can(role, permission)`.
 */
export const PERMISSIONS = [
  "org:read",
  "org:update",
  "members:read",
  "members:invite",
  "members:update",
  "teams:read",
  "teams:manage",
  "audit:read",
  "dashboard:read",
  "feed:read",
  "profile:update",
  "content:manage",
  "content:approve",
  "suggestions:create",
  "suggestions:moderate",
  "shares:create",
  "analytics:export",
  "apikeys:manage",
  "connectors:manage",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ADMIN: PERMISSIONS,
  MANAGER: [
    "org:read",
    "members:read",
    "teams:read",
    "dashboard:read",
    "analytics:export",
    "feed:read",
    "profile:update",
    "suggestions:create",
    "shares:create",
  ],
  EMPLOYEE: [
    "org:read",
    "teams:read",
    "feed:read",
    "profile:update",
    "suggestions:create",
    "shares:create",
  ],
};

export const ROLES: readonly Role[] = ["ADMIN", "MANAGER", "EMPLOYEE"];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Admin",
  MANAGER: "Manager",
  EMPLOYEE: "Employee",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  ADMIN: "Curates content, manages members, teams and settings.",
  MANAGER: "Reads dashboards for the teams they manage.",
  EMPLOYEE: "Shares content and suggests stories.",
};

/** Where each role lands after signing in. */
export const ROLE_HOME: Record<Role, string> = {
  ADMIN: "/admin",
  MANAGER: "/dashboard",
  EMPLOYEE: "/feed",
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
