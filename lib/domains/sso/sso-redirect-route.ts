import { signIn, SSO_TICKET_PROVIDER } from "@/lib/domains/auth/auth";
import { appUrl } from "@/lib/core/http/app-url";
import { createSignInTicket } from "@/lib/domains/auth/one-time-values";
import { SsoSignInError, type SsoErrorCode } from "@/lib/domains/sso/sso-sign-in-error";

type Segment = { params: Promise<Record<string, string | string[] | undefined>> };

const seeOther = (location: string, headers: Record<string, string> = {}) =>
  new Response(null, {
    status: 303,
    headers: { location, "cache-control": "no-store", ...headers },
  });

export function signinErrorRedirect(code: SsoErrorCode): Response {
  return seeOther(`${appUrl()}/signin?error=${code}`);
}

/**
 * Opens the Auth.js session for a user an identity provider vouched for: a one-time ticket is
 * handed to the "sso-ticket" credentials provider (lib/domains/auth/auth.ts) in this request, which
 * sets the same session cookie a password sign-in sets. Then 303 to the person's home page.
 */
export async function openSsoSession(userId: string): Promise<Response> {
  const ticket = await createSignInTicket(userId);
  await signIn(SSO_TICKET_PROVIDER, { ticket, redirect: false, redirectTo: "/" });
  return seeOther(`${appUrl()}/`);
}

/**
 * The SSO routes a browser is sent through (login start, SAML ACS, OIDC callback): they answer
 * redirects only. A refused or unreadable answer goes to /signin?error=<code>, which shows a human
 * message — never a 500, never the details (those are logged).
 */
export function ssoRedirectRoute(handler: (req: Request, slug: string) => Promise<Response>) {
  return async (req: Request, segment: Segment): Promise<Response> => {
    const params = await segment.params;
    const slug = typeof params.slug === "string" ? params.slug : "";
    try {
      return await handler(req, slug);
    } catch (error) {
      if (error instanceof SsoSignInError) {
        console.warn(
          `[chorus] SSO sign-in refused for organisation ${JSON.stringify(slug.slice(0, 64))}: ${error.code}${error.detail ? ` (${JSON.stringify(error.detail)})` : ""}`,
        );
        return signinErrorRedirect(error.code);
      }
      console.error("[chorus] SSO sign-in failed", error);
      return signinErrorRedirect("SsoInvalidResponse");
    }
  };
}
