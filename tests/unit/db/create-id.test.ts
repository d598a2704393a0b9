import { describe, expect, it } from "vitest";
import { createId, randomString } from "@/lib/core/db/create-id";

describe("ids", () => {
  it("carry a readable prefix and 20 random base62 characters", () => {
    expect(createId("org")).toMatch(/^org_[0-9A-Za-z]{20}$/);
    const many = new Set(Array.from({ length: 2000 }, () => randomString(12)));
    expect(many.size).toBe(2000);
  });
});
