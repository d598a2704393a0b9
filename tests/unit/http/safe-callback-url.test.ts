import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/core/http/safe-callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths and refuses everything else", () => {
    expect(safeCallbackUrl("/feed?x=1#top")).toBe("/feed?x=1#top");
    expect(safeCallbackUrl("/invite/abc")).toBe("/invite/abc");
    for (const bad of [
      "https://evil.com",
      "//evil.com",
      "/\\evil.com",
      "/\t/evil.com",
      "/\n/evil.com",
      "javascript:alert(1)",
      "",
      null,
    ]) {
      expect(safeCallbackUrl(bad)).toBe("/");
    }
  });
});
