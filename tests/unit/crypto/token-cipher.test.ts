import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  createTokenCipher,
  decryptSecret,
  encryptSecret,
  isEncryptedSecret,
  needsReencryption,
  parseTokenKeys,
  TokenCipherError,
} from "@/lib/core/crypto/token-cipher";

const key = () => randomBytes(32).toString("base64");

describe("token cipher", () => {
  it("round-trips with the configured key and never stores the plaintext", () => {
    const plain = "AQX-secret-token-ünïcode-🙂";
    const stored = encryptSecret(plain);
    expect(stored).toMatch(/^v1:test:/);
    expect(stored).not.toContain("secret-token");
    expect(isEncryptedSecret(stored)).toBe(true);
    expect(decryptSecret(stored)).toBe(plain);
    expect(needsReencryption(stored)).toBe(false);
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("same")).not.toBe(encryptSecret("same"));
  });

  it("refuses a tampered ciphertext, tag, IV or key id", () => {
    const stored = encryptSecret("token-value");
    const parts = stored.split(":");
    const flip = (s: string) => (s[0] === "A" ? "B" : "A") + s.slice(1);
    for (const index of [2, 3, 4]) {
      const tampered = [...parts];
      tampered[index] = flip(tampered[index]!);
      expect(() => decryptSecret(tampered.join(":"))).toThrow(TokenCipherError);
    }
    expect(() => decryptSecret(`v1:other:${parts.slice(2).join(":")}`)).toThrow(/not in/);
    expect(() => decryptSecret("plaintext-token")).toThrow(TokenCipherError);
  });

  it("rotates: the first key encrypts, all decrypt, old values need re-encryption", () => {
    const oldKey = key();
    const newKey = key();
    const before = createTokenCipher(parseTokenKeys(`old:${oldKey}`));
    const storedOld = before.encrypt("token");
    const during = createTokenCipher(parseTokenKeys(`new:${newKey},old:${oldKey}`));
    expect(during.decrypt(storedOld)).toBe("token");
    expect(during.needsReencryption(storedOld)).toBe(true);
    const rewritten = during.encrypt(during.decrypt(storedOld));
    expect(rewritten.startsWith("v1:new:")).toBe(true);
    expect(during.needsReencryption(rewritten)).toBe(false);
    const after = createTokenCipher(parseTokenKeys(`new:${newKey}`));
    expect(after.decrypt(rewritten)).toBe("token");
    expect(() => after.decrypt(storedOld)).toThrow(/"old"/);
  });

  it("a key with the same id but other bytes cannot decrypt", () => {
    const a = createTokenCipher(parseTokenKeys(`k:${key()}`));
    const b = createTokenCipher(parseTokenKeys(`k:${key()}`));
    expect(() => b.decrypt(a.encrypt("x"))).toThrow(/authentication/);
  });

  it("rejects bad key lists", () => {
    expect(() => parseTokenKeys(undefined)).toThrow(/not set/);
    expect(() => parseTokenKeys("k:c2hvcnQ=")).toThrow(/32 bytes/);
    expect(() => parseTokenKeys(`a:${key()},a:${key()}`)).toThrow(/repeats/);
    expect(parseTokenKeys(`a:${randomBytes(32).toString("base64url")}`)).toHaveLength(1);
  });
});
