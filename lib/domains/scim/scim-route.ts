import { notFound, unauthorized } from "@/lib/core/errors/app-error";
import { readBoundedBody } from "@/lib/core/http/read-bounded-body";
import { unstorableText } from "@/lib/core/http/storable-text";
import { enforceRateLimit } from "@/lib/core/rate-limit/consume-rate-limit";
import { env } from "@/lib/core/env";
import {
  authenticateScimToken,
  type ScimPrincipal,
} from "@/lib/domains/scim/authenticate-scim-token";
import { scimBadRequest, scimErrorResponse, scimJson } from "@/lib/domains/scim/scim-error";

type Params = Record<string, string | string[] | undefined>;
type Segment = { params: Promise<Params> };

export interface ScimContext {
  req: Request;
  params: Record<string, string>;
  /** The calling token: everything the handler does is scoped by `scim.orgId`. */
  scim: ScimPrincipal;
  /** The JSON body (already bounded and parsed); undefined without one. */
  body: unknown;
}

/** SCIM bodies: a user, a group with its members (Entra sends up to 10,000 members per patch). */
export const SCIM_BODY_LIMIT_BYTES = 512 * 1024;

/**
 * SCIM 2.0 routes (RFC 7644), authenticated by an organisation's SCIM bearer token only: a session
 * cookie is never read, so a signed-in browser cannot reach them, and no same-origin check is
 * needed. Missing, unknown or revoked token → 401; per-token rate limit → 429; every error in the
 * SCIM error schema, mapped in one place (scimErrorResponse). Results are sent as
 * application/scim+json.
 */
export function scimRoute(handler: (ctx: ScimContext) => Promise<Response | object>) {
  return async (req: Request, segment?: Segment): Promise<Response> => {
    let response: Response;
    try {
      const raw = (await segment?.params) ?? {};
      const scim = await requireScimToken(req);
      await enforceRateLimit(
        {
          key: `scim:token:${scim.tokenId}`,
          limit: env().API_RATE_LIMIT_PER_MINUTE,
          windowSeconds: 60,
        },
        "requests with this SCIM token",
      );
      const params: Record<string, string> = {};
      for (const [name, value] of Object.entries(raw)) {
        const text = Array.isArray(value) ? value.join("/") : (value ?? "");
        if (unstorableText(text)) throw notFound("That resource");
        params[name] = text;
      }
      const body = await readJsonBody(req);
      const result = await handler({ req, params, scim, body });
      response = result instanceof Response ? result : scimJson(result);
    } catch (error) {
      response = scimErrorResponse(error);
    }
    response.headers.set("Cache-Control", "no-store");
    return response;
  };
}

async function requireScimToken(req: Request): Promise<ScimPrincipal> {
  const authorization = req.headers.get("authorization");
  const match = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  if (!match) {
    throw unauthorized(
      'A SCIM token is required: send it as "Authorization: Bearer <token>". Admins create tokens in Integrations → Provisioning (SCIM).',
    );
  }
  const principal = await authenticateScimToken(match[1]!);
  if (!principal) {
    throw unauthorized(
      "This SCIM token is not valid or has been revoked. Ask an admin for a new one.",
    );
  }
  return principal;
}

async function readJsonBody(req: Request): Promise<unknown> {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "DELETE" || !req.body) {
    return undefined;
  }
  const bytes = await readBoundedBody(req, SCIM_BODY_LIMIT_BYTES);
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (!text.trim()) throw scimBadRequest("invalidSyntax", "The request needs a JSON body.");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw scimBadRequest("invalidSyntax", "The request body is not valid JSON.");
  }
}
