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

  it("METRICS_TOKEN: unset or empty is no endpoint; a short or spaced token is refused", () => {
    expect(parseEnv({}).METRICS_TOKEN).toBeUndefined();
    expect(parseEnv({ METRICS_TOKEN: "" }).METRICS_TOKEN).toBeUndefined();
    const token = "a".repeat(32);
    expect(parseEnv({ METRICS_TOKEN: ` ${token} ` }).METRICS_TOKEN).toBe(token);
    for (const bad of ["a".repeat(31), `${"a".repeat(20)} ${"b".repeat(20)}`, "é".repeat(40)]) {
      expect(problems({ METRICS_TOKEN: bad })[0]).toMatch(/^METRICS_TOKEN: must be 32 to 256/);
    }
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

  it("keeps 13 months of raw clicks unless CLICK_RETENTION_MONTHS says otherwise (1 to 120)", () => {
    expect(parseEnv({}).CLICK_RETENTION_MONTHS).toBe(13);
    expect(parseEnv({ CLICK_RETENTION_MONTHS: "25" }).CLICK_RETENTION_MONTHS).toBe(25);
    for (const wrong of ["0", "121", "1.5", "a year"]) {
      expect(problems({ CLICK_RETENTION_MONTHS: wrong })).toEqual([
        "CLICK_RETENTION_MONTHS: must be a whole number from 1 to 120",
      ]);
    }
  });
});
