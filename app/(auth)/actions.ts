"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { formAction, type ActionState } from "@/lib/domains/access/action";
import { signIn, signOut } from "@/lib/domains/auth/auth";
import { ssoProviderInfo } from "@/lib/domains/auth/providers";
import { credentialsMessage } from "@/lib/domains/auth/verify-credentials";
import { env } from "@/lib/core/env";
import { AppError } from "@/lib/core/errors/app-error";
import { clientIp } from "@/lib/core/http/client-ip";
import { enforceRateLimit } from "@/lib/core/rate-limit/consume-rate-limit";
import { safeCallbackUrl } from "@/lib/core/http/safe-callback-url";
import { signUp } from "@/lib/domains/users/sign-up";
import { signInFormSchema, signUpFormSchema } from "@/lib/domains/auth/auth-form-schemas";
import { acceptInvitation } from "@/lib/domains/invitations/accept-invitation";
import { assertInvitationUsableBy } from "@/lib/domains/invitations/get-invitation-preview";
import { ssoDiscoverySchema } from "@/lib/domains/auth/auth-form-schemas";
import { findSsoOrgForEmail } from "@/lib/domains/sso/find-sso-org";
import { startSsoSignIn } from "@/lib/domains/sso/start-sso-sign-in";
import { SSO_ERROR_MESSAGES, SsoSignInError } from "@/lib/domains/sso/sso-sign-in-error";

async function credentialsSignIn(email: string, password: string, callbackUrl?: string) {
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallbackUrl(callbackUrl) });
  } catch (error) {
    if (error instanceof AuthError && error.type === "CredentialsSignin") {
      const code = (error as AuthError & { code?: string }).code ?? "invalid";
      const [reason, minutes] = code.split(":");
      const known =
        reason === "locked" || reason === "rate_limited" || reason === "sso_required"
          ? reason
          : "invalid";
      throw new AppError("UNAUTHORIZED", credentialsMessage(known, Number(minutes) || undefined));
    }
    throw error;
  }
}

export const signInAction = formAction(signInFormSchema, async (input) => {
  await credentialsSignIn(input.email, input.password, input.callbackUrl);
});

export const signUpAction = formAction(signUpFormSchema, async (input): Promise<ActionState> => {
  const token = input.invitationToken;
  if (!env().SIGNUP_ENABLED && !token) {
    throw new AppError("FORBIDDEN", "Sign-up is disabled here. Ask an admin for an invitation.");
  }
  await enforceRateLimit(
    { key: `signup:${clientIp(await headers())}`, limit: 10, windowSeconds: 60 * 60 },
    "sign-ups from this address",
  );
  if (token) await assertInvitationUsableBy(token, input.email);
  const { userId } = await signUp({
    ...input,
    organizationName: token ? undefined : input.organizationName,
  });
  if (token) await acceptInvitation(userId, token);
  await credentialsSignIn(input.email, input.password, token ? "/" : input.callbackUrl);
  return { status: "ok" };
});

export async function signOutAction(): Promise<void> {
  await signOut({ redirect: false });
  redirect("/signin");
}

export async function ssoSignInAction(formData: FormData): Promise<void> {
  const provider = String(formData.get("provider") ?? "");
  const redirectTo = safeCallbackUrl(String(formData.get("callbackUrl") ?? ""));
  // Only a configured identity provider: anything else (e.g. "credentials") made Auth.js throw.
  if (!ssoProviderInfo().some((p) => p.id === provider)) {
    redirect(`/signin?error=OAuthSignInError&callbackUrl=${encodeURIComponent(redirectTo)}`);
  }
  await signIn(provider, { redirectTo });
}

/** "Sign in with SSO": the work email's verified domain names the organisation whose IdP signs in. */
export const ssoDiscoverAction = formAction(ssoDiscoverySchema, async (input) => {
  await enforceRateLimit(
    { key: `sso-discover:${clientIp(await headers())}`, limit: 60, windowSeconds: 15 * 60 },
    "single sign-on look-ups from this address",
  );
  const org = await findSsoOrgForEmail(input.workEmail);
  if (!org) {
    throw new AppError("BAD_REQUEST", SSO_ERROR_MESSAGES.SsoUnknownDomain, {
      workEmail: "No single sign-on for this domain.",
    });
  }
  let started;
  try {
    started = await startSsoSignIn(org.slug, org.protocol);
  } catch (error) {
    if (error instanceof SsoSignInError) throw new AppError("BAD_REQUEST", error.message);
    throw error;
  }
  if (started.cookie) {
    const { name, value, ...options } = started.cookie;
    (await cookies()).set(name, value, { ...options, httpOnly: true, sameSite: "lax" });
  }
  // Straight to the identity provider (as "Continue with …" does): a full page navigation.
  redirect(started.url);
});
