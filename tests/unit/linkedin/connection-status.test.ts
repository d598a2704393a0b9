import { describe, expect, it } from "vitest";
import { describeConnection } from "@/lib/domains/linkedin/connection";

const now = new Date("2026-11-26T12:00:00Z");
const DAY = 86_400_000;
const base = {
  name: "Alex",
  memberUrn: "urn:li:person:a",
  connectedAt: now,
  status: "ACTIVE" as const,
  lastError: null,
  scopes: ["openid", "w_member_social"],
};

describe("describeConnection", () => {
  it("active with whole days left", () => {
    const view = describeConnection(
      { ...base, expiresAt: new Date(now.getTime() + 60 * DAY) },
      now,
    );
    expect(view).toMatchObject({ state: "active", daysLeft: 60, canReadAnalytics: false });
  });

  it("expiring from 7 days before expiry", () => {
    expect(
      describeConnection({ ...base, expiresAt: new Date(now.getTime() + 7 * DAY + 1000) }, now)
        .state,
    ).toBe("active");
    expect(
      describeConnection({ ...base, expiresAt: new Date(now.getTime() + 7 * DAY) }, now),
    ).toMatchObject({ state: "expiring", daysLeft: 7 });
    expect(
      describeConnection({ ...base, expiresAt: new Date(now.getTime() + 3600_000) }, now),
    ).toMatchObject({ state: "expiring", daysLeft: 0 });
  });

  it("expired by date or by status", () => {
    expect(describeConnection({ ...base, expiresAt: now }, now)).toMatchObject({
      state: "expired",
      daysLeft: 0,
    });
    expect(
      describeConnection(
        { ...base, status: "EXPIRED", expiresAt: new Date(now.getTime() + 30 * DAY) },
        now,
      ).state,
    ).toBe("expired");
  });

  it("knows whether analytics were granted", () => {
    expect(
      describeConnection(
        { ...base, scopes: ["r_member_postAnalytics"], expiresAt: new Date(now.getTime() + DAY) },
        now,
      ).canReadAnalytics,
    ).toBe(true);
  });
});
