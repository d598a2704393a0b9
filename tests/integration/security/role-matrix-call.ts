/** Loads a route handler of the inventory by file and calls it the way the security suites do. */
import path from "node:path";
import type { HttpMethod } from "@/tests/support/route-inventory";
import { callRoute, sessionCookie } from "../../support/http";
import type { Arranged } from "./role-matrix-arrange";

const APP = path.resolve(import.meta.dirname, "../../../app");

type Handler = Parameters<typeof callRoute>[0];

const octet = () => Math.floor(Math.random() * 254) + 1;

/** The exported method of app/<file> (imported as Next would). */
export async function loadHandler(file: string, method: HttpMethod): Promise<Handler> {
  const mod = (await import(path.join(APP, file))) as Record<string, unknown>;
  const handler = mod[method];
  if (typeof handler !== "function") throw new Error(`app/${file} exports no ${method}`);
  return handler as Handler;
}

/**
 * Calls `handler` with the arranged request, signed in as `userId` (null: anonymous). An
 * `x-extra-cookie` header is sent along with the session cookie (Auth.js's CSRF cookie).
 */
export async function send(
  handler: Handler,
  method: HttpMethod,
  arranged: Arranged,
  userId: string | null,
) {
  const { watchOrgId: _watch, headers = {}, ...options } = arranged;
  const { "x-extra-cookie": extra, ...rest } = headers;
  const cookies = [userId ? await sessionCookie(userId) : null, extra ?? null].filter(Boolean);
  // Each request from its own address: per-address rate limits (invitation acceptance…) shared
  // with other suites in the same database never decide a cell.
  rest["x-forwarded-for"] ??= `10.${octet()}.${octet()}.${octet()}`;
  return callRoute(handler, {
    ...options,
    method,
    path: options.path ?? `/api/role-matrix`,
    userId: null,
    headers: cookies.length ? { ...rest, cookie: cookies.join("; ") } : rest,
  });
}

/** A server action the way a form calls it: `(previousState, formData)`. */
export type ServerAction = (previous: unknown, form: FormData) => Promise<unknown>;

/** The exported server action `name` of app/<file>; actions taking no state get only the form. */
export async function loadAction(file: string, name: string): Promise<ServerAction> {
  const mod = (await import(path.join(APP, file))) as Record<string, unknown>;
  const action = mod[name];
  if (typeof action !== "function") throw new Error(`app/${file} exports no action ${name}`);
  const fn = action as (...args: unknown[]) => Promise<unknown>;
  // signOutAction() takes nothing, ssoSignInAction(formData) the form, formAction(state, form).
  if (fn.length === 0) return () => fn();
  if (fn.length === 1) return (_previous, form) => fn(form);
  return (previous, form) => fn(previous, form);
}
