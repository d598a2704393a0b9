import type { Permission } from "@/lib/domains/access/permissions";

export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
}

/** Navigation shown to each role follows the permission map. */
export const NAV_ITEMS: NavItem[] = [
  { href: "/feed", label: "Feed", permission: "feed:read" },
  { href: "/activity", label: "My activity", permission: "shares:create" },
  { href: "/suggest", label: "Suggest a story", permission: "suggestions:create" },
  { href: "/studio", label: "Studio", permission: "content:manage" },
  { href: "/dashboard", label: "Dashboard", permission: "dashboard:read" },
  { href: "/admin", label: "Overview", permission: "org:update" },
  { href: "/admin/members", label: "Members", permission: "members:update" },
  { href: "/admin/teams", label: "Teams", permission: "teams:manage" },
  { href: "/admin/settings", label: "Settings", permission: "org:update" },
  { href: "/admin/integrations", label: "Integrations", permission: "org:update" },
  { href: "/admin/emails", label: "Emails", permission: "org:update" },
  { href: "/admin/audit", label: "Audit log", permission: "audit:read" },
];
