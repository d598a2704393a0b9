"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/domains/access/action";
import { createOrganizationFormSchema } from "@/lib/domains/auth/auth-form-schemas";
import { readSessionUserId } from "@/lib/domains/auth/session-user";
import { db } from "@/lib/core/db/client";
import { env } from "@/lib/core/env";
import { AppError, unauthorized } from "@/lib/core/errors/app-error";
import { createOrganizationInTx } from "@/lib/domains/orgs/create-organization";

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
