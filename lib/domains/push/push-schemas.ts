import { z } from "zod";

const base64Url = (what: string, bytes: number, first?: number) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, { message: `must be the ${what} in base64url` })
    .transform((v) => v.replace(/=+$/, ""))
    .refine(
      (v) => {
        const decoded = Buffer.from(v, "base64url");
        return decoded.length === bytes && (first === undefined || decoded[0] === first);
      },
      { message: `must be the browser's ${what} (${bytes} bytes)` },
    );

/** What `PushSubscription.toJSON()` gives in the browser (expirationTime is ignored). */
export const pushSubscriptionSchema = z.object({
  endpoint: z.string().trim().min(1, { message: "is required" }).max(2048, {
    message: "must be at most 2,048 characters",
  }),
  keys: z.object({
    p256dh: base64Url("P-256 public key", 65, 0x04),
    auth: base64Url("auth secret", 16),
  }),
});
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionSchema>;

/** The person's switches; `prompted: true` records that the one-time question was answered. */
export const pushPreferencesSchema = z
  .object({
    newContent: z.boolean(),
    milestones: z.boolean(),
    campaigns: z.boolean(),
    approvals: z.boolean(),
    prompted: z.literal(true),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "Name at least one setting to change." });
export type PushPreferencesInput = z.infer<typeof pushPreferencesSchema>;
