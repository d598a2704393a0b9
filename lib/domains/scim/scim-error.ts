import { ZodError } from "zod";
import { AppError } from "@/lib/core/errors/app-error";
import { zodMessage } from "@/lib/core/http/zod-messages";
import { DATABASE_INPUT_MESSAGE, databaseInputProblem } from "@/lib/core/http/database-input-error";

export const SCIM_CONTENT_TYPE = "application/scim+json";
export const SCIM_ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

/** RFC 7644 §3.12 scimType values this service answers with. */
export type ScimType =
  | "invalidFilter"
  | "invalidPath"
  | "invalidSyntax"
  | "invalidValue"
  | "mutability"
  | "noTarget"
  | "uniqueness"
  | "tooMany";

/** An expected SCIM failure: an AppError (status, message) with the SCIM error type. */
export class ScimError extends AppError {
  constructor(
    code: "BAD_REQUEST" | "CONFLICT",
    readonly scimType: ScimType,
    message: string,
  ) {
    super(code, message);
  }
}

export const scimBadRequest = (scimType: ScimType, detail: string) =>
  new ScimError("BAD_REQUEST", scimType, detail);
export const scimConflict = (detail: string) => new ScimError("CONFLICT", "uniqueness", detail);

export function scimJson(body: unknown, status = 200, headers?: HeadersInit): Response {
  const response = new Response(JSON.stringify(body), { status, headers });
  response.headers.set("Content-Type", SCIM_CONTENT_TYPE);
  return response;
}

function body(status: number, detail: string, scimType?: ScimType) {
  return { schemas: [SCIM_ERROR_SCHEMA], status: String(status), scimType, detail };
}

/**
 * The one place SCIM errors become responses (RFC 7644 §3.12): the error schema, the status as a
 * string, a scimType for 400/409. Unexpected errors are logged and never leaked.
 */
export function scimErrorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const scimType =
      error instanceof ScimError
        ? error.scimType
        : error.code === "BAD_REQUEST"
          ? "invalidValue"
          : error.code === "CONFLICT"
            ? "uniqueness"
            : undefined;
    const headers: Record<string, string> = {};
    if (error.retryAfterSeconds) headers["Retry-After"] = String(error.retryAfterSeconds);
    if (error.status === 401) {
      headers["WWW-Authenticate"] = 'Bearer realm="chorus-scim", error="invalid_token"';
    }
    return scimJson(body(error.status, error.message, scimType), error.status, headers);
  }
  if (error instanceof ZodError) {
    return scimJson(body(400, zodMessage(error), "invalidValue"), 400);
  }
  const refused = databaseInputProblem(error);
  if (refused) {
    console.warn(`SCIM input the database refused (a validator missed it): ${refused}`);
    return scimJson(body(400, DATABASE_INPUT_MESSAGE, "invalidValue"), 400);
  }
  console.error("Unexpected SCIM error", error);
  return scimJson(body(500, "Something went wrong on our side. Please try again."), 500);
}
