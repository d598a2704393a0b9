import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { conflict } from "@/lib/core/errors/app-error";
import type { Access } from "@/lib/domains/access/resolve-access";
import { languageField } from "@/lib/domains/content/content-schemas";
import { personNameField } from "@/lib/core/validation";
import { isUniqueViolation } from "@/lib/core/db/is-unique-violation";

export const updateProfileSchema = z
  .object({
    name: personNameField,
    headline: z
      .string()
      .trim()
      .max(220, { error: "LinkedIn headlines are at most 220 characters." })
      .nullable()
      .transform((v) => v || null),
    locale: languageField,
    networkSize: z
      .number({ error: "Enter your number of LinkedIn connections and followers." })
      .int({ error: "Enter a whole number." })
      .min(0, { error: "The network size cannot be negative." })
      .max(50_000_000, { error: "That network size is not plausible." })
      .nullable(),
    handle: z
      .string()
      .trim()
      .toLowerCase()
      .min(2, { error: "Handles have at least 2 characters." })
      .max(40, { error: "Handles have at most 40 characters." })
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
        error: "Use lowercase letters, digits and single dashes.",
      }),
    showShares: z.boolean(),
    showStories: z.boolean(),
    showMix: z.boolean(),
    showReach: z.boolean(),
  })
  .partial()
  .strict();

export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;

/** The signed-in person edits their own profile and chooses what their page shows. */
export async function updateProfile(access: Access, input: UpdateProfileInput) {
  const { name, headline, locale, networkSize, ...membership } = input;
  try {
    await db.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: access.userId },
        data: { name, headline, locale, networkSize },
      });
      await tx.membership.update({ where: { id: access.membershipId }, data: membership });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict("Someone in your organisation already uses that handle.", {
        handle: "Taken.",
      });
    }
    throw error;
  }
  return getProfile(access);
}

export async function getProfile(access: Access) {
  const m = await db.membership.findUniqueOrThrow({
    where: { id: access.membershipId },
    select: {
      handle: true,
      showShares: true,
      showStories: true,
      showMix: true,
      showReach: true,
      user: {
        select: { name: true, email: true, headline: true, locale: true, networkSize: true },
      },
    },
  });
  const { user, ...rest } = m;
  return { ...user, ...rest };
}
