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
  "scim:manage",
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

/**
 * Delegated capabilities: what an admin may grant a manager or an employee on top of their role,
 * without making them an admin. Stored on the membership; `can` adds their permissions.
 */
export const CAPABILITIES = ["content_approver", "analytics_viewer"] as const;

export type Capability = (typeof CAPABILITIES)[number];

export const CAPABILITY_PERMISSIONS: Record<Capability, readonly Permission[]> = {
  // Approving, sending back and approving at a stage of the approval chain are all content:approve.
  content_approver: ["content:approve"],
  // The organisation's dashboard and its per-post pages (organisation-wide, like an admin's).
  analytics_viewer: ["dashboard:read"],
};

export const CAPABILITY_LABELS: Record<Capability, string> = {
  content_approver: "Content approver",
  analytics_viewer: "Analytics viewer",
};

export const CAPABILITY_DESCRIPTIONS: Record<Capability, string> = {
  content_approver:
    "Approves or sends back posts in review, at any approval stage they are named in.",
  analytics_viewer: "Reads the organisation's dashboard.",
};

/** Who is asking: a bare role, or a member with their delegated capabilities. */
export type Principal = Role | { role: Role; capabilities?: readonly string[] | null };

export function isCapability(value: string): value is Capability {
  return (CAPABILITIES as readonly string[]).includes(value);
}

export function hasCapability(who: Principal, capability: Capability): boolean {
  return typeof who !== "string" && (who.capabilities ?? []).includes(capability);
}

export function can(who: Principal, permission: Permission): boolean {
  if (typeof who === "string") return ROLE_PERMISSIONS[who].includes(permission);
  if (ROLE_PERMISSIONS[who.role].includes(permission)) return true;
  return (who.capabilities ?? []).some(
    (c) => isCapability(c) && CAPABILITY_PERMISSIONS[c].includes(permission),
  );
}
