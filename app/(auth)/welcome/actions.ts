"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/access/action";
import { createOrganizationFormSchema } from "@/lib/auth/auth-form-schemas";
import { readSessionUserId } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError, unauthorized } from "@/lib/errors/app-error";
import { createOrganizationInTx } from "@/lib/orgs/create-organization";

export const createOrganizationAction = formAction(
  createOrganizationFormSchema,
  async ({ organizationName }) => {
    const userId = await readSessionUserId(await headers());
    if (!userId) throw unauthorized();
    if (!env().SIGNUP_ENABLED)
      throw new AppError("FORBIDDEN", "Creating organisations is disabled here.");
    await db.$transaction((tx) =>
      createOrganizationInTx(tx, { name: organizationName, adminUserId: userId }),
    );
    redirect("/");
  },
);
