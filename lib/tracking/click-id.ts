import { randomFillSync } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const POOL_BYTES = 8192;
const pool = Buffer.alloc(POOL_BYTES);
let offset = POOL_BYTES;

/**
 * A click id, `clk_` + 20 random base62 characters — the same shape as `createId("clk")`, but
 * drawing on a pre-filled pool of random bytes: one call into the random generator per ~300
 * clicks instead of one per click (measurable on the redirect's hot path).
 */
export function newClickId(): string {
  let out = "clk_";
  let length = 0;
  while (length < 20) {
    if (offset >= POOL_BYTES) {
      randomFillSync(pool);
      offset = 0;
    }
    const byte = pool[offset++]!;
    if (byte < 248) {
      out += ALPHABET[byte % 62];
      length++;
    }
  }
  return out;
}
