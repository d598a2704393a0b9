import { FALLBACK_LOCALE } from "@/lib/core/time/format-date";

const TAG = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;

/**
 * The locale to format dates in from an Accept-Language header ("de-CH,de;q=0.9,en;q=0.8"): the
 * preferred tag (highest q, then order) that the runtime can format in; `fallback` when the header
 * is missing, "*" only, or names nothing usable. Hostile headers are bounded and never throw.
 */
export function pickLocale(
  acceptLanguage: string | null | undefined,
  fallback: string = FALLBACK_LOCALE,
): string {
  if (!acceptLanguage) return fallback;
  const ranked = acceptLanguage
    .slice(0, 500)
    .split(",")
    .slice(0, 20)
    .map((part, order) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), order };
    })
    .filter((t) => TAG.test(t.tag) && Number.isFinite(t.q) && t.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { tag } of ranked) {
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf([tag]);
      if (supported) return supported;
    } catch {
      // Structurally valid but not a BCP 47 tag (RangeError): try the next one.
    }
  }
  return fallback;
}
