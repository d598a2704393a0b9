import { NextRequest } from "next/server";
import { errorResponse } from "@/lib/core/http/error-response";
import { readBoundedBody } from "@/lib/core/http/read-bounded-body";
import { safeCallbackUrl } from "@/lib/core/http/safe-callback-url";

type AuthHandler = (req: NextRequest) => Promise<Response>;

const CALLBACK_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"];

/** Auth.js's own test: a callback URL it cannot resolve to http(s) stops it with a 500. */
function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * The callback URL Auth.js may see: a path is kept only as a same-site path (`//evil.example` and
 * `/\evil.example` become "/"), an absolute http(s) URL is left to Auth.js's redirect callback
 * (which keeps only our own origin), anything else (`foo`, `javascript:…`, a number) becomes "/".
 */
function safeAuthCallback(value: unknown): string {
  if (typeof value !== "string") return "/";
  if (!value.startsWith("/") && isHttpUrl(value)) return value;
  return safeCallbackUrl(value);
}

/** Whether a callback value must be replaced before Auth.js sees it. */
function unsafe(value: unknown): boolean {
  return safeAuthCallback(value) !== value;
}

/** Auth.js's sign-in and sign-out forms are tiny; a bigger body is refused before it is read. */
const MAX_FORM_BYTES = 64 * 1024;

/**
 * A POST body's `callbackUrl` (form or JSON, the two bodies Auth.js reads), normalised like the
 * query's; null when the body has none to change. Auth.js takes the body's value before the
 * query's and checks neither: a value it cannot parse (`foo`, `http://[`, a number) was a 500.
 */
function safeBody(text: string, contentType: string): string | null {
  if (contentType.includes("application/x-www-form-urlencoded")) {
    const form = new URLSearchParams(text);
    const values = form.getAll("callbackUrl");
    if (!values.some(unsafe)) return null;
    form.delete("callbackUrl");
    form.set("callbackUrl", safeAuthCallback(values.at(-1)));
    return form.toString();
  }
  if (!contentType.includes("application/json")) return null;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null; // Auth.js refuses a body it cannot read by itself.
  }
  if (!body || typeof body !== "object" || Array.isArray(body) || !("callbackUrl" in body)) {
    return null;
  }
  const value = (body as { callbackUrl: unknown }).callbackUrl;
  if (!unsafe(value)) return null;
  return JSON.stringify({ ...body, callbackUrl: safeAuthCallback(value) });
}

/**
 * Auth.js treats a `callbackUrl` it cannot parse (query parameter, form body or callback cookie)
 * as a server misconfiguration (a 500, or its "Configuration" error page), and redirects to any
 * path it is given, `//evil.example` included. Such values can only come from the client, so they
 * are replaced by a safe same-site path (query, body) or dropped (cookie) before Auth.js sees the
 * request. An absolute URL stays Auth.js's redirect callback's decision (our origin only).
 */
export async function withSafeCallbackUrl(req: NextRequest): Promise<NextRequest> {
  const url = new URL(req.url);
  let changed = false;
  const callbacks = url.searchParams.getAll("callbackUrl");
  if (callbacks.some(unsafe)) {
    url.searchParams.delete("callbackUrl");
    url.searchParams.set("callbackUrl", safeAuthCallback(callbacks.at(-1)));
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
      return !unsafe(value);
    });
    if (kept.length !== cookie.split(/;\s*/).length) {
      headers.set("cookie", kept.join("; "));
      changed = true;
    }
  }
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers };
  const contentType = headers.get("content-type") ?? "";
  if (req.method === "POST" && req.body && /urlencoded|json/.test(contentType)) {
    const text = new TextDecoder().decode(await readBoundedBody(req, MAX_FORM_BYTES));
    const body = safeBody(text, contentType);
    // The body is read now: the request handed on carries it (normalised or as it was).
    init.body = body ?? text;
    headers.delete("content-length");
    changed = true;
  } else if (req.body) {
    init.body = req.body;
    init.duplex = "half"; // Node's fetch requires this for a streamed body.
  }
  if (!changed) return req;
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
  return async (req) => {
    let safe: NextRequest;
    try {
      safe = await withSafeCallbackUrl(req);
    } catch (error) {
      return errorResponse(error); // a body over the limit: 413
    }
    return readableAuthError(await handler(safe));
  };
}
