import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "@/lib/core/env";

/**
 * Secrets at rest (LinkedIn tokens, webhook URLs): AES-256-GCM with a random 12-byte IV.
 * Stored format: `v1:<keyId>:<iv>:<tag>:<ciphertext>`, each part base64url.
 * Keys come from TOKEN_ENCRYPTION_KEYS (`id:base64key,…`, 32-byte keys): the first encrypts, all
 * decrypt. Rotation: put a new key first, run `npm run tokens:reencrypt`, then remove the old key.
 * The key id is bound to the ciphertext as additional authenticated data, so a stored value cannot
 * be moved to another key id without failing authentication.
 */
export class TokenCipherError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TokenCipherError";
  }
}

export interface TokenKey {
  id: string;
  key: Buffer;
}

export interface TokenCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** True when `stored` was not encrypted with the first (current) key. */
  needsReencryption(stored: string): boolean;
  readonly currentKeyId: string;
}

const VERSION = "v1";

/** Parses `id:base64key,…`; every key must be 32 bytes, ids unique. */
export function parseTokenKeys(spec: string | undefined): TokenKey[] {
  const entries = (spec ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) {
    throw new TokenCipherError(
      "TOKEN_ENCRYPTION_KEYS is not set: stored tokens cannot be encrypted. Set it to id:base64key (openssl rand -base64 32).",
    );
  }
  const seen = new Set<string>();
  return entries.map((entry) => {
    const colon = entry.indexOf(":");
    const id = entry.slice(0, colon);
    const raw = entry.slice(colon + 1);
    if (colon < 1 || !/^[A-Za-z0-9_-]{1,16}$/.test(id)) {
      throw new TokenCipherError(`TOKEN_ENCRYPTION_KEYS: "${id}" is not a valid key id`);
    }
    if (seen.has(id)) throw new TokenCipherError(`TOKEN_ENCRYPTION_KEYS: key id "${id}" repeats`);
    seen.add(id);
    const key = Buffer.from(raw.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (key.length !== 32) {
      throw new TokenCipherError(`TOKEN_ENCRYPTION_KEYS: key "${id}" must be 32 bytes`);
    }
    return { id, key };
  });
}

export function createTokenCipher(keys: TokenKey[]): TokenCipher {
  if (keys.length === 0) throw new TokenCipherError("no encryption keys");
  const current = keys[0]!;
  const byId = new Map(keys.map((k) => [k.id, k.key]));

  const split = (stored: string) => {
    const parts = stored.split(":");
    if (parts.length !== 5 || parts[0] !== VERSION) {
      throw new TokenCipherError("stored secret is not in the v1 encrypted format");
    }
    const [, keyId, iv, tag, data] = parts as [string, string, string, string, string];
    return { keyId, iv, tag, data };
  };

  return {
    currentKeyId: current.id,
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", current.key, iv);
      cipher.setAAD(Buffer.from(`${VERSION}:${current.id}`));
      const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [
        VERSION,
        current.id,
        iv.toString("base64url"),
        tag.toString("base64url"),
        data.toString("base64url"),
      ].join(":");
    },
    decrypt(stored) {
      const { keyId, iv, tag, data } = split(stored);
      const key = byId.get(keyId);
      if (!key) {
        throw new TokenCipherError(
          `stored secret was encrypted with key "${keyId}", which is not in TOKEN_ENCRYPTION_KEYS`,
        );
      }
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
        decipher.setAAD(Buffer.from(`${VERSION}:${keyId}`));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([
          decipher.update(Buffer.from(data, "base64url")),
          decipher.final(),
        ]).toString("utf8");
      } catch {
        throw new TokenCipherError("stored secret failed authentication (tampered or wrong key)");
      }
    },
    needsReencryption(stored) {
      try {
        return split(stored).keyId !== current.id;
      } catch {
        return true;
      }
    },
  };
}

let cached: { spec: string | undefined; cipher: TokenCipher } | undefined;

function defaultCipher(): TokenCipher {
  const spec = env().TOKEN_ENCRYPTION_KEYS;
  if (!cached || cached.spec !== spec) {
    cached = { spec, cipher: createTokenCipher(parseTokenKeys(spec)) };
  }
  return cached.cipher;
}

/** Encrypts with the first key of TOKEN_ENCRYPTION_KEYS. */
export function encryptSecret(plain: string): string {
  return defaultCipher().encrypt(plain);
}

/** Decrypts a value stored by encryptSecret with any configured key; throws TokenCipherError. */
export function decryptSecret(stored: string): string {
  return defaultCipher().decrypt(stored);
}

/** True when the value is not encrypted with the current (first) key and should be rewritten. */
export function needsReencryption(stored: string): boolean {
  return defaultCipher().needsReencryption(stored);
}

/** Looks like a value produced by encryptSecret (not a plaintext left from before). */
export function isEncryptedSecret(value: string): boolean {
  return /^v1:[A-Za-z0-9_-]{1,16}:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]*$/.test(value);
}
