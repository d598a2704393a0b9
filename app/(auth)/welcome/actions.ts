"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/access/action";
import { readSessionUserId } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError, unauthorized } from "@/lib/errors/app-error";
import { createOrganizationInTx } from "@/lib/orgs/create-organization";

const schema = z.object({
  organizationName: z
    .string()
    .trim()
    .min(2, { error: "Organisation names need at least 2 characters." })
    .max(80, { error: "Organisation names are at most 80 characters." }),
});

export const createOrganizationAction = formAction(schema, async ({ organizationName }) => {
  const userId = await readSessionUserId(await headers());
  if (!userId) throw unauthorized();
  if (!env().SIGNUP_ENABLED)
    throw new AppError("FORBIDDEN", "Creating organisations is disabled here.");
  await db.$transaction((tx) =>
    createOrganizationInTx(tx, { name: organizationName, adminUserId: userId }),
  );
  redirect("/");
});
