import { NextRequest } from "next/server";
import { safeCallbackUrl } from "@/lib/core/http/safe-callback-url";

type AuthHandler = (req: NextRequest) => Promise<Response>;

const CALLBACK_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"];

/** Auth.js's own test: a callback URL it cannot resolve to http(s) stops it with a 500. */
function isHttpUrl(value: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

/**
 * Auth.js treats a `callbackUrl` it cannot parse (query parameter or callback cookie) as a server
 * misconfiguration and answers 500. Such a value can only come from the client, so it is replaced
 * by a safe same-site path (query) or dropped (cookie) before Auth.js sees the request.
 */
export function withSafeCallbackUrl(req: NextRequest): NextRequest {
  const url = new URL(req.url);
  let changed = false;
  const callbacks = url.searchParams.getAll("callbackUrl");
  if (callbacks.some((value) => !isHttpUrl(value, url.origin))) {
    url.searchParams.delete("callbackUrl");
    url.searchParams.set("callbackUrl", safeCallbackUrl(callbacks.at(-1)));
    changed = true;
  }
  const headers = new Headers(req.headers);
  const cookie = headers.get("cookie");
  if (cookie) {
    const kept = cookie.split(/;\s*/).filter((pair) => {
      const at = pair.indexOf("=");
      const name = at < 0 ? pair : pair.slice(0, at);
      if (!CALLBACK_COOKIES.includes(name)) return true;
      let value = pair.slice(at + 1);
      try {
        value = decodeURIComponent(value);
      } catch {
        return false;
      }
      return isHttpUrl(value, url.origin);
    });
    if (kept.length !== cookie.split(/;\s*/).length) {
      headers.set("cookie", kept.join("; "));
      changed = true;
    }
  }
  if (!changed) return req;
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers };
  if (req.body) {
    init.body = req.body;
    init.duplex = "half"; // Node's fetch requires this for a streamed body.
  }
  return new NextRequest(new Request(url, init));
}

/**
 * Auth.js answers protocol errors (unknown action, missing CSRF token) with an empty or plain-text
 * 400. Our clients read `{ error: { message } }`: such answers get that shape, status kept.
 */
export async function readableAuthError(res: Response): Promise<Response> {
  if (res.status < 400 || res.status >= 500) return res;
  const type = res.headers.get("content-type") ?? "";
  if (type.includes("application/json")) {
    const body = (await res
      .clone()
      .json()
      .catch(() => null)) as {
      error?: { message?: unknown };
    } | null;
    if (typeof body?.error?.message === "string" && body.error.message.trim()) return res;
  }
  const headers = new Headers(res.headers);
  headers.delete("content-type");
  headers.delete("content-length");
  return Response.json(
    {
      error: {
        code: res.status === 403 ? "FORBIDDEN" : "BAD_REQUEST",
        message: "This sign-in request is not valid. Go back to the sign-in page and try again.",
      },
    },
    { status: res.status, headers },
  );
}

/** Wraps an Auth.js route handler with both: safe callback URLs in, readable errors out. */
export function guardAuthHandler(handler: AuthHandler): AuthHandler {
  return async (req) => readableAuthError(await handler(withSafeCallbackUrl(req)));
}
