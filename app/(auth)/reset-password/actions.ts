"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/domains/access/action";
import { resetPassword } from "@/lib/domains/auth/password-reset/reset-password";
import { clientIp } from "@/lib/core/http/client-ip";
import { passwordField } from "@/lib/domains/auth/auth-form-schemas";

const resetSchema = z
  .object({
    token: z.string({ error: "The reset link is missing." }).max(128),
    password: passwordField,
    confirmPassword: z.string({ error: "Repeat the new password." }).max(200),
  })
  .refine((input) => input.password === input.confirmPassword, {
    error: "The two passwords don't match.",
    path: ["confirmPassword"],
  });

/** Sets the new password from a reset link, then sends the person to sign in. */
export const resetPasswordAction = formAction(resetSchema, async (input) => {
  await resetPassword({
    token: input.token,
    password: input.password,
    ip: clientIp(await headers()),
  });
  redirect("/signin?reset=done");
});
