/**
 * Security headers: one pure place that decides them, used by proxy.ts (pages and route
 * handlers), next.config.ts (static assets) and scripts/server.ts (the tracked-link fast path,
 * which never enters Next).
 *
 * - Pages get a Content-Security-Policy with a fresh nonce per request ('strict-dynamic': the
 *   nonce'd Next.js scripts may load their chunks; nothing injected without the nonce runs).
 * - Every response gets nosniff, a referrer policy, frame denial (X-Frame-Options, the legacy twin
 *   of frame-ancestors), a permissions policy and a cross-origin opener policy that still lets the
 *   LinkedIn share dialog (a popup) open.
 * - HSTS only when the request really came over https: the public address (APP_URL) is https, or a
 *   trusted proxy (TRUST_PROXY=true) says so with X-Forwarded-Proto. Over plain http it would be
 *   ignored by browsers anyway, and sending it on a development host would pin that host to https.
 */

export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

/** Headers every response carries, whatever it is. */
export const COMMON_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  // Not "same-origin": the share composer opens LinkedIn's share dialog in a popup it prepared.
  "Cross-Origin-Opener-Policy": "same-origin-allow-popups",
};

/** A nonce for one response: 16 random bytes, base64 (a valid CSP nonce-source). */
export function generateNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export interface CspOptions {
  nonce: string;
  /** `next dev` evaluates code (React Refresh): it needs 'unsafe-eval'. Never in production. */
  dev?: boolean;
  /**
   * Origins a form may post to or be redirected to after a post (Chrome applies form-action to
   * the redirects that follow a form submission): the identity providers of SSO sign-in.
   */
  formActionOrigins?: readonly string[];
}

/** The page policy. Styles stay 'unsafe-inline' (React style attributes); scripts need the nonce. */
export function contentSecurityPolicy({
  nonce,
  dev = false,
  formActionOrigins = [],
}: CspOptions): string {
  const formAction = ["'self'", ...new Set(formActionOrigins)].join(" ");
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
    `form-action ${formAction}`,
  ].join("; ");
}

/** The origin (scheme://host:port) of a URL, or null when it is not an http(s) URL. */
export function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : null;
  } catch {
    return null;
  }
}

/**
 * Origins forms may lead to, besides our own (Chrome applies form-action to the redirects that
 * follow a form submission): SSO sign-in (a server action → the identity provider) and "Connect
 * LinkedIn" (a GET form → /api/linkedin/connect → LinkedIn's consent page).
 */
export function formActionOrigins(config: {
  OIDC_ISSUER?: string;
  LINKEDIN_CLIENT_ID?: string;
  LINKEDIN_OIDC_ISSUER?: string;
  LINKEDIN_AUTH_URL?: string;
}): string[] {
  const urls: (string | undefined)[] = [];
  if (config.OIDC_ISSUER) urls.push(config.OIDC_ISSUER);
  if (config.LINKEDIN_CLIENT_ID) urls.push(config.LINKEDIN_OIDC_ISSUER, config.LINKEDIN_AUTH_URL);
  return [...new Set(urls.map(originOf).filter((o): o is string => Boolean(o)))];
}

export interface HttpsContext {
  /** APP_URL: when it is https, the app is served over https whatever the hop to us was. */
  appUrl?: string;
  /** TRUST_PROXY: only then is X-Forwarded-Proto believed. */
  trustProxy: boolean;
  /** The request's X-Forwarded-Proto header (first value), if any. */
  forwardedProto?: string | null;
}

/** Whether the browser reached us over https (so HSTS and secure cookies apply). */
export function servedOverHttps({ appUrl, trustProxy, forwardedProto }: HttpsContext): boolean {
  if (appUrl && /^https:/i.test(appUrl)) return true;
  if (!trustProxy || !forwardedProto) return false;
  return forwardedProto.split(",")[0]!.trim().toLowerCase() === "https";
}

export interface ResponseHeaderOptions {
  https: boolean;
  /** Set for HTML pages: adds the CSP with this nonce. */
  csp?: CspOptions;
}

/** Every security header one response should carry. */
export function securityHeaders({ https, csp }: ResponseHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = { ...COMMON_SECURITY_HEADERS };
  if (https) headers["Strict-Transport-Security"] = HSTS_VALUE;
  if (csp) headers["Content-Security-Policy"] = contentSecurityPolicy(csp);
  return headers;
}

/**
 * Paths whose route handlers set a policy of their own that must win: uploaded files are served
 * sandboxed (`default-src 'none'; sandbox`) and the conversion snippet is embedded in other sites.
 * They still get the common headers.
 */
export function keepsOwnPolicy(pathname: string): boolean {
  return pathname.startsWith("/api/") || pathname === "/chorus.js";
}
