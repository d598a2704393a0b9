import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/core/env";

function problems(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("environment validation", () => {
  it("accepts an empty development environment with defaults", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SEED_DEMO).toBe(true);
  });

  it("names each wrong variable with what to do", () => {
    const found = problems({
      PORT: "eighty",
      DATABASE_URL: "mysql://x",
      AUTH_SECRET: "short",
      APP_URL: "not a url",
      SEED_DEMO: "maybe",
    });
    expect(found.find((p) => p.startsWith("PORT:"))).toBeDefined();
    expect(found.find((p) => p.startsWith("DATABASE_URL:"))).toContain("PostgreSQL URL");
    expect(found.find((p) => p.startsWith("AUTH_SECRET:"))).toContain("32 characters");
    expect(found.find((p) => p.startsWith("APP_URL:"))).toContain("full URL");
    expect(found.find((p) => p.startsWith("SEED_DEMO:"))).toBeDefined();
  });

  it("requires AUTH_SECRET in production and complete SSO settings", () => {
    expect(problems({ NODE_ENV: "production" })).toEqual([
      expect.stringContaining("AUTH_SECRET: is required in production"),
    ]);
    // `next build` does not need it (nothing is signed while building).
    expect(problems({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).toEqual([]);
    expect(problems({ OIDC_ISSUER: "https://idp.example.com" })[0]).toContain(
      "OIDC SSO needs all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET",
    );
    expect(problems({ LINKEDIN_CLIENT_ID: "abc" })[0]).toContain("LINKEDIN_CLIENT_SECRET");
  });

  it("the error message lists every problem and points at .env.example", () => {
    expect(() => parseEnv({ PORT: "0" })).toThrow(/PORT.*\n.*\.env\.example/s);
  });
});
