/**
 * Only same-site paths are allowed after sign-in. The value is resolved against a placeholder
 * origin the way a browser would (which also strips tabs and newlines and turns "\" into "/"), and
 * only a result on that same origin is kept — as path, query and fragment.
 */
export function safeCallbackUrl(value: string | undefined | null): string {
  if (!value || !value.startsWith("/")) return "/";
  try {
    const base = "http://chorus.invalid";
    const url = new URL(value, base);
    if (url.origin !== base) return "/";
    // Dot segments can leave "//host" behind ("/.//evil.example" → "//evil.example"): same origin
    // for the parser, but a Location a browser reads as another site.
    if (url.pathname.startsWith("//")) return "/";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}
