import { AppError, forbidden, unauthorized } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/http/error-response";
import { can, ROLE_LABELS, type Permission } from "@/lib/access/permissions";
import { resolveAccess, type Access } from "@/lib/access/resolve-access";
import { readSessionUserId } from "@/lib/auth/session-user";
import { assertSameOrigin } from "@/lib/access/same-origin";

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
    if (!can(access.role, permission)) {
      throw forbidden(`Your role (${ROLE_LABELS[access.role]}) does not allow this.`);
    }
    return handler({ req, params, access });
  });
}

/** Signed-in user, no organisation needed (accepting an invitation, switching organisation). */
export function userRoute(handler: (ctx: UserContext) => Promise<Result>) {
  return wrap(async (req, params) => handler({ req, params, userId: await requireUser(req) }));
}

/** Anonymous endpoints (health, sign-up). Still one error path; rate limits inside the handler. */
export function publicRoute(handler: (ctx: BaseContext) => Promise<Result>) {
  return wrap(async (req, params) => handler({ req, params }), { checkOrigin: false });
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
