import type { Provider } from "next-auth/providers";
import LinkedIn from "next-auth/providers/linkedin";
import { env } from "@/lib/core/env";

export interface SsoProviderInfo {
  id: string;
  name: string;
}

/** Only providers whose variables are set exist: the sign-in page lists exactly these. */
export function ssoProviders(): Provider[] {
  const e = env();
  const providers: Provider[] = [];
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET) {
    providers.push({
      id: "oidc",
      name: e.OIDC_DISPLAY_NAME,
      type: "oidc",
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      checks: ["pkce", "state"],
    });
  }
  if (e.LINKEDIN_CLIENT_ID && e.LINKEDIN_CLIENT_SECRET) {
    providers.push(
      LinkedIn({
        clientId: e.LINKEDIN_CLIENT_ID,
        clientSecret: e.LINKEDIN_CLIENT_SECRET,
        issuer: e.LINKEDIN_OIDC_ISSUER,
        authorization: { params: { scope: "openid profile email" } },
      }),
    );
  }
  return providers;
}

export function ssoProviderInfo(): SsoProviderInfo[] {
  const e = env();
  const list: SsoProviderInfo[] = [];
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID) list.push({ id: "oidc", name: e.OIDC_DISPLAY_NAME });
  if (e.LINKEDIN_CLIENT_ID) list.push({ id: "linkedin", name: "LinkedIn" });
  return list;
}
