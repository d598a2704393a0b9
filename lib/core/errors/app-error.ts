/** Expected failures, each with a code, an HTTP status and a message a person can act on. */
export type AppErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "UNPROCESSABLE"
  | "RATE_LIMITED"
  | "BAD_GATEWAY"
  | "GATEWAY_TIMEOUT";

const STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  BAD_GATEWAY: 502,
  GATEWAY_TIMEOUT: 504,
};

export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
    this.status = STATUS[code];
  }
}

export const badRequest = (message: string, fields?: FieldErrors) =>
  new AppError("BAD_REQUEST", message, fields);
export const unauthorized = (message = "Sign in to continue.") =>
  new AppError("UNAUTHORIZED", message);
export const forbidden = (message = "You don't have permission to do that.") =>
  new AppError("FORBIDDEN", message);
export const notFound = (what = "That") => new AppError("NOT_FOUND", `${what} was not found.`);
/**
 * Ids in a body or query string that name no record of the caller's organisation: 404 like an id
 * in the path (another organisation's id and an id that never existed look the same), naming the
 * field.
 */
export const unknownIds = (message: string, fields: FieldErrors) =>
  new AppError("NOT_FOUND", message, fields);
export const conflict = (message: string, fields?: FieldErrors) =>
  new AppError("CONFLICT", message, fields);
/** Well-formed input that cannot be applied, e.g. a conversion outside the attribution window. */
export const unprocessable = (message: string, fields?: FieldErrors) =>
  new AppError("UNPROCESSABLE", message, fields);
export const rateLimited = (message: string, retryAfterSeconds: number) =>
  new AppError("RATE_LIMITED", message, undefined, retryAfterSeconds);
