import { describe, expect, it } from "vitest";
import { isTimeZone } from "@/lib/core/validation";

describe("time zones", () => {
  it("accepts IANA names and refuses others", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});
