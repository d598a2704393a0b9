import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "@/lib/core/env";
import { clientIp } from "@/lib/core/http/client-ip";
import { ssoProviders } from "@/lib/domains/auth/providers";
import { verifyCredentials } from "@/lib/domains/auth/verify-credentials";
import { consumeSignInTicket } from "@/lib/domains/auth/one-time-values";
import {
  currentSessionVersion,
  resolveExternalUser,
} from "@/lib/domains/auth/resolve-external-user";

/** Carries the reason ("invalid" | "locked:15" | "rate_limited:3") to the sign-in form. */
class CredentialsRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

/** The Auth.js provider the organisation SSO routes sign in with (a one-time ticket). */
export const SSO_TICKET_PROVIDER = "sso-ticket";
const LOCAL_PROVIDERS = new Set(["credentials", SSO_TICKET_PROVIDER]);

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  trustHost: true,
  secret: env().AUTH_SECRET,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    Credentials({
      id: "credentials",
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new CredentialsRefused("invalid");
        const result = await verifyCredentials(
          parsed.data.email,
          parsed.data.password,
          clientIp(request.headers),
        );
        if (!result.ok) {
          throw new CredentialsRefused(
            result.retryAfterMinutes
              ? `${result.reason}:${result.retryAfterMinutes}`
              : result.reason,
          );
        }
        return { id: result.userId };
      },
    }),
    // Organisation SSO (SAML, OIDC per organisation): the /api/sso routes verify the identity
    // provider's answer, then hand over a one-time ticket here, so the session is made exactly
    // like a password sign-in's (same cookie, same session version, same sign-out).
    Credentials({
      id: SSO_TICKET_PROVIDER,
      credentials: { ticket: {} },
      async authorize(raw) {
        const ticket = typeof raw?.ticket === "string" ? raw.ticket : "";
        const userId = await consumeSignInTicket(ticket);
        if (!userId) throw new CredentialsRefused("invalid");
        return { id: userId };
      },
    }),
    ...ssoProviders(),
  ],
  callbacks: {
    signIn({ account, profile, user }) {
      if (!account || LOCAL_PROVIDERS.has(account.provider)) return true;
      if (!(profile?.email ?? user?.email)) return "/signin?error=NoEmail";
      if (profile?.email_verified === false) return "/signin?error=EmailNotVerified";
      return true;
    },
    async jwt({ token, user, account, profile }) {
      if (account && !LOCAL_PROVIDERS.has(account.provider)) {
        token.uid = await resolveExternalUser({
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          email: profile?.email ?? user?.email,
          emailVerified: profile?.email_verified as boolean | undefined,
          name: profile?.name ?? user?.name,
          image: (profile?.picture as string | undefined) ?? user?.image,
        });
      } else if (user?.id) {
        token.uid = user.id;
      }
      if (account && typeof token.uid === "string") {
        // The session remembers the user's session version: bumping it ends this session.
        token.sv = await currentSessionVersion(token.uid);
      }
      // Keep the cookie small: the user id is all the server needs; the rest is read fresh.
      delete token.name;
      delete token.email;
      delete token.picture;
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
}));
