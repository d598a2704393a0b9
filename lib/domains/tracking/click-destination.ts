/**
 * Where a tracked link sends a visitor: the destination stored with the share (never anything
 * from the request, so the redirect cannot be steered elsewhere) plus the click id as a query
 * parameter for conversion attribution. The stored URL is split once when it is cached, so each
 * redirect is only string concatenation.
 */
export interface DestinationTemplate {
  /** Everything before the fragment, with the click-id parameter removed. */
  head: string;
  /** "?" or "&": what goes before the click-id parameter. */
  joiner: string;
  /** The encoded parameter name followed by "=". */
  param: string;
  /** "#fragment" or "". */
  fragment: string;
}

/** Null when the stored destination is not an absolute http(s) URL (never redirect there). */
export function destinationTemplate(
  destination: string,
  clickIdParam: string,
): DestinationTemplate | null {
  let url: URL;
  try {
    url = new URL(destination);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  const serialized = url.href;
  const hashAt = serialized.indexOf("#");
  const fragment = hashAt >= 0 ? serialized.slice(hashAt) : "";
  const beforeHash = hashAt >= 0 ? serialized.slice(0, hashAt) : serialized;
  const queryAt = beforeHash.indexOf("?");
  const path = queryAt >= 0 ? beforeHash.slice(0, queryAt) : beforeHash;
  const query = queryAt >= 0 ? beforeHash.slice(queryAt + 1) : "";
  // Drop an existing parameter of the same name (raw pieces kept as they are, so the rest of the
  // query keeps its exact encoding).
  const kept = query
    .split("&")
    .filter((piece) => piece !== "" && decodeName(piece) !== clickIdParam);
  const head = kept.length ? `${path}?${kept.join("&")}` : path;
  return {
    head,
    joiner: kept.length ? "&" : "?",
    param: `${encodeURIComponent(clickIdParam)}=`,
    fragment,
  };
}

function decodeName(piece: string): string {
  const eq = piece.indexOf("=");
  const raw = (eq >= 0 ? piece.slice(0, eq) : piece).replace(/\+/g, " ");
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The Location of one click. */
export function locationFor(template: DestinationTemplate, clickId: string): string {
  return (
    template.head +
    template.joiner +
    template.param +
    encodeURIComponent(clickId) +
    template.fragment
  );
}

/** Convenience for callers that build one URL: destination + click id. */
export function withClickId(
  destination: string,
  clickIdParam: string,
  clickId: string,
): string | null {
  const template = destinationTemplate(destination, clickIdParam);
  return template ? locationFor(template, clickId) : null;
}
