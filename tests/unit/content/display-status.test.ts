import { describe, expect, it } from "vitest";
import { contentDisplayStatus, DISPLAY_STATUS_LABELS } from "@/lib/domains/content/display-status";
import type { ContentStatus } from "@/lib/generated/prisma/enums";

const now = new Date("2026-12-07T09:00:00.000Z");
const before = new Date(now.getTime() - 1);
const after = new Date(now.getTime() + 1);
const tomorrow = new Date("2026-12-08T08:00:00.000Z");

describe("contentDisplayStatus", () => {
  it("a published item whose window starts tomorrow is scheduled", () => {
    const status = contentDisplayStatus(
      { status: "PUBLISHED", publishAt: tomorrow, expireAt: null },
      now,
    );
    expect(status).toBe("SCHEDULED");
    expect(DISPLAY_STATUS_LABELS[status]).toBe("Scheduled");
  });

  it("is live from publishAt (inclusive) until expireAt (exclusive), like the feed", () => {
    const at = (publishAt: Date | null, expireAt: Date | null) =>
      contentDisplayStatus({ status: "PUBLISHED", publishAt, expireAt }, now);
    expect(at(now, null)).toBe("PUBLISHED");
    expect(at(after, null)).toBe("SCHEDULED");
    expect(at(before, after)).toBe("PUBLISHED");
    expect(at(before, now)).toBe("EXPIRED");
    expect(at(null, before)).toBe("EXPIRED");
    expect(at(null, null)).toBe("PUBLISHED");
  });

  it("reads ISO strings (client components) the same as dates", () => {
    expect(
      contentDisplayStatus(
        { status: "PUBLISHED", publishAt: tomorrow.toISOString(), expireAt: null },
        now,
      ),
    ).toBe("SCHEDULED");
    expect(
      contentDisplayStatus(
        { status: "PUBLISHED", publishAt: null, expireAt: before.toISOString() },
        now,
      ),
    ).toBe("EXPIRED");
  });

  it("keeps every other status as stored, whatever its dates", () => {
    const others: ContentStatus[] = ["DRAFT", "IN_REVIEW", "ARCHIVED"];
    for (const status of others) {
      expect(contentDisplayStatus({ status, publishAt: tomorrow, expireAt: null }, now)).toBe(
        status,
      );
      expect(contentDisplayStatus({ status, publishAt: null, expireAt: before }, now)).toBe(status);
    }
  });
});
