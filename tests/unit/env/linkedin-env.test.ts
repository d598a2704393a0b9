import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/core/env";

const KEY = "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
const production = {
  NODE_ENV: "production",
  AUTH_SECRET: "x".repeat(40),
  LINKEDIN_CLIENT_ID: "id",
  LINKEDIN_CLIENT_SECRET: "secret",
};

function problems(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
}

describe("TOKEN_ENCRYPTION_KEYS configuration", () => {
  it("is required in production when LinkedIn is configured", () => {
    expect(problems(production)).toEqual([
      expect.stringMatching(/^TOKEN_ENCRYPTION_KEYS: is required in production/),
    ]);
    expect(problems({ ...production, TOKEN_ENCRYPTION_KEYS: KEY })).toEqual([]);
  });

  it("is not required while building, in development, or without LinkedIn", () => {
    expect(problems({ ...production, NEXT_PHASE: "phase-production-build" })).toEqual([]);
    expect(problems({ ...production, NODE_ENV: "development" })).toEqual([]);
    expect(problems({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(40) })).toEqual([]);
  });

  it("rejects malformed key lists", () => {
    expect(problems({ TOKEN_ENCRYPTION_KEYS: "nokey" })[0]).toMatch(/^TOKEN_ENCRYPTION_KEYS:/);
    expect(problems({ TOKEN_ENCRYPTION_KEYS: `${KEY},k2:short` })[0]).toMatch(
      /^TOKEN_ENCRYPTION_KEYS:/,
    );
  });
});
