import { z } from "zod";
import { API_OUTCOMES } from "@/lib/domains/conversions/conversion-schema";
import { parseJsonPath } from "@/lib/domains/connectors/json-path";

/** Non-secret settings of each kind of connection (ConnectorConnection.config). */
const propertyName = z
  .string({ error: "must be a property name." })
  .trim()
  .regex(/^[A-Za-z0-9_]{1,100}$/, {
    error: "must be an internal property name (letters, digits and _), e.g. chorus_click_id.",
  });

export const hubspotConfigSchema = z
  .object({
    /** Contact/deal property (and form field) that holds the click id or tracked-link code. */
    clickIdProperty: propertyName.default("chorus_click_id"),
    /** New contacts become this outcome; "none" skips contacts. */
    contactOutcome: z
      .enum(["signup", "lead", "none"], { error: "must be signup, lead or none." })
      .default("lead"),
    /** Closed-won deals become DEAL conversions with their amount and currency. */
    syncDeals: z.boolean({ error: "must be true or false." }).default(true),
    /** Forms whose submissions are imported (their GUIDs, from the form's URL in HubSpot). */
    formGuids: z
      .array(z.uuid({ error: "must be form GUIDs (like 1a2b3c4d-…)." }), {
        error: "must be a list of form GUIDs.",
      })
      .max(20, { error: "at most 20 forms." })
      .default([]),
    formOutcome: z.enum(["signup", "lead"], { error: "must be signup or lead." }).default("signup"),
  })
  .strict();
export type HubSpotConfig = z.output<typeof hubspotConfigSchema>;

export const greenhouseConfigSchema = z
  .object({
    /**
     * The application custom field (key) — or application question — that holds the click id or
     * tracked-link code; the application's source name is read for a code too.
     */
    clickIdField: z
      .string({ error: "must be a field key or question." })
      .trim()
      .min(1, { error: "is required." })
      .max(200, { error: "at most 200 characters." })
      .default("chorus_click_id"),
  })
  .strict();
export type GreenhouseConfig = z.output<typeof greenhouseConfigSchema>;

const jsonPath = z
  .string({ error: "must be a JSON path such as $.data.id." })
  .trim()
  .refine((p) => parseJsonPath(p) !== null, {
    error:
      'is not a JSON path Chorus understands: use $, .name, ["any key"] and [0], e.g. $.data.id.',
  });

export const webhookMappingSchema = z
  .object({
    externalId: jsonPath,
    clickId: jsonPath.optional(),
    shareCode: jsonPath.optional(),
    outcome: jsonPath.optional(),
    /** Used when there is no outcome path, or the payload leaves it empty. */
    defaultOutcome: z
      .enum(API_OUTCOMES, { error: `must be one of ${API_OUTCOMES.join(", ")}.` })
      .optional(),
    value: jsonPath.optional(),
    currency: jsonPath.optional(),
    occurredAt: jsonPath.optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (!m.clickId && !m.shareCode) {
      ctx.addIssue({
        code: "custom",
        path: ["clickId"],
        message: "map the click id (or the tracked-link code) so records can be attributed.",
      });
    }
    if (!m.outcome && !m.defaultOutcome) {
      ctx.addIssue({
        code: "custom",
        path: ["defaultOutcome"],
        message: "map the outcome or choose a default outcome.",
      });
    }
  });
export type WebhookMapping = z.output<typeof webhookMappingSchema>;

export const webhookConfigSchema = z.object({ mapping: webhookMappingSchema }).strict();
export type WebhookConfig = z.output<typeof webhookConfigSchema>;

export const CONNECTOR_KINDS = ["hubspot", "greenhouse", "webhook"] as const;
export type ConnectorKindName = (typeof CONNECTOR_KINDS)[number];

const name = z
  .string({ error: "name is required." })
  .trim()
  .min(1, { error: "give the connection a name." })
  .max(80, { error: "at most 80 characters." });
const token = z
  .string({ error: "must be a string." })
  .trim()
  .min(8, { error: "paste the whole token." })
  .max(500, { error: "at most 500 characters." })
  .regex(/^[\x21-\x7e]+$/, { error: "contains characters a token cannot have." });
const intervalMinutes = z
  .number({ error: "must be a number of minutes." })
  .int({ error: "must be whole minutes." })
  .min(5, { error: "at least 5 minutes." })
  .max(1440, { error: "at most 1440 minutes (a day)." });

export const createConnectionSchema = z.discriminatedUnion(
  "kind",
  [
    z
      .object({
        kind: z.literal("hubspot"),
        name,
        token,
        intervalMinutes: intervalMinutes.default(15),
        config: hubspotConfigSchema.default(hubspotConfigSchema.parse({})),
      })
      .strict(),
    z
      .object({
        kind: z.literal("greenhouse"),
        name,
        token,
        intervalMinutes: intervalMinutes.default(15),
        config: greenhouseConfigSchema.default(greenhouseConfigSchema.parse({})),
      })
      .strict(),
    z.object({ kind: z.literal("webhook"), name, config: webhookConfigSchema }).strict(),
  ],
  { error: "kind must be hubspot, greenhouse or webhook." },
);
export type CreateConnectionInput = z.output<typeof createConnectionSchema>;

/** Partial update; `config` is validated against the connection's kind by the domain function. */
export const updateConnectionSchema = z
  .object({
    name: name.optional(),
    token: token.optional(),
    intervalMinutes: intervalMinutes.optional(),
    paused: z.boolean({ error: "must be true or false." }).optional(),
    config: z.record(z.string(), z.unknown(), { error: "must be an object." }).optional(),
    /** Webhook only: replace the secret (the new one is answered once). */
    rotateSecret: z.literal(true, { error: "must be true." }).optional(),
  })
  .strict();
export type UpdateConnectionInput = z.output<typeof updateConnectionSchema>;

export function configSchemaFor(kind: ConnectorKindName) {
  return kind === "hubspot"
    ? hubspotConfigSchema
    : kind === "greenhouse"
      ? greenhouseConfigSchema
      : webhookConfigSchema;
}
