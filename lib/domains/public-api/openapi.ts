import { z } from "zod";
import {
  conversionRequestSchema,
  conversionResponseSchema,
  errorResponseSchema,
  IDEMPOTENCY_KEY_PATTERN,
} from "@/lib/domains/conversions/conversion-schema";
import { MAX_FUTURE_SKEW_MS } from "@/lib/domains/conversions/attribution-window";
import { readApiOpenApi } from "@/lib/domains/read-api/openapi-read-paths";

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" });
  return rest as Json;
}

function errorResponse(description: string, code: string, message: string, headers?: Json): Json {
  return {
    description,
    ...(headers ? { headers } : {}),
    content: {
      "application/json": {
        schema: { $ref: "#/components/schemas/Error" },
        example: { error: { code, message } },
      },
    },
  };
}

/**
 * The OpenAPI 3.1 document of the public API. Request and response schemas come from the zod
 * schemas the route validates with (z.toJSONSchema), so the document cannot drift from the code.
 */
export function buildOpenApiDocument(baseUrl: string): Json {
  const request = jsonSchema(conversionRequestSchema, "input");
  // Cross-field rules live in a zod refinement, which JSON Schema cannot see: state them here.
  request.oneOf = [{ required: ["clickId"] }, { required: ["shareCode"] }];
  request.dependentRequired = { currency: ["value"] };

  const conversionExample = {
    id: "cnv_8QmV2xLp7NcR4wYb3kTz",
    outcome: "deal",
    shareCode: "a8F3kQ9zLm",
    clickId: "clk_3kTz9QmV2xLp7NcR4wYb",
    value: 1200,
    currency: "EUR",
    occurredAt: "2026-11-25T14:30:00.000Z",
    attributed: true,
  };

  const read = readApiOpenApi();
  const conversionsGet = (read.paths["/api/v1/conversions"] as Json).get;
  delete read.paths["/api/v1/conversions"];

  return {
    openapi: "3.1.0",
    info: {
      title: "Chorus public API",
      version: "1.0.0",
      description:
        "Report conversions (sign-ups, applications, hires, leads, deals…) that follow a click on an employee's tracked link, and read your organisation's data (items, shares, members, teams, daily figures, conversions, campaigns) with a secret key that has the read scope. Authenticate with an organisation API key created by an admin in Settings → API keys. Secret keys (`chorus_sk_…`) belong on your servers; publishable keys (`chorus_pk_…`) are meant for the browser snippet `/chorus.js` and may only report a conversion for a real click id, once per outcome, without a value.",
    },
    servers: [{ url: baseUrl }],
    security: [{ bearerAuth: [] }, { apiKeyHeader: [] }],
    paths: {
      ...read.paths,
      "/api/v1/conversions": {
        get: conversionsGet,
        post: {
          operationId: "createConversion",
          summary: "Record a conversion",
          description: `Attributes an outcome to the click (clickId) or tracked link (shareCode) that led to it. occurredAt must lie between the click (or the share's creation) and the end of your organisation's attribution window (default 30 days), and at most ${MAX_FUTURE_SKEW_MS / 60_000} minutes in the future. With an idempotency key (body or Idempotency-Key header) retries are safe: the first request answers 201, a repeat answers 200 with the same body, and the same key with a different body answers 409. Rate limit: per key per minute (429 with Retry-After). Bodies up to 16 KB.`,
          security: [{ bearerAuth: [] }, { apiKeyHeader: [] }, { publishableKeyQuery: [] }],
          parameters: [
            {
              name: "Idempotency-Key",
              in: "header",
              required: false,
              description: "Same as the idempotencyKey field; if both are sent they must be equal.",
              schema: { type: "string", pattern: IDEMPOTENCY_KEY_PATTERN.source },
            },
          ],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: { $ref: "#/components/schemas/ConversionRequest" },
                examples: {
                  signup: {
                    summary: "A sign-up by click id",
                    value: {
                      clickId: "clk_3kTz9QmV2xLp7NcR4wYb",
                      outcome: "signup",
                      idempotencyKey: "signup-user-81723",
                    },
                  },
                  deal: {
                    summary: "A won deal with its value, by share code",
                    value: {
                      shareCode: "a8F3kQ9zLm",
                      outcome: "deal",
                      value: 1200,
                      currency: "EUR",
                      occurredAt: "2026-11-25T14:30:00Z",
                      idempotencyKey: "crm-deal-5521",
                    },
                  },
                },
              },
            },
          },
          responses: {
            "201": {
              description: "Conversion recorded.",
              content: {
                "application/json": {
                  schema: { $ref: "#/components/schemas/Conversion" },
                  example: conversionExample,
                },
              },
            },
            "200": {
              description:
                "Replay: a conversion with this idempotency key already exists; it is returned unchanged (header Idempotent-Replayed: true).",
              content: {
                "application/json": {
                  schema: { $ref: "#/components/schemas/Conversion" },
                  example: conversionExample,
                },
              },
            },
            "400": errorResponse(
              "Malformed body: invalid JSON, a missing or invalid field (named in `fields`), an unknown outcome, a negative value, a date in the future.",
              "BAD_REQUEST",
              "Invalid input — value: cannot be negative.",
            ),
            "401": errorResponse(
              "Missing, unknown or revoked API key.",
              "UNAUTHORIZED",
              "This API key has been revoked. Ask an admin for a new one.",
              { "WWW-Authenticate": { schema: { type: "string" } } },
            ),
            "403": errorResponse(
              "The key lacks the scope, e.g. a publishable key reporting by share code.",
              "FORBIDDEN",
              "A publishable key can only report a conversion for a click id.",
            ),
            "404": errorResponse(
              "The click id or share code does not exist in your organisation.",
              "NOT_FOUND",
              "No click with this id in your organisation.",
            ),
            "409": errorResponse(
              "The idempotency key was already used for a different conversion.",
              "CONFLICT",
              "This idempotency key was already used for a different conversion.",
            ),
            "413": errorResponse(
              "The body is larger than 16 KB.",
              "PAYLOAD_TOO_LARGE",
              "The request body is too large (limit 16 KB).",
            ),
            "415": errorResponse(
              "The body is not JSON.",
              "UNSUPPORTED_MEDIA_TYPE",
              "Send the request body as JSON with Content-Type: application/json.",
            ),
            "422": errorResponse(
              "occurredAt lies outside the attribution window (before the click or after the window).",
              "UNPROCESSABLE",
              "occurredAt is more than 30 days after the click.",
            ),
            "429": errorResponse(
              "Too many requests with this key; retry after the given number of seconds.",
              "RATE_LIMITED",
              "Too many requests with this API key. Try again in 1 minute.",
              { "Retry-After": { schema: { type: "integer" } } },
            ),
          },
        },
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "chorus_sk_… or chorus_pk_…",
          description: "Authorization: Bearer <API key>",
        },
        apiKeyHeader: { type: "apiKey", in: "header", name: "X-Api-Key" },
        publishableKeyQuery: {
          type: "apiKey",
          in: "query",
          name: "key",
          description:
            "Publishable keys only (the browser snippet). Never put a secret key in a URL.",
        },
      },
      schemas: {
        ConversionRequest: request,
        Conversion: jsonSchema(conversionResponseSchema, "output"),
        Error: jsonSchema(errorResponseSchema, "output"),
        ...read.schemas,
      },
    },
  };
}
