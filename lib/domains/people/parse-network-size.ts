export const MAX_NETWORK_SIZE = 50_000_000;

export type NetworkSizeResult = { ok: true; value: number | null } | { ok: false; error: string };

/**
 * What a person types as their LinkedIn network size: "" clears it; digit-group separators
 * ("1,250", "1.250", "1 250", "1'250") are allowed; anything else is refused with a reason.
 */
export function parseNetworkSize(input: string): NetworkSizeResult {
  const compact = input.trim().replace(/[\s,.'’_\u00a0\u202f]/g, "");
  if (!compact) return { ok: true, value: null };
  if (compact.startsWith("-")) {
    return { ok: false, error: "The network size cannot be negative." };
  }
  if (!/^\d+$/.test(compact)) return { ok: false, error: "Enter a whole number, like 1250." };
  const value = Number(compact);
  if (value > MAX_NETWORK_SIZE) return { ok: false, error: "That network size is not plausible." };
  return { ok: true, value };
}
