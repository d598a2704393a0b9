import { db } from "@/lib/core/db/client";
import type { Role } from "@/lib/generated/prisma/enums";

export interface Access {
  userId: string;
  orgId: string;
  membershipId: string;
  role: Role;
  /** Delegated capabilities (permissions.ts CAPABILITIES) on top of the role. */
  capabilities?: string[];
  user: { id: string; name: string; email: string; image: string | null };
  org: { id: string; name: string; slug: string; timeZone: string; logoUrl: string | null };
}

export type AccessResult =
  | { kind: "member"; access: Access }
  | { kind: "no-organization"; userId: string }
  | { kind: "deactivated"; userId: string; orgName: string }
  | { kind: "unknown-user" };

/**
 * Session → membership. The active organisation is kept on the user row (server side), so the
 * client never names the tenant. When the active membership is gone or deactivated, the oldest
 * active membership takes its place.
 */
export async function resolveAccess(userId: string): Promise<AccessResult> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      image: true,
      lastActiveOrgId: true,
      memberships: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          role: true,
          capabilities: true,
          status: true,
          org: { select: { id: true, name: true, slug: true, timeZone: true, logoUrl: true } },
        },
      },
    },
  });
  if (!user) return { kind: "unknown-user" };
  const { memberships, lastActiveOrgId, ...profile } = user;
  const preferred = memberships.find((m) => m.org.id === lastActiveOrgId);
  const active =
    preferred?.status === "ACTIVE" ? preferred : memberships.find((m) => m.status === "ACTIVE");
  if (!active) {
    return memberships[0]
      ? { kind: "deactivated", userId, orgName: (preferred ?? memberships[0]).org.name }
      : { kind: "no-organization", userId };
  }
  if (active.org.id !== lastActiveOrgId) {
    await db.user.update({ where: { id: userId }, data: { lastActiveOrgId: active.org.id } });
  }
  return {
    kind: "member",
    access: {
      userId,
      orgId: active.org.id,
      membershipId: active.id,
      role: active.role,
      capabilities: active.capabilities,
      user: profile,
      org: active.org,
    },
  };
}
