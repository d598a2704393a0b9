import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { resolveExternalUser } from "@/lib/domains/auth/resolve-external-user";
import { uniqueHandle } from "@/lib/domains/members/assign-handle";
import { SsoSignInError } from "@/lib/domains/sso/sso-sign-in-error";
import { emailDomain } from "@/lib/domains/sso/sso-urls";

export interface OrgIdentity {
  orgId: string;
  protocol: "saml" | "oidc";
  /** The identity provider's stable id of the person (SAML NameID, OIDC sub). */
  subject: string;
  email: string | null | undefined;
  name?: string | null;
}

/**
 * After an organisation's identity provider vouched for a person: the email must be in a domain
 * the organisation verified (its IdP speaks for nobody else — another organisation's people, or a
 * password account elsewhere), then the person's user is found or made (resolveExternalUser) and,
 * just in time, made an EMPLOYEE member. Returns the user id to open a session for.
 */
export async function completeSsoSignIn(identity: OrgIdentity): Promise<string> {
  const email = identity.email?.trim().toLowerCase();
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 320) {
    throw new SsoSignInError("SsoNoEmail");
  }
  const domain = emailDomain(email);
  const verified = domain
    ? await db.orgSsoDomain.findFirst({
        where: { orgId: identity.orgId, domain, verifiedAt: { not: null } },
        select: { id: true },
      })
    : null;
  if (!verified) throw new SsoSignInError("SsoDomainNotVerified", domain ?? "");

  const userId = await resolveExternalUser({
    provider: `${identity.protocol}:${identity.orgId}`,
    providerAccountId: identity.subject,
    email,
    emailVerified: true,
    name: identity.name,
  });

  await db.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({
      where: { orgId_userId: { orgId: identity.orgId, userId } },
      select: { status: true },
    });
    if (membership?.status === "DEACTIVATED") throw new SsoSignInError("SsoDeactivated");
    if (!membership) {
      const person = await tx.user.findUniqueOrThrow({
        where: { id: userId },
        select: { name: true },
      });
      const membershipId = createId("mem");
      const created = await tx.membership.createMany({
        data: {
          id: membershipId,
          orgId: identity.orgId,
          userId,
          role: "EMPLOYEE",
          handle: await uniqueHandle(tx, identity.orgId, person.name),
        },
        skipDuplicates: true,
      });
      if (created.count === 1) {
        await recordAudit(tx, {
          orgId: identity.orgId,
          actorId: userId,
          action: "sso.jit_member",
          targetType: "membership",
          targetId: membershipId,
          metadata: { protocol: identity.protocol, domain },
        });
      }
    }
    await tx.user.update({ where: { id: userId }, data: { lastActiveOrgId: identity.orgId } });
  });
  return userId;
}
