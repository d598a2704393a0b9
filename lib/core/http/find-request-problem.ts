/**
 * What is wrong with a request's line or Host header before anything routes it, or null.
 *
 * Next.js decodes path segments while routing; a segment that is not valid percent-encoded UTF-8
 * (`/%C3%28`, a truncated `/%E2%82`, a lone `/%`, an overlong `/%C0%AF`, an encoded surrogate)
 * made it answer 500, and an encoded NUL reached PostgreSQL. None of these can name anything in
 * Chorus, so the app server (scripts/server.ts) refuses them with a 400 first. So too a Host
 * header that is not a host (Next builds URLs from it), a target that is not a path (`OPTIONS *`
 * was a 500), and methods Next cannot serve: TRACE was a 500, and a page rendered for any method
 * (DELETE /feed answered 200).
 */
import { originFormTarget } from "@/lib/core/http/origin-form-target";

export interface RequestProblem {
  status: 400 | 405;
  /** A few words for the log. */
  reason: string;
  /** The methods to name in a 405's Allow header. */
  allow?: string;
}

export interface RequestLine {
  method: string;
  /** The request target as sent (Node's `req.url`): origin-form, or absolute-form from a proxy. */
  url: string;
  /** Every Host header the request carried (`req.headersDistinct.host`). */
  hosts: readonly string[] | undefined;
  /** HTTP/1.1 requires a Host header; HTTP/1.0 health checks often send none. */
  httpVersion: string;
}

/** `%` not followed by two hexadecimal digits. */
const BROKEN_ESCAPE = /%(?![0-9A-Fa-f]{2})/;
/** Control characters (C0 and DEL), which no path of the app contains. */
const CONTROL = /[\u0000-\u001f\u007f]/;
/** reg-name (RFC 3986 unreserved characters), IPv4 or an IP literal, then an optional port. */
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~-]+)(?::(\d{1,5}))?$/;
/** What route handlers may serve (Next answers OPTIONS itself and 405 to the others). */
const ROUTE_METHODS = "GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE";
/** Pages answer GET and HEAD, and POST for server actions. */
const PAGE_METHODS = "GET, HEAD, POST";

/** Why this request must not reach Next, with the status to answer, or null. */
export function findRequestProblem({
  method,
  url,
  hosts,
  httpVersion,
}: RequestLine): RequestProblem | null {
  const hostProblem = findHostProblem(hosts, httpVersion);
  if (hostProblem) return { status: 400, reason: hostProblem };
  const target = originFormTarget(url);
  if (!target) return { status: 400, reason: "a request target that is neither a path nor a URL" };
  const end = target.search(/[?#]/);
  const path = end >= 0 ? target.slice(0, end) : target;
  const pathProblem = findPathProblem(path);
  if (pathProblem) return { status: 400, reason: pathProblem };
  // Route handlers live under /api/ and /scim/v2/ (SCIM clients PUT, PATCH and DELETE).
  const api = path.startsWith("/api/") || path.startsWith("/scim/");
  const allow = api ? ROUTE_METHODS : PAGE_METHODS;
  if (!allow.split(", ").includes(method)) {
    return { status: 405, reason: `a method ${api ? "no route" : "no page"} serves`, allow };
  }
  return null;
}

function findPathProblem(path: string): string | null {
  if (!path.includes("%")) return CONTROL.test(path) ? "a control character in the path" : null;
  for (const segment of path.split("/")) {
    if (!segment.includes("%")) continue;
    if (BROKEN_ESCAPE.test(segment)) return "a percent sign not followed by two hex digits";
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return "a percent-encoded path segment that is not valid UTF-8";
    }
    if (CONTROL.test(decoded)) return "an encoded control character in the path";
  }
  return null;
}

function findHostProblem(hosts: readonly string[] | undefined, httpVersion: string): string | null {
  if (!hosts?.length) return httpVersion === "1.0" ? null : "no Host header";
  if (hosts.length > 1) return "more than one Host header";
  const match = HOST.exec(hosts[0]!);
  if (!match) return "a Host header that is not a host name";
  if (match[1] !== undefined && Number(match[1]) > 65535) return "a Host header with a bad port";
  return null;
}
