import { AppError, badRequest } from "@/lib/core/errors/app-error";
import { env } from "@/lib/core/env";
import net from "node:net";
import {
  type AllowList,
  isAllowedAddress,
  isAllowedHost,
  parseAllowList,
} from "@/lib/core/net/is-refused-address";
import { requestPinned } from "@/lib/core/net/request-pinned";
import {
  bareHostname,
  parseLinkUrl,
  resolveLinkTarget,
  resolveWithDns,
} from "@/lib/core/net/resolve-link-target";

/** A hostname or an IP address the allow-list names (plain http is accepted for these only). */
function allowListed(hostname: string, allowList: AllowList): boolean {
  return net.isIP(hostname)
    ? isAllowedAddress(hostname, allowList)
    : isAllowedHost(hostname, allowList);
}

const MAX_BYTES = 1024 * 1024;
const TIMEOUT_MS = 10_000;

/**
 * A `fetch` for identity providers (SAML metadata, OIDC discovery, token, JWKS and userinfo
 * endpoints), with the SSRF rules of link previews (lib/core/net): https only, private and local
 * addresses refused, the connection pinned to the checked address, no redirects, 1 MB at most.
 * Hosts in SSO_ALLOWED_HOSTS may be private and plain http (an intranet IdP, the tests' loopback IdP).
 * Failures are AppError("BAD_REQUEST") with a message an admin can act on.
 */
export async function ssoFetch(
  input: string | URL | Request,
  init?: RequestInit,
): Promise<Response> {
  const allowList = parseAllowList(env().SSO_ALLOWED_HOSTS);
  const request = input instanceof Request ? input : null;
  const url = parseLinkUrl(request ? request.url : String(input));
  if (url.protocol !== "https:" && !allowListed(bareHostname(url), allowList)) {
    throw badRequest(`The identity provider address must start with https:// (${url.origin}).`);
  }
  const method = (init?.method ?? request?.method ?? "GET").toUpperCase();
  if (method !== "GET" && method !== "POST") throw badRequest("Unsupported request method.");
  const headers: Record<string, string> = {};
  new Headers(init?.headers ?? request?.headers).forEach((value, name) => {
    headers[name] = value;
  });
  headers["user-agent"] = "ChorusSSO/1.0";
  let body: Buffer | undefined;
  const rawBody = init?.body ?? (request ? await request.arrayBuffer() : undefined);
  if (typeof rawBody === "string") body = Buffer.from(rawBody);
  else if (rawBody instanceof URLSearchParams) {
    body = Buffer.from(rawBody.toString());
    headers["content-type"] ??= "application/x-www-form-urlencoded;charset=UTF-8";
  } else if (rawBody instanceof ArrayBuffer) body = Buffer.from(rawBody);
  else if (rawBody instanceof Uint8Array) body = Buffer.from(rawBody);
  else if (rawBody != null) throw badRequest("Unsupported request body.");
  if (body) headers["content-length"] = String(body.length);

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const target = await resolveLinkTarget(url, {
      allowList,
      resolveHost: resolveWithDns,
      redirected: false,
    });
    const response = await requestPinned(url, target, {
      method,
      headers,
      body,
      signal: controller.signal,
      timeoutMs: TIMEOUT_MS,
      timeoutMessage: "The identity provider did not answer in time.",
    });
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of response) {
      total += (chunk as Buffer).length;
      if (total > MAX_BYTES) {
        response.destroy();
        throw badRequest("The identity provider's answer is larger than 1 MB.");
      }
      chunks.push(chunk as Buffer);
    }
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (typeof value === "string") responseHeaders.set(name, value);
      else if (Array.isArray(value)) for (const v of value) responseHeaders.append(name, v);
    }
    const status = response.statusCode ?? 502;
    return new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), {
      status,
      headers: responseHeaders,
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (controller.signal.aborted)
      throw badRequest("The identity provider did not answer in time.");
    if (error && typeof error === "object" && "code" in error) {
      throw badRequest(`The identity provider could not be reached (${String(error.code)}).`);
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
