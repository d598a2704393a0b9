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

  it("never returns a protocol-relative path that dot segments leave behind", () => {
    // new URL("/.//evil.com", base).pathname is "//evil.com": same origin for the URL parser, but
    // as a Location header a browser reads it as https://evil.com (Next's redirect() sends it as is).
    for (const bad of [
      "/.//evil.com",
      "/..//evil.com",
      "/%2e//evil.com",
      "/./\\evil.com",
      "/a/..//evil.com",
    ]) {
      const safe = safeCallbackUrl(bad);
      expect(safe.startsWith("//") || safe.startsWith("/\\")).toBe(false);
      expect(new URL(safe, "https://chorus.example").origin).toBe("https://chorus.example");
    }
  });
});
