import { randomFillSync } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const POOL_BYTES = 8192;
const pool = Buffer.alloc(POOL_BYTES);
let offset = POOL_BYTES;
const TIME_CHARS = 8; // 62^8 ms ≈ 6,900 years
const RANDOM_CHARS = 12; // ≈ 71 bits: a click id is a bearer for browser conversions

/**
 * A click id, `clk_` + 20 base62 characters (the shape of `createId("clk")`): 8 characters of the
 * time in milliseconds, then 12 random ones. Time first keeps the primary-key index of the
 * append-only ClickEvent table append-mostly — about a fifth less database work per insert than
 * random ids (measured: docs/click-path.md). Random bytes come from a pre-filled pool: one call
 * into the generator per ~600 clicks instead of one per click.
 */
export function newClickId(now: number = Date.now()): string {
  let time = "";
  for (let i = 0, t = Math.floor(now); i < TIME_CHARS; i++, t = Math.floor(t / 62)) {
    time = ALPHABET[t % 62] + time;
  }
  let out = `clk_${time}`;
  let length = 0;
  while (length < RANDOM_CHARS) {
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
