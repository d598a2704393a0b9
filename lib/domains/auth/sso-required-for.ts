import { db } from "@/lib/core/db/client";

/**
 * True when the email's domain is verified by an organisation that requires single sign-on
 * (README "Single sign-on per organisation"): its people sign in through its identity provider only.
 */
export async function ssoRequiredFor(email: string): Promise<boolean> {
  const at = email.lastIndexOf("@");
  const domain =
    at > 0
      ? email
          .slice(at + 1)
          .trim()
          .toLowerCase()
      : "";
  if (!domain) return false;
  const claim = await db.orgSsoDomain.findFirst({
    where: { domain, verifiedAt: { not: null } },
    select: {
      org: { select: { ssoConnection: { select: { requireSso: true, protocol: true } } } },
    },
  });
  const connection = claim?.org.ssoConnection;
  return Boolean(connection?.requireSso && connection.protocol);
}
