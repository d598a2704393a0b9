import { describe, expect, it } from "vitest";
import {
  can,
  PERMISSIONS,
  ROLE_HOME,
  ROLE_PERMISSIONS,
  ROLES,
} from "@/lib/domains/access/permissions";

describe("role → permission map", () => {
  it("gives admins every permission", () => {
    for (const permission of PERMISSIONS) expect(can("ADMIN", permission)).toBe(true);
  });

  it("lets managers read dashboards and members but not change anything", () => {
    expect(can("MANAGER", "dashboard:read")).toBe(true);
    expect(can("MANAGER", "members:read")).toBe(true);
    for (const p of [
      "org:update",
      "members:invite",
      "members:update",
      "teams:manage",
      "audit:read",
    ] as const) {
      expect(can("MANAGER", p)).toBe(false);
    }
  });

  it("lets only admins curate and approve content and moderate suggestions; everyone may suggest", () => {
    for (const p of ["content:manage", "content:approve", "suggestions:moderate"] as const) {
      expect(can("ADMIN", p)).toBe(true);
      expect(can("MANAGER", p)).toBe(false);
      expect(can("EMPLOYEE", p)).toBe(false);
    }
    for (const role of ROLES) expect(can(role, "suggestions:create")).toBe(true);
  });

  it("keeps employees to their feed and profile", () => {
    expect(can("EMPLOYEE", "feed:read")).toBe(true);
    expect(can("EMPLOYEE", "profile:update")).toBe(true);
    for (const p of ["members:read", "dashboard:read", "org:update", "teams:manage"] as const) {
      expect(can("EMPLOYEE", p)).toBe(false);
    }
  });

  it("names only known permissions and gives each role a home", () => {
    for (const role of ROLES) {
      for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
      expect(ROLE_HOME[role]).toMatch(/^\//);
    }
  });

  it("is a strict hierarchy: every manager permission is an admin's, every employee's a manager's", () => {
    for (const p of ROLE_PERMISSIONS.EMPLOYEE) expect(can("MANAGER", p)).toBe(true);
    for (const p of ROLE_PERMISSIONS.MANAGER) expect(can("ADMIN", p)).toBe(true);
  });
});
