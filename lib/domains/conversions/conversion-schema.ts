import { z } from "zod";
import type { ConversionOutcome } from "@/lib/generated/prisma/enums";
import { SHARE_CODE_PATTERN } from "@/lib/domains/tracking/share-code";
import { isCurrencyCode } from "@/lib/core/validation";
import { isTooFarInFuture, MAX_FUTURE_SKEW_MS } from "@/lib/domains/conversions/attribution-window";

/** Outcomes as the public API spells them (lower case), in funnel order within each area. */
export const API_OUTCOMES = [
  "visit",
  "signup",
  "application",
  "hire",
  "lead",
  "opportunity",
  "deal",
] as const satisfies readonly Lowercase<ConversionOutcome>[];
export type ApiOutcome = (typeof API_OUTCOMES)[number];

/** Decimal(14, 2) holds more, but anything above this is a unit mistake (cents sent as units…). */
export const MAX_CONVERSION_VALUE = 1_000_000_000;
export const CLICK_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const IDEMPOTENCY_KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;

function hasAtMostTwoDecimals(value: number): boolean {
  const cents = value * 100;
  return Math.abs(cents - Math.round(cents)) < 1e-6;
}

const missingOr = (message: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? "is required." : message;

export const idempotencyKeySchema = z
  .string({ error: "must be a string of 1 to 255 printable characters." })
  .regex(IDEMPOTENCY_KEY_PATTERN, {
    error: "must be 1 to 255 printable ASCII characters (e.g. a UUID or your order id).",
  })
  .meta({
    description:
      "Makes retries safe: a request repeated with the same key answers the first conversion instead of recording another. Also accepted as the Idempotency-Key header.",
    examples: ["order-2026-11-25-0042"],
  });

/** The body of POST /api/v1/conversions. Also the source of the OpenAPI document. */
export const conversionRequestSchema = z
  .strictObject(
    {
      clickId: z
        .string({ error: "must be a string: the click id your landing page received." })
        .regex(CLICK_ID_PATTERN, { error: "is not a click id (letters, digits, _ and -)." })
        .optional()
        .meta({
          description:
            "The click id your landing page received in the click-id parameter (default `aid`). Send either clickId or shareCode.",
          examples: ["clk_3kTz9QmV2xLp7NcR4wYb"],
        }),
      shareCode: z
        .string({ error: "must be a string: the code of the tracked link." })
        .regex(SHARE_CODE_PATTERN, { error: "is not a share code (10 letters and digits)." })
        .optional()
        .meta({
          description:
            "The code of the tracked link (utm_content), when no click id is known. Secret keys only.",
          examples: ["a8F3kQ9zLm"],
        }),
      outcome: z
        .enum(API_OUTCOMES, {
          error: missingOr(`must be one of ${API_OUTCOMES.join(", ")}.`),
        })
        .meta({
          description:
            "What happened. Marketing: visit, signup · HR: application, hire · Sales: lead, opportunity, deal.",
          examples: ["signup"],
        }),
      value: z
        .number({ error: "must be a number, e.g. 49.9." })
        .min(0, { error: "cannot be negative." })
        .max(MAX_CONVERSION_VALUE, {
          error: `is at most ${MAX_CONVERSION_VALUE.toLocaleString("en")}.`,
        })
        .refine(hasAtMostTwoDecimals, { error: "has at most 2 decimals." })
        .optional()
        .meta({
          description: "Monetary value of the conversion (≥ 0, 2 decimals).",
          examples: [1200],
        }),
      currency: z
        .string({ error: "must be a 3-letter ISO 4217 code such as EUR." })
        .regex(/^[A-Z]{3}$/, { error: "must be a 3-letter ISO 4217 code in capitals, e.g. EUR." })
        .refine(isCurrencyCode, {
          error: "must be a 3-letter ISO 4217 code in capitals, e.g. EUR.",
        })
        .optional()
        .meta({
          description:
            "ISO 4217 currency of value; only together with value. Default: your organisation's currency.",
          examples: ["EUR"],
        }),
      occurredAt: z.iso
        .datetime({
          offset: true,
          error: "must be an ISO 8601 date-time with a time zone, e.g. 2026-11-25T14:30:00Z.",
        })
        .refine((v) => !isTooFarInFuture(new Date(v)), {
          error: `is in the future (more than ${MAX_FUTURE_SKEW_MS / 60_000} minutes from now).`,
        })
        .optional()
        .meta({
          description:
            "When the conversion happened (ISO 8601 with a time zone). Default: now. Must lie within the attribution window after the click.",
          examples: ["2026-11-25T14:30:00Z"],
        }),
      idempotencyKey: idempotencyKeySchema.optional(),
    },
    {
      error: (issue) => (issue.code === "unrecognized_keys" ? undefined : "must be a JSON object."),
    },
  )
  .superRefine((body, ctx) => {
    if (body.clickId === undefined && body.shareCode === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["clickId"],
        message: "is required (or send shareCode when no click id is known).",
      });
    }
    if (body.clickId !== undefined && body.shareCode !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["shareCode"],
        message: "send either clickId or shareCode, not both.",
      });
    }
    if (body.currency !== undefined && body.value === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["currency"],
        message: "is only accepted together with value.",
      });
    }
  });

export type ConversionRequest = z.infer<typeof conversionRequestSchema>;

/** The answer to a recorded (201) or replayed (200) conversion. */
export const conversionResponseSchema = z.object({
  id: z.string().meta({ examples: ["cnv_8QmV2xLp7NcR4wYb3kTz"] }),
  outcome: z.enum(API_OUTCOMES),
  shareCode: z.string().meta({ examples: ["a8F3kQ9zLm"] }),
  clickId: z.string().nullable(),
  value: z
    .number()
    .nullable()
    .meta({ examples: [1200] }),
  currency: z
    .string()
    .nullable()
    .meta({ examples: ["EUR"] }),
  occurredAt: z.iso.datetime(),
  attributed: z.literal(true),
});

export type ConversionResponse = z.infer<typeof conversionResponseSchema>;

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string().meta({ examples: ["BAD_REQUEST"] }),
    message: z
      .string()
      .meta({ examples: ["Invalid input — outcome: must be one of visit, signup, …"] }),
    fields: z
      .record(z.string(), z.string())
      .optional()
      .meta({ description: "Field name → problem, for input errors." }),
  }),
});
