import { z } from "zod";
import { emailField, personNameField } from "@/lib/core/validation";
import { PASSWORD_MIN_LENGTH } from "@/lib/domains/auth/password";

/** The sign-up rules for a password (also used when a password is reset). */
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

/**
 * The forms behind the sign-in, sign-up and welcome server actions. They live here, not in the
 * "use server" files (which may export only actions), so the bad-input suite fuzzes the real ones.
 */
export const signInFormSchema = z.object({
  email: z.string().trim().min(1, { error: "Enter your email address." }).max(320),
  password: z.string().min(1, { error: "Enter your password." }).max(1024),
  callbackUrl: z.string().max(2000).optional(),
});

export const signUpFormSchema = signUpSchema.extend({
  callbackUrl: z.string().max(2000).optional(),
  /** Signing up from an invitation page joins that organisation straight away. */
  invitationToken: z
    .string()
    .max(128)
    .optional()
    .transform((v) => v || undefined),
  organizationName: z
    .string()
    .trim()
    .max(80, { error: "Organisation names are at most 80 characters." })
    .optional()
    .transform((v) => v || undefined)
    .pipe(signUpSchema.shape.organizationName),
});

export const createOrganizationFormSchema = z.object({
  organizationName: z
    .string()
    .trim()
    .min(2, { error: "Organisation names need at least 2 characters." })
    .max(80, { error: "Organisation names are at most 80 characters." }),
});

/** "Sign in with SSO": the work email whose domain names the organisation. */
export const ssoDiscoverySchema = z.object({
  workEmail: emailField,
});
