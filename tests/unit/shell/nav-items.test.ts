/**
 * The sidebar (issue 13, design): every link opens a page of the route inventory that the roles
 * shown it may open, no role gets an empty group, and the current page is the longest match.
 */
import { describe, expect, it } from "vitest";
import { can, ROLES } from "@/lib/domains/access/permissions";
import { activeHref, NAV_GROUPS, NAV_ITEMS } from "@/components/shell/nav-items";
import { PAGES } from "@/tests/support/route-inventory";

describe("sidebar navigation", () => {
  it("links only to inventory pages, with the permission those pages check", () => {
    for (const item of NAV_ITEMS) {
      const page = PAGES.find((p) => p.path === item.href);
      expect(page, item.href).toBeDefined();
      expect(page!.guard, item.href).toMatchObject({ kind: "org", permission: item.permission });
    }
  });

  it("gives every role at least its home and no link twice", () => {
    expect(new Set(NAV_ITEMS.map((i) => i.href)).size).toBe(NAV_ITEMS.length);
    for (const role of ROLES) {
      const visible = NAV_ITEMS.filter((i) => can(role, i.permission));
      expect(visible.length, role).toBeGreaterThan(0);
    }
    // Admin sections come grouped: People, Content, Insights, Integrations, Settings.
    expect(NAV_GROUPS.map((g) => g.label)).toEqual(
      expect.arrayContaining(["People", "Content", "Insights", "Integrations", "Settings"]),
    );
  });

  it("marks the deepest matching item as the current page", () => {
    const hrefs = NAV_ITEMS.map((i) => i.href);
    expect(activeHref("/admin", hrefs)).toBe("/admin");
    expect(activeHref("/admin/members/import", hrefs)).toBe("/admin/members");
    expect(activeHref("/studio/suggestions", hrefs)).toBe("/studio/suggestions");
    expect(activeHref("/studio/cnt_123", hrefs)).toBe("/studio");
    expect(activeHref("/studio/campaigns/cmp_123", hrefs)).toBe("/studio/campaigns");
    expect(activeHref("/profile", hrefs)).toBeNull();
    expect(activeHref("/feedback", hrefs)).toBeNull();
  });
});
