import { describe, expect, it } from "vitest";
import {
  hasActiveFilters,
  membersHref,
  readMemberFilters,
} from "@/lib/domains/members/member-filters";

describe("readMemberFilters", () => {
  it("reads search, role, status, team and page from the query string", () => {
    expect(
      readMemberFilters({
        q: " ann ",
        role: "manager",
        status: "ACTIVE",
        teamId: "team_1",
        locationId: "loc_1",
        page: "3",
      }),
    ).toEqual({
      q: "ann",
      role: "MANAGER",
      status: "ACTIVE",
      teamId: "team_1",
      locationId: "loc_1",
      page: 3,
    });
    expect(readMemberFilters({ locationId: "x'; drop" }).locationId).toBeUndefined();
    expect(membersHref({ locationId: "loc_1", page: 2 }, { role: "ADMIN" })).toBe(
      "/admin/members?role=ADMIN&locationId=loc_1",
    );
    expect(hasActiveFilters({ locationId: "loc_1", page: 1 })).toBe(true);
  });

  it("drops unusable values instead of failing", () => {
    expect(
      readMemberFilters({ q: "  ", role: "OWNER", status: "gone", teamId: "x'; drop", page: "-2" }),
    ).toEqual({ q: undefined, role: undefined, status: undefined, teamId: undefined, page: 1 });
    expect(readMemberFilters({ page: "1.5" }).page).toBe(1);
    expect(readMemberFilters({ page: "99999" }).page).toBe(1);
    expect(readMemberFilters({ role: ["ADMIN", "EMPLOYEE"] }).role).toBe("ADMIN");
    expect(readMemberFilters({ q: "x".repeat(500) }).q).toHaveLength(100);
  });
});

describe("membersHref", () => {
  const filters = { q: "a b", role: "ADMIN" as const, page: 3 };

  it("keeps the filters and changes the page", () => {
    expect(membersHref(filters, { page: 4 })).toBe("/admin/members?q=a+b&role=ADMIN&page=4");
    expect(membersHref(filters, { page: 1 })).toBe("/admin/members?q=a+b&role=ADMIN");
  });

  it("goes back to page 1 when a filter changes", () => {
    expect(membersHref(filters, { status: "DEACTIVATED" })).toBe(
      "/admin/members?q=a+b&role=ADMIN&status=DEACTIVATED",
    );
    expect(membersHref({ page: 1 })).toBe("/admin/members");
  });

  it("knows whether any filter is set", () => {
    expect(hasActiveFilters({ page: 2 })).toBe(false);
    expect(hasActiveFilters({ page: 1, teamId: "t" })).toBe(true);
  });
});
