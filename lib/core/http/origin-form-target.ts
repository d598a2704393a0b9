/**
 * A request target as a path and query (origin-form), or null when it is neither a path nor an
 * http(s) URL (`*`, `ftp://…`). A proxy may send the absolute form (`GET http://host/feed`); Next
 * then redirected to that URL's host, so the app server hands Next the path only and keeps
 * routing by the Host header.
 */
export function originFormTarget(url: string): string | null {
  if (url.startsWith("/")) return url;
  const match = /^https?:\/\/[^/?#]*([^#]*)/i.exec(url);
  if (!match) return null;
  const rest = match[1] ?? "";
  return rest.startsWith("/") ? rest : `/${rest}`;
}
