import { describe, expect, it } from "vitest";
import { invitationState } from "@/lib/domains/invitations/invitation-status";
import {
  hashInvitationToken,
  newInvitationToken,
} from "@/lib/domains/invitations/invitation-token";
import { splitTeams } from "@/lib/domains/invitations/check-import-rows";

const now = new Date("2026-11-25T12:00:00Z");
const base = {
  expiresAt: new Date("2026-11-26T00:00:00Z"),
  revokedAt: null,
  useCount: 0,
  maxUses: 1,
};

describe("invitation state", () => {
  it("is pending until it expires, is used up, or is revoked", () => {
    expect(invitationState(base, now)).toBe("pending");
    expect(invitationState({ ...base, expiresAt: now }, now)).toBe("expired");
    expect(invitationState({ ...base, useCount: 1 }, now)).toBe("used");
    expect(invitationState({ ...base, maxUses: 5, useCount: 4 }, now)).toBe("pending");
    expect(invitationState({ ...base, revokedAt: now, useCount: 1 }, now)).toBe("revoked");
  });
});

describe("invitation tokens", () => {
  it("are long, random and stored only as a hash", () => {
    const a = newInvitationToken();
    const b = newInvitationToken();
    expect(a.token).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.tokenHash).toBe(hashInvitationToken(a.token));
    expect(a.tokenHash).not.toContain(a.token);
  });
});

describe("splitTeams", () => {
  it("accepts ; or | separators and trims", () => {
    expect(splitTeams(" Sales ;Engineering| People & Culture ;")).toEqual([
      "Sales",
      "Engineering",
      "People & Culture",
    ]);
    expect(splitTeams(undefined)).toEqual([]);
  });
});
