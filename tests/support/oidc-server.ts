/**
 * A real OpenID Connect identity provider on loopback (the `oidc-provider` package), standing in
 * for Okta/Entra (client "chorus-sso") and for LinkedIn's OIDC sign-in (client "chorus-linkedin").
 * Its development login page accepts any login (it becomes the subject); known logins map to
 * fixed identities.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export interface TestIdentity {
  email: string;
  name: string;
  email_verified?: boolean;
}

/** login typed on the IdP page → identity. Unknown logins become `<login>@sso.example`. */
export const IDENTITIES: Record<string, TestIdentity> = {
  sofia: { email: "employee@fernhill.example", name: "Sofia Lindqvist" },
  mateo: { email: "mateo.garcia@fernhill.example", name: "Mateo García" },
  newcomer: { email: "newcomer@sso.example", name: "Nia Newcomer" },
  unverified: {
    email: "unverified@sso.example",
    name: "Una Verified",
    email_verified: false,
  },
};

export function identityFor(login: string): TestIdentity {
  return IDENTITIES[login] ?? { email: `${login}@sso.example`, name: login };
}

export interface OidcServer {
  issuer: string;
  clients: { sso: { id: string; secret: string }; linkedin: { id: string; secret: string } };
  close(): Promise<void>;
}

export async function startOidcServer({
  port = 0,
  appUrl,
  extraClients = [],
}: {
  port?: number;
  appUrl: string;
  /** More registered clients (an organisation's own OIDC connection in the SSO tests). */
  extraClients?: { client_id: string; client_secret: string; redirect_uris: string[] }[];
}): Promise<OidcServer> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clients = {
    sso: { id: "chorus-sso", secret: "chorus-sso-secret-for-tests-only" },
    linkedin: { id: "chorus-linkedin", secret: "chorus-linkedin-secret-for-tests-only" },
  };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clients.sso.id,
        client_secret: clients.sso.secret,
        redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
      },
      {
        client_id: clients.linkedin.id,
        client_secret: clients.linkedin.secret,
        redirect_uris: [`${appUrl}/api/auth/callback/linkedin`],
        token_endpoint_auth_method: "client_secret_post",
      },
      ...extraClients,
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    conformIdTokenClaims: false,
    cookies: { keys: ["chorus-test-oidc-cookie-key"] },
    async findAccount(_ctx, sub) {
      // The dev login page makes the typed login the subject.
      const identity = identityFor(sub);
      return {
        accountId: sub,
        async claims() {
          return { email_verified: true, ...identity, sub };
        },
      };
    },
  });
  const callback = provider.callback();
  server.on("request", (req, res) => {
    void callback(req, res);
  });
  return {
    issuer,
    clients,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
