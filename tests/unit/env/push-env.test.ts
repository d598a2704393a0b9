import webpush from "web-push";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/core/env";
import { vapidConfig } from "@/lib/integrations/push/vapid-config";

function problems(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("Web Push configuration", () => {
  const keys = webpush.generateVAPIDKeys();

  it("accepts a key pair from `web-push generate-vapid-keys` and a mailto:/https: subject", () => {
    const env = parseEnv({
      VAPID_PUBLIC_KEY: keys.publicKey,
      VAPID_PRIVATE_KEY: keys.privateKey,
      VAPID_SUBJECT: "mailto:it@example.com",
      PUSH_ALLOWED_HOSTS: "127.0.0.1, push.internal",
    });
    expect(env.VAPID_PUBLIC_KEY).toBe(keys.publicKey);
    expect(env.PUSH_ALLOWED_HOSTS).toEqual(["127.0.0.1", "push.internal"]);
    expect(problems({ VAPID_SUBJECT: "https://advocacy.example.com" })).toEqual([]);
  });

  it("names a wrong key, subject or a missing half of the pair", () => {
    const found = problems({
      VAPID_PUBLIC_KEY: keys.privateKey,
      VAPID_PRIVATE_KEY: "not-a-key",
      VAPID_SUBJECT: "http://example.com",
    });
    expect(found.find((p) => p.startsWith("VAPID_PUBLIC_KEY:"))).toContain("P-256 public key");
    expect(found.find((p) => p.startsWith("VAPID_PRIVATE_KEY:"))).toContain("P-256 private key");
    expect(found.find((p) => p.startsWith("VAPID_SUBJECT:"))).toContain("mailto:");
    expect(problems({ VAPID_PUBLIC_KEY: keys.publicKey })).toEqual([
      expect.stringContaining("needs both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY"),
    ]);
  });

  it("is off without a key pair", () => {
    const saved = { ...process.env };
    try {
      delete process.env.VAPID_PUBLIC_KEY;
      delete process.env.VAPID_PRIVATE_KEY;
      expect(vapidConfig()).toBeNull();
    } finally {
      process.env = saved;
    }
  });
});
