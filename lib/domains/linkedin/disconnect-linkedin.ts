import { db } from "@/lib/core/db/client";
import { decryptSecret } from "@/lib/core/crypto/token-cipher";
import { revokeToken } from "@/lib/integrations/linkedin/linkedin-client";
import type { Access } from "@/lib/domains/access/resolve-access";

/**
 * Disconnect: revoke the token at LinkedIn (best effort: a failure is logged, the member's wish to
 * disconnect wins) and delete the connection. Returns whether there was one and if LinkedIn
 * confirmed the revocation.
 */
export async function disconnectLinkedIn(
  access: Pick<Access, "orgId" | "membershipId">,
): Promise<{ disconnected: boolean; revoked: boolean }> {
  const connection = await db.linkedInConnection.findFirst({
    where: { orgId: access.orgId, membershipId: access.membershipId },
    select: { id: true, accessToken: true },
  });
  if (!connection) return { disconnected: false, revoked: false };
  let revoked = false;
  try {
    await revokeToken(decryptSecret(connection.accessToken), { timeoutMs: 5000 });
    revoked = true;
  } catch (error) {
    console.warn(
      `[linkedin] revoking the token of connection ${connection.id} failed: ${(error as Error).message}`,
    );
  }
  await db.linkedInConnection.deleteMany({ where: { id: connection.id, orgId: access.orgId } });
  return { disconnected: true, revoked };
}
