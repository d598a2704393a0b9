import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { conflict } from "@/lib/core/errors/app-error";
import { hashPassword, PASSWORD_MIN_LENGTH } from "@/lib/domains/auth/password";
import { emailField, personNameField } from "@/lib/core/validation";
import { createOrganizationInTx } from "@/lib/domains/orgs/create-organization";

export const passwordField = z
  .string({ error: "Choose a password." })
  .min(PASSWORD_MIN_LENGTH, { error: `Passwords need at least ${PASSWORD_MIN_LENGTH} characters.` })
  .max(200, { error: "Passwords are at most 200 characters." });

export const signUpSchema = z.object({
  name: personNameField,
  email: emailField,
  password: passwordField,
  /** Present when the person starts a new organisation; absent when joining by invitation. */
  organizationName: z
    .string()
    .trim()
    .min(2, { error: "Organisation names need at least 2 characters." })
    .max(80, { error: "Organisation names are at most 80 characters." })
    .optional(),
});

export type SignUpInput = z.infer<typeof signUpSchema>;

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

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
