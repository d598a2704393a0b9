import { AppError, forbidden, notFound, unauthorized } from "@/lib/core/errors/app-error";
import { errorResponse } from "@/lib/core/http/error-response";
import { readBoundedBody } from "@/lib/core/http/read-bounded-body";
import { can, ROLE_LABELS, type Permission } from "@/lib/domains/access/permissions";
import { resolveAccess, type Access } from "@/lib/domains/access/resolve-access";
import { readSessionUserId } from "@/lib/domains/auth/session-user";
import { assertSameOrigin } from "@/lib/domains/access/same-origin";
import {
  authenticateApiKey,
  type ApiKeyPrincipal,
} from "@/lib/domains/access/authenticate-api-key";
import { kindOfKey, type ApiScope } from "@/lib/domains/access/api-key-format";
import { enforceRateLimit } from "@/lib/core/rate-limit/consume-rate-limit";
import { env } from "@/lib/core/env";
import { unstorableText } from "@/lib/core/http/storable-text";

type Params = Record<string, string | string[] | undefined>;
type Segment = { params: Promise<Params> };

interface BaseContext {
  req: Request;
  params: Params;
}
export interface OrgContext extends BaseContext {
  access: Access;
}
export interface UserContext extends BaseContext {
  userId: string;
}
export interface ApiKeyContext extends BaseContext {
  /** The calling key: everything the handler does is scoped by `apiKey.orgId`. */
  apiKey: ApiKeyPrincipal;
}

type Result = Response | object | null;

/**
 * The one access wrapper for route handlers: session → membership → role → permission.
 * Handlers receive the caller's organisation from the session, never from the client; queries
 * scoped by it make another organisation's ids answer 404. Errors become responses here.
 */
export function orgRoute(permission: Permission, handler: (ctx: OrgContext) => Promise<Result>) {
  return wrap(async (req, params) => {
    const userId = await requireUser(req);
    const access = await requireMembership(userId);
    if (!can(access, permission)) {
      throw forbidden(`Your role (${ROLE_LABELS[access.role]}) does not allow this.`);
    }
    return handler({ req, params: storableParams(params), access });
  });
}

/** Signed-in user, no organisation needed (accepting an invitation, switching organisation). */
export function userRoute(handler: (ctx: UserContext) => Promise<Result>) {
  return wrap(async (req, params) => {
    const userId = await requireUser(req);
    return handler({ req, params: storableParams(params), userId });
  });
}

/** Anonymous endpoints (health, sign-up). Still one error path; rate limits inside the handler. */
export function publicRoute(handler: (ctx: BaseContext) => Promise<Result>) {
  return wrap(async (req, params) => handler({ req, params: storableParams(params) }), {
    checkOrigin: false,
  });
}

export async function requireMembership(userId: string): Promise<Access> {
  const result = await resolveAccess(userId);
  switch (result.kind) {
    case "member":
      return result.access;
    case "unknown-user":
      throw unauthorized();
    case "deactivated":
      throw forbidden(`Your access to ${result.orgName} has been deactivated. Ask an admin.`);
    case "no-organization":
      throw new AppError("FORBIDDEN", "You are not a member of any organisation yet.");
  }
}

/**
 * A path segment with a NUL character or broken Unicode names no record (the database could not
 * even compare it): 404 once the caller is authenticated, before any query, like an unknown id.
 */
function storableParams(params: Params): Params {
  for (const value of Object.values(params)) {
    const parts = Array.isArray(value) ? value : [value ?? ""];
    if (parts.some((part) => unstorableText(part))) throw notFound();
  }
  return params;
}

async function requireUser(req: Request): Promise<string> {
  const userId = await readSessionUserId(req.headers);
  if (!userId) throw unauthorized();
  return userId;
}

function wrap(
  run: (req: Request, params: Params) => Promise<Result>,
  { checkOrigin = true }: { checkOrigin?: boolean } = {},
) {
  return async (req: Request, segment?: Segment): Promise<Response> => {
    try {
      if (checkOrigin) assertSameOrigin(req);
      const params = (await segment?.params) ?? {};
      const result = await run(req, params);
      if (result instanceof Response) return result;
      return Response.json(result ?? { ok: true });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Public API bodies are small JSON documents. */
export const API_BODY_LIMIT_BYTES = 16 * 1024;

/** Browsers may call the public API from any site: it authenticates by key, never by cookie. */
export const API_CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "Retry-After, Idempotent-Replayed",
};

/**
 * Public API routes, authenticated by an organisation API key (`Authorization: Bearer …` or
 * `X-Api-Key`; publishable keys also as `?key=` for the browser snippet). Missing, unknown or
 * revoked key → 401; a key without one of `scopes` → 403; per-key rate limit → 429; bodies are
 * buffered with a cap counted on the stream (413). No session and no same-origin check: an API key
 * is an explicit credential, so cross-site requests cannot ride on it. The handler's `req` carries
 * the already-read (bounded) body.
 */
export function apiKeyRoute(
  scopes: ApiScope | readonly ApiScope[],
  handler: (ctx: ApiKeyContext) => Promise<Result>,
  { maxBodyBytes = API_BODY_LIMIT_BYTES }: { maxBodyBytes?: number } = {},
) {
  const allowed: readonly ApiScope[] = typeof scopes === "string" ? [scopes] : scopes;
  return async (req: Request, segment?: Segment): Promise<Response> => {
    let response: Response;
    try {
      const params = (await segment?.params) ?? {};
      const apiKey = await requireApiKey(req);
      if (!apiKey.scopes.some((scope) => allowed.includes(scope))) {
        throw forbidden(
          `This API key is not allowed to do this (it needs ${allowed.join(" or ")}).`,
        );
      }
      await enforceRateLimit(
        { key: `api:key:${apiKey.id}`, limit: env().API_RATE_LIMIT_PER_MINUTE, windowSeconds: 60 },
        "requests with this API key",
      );
      const bounded = await withBoundedBody(req, maxBodyBytes);
      const result = await handler({ req: bounded, params: storableParams(params), apiKey });
      response = result instanceof Response ? result : Response.json(result ?? { ok: true });
    } catch (error) {
      response = errorResponse(error);
      if (response.status === 401) {
        response.headers.set("WWW-Authenticate", 'Bearer realm="chorus", error="invalid_token"');
      }
    }
    for (const [name, value] of Object.entries(API_CORS_HEADERS)) response.headers.set(name, value);
    response.headers.set("Cache-Control", "no-store");
    return response;
  };
}

function presentedKey(req: Request): string | null {
  const authorization = req.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) {
      throw unauthorized('Send the API key as "Authorization: Bearer <key>".');
    }
    return match[1]!;
  }
  const header = req.headers.get("x-api-key")?.trim();
  if (header) return header;
  const query = new URL(req.url).searchParams.get("key")?.trim();
  if (query) {
    if (kindOfKey(query) !== "publishable") {
      throw unauthorized(
        "Only publishable keys (chorus_pk_…) may be sent in the URL. Send secret keys in the Authorization header.",
      );
    }
    return query;
  }
  return null;
}

async function requireApiKey(req: Request): Promise<ApiKeyPrincipal> {
  const key = presentedKey(req);
  if (!key) {
    throw unauthorized(
      'An API key is required: send it as "Authorization: Bearer <key>". Admins create keys in Settings → API keys.',
    );
  }
  const check = await authenticateApiKey(key);
  if (check.ok) return check.apiKey;
  throw unauthorized(
    check.reason === "revoked"
      ? "This API key has been revoked. Ask an admin for a new one."
      : "This API key is not valid. Check that you copied all of it.",
  );
}

async function withBoundedBody(req: Request, maxBytes: number): Promise<Request> {
  if (!req.body) return req;
  const body = await readBoundedBody(req, maxBytes);
  return new Request(req.url, { method: req.method, headers: req.headers, body });
}
