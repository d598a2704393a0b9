import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { conflict } from "@/lib/core/errors/app-error";
import { hashPassword } from "@/lib/domains/auth/password";
import type { SignUpInput } from "@/lib/domains/auth/auth-form-schemas";
import { isUniqueViolation } from "@/lib/core/db/is-unique-violation";
import { createOrganizationInTx } from "@/lib/domains/orgs/create-organization";

/** Creates a user (and, when asked, their organisation with them as its admin) in one transaction. */
export async function signUp(
  input: SignUpInput,
): Promise<{ userId: string; orgId: string | null }> {
  const passwordHash = await hashPassword(input.password);
  const taken = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (taken) throw emailTaken();
  try {
    return await db.$transaction(async (tx) => {
      const userId = createId("usr");
      await tx.user.create({
        data: { id: userId, email: input.email, name: input.name, passwordHash },
      });
      if (!input.organizationName) return { userId, orgId: null };
      const orgId = await createOrganizationInTx(tx, {
        name: input.organizationName,
        adminUserId: userId,
      });
      return { userId, orgId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

function emailTaken() {
  return conflict("An account with this email already exists. Sign in instead.", {
    email: "An account with this email already exists.",
  });
}
