import { db } from "@/lib/core/db/client";
import {
  OPTIONAL_EMAIL_CATEGORIES,
  type OptionalEmailCategory,
} from "@/lib/domains/email/categories";

/** Adds one category to the person's opt-outs (idempotent). Returns false for an unknown user. */
export async function unsubscribeFromCategory(
  userId: string,
  category: OptionalEmailCategory,
): Promise<boolean> {
  const changed = await db.$executeRaw`
    UPDATE "User" SET "emailOptOuts" = array_append("emailOptOuts", ${category})
    WHERE id = ${userId} AND NOT (${category} = ANY("emailOptOuts"))`;
  if (changed > 0) return true;
  return (await db.user.count({ where: { id: userId } })) > 0;
}

/** Replaces the person's opt-outs with the optional categories they do not want. */
export async function setEmailOptOuts(
  userId: string,
  optOuts: OptionalEmailCategory[],
): Promise<OptionalEmailCategory[]> {
  const clean = OPTIONAL_EMAIL_CATEGORIES.filter((c) => optOuts.includes(c));
  await db.user.update({ where: { id: userId }, data: { emailOptOuts: clean } });
  return clean;
}

export async function getEmailOptOuts(userId: string): Promise<string[]> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { emailOptOuts: true } });
  return user?.emailOptOuts ?? [];
}
