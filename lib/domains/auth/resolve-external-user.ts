import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";

export interface ExternalIdentity {
  provider: string;
  providerAccountId: string;
  email?: string | null;
  emailVerified?: boolean | null;
  name?: string | null;
  image?: string | null;
}

export class ExternalIdentityError extends Error {}

/**
 * Maps an identity from an SSO or LinkedIn sign-in to a Chorus user: an identity seen before keeps
 * its user; a new one links to the user with the same (verified) email, or creates a user.
 */
export async function resolveExternalUser(identity: ExternalIdentity): Promise<string> {
  const { provider, providerAccountId } = identity;
  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: { userId: true },
  });
  if (linked) return linked.userId;

  const email = identity.email?.trim().toLowerCase();
  if (!email)
    throw new ExternalIdentityError("The identity provider did not share an email address.");
  if (identity.emailVerified === false) {
    throw new ExternalIdentityError("The identity provider has not verified this email address.");
  }

  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({
      where: { email },
      select: { id: true, passwordHash: true },
    });
    if (existing?.passwordHash) {
      // Nobody proved they own the email behind a password account (there is no email check at
      // sign-up), while the identity provider vouches for it. The verified owner takes the account
      // over: the password stops working and every session opened with it ends.
      await tx.user.update({
        where: { id: existing.id },
        data: {
          passwordHash: null,
          sessionVersion: { increment: 1 },
          failedLoginCount: 0,
          lockedUntil: null,
        },
      });
    }
    const userId =
      existing?.id ??
      (
        await tx.user.create({
          data: {
            id: createId("usr"),
            email,
            name: identity.name?.trim() || email.split("@")[0]!,
            image: identity.image ?? null,
          },
          select: { id: true },
        })
      ).id;
    await tx.account.create({
      data: { id: createId("acc"), userId, provider, providerAccountId },
    });
    return userId;
  });
}

export async function currentSessionVersion(userId: string): Promise<number> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { sessionVersion: true },
  });
  return user?.sessionVersion ?? 0;
}
