import { ZodError } from "zod";
import { AppError } from "@/lib/core/errors/app-error";
import { zodFieldErrors, zodMessage } from "@/lib/core/http/zod-messages";
import { DATABASE_INPUT_MESSAGE, databaseInputProblem } from "@/lib/core/http/database-input-error";

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

function json(status: number, body: ErrorBody, headers?: HeadersInit): Response {
  return Response.json(body, { status, headers });
}

/** The one place where errors become HTTP responses. Unexpected errors are logged, never leaked. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error.retryAfterSeconds) headers["Retry-After"] = String(error.retryAfterSeconds);
    return json(
      error.status,
      { error: { code: error.code, message: error.message, fields: error.fields } },
      headers,
    );
  }
  if (error instanceof ZodError) {
    return json(400, {
      error: { code: "BAD_REQUEST", message: zodMessage(error), fields: zodFieldErrors(error) },
    });
  }
  const refused = databaseInputProblem(error);
  if (refused) {
    console.warn(`Input the database refused (a validator missed it): ${refused}`);
    return json(400, { error: { code: "BAD_REQUEST", message: DATABASE_INPUT_MESSAGE } });
  }
  console.error("Unexpected error", error);
  return json(500, {
    error: { code: "INTERNAL", message: "Something went wrong on our side. Please try again." },
  });
}
