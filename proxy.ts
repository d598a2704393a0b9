/**
 * Next.js proxy (the Next 16 name of middleware): security headers on every page and route
 * handler (lib/core/http/security-headers.ts). Pages get a Content-Security-Policy with a fresh nonce;
 * Next reads the nonce from the request's CSP header and puts it on its own scripts, so the pages
 * render per request (they all depend on the session anyway).
 *
 * A server action posted from another origin is refused here with a 403 (logged): Next would refuse
 * it too, but with a 500 (lib/domains/access/is-foreign-server-action.ts).
 *
 * Static build output (/_next/static, /_next/image) skips the proxy: next.config.ts headers()
 * gives it the common headers. Tracked links on the fast path never reach Next: scripts/server.ts
 * sets the same headers there.
 */
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/core/env";
import {
  formActionOrigins,
  generateNonce,
  keepsOwnPolicy,
  securityHeaders,
  servedOverHttps,
} from "@/lib/core/http/security-headers";
import { isForeignServerAction } from "@/lib/domains/access/is-foreign-server-action";
import { CROSS_SITE_MESSAGE } from "@/lib/domains/access/same-origin";

export function proxy(request: NextRequest) {
  const config = env();
  const https = servedOverHttps({
    appUrl: config.APP_URL,
    trustProxy: config.TRUST_PROXY,
    forwardedProto: request.headers.get("x-forwarded-proto"),
  });
  const page = !keepsOwnPolicy(request.nextUrl.pathname);
  const nonce = page ? generateNonce() : null;
  const headers = securityHeaders({
    https,
    csp: nonce
      ? {
          nonce,
          dev: process.env.NODE_ENV === "development",
          formActionOrigins: formActionOrigins(config),
        }
      : undefined,
  });

  if (isForeignServerAction(request.method, request.nextUrl.pathname, request.headers)) {
    const quoted = (value: string | null) => JSON.stringify((value ?? "").slice(0, 200));
    console.warn(
      `[chorus] refused (403) a server action from another origin: origin ${quoted(request.headers.get("origin"))}, host ${quoted(request.headers.get("host"))}, path ${quoted(request.nextUrl.pathname)}`,
    );
    const refused = NextResponse.json(
      { error: { code: "FORBIDDEN", message: CROSS_SITE_MESSAGE } },
      { status: 403, headers: { "cache-control": "no-store" } },
    );
    for (const [name, value] of Object.entries(headers)) refused.headers.set(name, value);
    return refused;
  }

  const requestHeaders = new Headers(request.headers);
  if (nonce) {
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image).*)"],
};
