import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SsoButtons } from "@/components/auth/sso-buttons";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { currentAccess } from "@/lib/domains/access/require-page-access";
import { ssoProviderInfo } from "@/lib/domains/auth/providers";
import { env } from "@/lib/core/env";
import { safeCallbackUrl } from "@/lib/core/http/safe-callback-url";
import { DemoAccounts } from "@/components/auth/demo-accounts";
import { SsoDiscoveryForm } from "@/components/auth/sso-discovery-form";
import { ssoErrorMessage } from "@/lib/domains/sso/sso-sign-in-error";

export const metadata: Metadata = { title: "Sign in" };

const OAUTH_ERRORS: Record<string, string> = {
  AccessDenied: "Sign-in was cancelled or refused by the identity provider.",
  OAuthCallbackError: "The identity provider did not complete the sign-in. Please try again.",
  OAuthSignInError: "Could not start the sign-in with your identity provider.",
  Configuration: "Single sign-on is not configured correctly. Ask your administrator.",
  Verification: "The sign-in link is no longer valid.",
  NoEmail: "Your identity provider did not share an email address, which Chorus needs.",
  EmailNotVerified: "Your identity provider has not verified your email address yet.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl =
    typeof params.callbackUrl === "string" ? safeCallbackUrl(params.callbackUrl) : undefined;
  const access = await currentAccess();
  if (access && access.kind !== "unknown-user") redirect(callbackUrl ?? "/");
  const error = typeof params.error === "string" ? params.error : undefined;
  const passwordReset = params.reset === "done";
  const { SIGNUP_ENABLED } = env();
  return (
    <Card className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold">Sign in to Chorus</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Share what your organisation does, in your own words.
        </p>
      </div>
      {passwordReset ? (
        <Alert tone="success">
          Your password was changed and every session was signed out. Sign in with your new
          password.
        </Alert>
      ) : null}
      {error ? (
        <Alert tone="error">
          {OAUTH_ERRORS[error] ?? ssoErrorMessage(error) ?? "Sign-in failed. Please try again."}
        </Alert>
      ) : null}
      <SsoButtons providers={ssoProviderInfo()} callbackUrl={callbackUrl} />
      <SignInForm callbackUrl={callbackUrl} signUpHref={SIGNUP_ENABLED ? "/signup" : undefined} />
      <SsoDiscoveryForm />
      <DemoAccounts />
    </Card>
  );
}
