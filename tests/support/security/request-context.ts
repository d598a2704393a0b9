/**
 * The request context server actions and pages read through `next/headers` (headers(), cookies()),
 * which only a running Next server provides. Suites that call actions or render pages replace the
 * module with this stand-in (not our code) and set the current request before each call:
 *
 *   vi.mock("next/headers", async () =>
 *     (await import("../../support/security/request-context")).nextHeadersStandIn(),
 *   );
 *   setRequest({ cookie: await sessionCookie(userId), ip: "10.1.2.3" });
 *   await someAction({ status: "idle" }, form);
 *   sessionCookieOf(requestContext) // what Auth.js left in the cookie jar
 */
import { TEST_ORIGIN } from "../http";

export interface SetCookie {
  value: string;
  options?: { maxAge?: number; expires?: Date | number | string };
}

export const requestContext = {
  headers: new Headers(),
  /** Cookies of the request, then what the action set (Auth.js's session cookie…). */
  cookies: new Map<string, SetCookie>(),
};

/** The next request: its cookie header (a session, or none) and its client address. */
export function setRequest({ cookie = "", ip }: { cookie?: string; ip: string }): void {
  requestContext.headers = new Headers({
    host: new URL(TEST_ORIGIN).host,
    origin: TEST_ORIGIN,
    "x-forwarded-for": ip,
    // Next sets it on every request it hands to server code (Auth.js picks its cookie names by it).
    "x-forwarded-proto": new URL(TEST_ORIGIN).protocol.replace(":", ""),
    "user-agent": "security-suite",
    ...(cookie ? { cookie } : {}),
  });
  requestContext.cookies.clear();
  for (const pair of cookie.split(/;\s*/)) {
    const at = pair.indexOf("=");
    if (at > 0) requestContext.cookies.set(pair.slice(0, at), { value: pair.slice(at + 1) });
  }
}

/** A cookie the action cleared (empty value, or expired). */
export function isCleared(cookie: SetCookie | undefined): boolean {
  if (!cookie) return false;
  const expires = cookie.options?.expires;
  return (
    cookie.value === "" ||
    cookie.options?.maxAge === 0 ||
    (expires !== undefined && new Date(expires).getTime() <= Date.now())
  );
}

/** The module that replaces `next/headers`. */
export function nextHeadersStandIn() {
  const jar = () => requestContext.cookies;
  return {
    headers: async () => requestContext.headers,
    cookies: async () => ({
      get: (name: string) => {
        const c = jar().get(name);
        return c ? { name, value: c.value } : undefined;
      },
      getAll: () => [...jar()].map(([name, c]) => ({ name, value: c.value })),
      has: (name: string) => jar().has(name),
      set: (
        name: string | { name: string; value: string },
        value?: string,
        options?: SetCookie["options"],
      ) => {
        if (typeof name === "string") jar().set(name, { value: value ?? "", options });
        else jar().set(name.name, { value: name.value, options: name as SetCookie["options"] });
      },
      delete: (name: string) => jar().set(name, { value: "", options: { maxAge: 0 } }),
    }),
    draftMode: async () => ({ isEnabled: false, enable() {}, disable() {} }),
  };
}

/** The digest of a Next redirect (`redirect()` throws it): its target, or null for anything else. */
export function redirectTarget(error: unknown): string | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest !== "string" || !digest.startsWith("NEXT_REDIRECT")) return null;
  // "NEXT_REDIRECT;<replace|push>;<url>;<status>;"
  return digest.split(";").slice(2, -2).join(";");
}

/** The status of Next's notFound()/forbidden() (`NEXT_HTTP_ERROR_FALLBACK;404`), or null. */
export function httpFallbackStatus(error: unknown): number | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest !== "string" || !digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;")) return null;
  return Number(digest.split(";")[1]);
}
