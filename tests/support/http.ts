/** Calls a route handler directly with a real Request, as Next.js would, signed in by cookie. */
import { encode } from "next-auth/jwt";

export const TEST_ORIGIN = "http://chorus.test";
const COOKIE = "authjs.session-token";

export async function sessionCookie(userId: string): Promise<string> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET must be set for integration tests");
  const token = await encode({ token: { uid: userId, sub: userId }, secret, salt: COOKIE });
  return `${COOKIE}=${token}`;
}

// `never` accepts handlers whatever params type they declare (parameters are contravariant).
export type Handler = (req: Request, segment: { params: Promise<never> }) => Promise<Response>;

export interface CallOptions {
  method?: string;
  path?: string;
  userId?: string | null;
  body?: unknown;
  rawBody?: string;
  /** A multipart body (the Request sets the content type with its boundary). */
  form?: FormData;
  params?: Record<string, string | string[]>;
  headers?: Record<string, string>;
}

export async function callRoute(handler: Handler, options: CallOptions = {}) {
  const {
    method = "GET",
    path = "/api/test",
    userId,
    body,
    rawBody,
    form,
    params = {},
    headers = {},
  } = options;
  const h: Record<string, string> = { host: new URL(TEST_ORIGIN).host, ...headers };
  if (userId) h.cookie = await sessionCookie(userId);
  if (body !== undefined || rawBody !== undefined) h["content-type"] ??= "application/json";
  if (method !== "GET" && method !== "HEAD") h.origin ??= TEST_ORIGIN;
  const req = new Request(new URL(path, TEST_ORIGIN), {
    method,
    headers: h,
    body: form ?? rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const res = await handler(req, { params: Promise.resolve(params) as Promise<never> });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return {
    status: res.status,
    json: json as Record<string, unknown> & { error?: { message: string; code: string } },
    headers: res.headers,
  };
}
