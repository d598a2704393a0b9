import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/domains/auth/password";

describe("passwords", () => {
  // Four scrypt runs (N = 32768): seconds on a busy 2-core machine, so more than the default 5 s.
  it(
    "hash with scrypt and a salt, and verify only the right password",
    { timeout: 30_000 },
    async () => {
      const hash = await hashPassword("correct horse battery");
      expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(await hashPassword("correct horse battery")).not.toBe(hash);
      expect(await verifyPassword("correct horse battery", hash)).toBe(true);
      expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
      expect(await verifyPassword("x", "garbage")).toBe(false);
    },
  );
});
