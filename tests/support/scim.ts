/** Calls the SCIM route handlers as an identity provider would: bearer token, SCIM JSON. */
import { callRoute, type Handler } from "./http";

export const SCIM_JSON = "application/scim+json";

export function scimCall(
  token: string | null,
  handler: Handler,
  options: {
    method?: string;
    path: string;
    body?: unknown;
    rawBody?: string;
    params?: Record<string, string>;
    headers?: Record<string, string>;
  },
) {
  const headers: Record<string, string> = { ...options.headers };
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined || options.rawBody !== undefined) {
    headers["content-type"] ??= SCIM_JSON;
  }
  return callRoute(handler, { ...options, headers });
}
