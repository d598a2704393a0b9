/**
 * What a source record may carry to attribute it: a click id (the `aid` parameter our tracked links
 * add, or a field the landing page filled in) or a tracked link's code (its utm_content). Reads
 * them out of a landing-page URL, e.g. HubSpot's hs_analytics_first_url or a form's pageUrl.
 */
export interface AttributionHints {
  clickId: string | null;
  shareCode: string | null;
}

export function hintsFromUrl(
  url: string | null | undefined,
  clickIdParam: string,
): AttributionHints {
  if (!url) return { clickId: null, shareCode: null };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { clickId: null, shareCode: null };
  }
  return {
    clickId: parsed.searchParams.get(clickIdParam) || null,
    shareCode: parsed.searchParams.get("utm_content") || null,
  };
}

/**
 * A field value may be either: a click id (`clk_…`) or a 10-character share code (as a hidden form
 * field filled from utm_content would hold).
 */
export function hintsFromValue(value: string | null | undefined): AttributionHints {
  const v = value?.trim();
  if (!v) return { clickId: null, shareCode: null };
  if (/^[0-9A-Za-z]{10}$/.test(v)) return { clickId: null, shareCode: v };
  return { clickId: v, shareCode: null };
}

/** The first hints that name something, field value before URL. */
export function mergeHints(...all: AttributionHints[]): AttributionHints {
  return {
    clickId: all.find((h) => h.clickId)?.clickId ?? null,
    shareCode: all.find((h) => h.shareCode)?.shareCode ?? null,
  };
}
