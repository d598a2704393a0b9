import { describe, expect, it } from "vitest";
import { swHandlesNavigation } from "@/lib/pwa/sw-scope";

describe("which navigations the service worker answers", () => {
  it("answers app pages (network only, offline page as fallback)", () => {
    for (const path of [
      "/feed",
      "/share/cnt_123",
      "/studio",
      "/",
      "/p/fernhill/a-post",
      "/signin",
    ]) {
      expect(swHandlesNavigation(path), path).toBe(true);
    }
  });

  it("leaves API routes (downloads, sign-out, callbacks) and tracked links to the browser", () => {
    for (const path of [
      "/api/analytics/export.csv",
      "/api/auth/signout",
      "/api",
      "/aB3dE5gH7j",
      "/serwist/sw.js",
    ]) {
      expect(swHandlesNavigation(path), path).toBe(false);
    }
  });

  it("a 10-character page path with a dash or of another length is a page, not a link", () => {
    expect(swHandlesNavigation("/aB3dE5gH7jk")).toBe(true);
    expect(swHandlesNavigation("/dashboard")).toBe(true);
    expect(swHandlesNavigation("/leaderboard")).toBe(true);
  });
});
