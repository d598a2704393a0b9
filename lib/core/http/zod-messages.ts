import type { ZodError } from "zod";

/** The key for problems with the input as a whole (not one field). */
export const ROOT = "_";

function fieldName(path: PropertyKey[]): string {
  return path.map(String).join(".") || ROOT;
}

/** Field → first message, for forms that show errors beside each input. */
export function zodFieldErrors(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[fieldName(issue.path)] ??= issue.message;
  return fields;
}

/** One readable sentence naming each invalid field. */
export function zodMessage(error: ZodError): string {
  const parts = Object.entries(zodFieldErrors(error)).map(([field, msg]) =>
    field === ROOT ? msg : `${field}: ${msg}`,
  );
  return parts.length ? `Invalid input — ${parts.join("; ")}` : "Invalid input.";
}
