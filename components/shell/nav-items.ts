import type { Permission } from "@/lib/domains/access/permissions";

export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
}

export interface NavGroup {
  /** Shown above the group; null for the person's own pages at the top. */
  label: string | null;
  items: NavItem[];
}

/**
 * The sidebar: the person's own pages first, then the work of the comms team and admins grouped
 * by what it is about. Each role sees the items its permissions allow (and no empty group).
 */
export const NAV_GROUPS: NavGroup[] = [
  {
    label: null,
    items: [
      { href: "/admin", label: "Overview", permission: "org:update" },
      { href: "/feed", label: "Feed", permission: "feed:read" },
      { href: "/activity", label: "My activity", permission: "shares:create" },
      { href: "/leaderboard", label: "Leaderboard", permission: "feed:read" },
      { href: "/suggest", label: "Suggest a story", permission: "suggestions:create" },
    ],
  },
  {
    label: "Content",
    items: [
      { href: "/studio", label: "Studio", permission: "content:manage" },
      {
        href: "/studio/suggestions",
        label: "Story suggestions",
        permission: "suggestions:moderate",
      },
      { href: "/studio/calendar", label: "Calendar", permission: "content:manage" },
      { href: "/studio/sources", label: "Sources", permission: "content:manage" },
      { href: "/admin/topics", label: "Topics", permission: "content:manage" },
      { href: "/studio/campaigns", label: "Campaigns", permission: "content:manage" },
    ],
  },
  {
    label: "Insights",
    items: [
      { href: "/dashboard", label: "Dashboard", permission: "dashboard:read" },
      { href: "/admin/audit", label: "Audit log", permission: "audit:read" },
    ],
  },
  {
    label: "People",
    items: [
      { href: "/admin/members", label: "Members", permission: "members:update" },
      { href: "/admin/teams", label: "Teams", permission: "teams:manage" },
      { href: "/admin/locations", label: "Locations", permission: "teams:manage" },
    ],
  },
  {
    label: "Integrations",
    items: [
      { href: "/admin/integrations", label: "Integrations", permission: "org:update" },
      { href: "/admin/emails", label: "Emails", permission: "org:update" },
    ],
  },
  {
    label: "Settings",
    items: [{ href: "/admin/settings", label: "Settings", permission: "org:update" }],
  },
];

/** Every item, in sidebar order. */
export const NAV_ITEMS: NavItem[] = NAV_GROUPS.flatMap((group) => group.items);

/** The item a path belongs to: the longest href that is the path or a folder above it. */
export function activeHref(pathname: string, hrefs: string[]): string | null {
  const matches = hrefs.filter((href) => pathname === href || pathname.startsWith(`${href}/`));
  return matches.sort((a, b) => b.length - a.length)[0] ?? null;
}
