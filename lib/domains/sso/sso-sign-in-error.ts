/**
 * Why an SSO sign-in was refused. The code goes to /signin?error=<code>; the sign-in page shows the
 * message of that code (never details an attacker could use, never a 500).
 */
export const SSO_ERROR_MESSAGES = {
  SsoNotConfigured: "Single sign-on is not set up for this organisation.",
  SsoInvalidResponse:
    "Your identity provider's answer could not be verified, so you were not signed in. Try again, or ask your admin to check the single sign-on settings.",
  SsoReplayed: "That sign-in answer was already used. Start the sign-in again.",
  SsoNoEmail: "Your identity provider did not share your email address.",
  SsoDomainNotVerified:
    "Your email address is not in a domain this organisation has verified, so its identity provider cannot sign you in.",
  SsoDeactivated: "Your access to this organisation has been deactivated. Ask an admin.",
  SsoUnknownDomain:
    "No organisation signs in with single sign-on for that email address. Sign in with your password instead.",
  SsoStateMismatch: "The sign-in took too long or was started in another browser. Start it again.",
} as const;

export type SsoErrorCode = keyof typeof SSO_ERROR_MESSAGES;

export class SsoSignInError extends Error {
  constructor(
    readonly code: SsoErrorCode,
    readonly detail?: string,
  ) {
    super(SSO_ERROR_MESSAGES[code]);
    this.name = "SsoSignInError";
  }
}

export function ssoErrorMessage(code: string | undefined): string | null {
  return code && code in SSO_ERROR_MESSAGES ? SSO_ERROR_MESSAGES[code as SsoErrorCode] : null;
}
